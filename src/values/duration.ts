/**
 * A tolerant parser for cookie lifetimes as people write them: `2 years`, `Session`, `1 year 24 days`,
 * `30 seconds till 1 year`, `13 months by default, modifiable`, `Session (1 day)`, `10 Nov 2030`, `Seesion`.
 * Months are 30 days and years 365 days (as CookieBlock counts them), so `13 months` is 390 days, not 396.
 */
import {monthPattern} from '../text.js'

export type DurationKind =
  /** A lifetime: `2 years`, `1 year 24 days`. */
  | 'duration'
  /** Deleted when the browser closes. */
  | 'session'
  /** Several possible lifetimes: `30 seconds till 1 year`, `Session to 30 days`, `x or y`. */
  | 'range'
  /** A number without a unit: `365`. */
  | 'bare'
  /** A word that names no lifetime: `Persistent`, `forever`, `Unknown`, `Varies`. */
  | 'qualitative'
  /** An expiry date: `10 Nov 2030`. */
  | 'date'
  /** Nothing recognisable. */
  | 'unparsable'

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'

export interface Term {
  value: number
  unit: Unit
  /** The unit as written (`Days`, `mins`, `y`). */
  written: string
  /** Where the term is in the text. */
  index: number
  length: number
}

export interface Duration {
  kind: DurationKind
  /** Shortest lifetime in seconds (0 for a session). */
  min?: number
  /** Longest lifetime in seconds (0 for a session). */
  max?: number
  terms: Term[]
  /** The text mentions a browser session. */
  session: boolean
  /** For `qualitative`: the word, lower-cased (`persistent`, `forever`, `unknown` …), and what it says. */
  word?: string
  meaning?: Meaning
  /** For `bare`: the number. */
  number?: number
  /** For `date`. */
  date?: Date
  /** A misspelling the parser read through, with its correction (`Seesion` → `Session`, `2 year` → `2 years`). */
  typo?: {written: string; expected: string}
  /** Qualifiers: refreshed on activity, configurable, approximate. */
  refresh: boolean
  configurable: boolean
}

/** The units, shortest first. */
export const units: readonly Unit[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year']

export const unitSeconds: Record<Unit, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 7 * 86_400,
  month: 30 * 86_400,
  year: 365 * 86_400
}

/** How each unit is written, as regular-expression alternatives: the one list of unit spellings. */
const spellings: Array<[Unit, string[]]> = [
  ['second', ['seconds?', 'secs?', 's']],
  ['minute', ['minutes?', 'minuts?', 'mins?', 'm']],
  ['hour', ['hours?', 'hrs?', 'h']],
  ['day', ['days?', 'dys?', 'd']],
  ['week', ['weeks?', 'wks?', 'w']],
  ['month', ['months?', 'monts?', 'mths?', 'mos?']],
  ['year', ['years?', 'yrs?', 'yeras?', 'y']]
]

const unitWords: Array<[RegExp, Unit]> = spellings.map(([unit, written]) => [new RegExp(`^(${written.join('|')})$`), unit])

/** Unit spellings the parser reads through but a reader should not see. */
const misspeltUnits: {[written: string]: string} = {
  minut: 'minute',
  minuts: 'minutes',
  mont: 'month',
  monts: 'months',
  yera: 'year',
  yeras: 'years',
  dy: 'day',
  dys: 'days'
}

const numberWords: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  eighteen: 18,
  twenty: 20,
  'twenty-four': 24,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  hundred: 100
}

/**
 * The same vocabulary for finding a lifetime inside a sentence (`expires after 2 years`): written-out units and
 * amounts only, since a bare letter (`2 s`) or `a` is too loose in prose.
 */
export const proseUnits = spellings.flatMap(([, written]) => written.filter((word) => word.length > 1)).join('|')
const unitPattern = `${proseUnits}|[${spellings.flatMap(([, written]) => written.filter((word) => word.length === 1)).join('')}]`
export const proseAmounts = `\\d+(?:[.,]\\d+)?|${Object.keys(numberWords)
  .filter((word) => word.length > 2)
  .sort((a, b) => b.length - a.length)
  .join('|')}`

