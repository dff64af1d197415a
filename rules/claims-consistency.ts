/** Prose that contradicts the cookie tables: session cookies only against persistent lifetimes, `not personally identifiable` against cookies that identify a person. */
import {parseDuration} from '../src/model/duration.js'
import {cellRange, cookieTables, fieldCell} from '../src/model/tables.js'
import type {Range} from '../src/model/source.js'
import {isEnglish, prose} from '../src/model/words.js'
import {defineRule, noOptions, type NoOptions} from '../src/rule.js'

/** `We use session cookies`, `we only use session cookies`, `this site uses only session cookies`. */
const sessionClaim =
  /\b(?:we|this (?:site|website|service)|our (?:site|website|service))[ \t]+(?:only[ \t]+)?uses?[ \t]+(?:only[ \t]+)?session[ \t]+cookies\b/i
/** What makes such a sentence not a claim of session cookies only. */
const notExclusive = /\b(?:persistent|permanent|long[- ]lived|and (?:other|third|analytics|marketing|tracking)|as well as|unless|if you|when you (?:opt|choose|agree|consent)|opt[- ]in)\b/i
/** A document that talks about persistent cookies it sets makes no session-only claim. */
const persistentMentioned = /\bpersistent[ \t]+cookies?\b|\bpermanent[ \t]+cookies?\b/i

const day = 86_400

/** `not personally identifiable`, `do not store any personally identifiable information`. */
const anonymousClaim =
  /\b(?:(?:is|are)[ \t]+not[ \t]+personally[ \t]+identifiable|(?:do|does)[ \t]+not[ \t]+(?:store|contain|collect|hold)[ \t]+any[ \t]+personally[ \t]+identifiable[ \t]+information)\b/i
/** Cookie names that hold who a person is: an e-mail address, a user id, an access token. */
const identifyingName = /(?:^|[_.-])(?:user[_-]?e?mail|e?mail|user[_-]?id|userid|access[_-]?token|auth[_-]?token|username|user[_-]?name)(?:$|[_.-])/i

