/** Prose that contradicts the cookie tables: lifetimes, identifiability, third parties, unnamed providers, heading counts. */
import type {Heading, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {doc} from '../src/example.js'
import {proseClaims, readerText, type ClaimKind} from '../src/model/claims.js'
import {advertisingCookie, cookieRows, domainName, firstParty, siteDomainSet, thirdParty, type CookieRow} from '../src/model/cookie-rows.js'
import {lookup, ownerWords, reference} from '../src/data/known-cookies.js'
import {nodeRange, type Range} from '../src/model/source.js'
import {cookieTables} from '../src/model/cookie-shapes.js'
import {isEnglish} from '../src/model/words.js'
import {defineRule, type NoOptions, type RuleContext} from '../src/rule.js'
import {escapeRegExp} from '../src/text.js'

type Context = RuleContext<NoOptions>
/** Where the prose makes a claim of a kind. */
type Claims = (kind: ClaimKind) => Range[]

/** Cookie names that hold who a person is: an e-mail address, a user id, an access token. */
const identifyingName = /(?:^|[_.-])(?:user[_-]?e?mail|e?mail|user[_-]?id|userid|access[_-]?token|auth[_-]?token|username|user[_-]?name)(?:$|[_.-])/i

export default defineRule({
  meta: {
    id: 'claims-consistency',
    description: "Prose claims that the page's cookie tables contradict",
    rationale:
      'A cookie policy makes promises in its prose and lists the facts in its tables. When the prose says ' +
      '`We use session cookies`, which are deleted when the browser closes, while the table lists `_ga` with a ' +
      'lifetime of two years, the page misinforms the reader about what it stores, which is exactly what ' +
      'consent law asks it not to do. Likewise `These cookies do not store any personally identifiable ' +
      'information` over a table that lists `USER_EMAIL` or `user_id`; `We do not use third-party cookies` or ' +
      '`We do not share your data with third parties` or `We only use first-party cookies` over a row marked ' +
      "`Third party` or set on a vendor's domain (`.doubleclick.net`, known even without `siteDomains`); `We do not " +
      'use first-party cookies` over `_ga`; `We do not use advertising cookies` over a row in a marketing ' +
      'category or a known advertising cookie; a provider whose ' +
      "cookies are listed (a known cookie's owner, or a third-party domain) but whose name appears nowhere else " +
      'on the page, when the reader must be told who receives their data; and a heading such as `Necessary (6)` ' +
      'over a table of four cookies. Each finding points at the claim and, as its cause, at the table cell ' +
      'that contradicts it. Claims are found by phrase and stay quiet when the sentence or the page also ' +
      'speaks of persistent cookies, negates the claim, or makes it conditional (`unless you opt in`).',
    recommended: 'warn',
    fix: 'none'
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
        We use session cookies and persistent cookies. Google Analytics measures visits.

        | Name | Purpose | Duration |
        | --- | --- | --- |
        | \`sid\` | Sign-in | Session |
        | \`_ga\` | Statistics | 2 years |
      `
    },
    {
      name: 'invalid.md',
      input: doc`
        We only use session cookies, which are deleted when you close your browser.

        | Name | Purpose | Duration |
        | --- | --- | --- |
        | \`sid\` | Sign-in | Session |
        | \`prefs\` | Preferences | 1 year |
      `,
      messages: ['1:1-1:28: Unexpected claim of session cookies only, expected it to agree with the cookie table, which lists `prefs` for `1 year`']
    },
    {
      name: 'unnamed-provider.md',
      description: 'The table lists a Hotjar cookie; nothing on the page says that Hotjar receives data.',
      input: doc`
        ## Statistics (2)

        We count visits with Google Analytics.

        | Name | Purpose | Duration |
        | --- | --- | --- |
        | \`_ga\` | Counts visits | 2 years |
        | \`_hjSessionUser_1234\` | Records visits | 1 year |
        | \`_gid\` | Counts visits | 1 day |
      `,
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
    const claims: Claims = (kind) => proseClaims(tree, context.source, kind)
    checkSessionClaims(claims, rows, context)
    checkIdentifiabilityClaims(claims, rows, context)
    const site = siteDomainSet(context.settings.siteDomains)
    checkThirdPartyClaims(claims, rows, site, context)
    checkKindClaims(claims, rows, site, context)
    checkUnnamedProviders(tree, rows, site, context)
    checkHeadingCounts(tree, rows, context)
  }
})

function checkSessionClaims(claims: Claims, rows: CookieRow[], context: Context): void {
  // The cookie with the longest lifetime over a day.
  let longest: CookieRow | undefined
  for (const row of rows) {
    if (row.seconds !== undefined && row.seconds > 86_400 && row.durationRange && (!longest || row.seconds > longest.seconds!)) longest = row
  }
  if (!longest) return
  const name = longest.names[0] ?? ''
  const evidence = {listed: `\`${name}\` for \`${longest.duration}\``, fact: `\`${name}\` lasts ${longest.duration}`, range: longest.durationRange!}
  contradicted(claims('session-only'), 'claim of session cookies only', evidence, context)
}

function checkIdentifiabilityClaims(claims: Claims, rows: CookieRow[], context: Context): void {
  for (const row of rows) {
    const name = row.names.find((candidate) => identifyingName.test(candidate))
    if (!name || !row.nameRange) continue
    const evidence = {listed: `\`${name}\``, fact: `\`${name}\` holds data that identifies a person`, range: row.nameRange}
    contradicted(claims('anonymous'), 'claim that cookies do not identify you', evidence, context)
    return
  }
}

function checkThirdPartyClaims(claims: Claims, rows: CookieRow[], site: Set<string>, context: Context): void {
  const found = rows.map((row) => ({row, why: thirdParty(row, site)})).find(({why}) => why !== undefined)
  if (!found || !found.row.nameRange) return
  const evidence = rowEvidence(found.row, found.why!)
  contradicted(claims('first-party-only'), 'claim of first-party cookies only', evidence, context)
  contradicted(claims('no-third-party'), 'claim of no third-party cookies', evidence, context)
  contradicted(claims('no-sharing'), 'claim that no data is shared with third parties', evidence, context)
}

/** `We do not use first-party cookies` over a first-party row; `no advertising cookies` over an advertising one. */
function checkKindClaims(claims: Claims, rows: CookieRow[], site: Set<string>, context: Context): void {
  const first = rows.map((row) => ({row, why: firstParty(row, site)})).find(({row, why}) => why !== undefined && row.nameRange)
  if (first) contradicted(claims('no-first-party'), 'claim of no first-party cookies', rowEvidence(first.row, first.why!), context)
  const advertising = rows.map((row) => ({row, why: advertisingCookie(row)})).find(({row, why}) => why !== undefined && row.nameRange)
  if (advertising) contradicted(claims('no-advertising'), 'claim of no advertising cookies', rowEvidence(advertising.row, advertising.why!), context)
}

/** What the table lists against a claim, the fact the cause states, and where. */
type Evidence = {listed: string; fact: string; range: Range}

/** A row as evidence: its cookies and why they contradict the claim (`a third-party cookie`). */
function rowEvidence(row: CookieRow, why: string): Evidence {
  const name = row.names.join(', ')
  return {listed: `\`${name}\` as ${why}`, fact: `\`${name}\` is ${why}`, range: row.nameRange!}
}

/** Each claim the table contradicts, with the cell that contradicts it as the cause. */
function contradicted(ranges: Range[], claim: string, evidence: Evidence, context: Context): void {
  for (const range of ranges) {
    context.report({
      reason: `Unexpected ${claim}, expected it to agree with the cookie table, which lists ${evidence.listed}`,
      range,
      cause: context.evidence(evidence.fact, evidence.range)
    })
  }
}

/**
 * Providers whose cookies the tables list, found by a known cookie's owner or a third-party domain, when no
 * provider column names them and the page names them nowhere else (cookie names and domain cells aside).
 */
function checkUnnamedProviders(tree: Root, rows: CookieRow[], site: Set<string>, context: Context): void {
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
  const text = readerText(tree, context.source).toLowerCase()
  const named = (word: string) => new RegExp(String.raw`(?<![a-z0-9])${escapeRegExp(word)}(?![a-z0-9])`).test(text)
  const reported: string[] = []
  for (const [provider, {names, words, row, why}] of providers) {
    if (words.length === 0 || words.some(named)) continue
    // A domain group that belongs to an owner already reported (`pardot.com` and Salesforce Pardot).
    if (reported.some((owner) => words.some((word) => owner.toLowerCase().includes(word)))) continue
    reported.push(provider)
    const list =
      names
        .slice(0, 3)
        .map((name) => `\`${name}\``)
        .join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '')
    context.report({
      reason: `Unexpected cookies from ${provider.includes('.') ? `\`${provider}\`` : provider} (${list}) that the page never names, expected the prose to say who sets them`,
      range: row.nameRange!,
      cause: context.evidence(`\`${names[0]}\` is ${why}`, row.nameRange!)
    })
  }
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
