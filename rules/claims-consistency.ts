/** Prose that contradicts the cookie tables: lifetimes, identifiability, third parties, unnamed providers, heading counts. */
import type {Heading, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {cookieRows, domainName, siteDomainSet, type CookieRow} from '../src/model/cookie-rows.js'
import {lookup, ownerWords, reference, vendorDomains} from '../src/data/known-cookies.js'
import {nodeRange, type Range} from '../src/model/source.js'
import {cookieTables} from '../src/model/cookie-shapes.js'
import {cellRange, fieldCell} from '../src/model/tables.js'
import {isEnglish, prose} from '../src/model/words.js'
import {defineRule, noOptions, type NoOptions, type RuleContext} from '../src/rule.js'
import {escapeRegExp} from '../src/text.js'

type Context = RuleContext<NoOptions>
/** A block of prose outside tables and headings, with where it starts in the source. */
type Block = {start: number; text: string}

/** `We use session cookies`, `we only use session cookies`, `this site uses only session cookies`. */
const sessionClaim =
  /\b(?:we|this (?:site|website|service)|our (?:site|website|service))[ \t]+(?:only[ \t]+)?uses?[ \t]+(?:only[ \t]+)?session[ \t]+cookies\b/i
/** What makes such a sentence not a claim of session cookies only. */
const notExclusive = /\b(?:persistent|permanent|long[- ]lived|and (?:other|third|analytics|marketing|tracking)|as well as|unless|if you|when you (?:opt|choose|agree|consent)|opt[- ]in)\b/i
/** A document that talks about persistent cookies it sets makes no session-only claim. */
const persistentMentioned = /\bpersistent[ \t]+cookies?\b|\bpermanent[ \t]+cookies?\b/i

/** `not personally identifiable`, `do not store any personally identifiable information`. */
const anonymousClaim =
  /\b(?:(?:is|are)[ \t]+not[ \t]+personally[ \t]+identifiable|(?:do|does)[ \t]+not[ \t]+(?:store|contain|collect|hold)[ \t]+any[ \t]+personally[ \t]+identifiable[ \t]+information)\b/i
/** Cookie names that hold who a person is: an e-mail address, a user id, an access token. */
const identifyingName = /(?:^|[_.-])(?:user[_-]?e?mail|e?mail|user[_-]?id|userid|access[_-]?token|auth[_-]?token|username|user[_-]?name)(?:$|[_.-])/i

const negation = String.raw`(?:do(?:es)?[ \t]+not|don['’]t|doesn['’]t|never|will[ \t]+not|won['’]t)`
const subject = String.raw`(?:we|this[ \t]+(?:site|website|service)|our[ \t]+(?:site|website|service)s?)`
/** `We do not use third-party cookies`, `No third-party cookies are set`. */
const noThirdPartyClaim = new RegExp(
  String.raw`\b${subject}[ \t]+${negation}[ \t]+(?:use|set|place|serve|allow)[ \t]+(?:any[ \t]+)?third[- ]party[ \t]+cookies\b` +
    String.raw`|\bno[ \t]+third[- ]party[ \t]+cookies[ \t]+(?:are|will[ \t]+be)[ \t]+(?:used|set|placed)\b`,
  'i'
)
/** `We do not share your personal data with third parties` (selling is another matter and not matched). */
const noSharingClaim = new RegExp(
  String.raw`\b${subject}[ \t]+${negation}[ \t]+(?:share|disclose|pass[ \t]+on)[ \t]+(?:any[ \t]+)?(?:of[ \t]+)?(?:your|this|the|such)?[ \t]*` +
    String.raw`(?:personal[ \t]+)?(?:data|information|details)[ \t]+with[ \t]+(?:any[ \t]+)?(?:other[ \t]+)?third[- ]parties\b`,
  'i'
)
/** What makes a third-party claim conditional or partial. */
const qualified = /\b(?:unless|except|other than|apart from|without|but|however|only|save|beyond|outside|for their|until|if you)\b/i
/** `We only use first-party cookies`, `All cookies on this site are first-party cookies`: no third-party cookie. */
const onlyFirstPartyClaim = new RegExp(
  String.raw`\b${subject}[ \t]+(?:only[ \t]+)?(?:use|set|place)s?[ \t]+(?:only[ \t]+)?first[- ]party[ \t]+cookies[ \t]+only\b` +
    String.raw`|\b${subject}[ \t]+only[ \t]+(?:use|set|place)s?[ \t]+first[- ]party[ \t]+cookies\b` +
    String.raw`|\b${subject}[ \t]+(?:use|set|place)s?[ \t]+only[ \t]+first[- ]party[ \t]+cookies\b` +
    String.raw`|\ball[ \t]+(?:of[ \t]+)?(?:the|our)[ \t]+cookies[ \t]+(?:we[ \t]+use[ \t]+)?are[ \t]+first[- ]party(?:[ \t]+cookies)?\b`,
  'i'
)
/** The same conditions, less `only`, which such a claim holds itself. */
const qualifiedOnly = /\b(?:unless|except|other than|apart from|without|but|however|save|beyond|outside|for their|until|if you)\b/i
/** `We do not use first-party cookies`, `No first-party cookies are set`. */
const noFirstPartyClaim = new RegExp(
  String.raw`\b${subject}[ \t]+${negation}[ \t]+(?:use|set|place)[ \t]+(?:any[ \t]+)?first[- ]party[ \t]+cookies\b` +
    String.raw`|\bno[ \t]+first[- ]party[ \t]+cookies[ \t]+(?:are|will[ \t]+be)[ \t]+(?:used|set|placed)\b`,
  'i'
)
/** `We do not use advertising cookies`, `No marketing cookies are set`. */
const noAdvertisingClaim = new RegExp(
  String.raw`\b${subject}[ \t]+${negation}[ \t]+(?:use|set|place|serve)[ \t]+(?:any[ \t]+)?(?:advertising|marketing|targeting)[ \t]+cookies\b` +
    String.raw`|\bno[ \t]+(?:advertising|marketing|targeting)[ \t]+cookies[ \t]+(?:are|will[ \t]+be)[ \t]+(?:used|set|placed)\b`,
  'i'
)
/** A category cell that names advertising, and not as what the cookie is not. */
const advertisingCategory = /\b(?:advertising|marketing|targeting|advertisement)\b/i

/** Words of an owner's name too generic to count as naming it (`Google Ads` is named by `Google`). */

export default defineRule<NoOptions>({
  meta: {
    id: 'claims-consistency',
    description: 'Prose claims that the page\'s cookie tables contradict',
    rationale:
      'A cookie policy makes promises in its prose and lists the facts in its tables. When the prose says ' +
      '`We use session cookies`, which are deleted when the browser closes, while the table lists `_ga` with a ' +
      'lifetime of two years, the page misinforms the reader about what it stores, which is exactly what ' +
      'consent law asks it not to do. Likewise `These cookies do not store any personally identifiable ' +
      'information` over a table that lists `USER_EMAIL` or `user_id`; `We do not use third-party cookies` or ' +
      '`We do not share your data with third parties` or `We only use first-party cookies` over a row marked ' +
      '`Third party` or set on a vendor\'s domain (`.doubleclick.net`, known even without `siteDomains`); `We do not ' +
      'use first-party cookies` over `_ga`; `We do not use advertising cookies` over a row in a marketing ' +
      'category or a known advertising cookie; a provider whose ' +
      'cookies are listed (a known cookie\'s owner, or a third-party domain) but whose name appears nowhere else ' +
      'on the page, when the reader must be told who receives their data; and a heading such as `Necessary (6)` ' +
      'over a table of four cookies. Each finding points at the claim and, as its cause, at the table cell ' +
      'that contradicts it. Claims are found by phrase and stay quiet when the sentence or the page also ' +
      'speaks of persistent cookies, negates the claim, or makes it conditional (`unless you opt in`).',
    recommended: 'warn',
    fix: 'none'
  },
  options: noOptions('claims-consistency'),
  examples: [
    {
      name: 'valid.md',
      input:
        'We use session cookies and persistent cookies. Google Analytics measures visits.\n\n' +
        '| Name | Purpose | Duration |\n| --- | --- | --- |\n| `sid` | Sign-in | Session |\n| `_ga` | Statistics | 2 years |\n'
    },
    {
      name: 'invalid.md',
      input:
        'We only use session cookies, which are deleted when you close your browser.\n\n' +
        '| Name | Purpose | Duration |\n| --- | --- | --- |\n| `sid` | Sign-in | Session |\n| `prefs` | Preferences | 1 year |\n',
      messages: ['1:1-1:28: Unexpected claim of session cookies only, expected it to agree with the cookie table, which lists `prefs` for `1 year`']
    },
    {
      name: 'unnamed-provider.md',
      description: 'The table lists a Hotjar cookie; nothing on the page says that Hotjar receives data.',
      input:
        '## Statistics (2)\n\nWe count visits with Google Analytics.\n\n' +
        '| Name | Purpose | Duration |\n| --- | --- | --- |\n| `_ga` | Counts visits | 2 years |\n| `_hjSessionUser_1234` | Records visits | 1 year |\n| `_gid` | Counts visits | 1 day |\n',
      messages: [
        '8:3-8:24: Unexpected cookies from Hotjar (`_hjSessionUser_1234`) that the page never names, expected the prose to say who sets them',
        '1:1-1:18: Unexpected count `2` in the heading, expected `3`: the table below lists 3 cookies'
      ]
    }
  ],
  check(tree, context) {
    if (!isEnglish(tree, context.file.basename)) return
    const rows = cookieRows(tree, context.source)
    if (rows.length === 0) return
    const blocks = proseBlocks(tree, context.source)
    checkSessionClaims(blocks, rows, context)
    checkIdentifiabilityClaims(blocks, rows, context)
    const site = siteDomainSet(context.settings.siteDomains)
    checkThirdPartyClaims(blocks, rows, site, context)
    checkKindClaims(blocks, rows, site, context)
    checkUnnamedProviders(rows, site, context)
    checkHeadingCounts(tree, rows, context)
  }
})

/** Paragraphs, list items and HTML outside tables and headings: where claims are made. */
function proseBlocks(tree: Root, source: string): Block[] {
  const blocks = new Map<object, Range>()
  for (const run of prose(tree, source).runs) {
    if (run.block === 'tableCell' || run.block === 'heading') continue
    const key = run.blockNode ?? run
    const range = blocks.get(key)
    if (range) range[1] = Math.max(range[1], run.end)
    else blocks.set(key, [run.start, run.end])
  }
  return [...blocks.values()].map(([start, end]) => ({start, text: source.slice(start, end)}))
}

/** Each sentence of the prose that matches `claim` and not `unless`, with its range in the source. */
function* claims(blocks: Block[], claim: RegExp, unless: RegExp): Generator<Range> {
  for (const {start, text} of blocks) {
    for (const sentence of text.matchAll(/[^.!?]+[.!?]?/g)) {
      const found = claim.exec(sentence[0])
      if (!found || unless.test(sentence[0])) continue
      const at = start + sentence.index! + found.index
      yield [at, at + found[0].length]
    }
  }
}

function checkSessionClaims(blocks: Block[], rows: CookieRow[], context: Context): void {
  if (blocks.some(({text}) => persistentMentioned.test(text))) return
  // The cookie with the longest lifetime over a day.
  let longest: CookieRow | undefined
  for (const row of rows) {
    if (row.seconds !== undefined && row.seconds > 86_400 && row.durationRange && (!longest || row.seconds > longest.seconds!)) longest = row
  }
  if (!longest) return
  const name = longest.names[0] ?? ''
  for (const range of claims(blocks, sessionClaim, notExclusive)) {
    context.report({
      reason: `Unexpected claim of session cookies only, expected it to agree with the cookie table, which lists \`${name}\` for \`${longest.duration}\``,
      range,
      cause: context.evidence(`\`${name}\` lasts ${longest.duration}`, longest.durationRange!)
    })
  }
}

function checkIdentifiabilityClaims(blocks: Block[], rows: CookieRow[], context: Context): void {
  let identifying: {name: string; range: Range} | undefined
  for (const row of rows) {
    const name = row.names.find((candidate) => identifyingName.test(candidate))
    if (name && row.nameRange) {
      identifying = {name, range: row.nameRange}
      break
    }
  }
  if (!identifying) return
  const unless = /\b(?:unless|except|other than|apart from|if you|when you (?:sign|log))\b/i
  for (const range of claims(blocks, anonymousClaim, unless)) {
    context.report({
      reason: `Unexpected claim that cookies do not identify you, expected it to agree with the cookie table, which lists \`${identifying.name}\``,
      range,
      cause: context.evidence(`\`${identifying.name}\` holds data that identifies a person`, identifying.range)
    })
  }
}

function checkThirdPartyClaims(blocks: Block[], rows: CookieRow[], site: Set<string>, context: Context): void {
  const evidence = rows.map((row) => ({row, why: thirdParty(row, site)})).find(({why}) => why !== undefined)
  if (!evidence || !evidence.row.nameRange) return
  const name = evidence.row.names.join(', ')
  const cause = context.evidence(`\`${name}\` is ${evidence.why}`, evidence.row.nameRange)
  for (const range of claims(blocks, onlyFirstPartyClaim, qualifiedOnly)) {
    context.report({
      reason: `Unexpected claim of first-party cookies only, expected it to agree with the cookie table, which lists \`${name}\` as ${evidence.why}`,
      range,
      cause
    })
  }
  for (const range of claims(blocks, noThirdPartyClaim, qualified)) {
    context.report({
      reason: `Unexpected claim of no third-party cookies, expected it to agree with the cookie table, which lists \`${name}\` as ${evidence.why}`,
      range,
      cause
    })
  }
  for (const range of claims(blocks, noSharingClaim, qualified)) {
    context.report({
      reason: `Unexpected claim that no data is shared with third parties, expected it to agree with the cookie table, which lists \`${name}\` as ${evidence.why}`,
      range,
      cause
    })
  }
}

/** Why a row is a third-party cookie, when it is one: the table says so, or the domain is not the site's. */
function thirdParty(row: CookieRow, site: Set<string>): string | undefined {
  if (row.party === 'third') return 'a third-party cookie'
  if (row.party === 'first') return undefined
  if (row.domain && site.size > 0) return site.has(row.domain) ? undefined : `a cookie of \`${row.domain}\`, not one of the site's domains`
  // Without `siteDomains`, a vendor's own domain (`.doubleclick.net`) still says whose cookie it is.
  const vendor = row.domain && vendorDomains.get(row.domain)
  if (vendor) return `a cookie of \`${row.domain}\` (${vendor})`
  if (row.domain || row.names.length !== 1) return undefined
  const known = lookup(reference(), row.names[0])
  return known?.party === 'third' ? `a third-party cookie of ${known.owner}` : undefined
}

/** Why a row is a first-party cookie, when it is one: the table says so, the site's domain, or a known first-party cookie. */
function firstParty(row: CookieRow, site: Set<string>): string | undefined {
  if (row.party === 'first') return 'a first-party cookie'
  if (row.party === 'third') return undefined
  if (row.domain) return site.has(row.domain) ? `a cookie of the site's own \`${row.domain}\`` : undefined
  const known = row.names.length === 1 ? lookup(reference(), row.names[0]) : undefined
  return known?.party === 'first' ? `a first-party cookie of ${known.owner}, set on the site's own domain` : undefined
}

/** `We do not use first-party cookies` over a first-party row; `no advertising cookies` over an advertising one. */
function checkKindClaims(blocks: Block[], rows: CookieRow[], site: Set<string>, context: Context): void {
  const first = rows.map((row) => ({row, why: firstParty(row, site)})).find(({row, why}) => why !== undefined && row.nameRange)
  if (first) {
    const name = first.row.names.join(', ')
    for (const range of claims(blocks, noFirstPartyClaim, qualified)) {
      context.report({
        reason: `Unexpected claim of no first-party cookies, expected it to agree with the cookie table, which lists \`${name}\` as ${first.why}`,
        range,
        cause: context.evidence(`\`${name}\` is ${first.why}`, first.row.nameRange!)
      })
    }
  }
  const advertising = rows.map((row) => ({row, why: advertisingCookie(row)})).find(({row, why}) => why !== undefined && row.nameRange)
  if (advertising) {
    const name = advertising.row.names.join(', ')
    for (const range of claims(blocks, noAdvertisingClaim, qualified)) {
      context.report({
        reason: `Unexpected claim of no advertising cookies, expected it to agree with the cookie table, which lists \`${name}\` as ${advertising.why}`,
        range,
        cause: context.evidence(`\`${name}\` is ${advertising.why}`, advertising.row.nameRange!)
      })
    }
  }
}

/** Why a row is an advertising cookie: its category says so, or it is a known marketing cookie. */
function advertisingCookie(row: CookieRow): string | undefined {
  const category = fieldCell(row.table, row.row, 'category')?.text ?? ''
  if (advertisingCategory.test(category) && !/\bnon-?|\bnot\b/i.test(category)) return `a cookie in \`${category.replace(/\s+/g, ' ')}\``
  const known = row.names.length === 1 ? lookup(reference(), row.names[0]) : undefined
  return known?.category === 'marketing' ? `an advertising cookie of ${known.owner}` : undefined
}

/**
 * Providers whose cookies the tables list, found by a known cookie's owner or a third-party domain, when no
 * provider column names them and the page names them nowhere else (cookie names and domain cells aside).
 */
function checkUnnamedProviders(rows: CookieRow[], site: Set<string>, context: Context): void {
  const providers = new Map<string, {names: string[]; words: string[]; row: CookieRow; why: string}>()
  const add = (provider: string, words: string[], row: CookieRow, name: string, why: string) => {
    const entry = providers.get(provider)
    if (entry) {
      if (!entry.names.includes(name)) entry.names.push(name)
    } else providers.set(provider, {names: [name], words, row, why})
  }
  for (const row of rows) {
    if (row.provider !== '' || !row.nameRange || row.names.length === 0) continue
    const known = row.names.length === 1 ? lookup(reference(), row.names[0]) : undefined
    if (known) add(known.owner, ownerWords(known.owner), row, row.names[0], `a ${known.owner} cookie`)
    else if (row.domain && (site.size > 0 ? !site.has(row.domain) : row.party === 'third')) {
      const label = domainName(row.domain)
      if (label) add(row.domain, [label], row, row.names.join(', '), `set on \`${row.domainText}\``)
    }
  }
  if (providers.size === 0) return
  const text = visibleText(rows, context.source).toLowerCase()
  const named = (word: string) => new RegExp(String.raw`(?<![a-z0-9])${escapeRegExp(word)}(?![a-z0-9])`).test(text)
  const reported: string[] = []
  for (const [provider, {names, words, row, why}] of providers) {
    if (words.length === 0 || words.some(named)) continue
    // A domain group that belongs to an owner already reported (`pardot.com` and Salesforce Pardot).
    if (reported.some((owner) => words.some((word) => owner.toLowerCase().includes(word)))) continue
    reported.push(provider)
    const list = names.slice(0, 3).map((name) => `\`${name}\``).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '')
    context.report({
      reason: `Unexpected cookies from ${provider.includes('.') ? `\`${provider}\`` : provider} (${list}) that the page never names, expected the prose to say who sets them`,
      range: row.nameRange!,
      cause: context.evidence(`\`${names[0]}\` is ${why}`, row.nameRange!)
    })
  }
}