const termPattern = new RegExp(
  `(\\d+(?:[.,]\\d+)?|${Object.keys(numberWords)
    .sort((a, b) => b.length - a.length)
    .join('|')})[\\s-]*(${unitPattern})(?![a-z])`,
  'gi'
)
const sessionPattern =
  /\b(?:browser[- ]?)?(?:sess?ions?|seesions?|sesions?|sessoins?)\b(?:[- ]cookies?)?|\b(?:when|until|once)\b[^.]{0,30}\bbrowser\b[^.]{0,20}\b(?:clos\w*|quit\w*|exit\w*|end\w*)|\b(?:when|until|once) (?:the )?(?:user|you) (?:clos|quit|exit)\w* (?:your |the |their )?browser\b|\bclos\w* (?:your|the) browser\b|\bend of (?:the )?(?:browsing )?(?:visit|browser session)\b/gi
/** What a word that names no lifetime says, with the words that say it. */
export type Meaning =
  /** The cookie outlives the session, for no one knows how long. */
  | 'persistent'
  /** It never expires. */
  | 'unlimited'
  /** No one knows. */
  | 'unknown'
  /** It ends with an event (`Deleted when the sign-in completes`, `until you log out`): a lifetime a reader understands. */
  | 'event'
const qualitativeWords: Array<[Meaning, string]> = [
  ['persistent', 'persistent|persistant|permanent'],
  ['unlimited', 'forever|unlimited|indefinite(?:ly)?|no expiration|never expires?|does not expire'],
  ['unknown', 'varies|various|variable|unknown|undefined|n\\/a'],
  ['event', 'immediately|deleted when|until (?:you|the user) (?:log ?out|sign ?out|clear)']
]
const qualitativePattern = new RegExp(`\\b(${qualitativeWords.map(([, words]) => words).join('|')})\\b`, 'i')
const datePattern = new RegExp(
  `\\b(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)? (?:${monthPattern}),? \\d{4}|(?:${monthPattern}) \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})\\b`,
  'i'
)
const rangeConnector = /^\s*(?:-|–|—|to|till|until|up to)\s*$/i
const alternativeConnector = /\b(or|otherwise|depending|if|unless|else)\b/i

