/** What the checks of `terminology` share: occurrences of a pattern in the prose, and reporting the minority spelling. */
import type {ProseText} from '../../src/model/prose-text.js'
import type {Run} from '../../src/model/words.js'
import type {RuleContext} from '../../src/rule.js'
import type {Options} from '../terminology.js'

/** Spelling-insensitive key: lower case, hyphens and spaces dropped. */
export function normal(value: string): string {
  return value.toLowerCase().replace(/[\s-]+/g, '')
}

export interface Occurrence {
  run: Run
  start: number
  end: number
  written: string
}

/** An occurrence found by a pattern: the match, and where it starts in its run's text. */
export interface Match extends Occurrence {
  match: RegExpExecArray
  at: number
}

/**
 * Every match of a global `regex` in the prose, in document order. One scan of the joined text finds what a scan
 * of each run would (NUL stops a match as the end of a run does), without a copy of the pattern for every run.
 */
export function matches(prose: ProseText, regex: RegExp, proseOnly = false): Match[] {
  const found: Match[] = []
  const {runs, text, starts} = prose
  let index = 0
  regex.lastIndex = 0
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    // An empty match (a configured term of spaces) moves on one character, as `matchAll` does.
    if (match[0] === '') regex.lastIndex = advance(text, regex.lastIndex, regex.unicode)
    while (index + 1 < starts.length && starts[index + 1] <= match.index) index++
    const run = runs[index]
    // Link text and headings follow their own capitals (a title, a title-case heading).
    if (proseOnly && (run.inLink || run.block === 'heading')) continue
    const at = match.index - starts[index]
    const start = run.start + at
    found.push({run, start, end: start + match[0].length, written: match[0], match, at})
  }
  return found
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1
  const code = text.charCodeAt(index)
  const next = text.charCodeAt(index + 1)
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1
}

/**
 * Report every occurrence whose variant is not the document's majority (nothing on a tie), rewritten by `rewrite`
 * after an occurrence of the majority.
 */
export function reportMinority<T extends Occurrence & {variant: string}>(
  found: T[],
  rewrite: (item: T, example: T) => string,
  context: RuleContext<Options>
): void {
  const counts = new Map<string, number>()
  for (const item of found) counts.set(item.variant, (counts.get(item.variant) ?? 0) + 1)
  const ranked = [...counts].sort((a, b) => b[1] - a[1])
  if (ranked.length < 2 || ranked[0][1] === ranked[1][1]) return
  const [preferred, count] = ranked[0]
  const example = found.find((item) => item.variant === preferred)!
  for (const item of found) {
    if (item.variant === preferred) continue
    const text = rewrite(item, example)
    if (text === item.written) continue
    context.report({
      reason: `Unexpected \`${item.written}\`, expected \`${text}\` like the ${count} other use${count === 1 ? '' : 's'} in this document`,
      fix: {range: [item.start, item.end], text},
      cause: context.evidence(`\`${example.written}\` is used here`, [example.start, example.end])
    })
  }
}