/** The page's text with the cookie tables' name and domain cells blanked: what names a provider to a reader. */
function visibleText(rows: CookieRow[], source: string): string {
  const blanks: Range[] = []
  for (const {table, row} of rows) {
    for (const field of ['name', 'domain'] as const) {
      const cell = fieldCell(table, row, field)
      const range = cell && cellRange(cell)
      if (range) blanks.push(range)
    }
  }
  blanks.sort((a, b) => a[0] - b[0])
  let text = ''
  let at = 0
  for (const [start, end] of blanks) {
    if (start < at) continue
    text += source.slice(at, start) + ' '
    at = end
  }
  return text + source.slice(at)
}

/** `## Necessary (6)` over cookie tables that list another number of cookies. */
function checkHeadingCounts(tree: Root, cookies: CookieRow[], context: Context): void {
  const tables = cookieTables(tree, context.source)
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading')
  headings.forEach((heading, index) => {
    const count = /\s\((\d+)\)$/.exec(toString(heading).trim())
    const range = nodeRange(heading)
    if (!count || !range) return
    // The section runs to the next heading of the same or a higher level.
    const next = headings.slice(index + 1).find((other) => other.depth <= heading.depth)
    const end = (next && nodeRange(next)?.[0]) ?? context.source.length
    const inSection = tables.filter((table) => table.range && table.range[0] > range[1] && table.range[1] <= end)
    if (inSection.length === 0) return
    const rows = inSection.flatMap((table) => table.rows)
    // A row may list several cookies, one per line of its name cell.
    const names = cookies.filter((row) => inSection.includes(row.table)).reduce((sum, row) => sum + row.names.length, 0)
    const stated = Number(count[1])
    if (stated === rows.length || stated === names) return
    context.report({
      reason: `Unexpected count \`${stated}\` in the heading, expected \`${rows.length}\`: the table${inSection.length > 1 ? 's' : ''} below list${inSection.length > 1 ? '' : 's'} ${rows.length} cookie${rows.length === 1 ? '' : 's'}`,
      range,
      cause: context.evidence(`The cookie table under \`${toString(heading).trim()}\``, inSection[0].range!)
    })
  })
}