export function parseDuration(raw: string): Duration {
  const text = raw
    .normalize('NFKC')
    .replace(/^['"\s]+|['"\s]+$/g, '')
    .replace(/\s+/g, ' ')
  const result: Duration = {kind: 'unparsable', terms: [], session: false, refresh: false, configurable: false}
  if (text === '') return result
  result.refresh = /after (?:the )?last (?:activity|visit|update)|from (?:set|last)|refresh|renew|extended|reset/i.test(text)
  result.configurable = /by default|modifiable|can be changed|configurable|custom/i.test(text)

  if (/^\d+(?:[.,]\d+)?$/.test(text)) {
    result.kind = 'bare'
    result.number = Number(text.replace(',', '.'))
    return result
  }

  const date = datePattern.exec(text)
  for (const match of text.matchAll(termPattern)) {
    const unit = unitOf(match[2])
    if (!unit) continue
    const number = /^\d/.test(match[1]) ? Number(match[1].replace(',', '.')) : numberWords[match[1].toLowerCase()]
    // A single letter unit needs the number next to it (`30m`, `1y`), not a word such as `a m`.
    if (match[2].length === 1 && !/^\d/.test(match[1])) continue
    result.terms.push({value: number, unit, written: match[2], index: match.index, length: match[0].length})
  }
  if (date && result.terms.length === 0) {
    const parsed = new Date(date[1].replace(/(\d)(st|nd|rd|th)/, '$1'))
    if (!Number.isNaN(parsed.getTime())) {
      result.kind = 'date'
      result.date = parsed
      return result
    }
  }
  const sessions = [...text.matchAll(sessionPattern)]
  result.session = sessions.length > 0
  const misspelled = sessions.find((match) => /seesion|sesion|sessoin/i.test(match[0]))
  if (misspelled) result.typo = {written: misspelled[0], expected: 'Session'}
  const qualitative = qualitativePattern.exec(text)

  if (result.terms.length === 0) {
    if (result.session) {
      result.kind = 'session'
      result.min = result.max = 0
    } else if (qualitative) {
      result.kind = 'qualitative'
      result.word = qualitative[1].toLowerCase()
      result.meaning = qualitativeWords.find(([, words]) => new RegExp(`^(?:${words})$`).test(result.word!))![0]
    }
    return result
  }

  // Group the terms: adjacent terms in falling unit order add up (`1 year 24 days`); otherwise they are alternatives.
  const groups: Term[][] = []
  let alternatives = false
  for (const [index, term] of result.terms.entries()) {
    const previous = result.terms[index - 1]
    if (previous) {
      const between = text.slice(previous.index + previous.length, term.index)
      const adds = /^\s*(?:,|and|,? and)?\s*$/i.test(between) && unitSeconds[term.unit] < unitSeconds[previous.unit]
      if (adds) {
        groups[groups.length - 1].push(term)
        continue
      }
      if (!rangeConnector.test(between)) alternatives = true
    }
    groups.push([term])
  }
  const lengths = groups.map((group) => group.reduce((sum, term) => sum + term.value * unitSeconds[term.unit], 0))
  result.min = Math.min(...lengths)
  result.max = Math.max(...lengths)
  const ranged = groups.length > 1 || alternativeConnector.test(text) || /\b(?:to|till|until)\b/i.test(text)
  if (result.session) {
    // `Session to 30 days`, `14 days if … Otherwise, Session`: a range. `Session (1 day)`: a contradiction, kept as a duration.
    if (ranged || alternatives) {
      result.kind = 'range'
      result.min = 0
    } else {
      result.kind = 'duration'
    }
  } else {
    result.kind = groups.length > 1 ? 'range' : 'duration'
  }
  // `30 minuts`, `2 yeras`: read through, and said.
  const misspelt = result.terms.find((term) => misspeltUnits[term.written.toLowerCase()])
  if (!result.typo && misspelt) {
    const expected = misspeltUnits[misspelt.written.toLowerCase()]
    result.typo = {written: misspelt.written, expected: /^[A-Z]/.test(misspelt.written) ? expected[0].toUpperCase() + expected.slice(1) : expected}
  }
  const singular = result.terms.find((term) => term.value !== 1 && term.written.toLowerCase() === term.unit)
  const plural = result.terms.find((term) => term.value === 1 && term.written.toLowerCase() === term.unit + 's')
  if (!result.typo && singular) result.typo = {written: `${singular.value} ${singular.written}`, expected: `${singular.value} ${singular.written}s`}
  else if (!result.typo && plural) result.typo = {written: `1 ${plural.written}`, expected: `1 ${plural.written.slice(0, -1)}`}
  return result
}

/** `value` units in seconds: `secondsOf(2, 'year')`. */
export function secondsOf(value: number, unit: Unit): number {
  return value * unitSeconds[unit]
}

/** `2 years`, `1 day`: an amount of a unit in words. */
export function amountOf(value: number, unit: Unit): string {
  return `${value} ${unit}${value === 1 ? '' : 's'}`
}

/** The unit a word names, as the parser reads it (`Days`, `mins`, `y`, `minuts`); nothing for other words. */
export function unitOf(written: string): Unit | undefined {
  const lower = written.toLowerCase()
  for (const [pattern, unit] of unitWords) if (pattern.test(lower)) return unit
  return undefined
}

export type UnitCase = 'upper-case' | 'capitalised' | 'lower-case'

/** How a unit is written: `DAYS`, `Days`, `days`. */
export function unitCaseOf(written: string): UnitCase {
  return /^[A-Z]{2,}$/.test(written) ? 'upper-case' : /^[A-Z]/.test(written) ? 'capitalised' : 'lower-case'
}

/** `text` with every written-out unit after a number (`90 Days`, `2 yrs`) in one case. */
export function recaseUnits(text: string, style: UnitCase): string {
  return text.replace(/(\d+(?:[.,]\d+)?)(\s*)([A-Za-z]{2,})\b/g, (whole, number: string, space: string, unit: string) => {
    if (!unitOf(unit)) return whole
    const lower = unit.toLowerCase()
    const word = style === 'upper-case' ? unit.toUpperCase() : style === 'capitalised' ? lower[0].toUpperCase() + lower.slice(1) : lower
    return number + space + word
  })
}

/**
 * The unit case most of the values' written-out units are in (`days` against one `Days`), the first value that writes
 * one in another case with that term and its case, and how many other values do: nothing when all agree or no case leads.
 */
export function unitCaseOutliers<T extends {duration: Duration}>(
  values: readonly T[]
): {majority: UnitCase; first: T; term: Term; termCase: UnitCase; others: number} | undefined {
  const counts = new Map<UnitCase, number>()
  for (const {duration} of values) {
    for (const term of duration.terms) {
      if (term.written.length < 2) continue
      counts.set(unitCaseOf(term.written), (counts.get(unitCaseOf(term.written)) ?? 0) + 1)
    }
  }
  if (counts.size < 2) return undefined
  const sorted = [...counts].sort((a, b) => b[1] - a[1])
  const [majority, majorityCount] = sorted[0]
  if (sorted[1][1] === majorityCount) return undefined
  const odd = values.filter(({duration}) => duration.terms.some((term) => term.written.length >= 2 && unitCaseOf(term.written) !== majority))
  const term = odd[0].duration.terms.find((term) => term.written.length >= 2 && unitCaseOf(term.written) !== majority)!
  return {majority, first: odd[0], term, termCase: unitCaseOf(term.written), others: odd.length - 1}
}

/** The seconds a limit such as `13 months` names: one lifetime, not a session, a range or words. */
export function limitSeconds(value: string): number | undefined {
  const parsed = parseDuration(value)
  return parsed.kind === 'duration' && !parsed.session && parsed.max ? parsed.max : undefined
}

/**
 * Browsers cap cookie lifetimes at 400 days (Chrome 104, August 2022, following RFC 6265bis:
 * https://developer.chrome.com/blog/cookie-max-age-expires), so a declared lifetime far beyond that (over five
 * years, more than four times the cap) cannot be what the site sets: an error, not a matter of policy.
 */
export const impossibleSeconds = 5 * unitSeconds.year

/** `text` with a typo the parser read through corrected, when it appears there once; nothing otherwise. */
export function correctTypo(text: string, typo: {written: string; expected: string}): string | undefined {
  const at = text.indexOf(typo.written)
  return at !== -1 && text.indexOf(typo.written, at + 1) === -1 ? text.replace(typo.written, typo.expected) : undefined
}

/** Whether the parser understood the value (anything but `unparsable`). */
export function understood(duration: Duration): boolean {
  return duration.kind !== 'unparsable'
}

/** A lifetime in words, for messages: `2 years`, `24 hours`, `30 minutes`. */
export function formatSeconds(seconds: number): string {
  if (seconds === 0) return 'the session'
  if (seconds >= unitSeconds.hour && seconds <= 2 * unitSeconds.day && seconds % unitSeconds.hour === 0) {
    return amountOf(seconds / unitSeconds.hour, 'hour')
  }
  for (const unit of [...units].reverse()) {
    const count = seconds / unitSeconds[unit]
    if (count >= 1 && Number.isInteger(Math.round(count * 10) / 10) && Math.abs(count - Math.round(count)) < 0.05) {
      return amountOf(Math.round(count), unit)
    }
  }
  const days = seconds / unitSeconds.day
  return days >= 1 ? `${Math.round(days)} days` : `${Math.round(seconds / 60)} minutes`
}