/** The first cookie in the tables whose name says it identifies a person. */
function identifyingCookie(tree: Parameters<typeof cookieTables>[0], source: string): {name: string; range: Range} | undefined {
  for (const table of cookieTables(tree, source)) {
    for (const row of table.rows) {
      const cell = fieldCell(table, row, 'name')
      const range = cell && cellRange(cell)
      if (!cell || !range) continue
      for (const line of cell.text.split('\n')) {
        const name = line.replace(/`/g, '').trim()
        if (identifyingName.test(name)) return {name, range}
      }
    }
  }
  return undefined
}

export default defineRule<NoOptions>({
  meta: {
    id: 'claims-consistency',
    description: 'Prose claims that the page\'s cookie tables contradict',
    rationale:
      'A cookie policy makes promises in its prose and lists the facts in its tables. When the prose says ' +
      '`We use session cookies`, which are deleted when the browser closes, while the table lists `_ga` with a ' +
      'lifetime of two years, the page misinforms the reader about what it stores, which is exactly what ' +
      'consent law asks it not to do. Likewise `These cookies do not store any personally identifiable ' +
      'information` over a table that lists `USER_EMAIL` or `user_id`. Each finding points at the claim and, as its cause, at the table cell ' +
      'that contradicts it. Claims are found by phrase and stay quiet when the sentence or the page also ' +
      'speaks of persistent cookies, negates the claim, or makes it conditional (`unless you opt in`).',
    recommended: 'warn',
    fix: 'none'
  },
  options: noOptions('claims-consistency'),
  examples: [
    {
      name: 'valid.md',
      input: 'We use session cookies and persistent cookies.\n\n| Name | Purpose | Duration |\n| --- | --- | --- |\n| `sid` | Sign-in | Session |\n| `prefs` | Preferences | 1 year |\n'
    },
    {
      name: 'invalid.md',
      input: 'We only use session cookies, which are deleted when you close your browser.\n\n| Name | Purpose | Duration |\n| --- | --- | --- |\n| `sid` | Sign-in | Session |\n| `prefs` | Preferences | 1 year |\n',
      messages: ['1:1-1:28: Unexpected claim of session cookies only, expected it to agree with the cookie table, which lists `prefs` for `1 year`']
    }
  ],
  check(tree, context) {
    if (!isEnglish(tree, context.file.basename)) return
    const evidence = longestPersistent(tree, context.source)
    const identifying = identifyingCookie(tree, context.source)
    if (!evidence && !identifying) return
    const blocks = new Map<object, Range>()
    for (const run of prose(tree, context.source).runs) {
      if (run.block === 'tableCell' || run.block === 'heading') continue
      const key = run.blockNode ?? run
      const range = blocks.get(key)
      if (range) range[1] = Math.max(range[1], run.end)
      else blocks.set(key, [run.start, run.end])
    }
    const texts = [...blocks.values()].map(([start, end]) => ({start, text: context.source.slice(start, end)}))
    if (identifying) {
      for (const {start, text} of texts) {
        for (const sentence of text.matchAll(/[^.!?]+[.!?]?/g)) {
          const claim = anonymousClaim.exec(sentence[0])
          if (!claim || /\b(?:unless|except|other than|apart from|if you|when you (?:sign|log))\b/i.test(sentence[0])) continue
          const at = start + sentence.index! + claim.index
          context.report({
            reason: `Unexpected claim that cookies do not identify you, expected it to agree with the cookie table, which lists \`${identifying.name}\``,
            range: [at, at + claim[0].length],
            cause: context.evidence(`\`${identifying.name}\` holds data that identifies a person`, identifying.range)
          })
        }
      }
    }
    if (!evidence || texts.some(({text}) => persistentMentioned.test(text))) return
    for (const {start, text} of texts) {
      for (const sentence of text.matchAll(/[^.!?]+[.!?]?/g)) {
        const claim = sessionClaim.exec(sentence[0])
        if (!claim || notExclusive.test(sentence[0])) continue
        const at = start + sentence.index! + claim.index
        context.report({
          reason: `Unexpected claim of session cookies only, expected it to agree with the cookie table, which lists \`${evidence.name}\` for \`${evidence.duration}\``,
          range: [at, at + claim[0].length],
          cause: context.evidence(`\`${evidence.name}\` lasts ${evidence.duration}`, evidence.range)
        })
      }
    }
  }
})

/** The cookie with the longest lifetime over a day in the cookie tables. */
function longestPersistent(tree: Parameters<typeof cookieTables>[0], source: string): {name: string; duration: string; seconds: number; range: Range} | undefined {
  let best: {name: string; duration: string; seconds: number; range: Range} | undefined
  for (const table of cookieTables(tree, source)) {
    for (const row of table.rows) {
      const cell = fieldCell(table, row, 'duration')
      const range = cell && cellRange(cell)
      if (!cell || !range) continue
      const duration = parseDuration(cell.text)
      let seconds = duration.max ?? 0
      if (duration.kind === 'bare') {
        // `729` under `Lifespan (Days)`: the header gives the unit.
        const header = table.columns[table.fieldColumns.get('duration')!]?.header ?? ''
        const unit = /\byears?\b/i.test(header) ? 365 * day : /\bmonths?\b/i.test(header) ? 30 * day : /\bdays?\b/i.test(header) ? day : 0
        seconds = (duration.number ?? 0) * unit
      } else if (duration.kind !== 'duration' && duration.kind !== 'range') continue
      if (seconds <= day || (best && best.seconds >= seconds)) continue
      const name = fieldCell(table, row, 'name')?.text.split('\n')[0].trim() ?? ''
      best = {name: name.replace(/`/g, ''), duration: duration.kind === 'bare' ? `${duration.number} ${seconds / (duration.number || 1) >= 365 * day ? 'years' : seconds / (duration.number || 1) >= 30 * day ? 'months' : 'days'}` : cell.text.replace(/\s+/g, ' ').trim(), seconds, range}
    }
  }
  return best
}
