/** What the checks of `terminology` share: occurrences of a pattern in the prose, and reporting the minority spelling. */
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

export function* matches(runs: Run[], regex: RegExp, proseOnly = false): Generator<Occurrence & {match: RegExpMatchArray}> {
  for (const run of runs) {
    // Link text and headings follow their own capitals (a title, a title-case heading).
    if (proseOnly && (run.inLink || run.block === 'heading')) continue
    for (const match of run.text.matchAll(regex)) {
      const start = run.start + match.index!
      yield {run, start, end: start + match[0].length, written: match[0], match}
    }
  }
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
