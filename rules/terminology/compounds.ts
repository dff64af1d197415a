/** Compounds (`third-party`, `opt-out`, `log-in`): spelled as their role asks, in a document that spells them more than one way. */
import type {Run} from '../../src/model/words.js'
import type {ProseText} from '../../src/model/prose-text.js'
import type {RuleContext} from '../../src/rule.js'
import {determiners, modifiedNouns, type CompoundGroup, type Position} from '../../src/data/terminology.js'
import type {Options} from '../terminology.js'
import {matches, type Occurrence} from './matches.js'

interface Compound extends Occurrence {
  match: RegExpMatchArray
  position: Position | undefined
  form: 'joined' | 'open'
  /** Written as the group's own spelling of its form (not `3rd party`, `log-in`, `thirdparty`). */
  canonical: boolean
}

export function checkCompound(text: ProseText, group: CompoundGroup, context: RuleContext<Options>): void {
  const all: Compound[] = []
  for (const {run, start, end, written, match, at} of matches(text, group.regex)) {
    const before = wordBefore(run.text, at)
    const after = wordAfter(run, at + match[0].length, context.source)
    let position = /^parties$/i.test(match[3]) ? 'other' : group.position(before, after)
    // `the third-party, example.net domain`, `opt-in and opt-out forms`: one of several modifiers of a later noun.
    if (position === 'other' && !/^parties$/i.test(match[3]) && sharesNoun(run.text, at + match[0].length)) position = undefined
    const separator = match[2]
    const form = separator === ' ' || /\s/.test(separator) ? 'open' : 'joined'
    const canonical = match[1].toLowerCase() === group.first && separator === (form === 'open' ? ' ' : group.joiner)
    all.push({run, start, end, written, match, position, form, canonical})
  }
  // Grammar decides the spelling, but only where the document writes the compound more than one way.
  const spellings = new Set(all.map((item) => (item.canonical ? item.form : 'other')))
  if (spellings.size < 2) return
  for (const item of all) {
    if (!item.position) continue
    const wanted = group.grammar[item.position]
    if (item.form === wanted && item.canonical) continue
    const second = item.match[3].toLowerCase()
    const text = compoundCase(item.match, group.first, wanted === 'joined' ? group.joiner : ' ', second)
    if (text === item.written) continue
    const where = item.position === 'modifier' ? 'before a noun' : group.id === 'third-party' ? 'as a noun' : 'as a verb'
    const other = all.find((candidate) => candidate.form === wanted && candidate.canonical)
    context.report({
      reason: `Unexpected \`${item.written}\` ${where}, expected \`${text}\``,
      fix: {range: [item.start, item.end], text},
      cause: other ? context.evidence(`\`${other.written}\` is used here`, [other.start, other.end]) : undefined
    })
  }
}

/** Spell a compound with the case of each written part (`Third Party` -> `Third-Party`, `THIRD PARTY` -> `THIRD-PARTY`). */
function compoundCase(match: RegExpMatchArray, first: string, joiner: string, second: string): string {
  if (/[A-Z]/.test(match[0]) && match[0] === match[0].toUpperCase()) return (first + joiner + second).toUpperCase()
  const capital = (word: string, like: string) => (/^[A-Z]/.test(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word)
  const head = capital(first, /^\d/.test(match[1]) ? match[3] : match[1])
  return head + joiner + (joiner === '' ? second : capital(second, match[3]))
}

/** The lower-case word just before `index` in a run, with nothing but spaces between. */
function wordBefore(text: string, index: number): string | undefined {
  // Read backwards from `index`, within 80 characters: a regex anchored at the end would be tried at every start.
  const limit = Math.max(0, index - 80)
  let end = index
  while (end > limit && (text.charAt(end - 1) === ' ' || text.charAt(end - 1) === '\t')) end--
  if (end === index) return undefined
  let start = end
  while (start > limit) {
    // A letter outside the BMP is two code units; half of one (cut by the limit) is no letter.
    const pair = start - 2 >= limit && /[\ud800-\udbff][\udc00-\udfff]/.test(text.slice(start - 2, start))
    const character = pair ? text.slice(start - 2, start) : text.charAt(start - 1)
    if (!/^[\p{L}'’]$/u.test(character)) break
    start -= character.length
  }
  return start < end ? text.slice(start, end).toLowerCase() : undefined
}

/**
 * The lower-case word after `index` in a run; `undefined` when punctuation or the end of the block follows;
 * `''` when something else follows (a link, code, a number), which no position can be read from.
 */
function wordAfter(run: Run, index: number, source: string): string | undefined {
  const rest = run.text.slice(index)
  const word = /^[ \t]+(?:\n[ \t]*)?([\p{L}][\p{L}'’-]*)/u.exec(rest)
  if (word) return word[1].toLowerCase().replace(/-.*/, '')
  if (/^[ \t]*[.,;:!?)]/.test(rest)) return undefined
  if (/^[ \t]*\S/.test(rest)) return ''
  // The run ends here: look at the source after it (markup, then a line end, cell end or HTML tag).
  const after = source.slice(run.end, run.end + 40)
  if (/^[*_~`]*[ \t]*(?:$|\r?\n|\||<\/)/.test(after) || /^[*_~]*[.,;:!?)]/.test(after)) return undefined
  return ''
}

/**
 * Whether a compound followed by a comma (`third-party, example.net domain`) or by `and`/`or` and another
 * modifier (`third-party and first-party cookies`) shares the noun that comes after: it is then a modifier.
 * A determiner on the way (`a third-party, and its partners`) makes it a noun again.
 */
function sharesNoun(text: string, index: number): boolean {
  const rest = text.slice(index, index + 120)
  const joint = /^[ \t]*(?:,[ \t\n]*(?:(?:and|or)[ \t\n]+)?|[ \t\n]+(?:and|or|nor)[ \t\n]+)/i.exec(rest)
  if (!joint) return false
  const clause = rest.slice(joint[0].length).split(/[.;:!?()]/)[0]
  const words = [...clause.matchAll(/[\p{L}][\p{L}'’-]*/gu)].map((word) => word[0].toLowerCase()).slice(0, 4)
  if (words.length === 0) return false
  // After `and`/`or`, only another modifier (`first-party`, `own`) joins; anything else may be a second noun.
  if (!joint[0].includes(',') && !/-|^(?:first|own|1st|other)$/.test(words[0])) return false
  for (const word of words) {
    if (determiners.has(word)) return false
    if (modifiedNouns.has(word) || modifiedNouns.has(word.replace(/^.*-/, ''))) return true
  }
  return false
}
