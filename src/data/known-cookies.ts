/**
 * Well-known cookies: a small curated table written by the project (each entry with its source), optionally
 * extended by a user's copy of the Open Cookie Database (CSV or JSON, as published; the curated entries win).
 */
import fs from 'node:fs'
import {parseDuration, unitSeconds} from '../values/duration.js'

export type Category = 'analytics' | 'marketing' | 'functional' | 'security' | 'personalization'

export interface KnownCookie {
  /** The name, or the fixed prefix when `prefix` is set (`_ga_` for `_ga_<container-id>`). */
  name: string
  prefix?: boolean
  owner: string
  /** Where the vendor's script sets it: the site's own domain (1P) or the vendor's (3P). */
  party: 'first' | 'third'
  /** Typical lifetime in seconds; 0 is a session cookie; [min, max] when it varies. */
  lifetime?: number | [number, number]
  category: Category
  /** The date the vendor stopped setting it, and what replaced it. */
  deprecated?: {since: string; note: string}
  /** Where the facts come from: `curated` entries or the user's Open Cookie Database. */
  origin: 'curated' | 'ocd'
}

const second = 1
const minute = 60
const hour = unitSeconds.hour
const day = unitSeconds.day
const month = unitSeconds.month
const year = unitSeconds.year

const ga = 'Google Analytics'
const uaSunset = {since: '2023-07-01', note: 'Universal Analytics (and ga.js) stopped processing data on 1 July 2023'}

export const curated: KnownCookie[] = [
  // Google Analytics 4 and Universal Analytics: https://support.google.com/analytics/answer/11397207 (gtag
  // `cookie_expires` default 63,072,000 s = 2 years) and https://developers.google.com/analytics/devguides/collection/gtagjs/cookies-user-id
  {name: '_ga', owner: ga, party: 'first', lifetime: 2 * year, category: 'analytics', origin: 'curated'},
  {name: '_ga_', prefix: true, owner: ga, party: 'first', lifetime: 2 * year, category: 'analytics', origin: 'curated'},
  // Universal Analytics cookies: https://developers.google.cn/analytics/resources/concepts/gaConceptsCookies
  {name: '_gid', owner: ga, party: 'first', lifetime: 24 * hour, category: 'analytics', origin: 'curated'},
  {name: '_gat', owner: ga, party: 'first', lifetime: 1 * minute, category: 'analytics', origin: 'curated'},
  {name: '_gat_', prefix: true, owner: ga, party: 'first', lifetime: 1 * minute, category: 'analytics', origin: 'curated'},
  {name: '_dc_gtm_', prefix: true, owner: ga, party: 'first', lifetime: 1 * minute, category: 'analytics', origin: 'curated'},
  {name: 'AMP_TOKEN', owner: ga, party: 'first', lifetime: [30 * second, year], category: 'analytics', origin: 'curated'},
  {name: '_gac_', prefix: true, owner: ga, party: 'first', lifetime: 90 * day, category: 'marketing', origin: 'curated'},
  // ga.js (legacy): Google's table as reproduced on https://evolve-online.com/cookies; sunset: https://support.google.com/analytics/answer/9355666
  {name: '__utma', owner: ga, party: 'first', lifetime: 2 * year, category: 'analytics', deprecated: uaSunset, origin: 'curated'},
  {name: '__utmt', owner: ga, party: 'first', lifetime: 10 * minute, category: 'analytics', deprecated: uaSunset, origin: 'curated'},
  {name: '__utmb', owner: ga, party: 'first', lifetime: 30 * minute, category: 'analytics', deprecated: uaSunset, origin: 'curated'},
  {name: '__utmc', owner: ga, party: 'first', lifetime: 0, category: 'analytics', deprecated: uaSunset, origin: 'curated'},
  {name: '__utmz', owner: ga, party: 'first', lifetime: 6 * month, category: 'analytics', deprecated: uaSunset, origin: 'curated'},
  {name: '__utmv', owner: ga, party: 'first', lifetime: 2 * year, category: 'analytics', deprecated: uaSunset, origin: 'curated'},
  // Hotjar (secondary sources: Open Cookie Database; https://careerswales.gov.wales/node/785; NHS Wales CMS support pages)
  {name: '_hjSessionUser_', prefix: true, owner: 'Hotjar', party: 'first', lifetime: 365 * day, category: 'analytics', origin: 'curated'},
  {name: '_hjSession_', prefix: true, owner: 'Hotjar', party: 'first', lifetime: 30 * minute, category: 'analytics', origin: 'curated'},
  {name: '_hjid', owner: 'Hotjar', party: 'first', lifetime: 365 * day, category: 'analytics', origin: 'curated'},
  {name: '_hjAbsoluteSessionInProgress', owner: 'Hotjar', party: 'first', lifetime: 30 * minute, category: 'analytics', origin: 'curated'},
  // Sources disagree on `_hjFirstSeen` (30 minutes in the OCD, 1 day in Cookiebot declarations): no lifetime.
  {name: '_hjFirstSeen', owner: 'Hotjar', party: 'first', category: 'analytics', origin: 'curated'},
  {name: '_hjIncludedInSessionSample', owner: 'Hotjar', party: 'first', lifetime: 30 * minute, category: 'analytics', origin: 'curated'},
  {name: '_hjIncludedInPageviewSample', owner: 'Hotjar', party: 'first', lifetime: 30 * minute, category: 'analytics', origin: 'curated'},
  {name: '_hjTLDTest', owner: 'Hotjar', party: 'first', lifetime: 0, category: 'analytics', origin: 'curated'},
  {name: '_hjCachedUserAttributes', owner: 'Hotjar', party: 'first', lifetime: 0, category: 'analytics', origin: 'curated'},
  // Hotjar survey cookies: https://www.thirdway.com/cookie-policy (secondary)
  {name: '_hjClosedSurveyInvites', owner: 'Hotjar', party: 'first', lifetime: 365 * day, category: 'analytics', origin: 'curated'},
  {name: '_hjDonePolls', owner: 'Hotjar', party: 'first', lifetime: 365 * day, category: 'analytics', origin: 'curated'},
  {name: '_hjMinimizedPolls', owner: 'Hotjar', party: 'first', lifetime: 365 * day, category: 'analytics', origin: 'curated'},
  {name: '_hjShownFeedbackMessage', owner: 'Hotjar', party: 'first', lifetime: 365 * day, category: 'analytics', origin: 'curated'},
  // Cloudflare: cloudflare/cloudflare-docs src/content/docs/fundamentals/reference/policies-compliances/cloudflare-cookies.mdx
  {name: '__cf_bm', owner: 'Cloudflare', party: 'first', lifetime: 30 * minute, category: 'security', origin: 'curated'},
  {name: '__cflb', owner: 'Cloudflare', party: 'first', lifetime: [0, 24 * hour], category: 'functional', origin: 'curated'},
  {name: 'cf_ob_info', owner: 'Cloudflare', party: 'first', lifetime: 30 * second, category: 'functional', origin: 'curated'},
  {name: 'cf_use_ob', owner: 'Cloudflare', party: 'first', lifetime: 30 * second, category: 'functional', origin: 'curated'},
  {name: 'cf_clearance', owner: 'Cloudflare', party: 'first', category: 'security', origin: 'curated'},
  {name: '__cfruid', owner: 'Cloudflare', party: 'first', category: 'security', origin: 'curated'},
  {name: '_cfuvid', owner: 'Cloudflare', party: 'first', category: 'security', origin: 'curated'},
  // __cfduid: https://blog.cloudflare.com/deprecating-cfduid-cookie (not set from 10 May 2021)
  {
    name: '__cfduid',
    owner: 'Cloudflare',
    party: 'first',
    lifetime: 30 * day,
    category: 'security',
    deprecated: {since: '2021-05-10', note: 'Cloudflare stopped setting it on 10 May 2021'},
    origin: 'curated'
  },
  // Salesforce Account Engagement (Pardot): http://www.pardot.com/faqs/administration/pardot-track-activities/ ;
  // lifetimes vary between sources (1 to 10 years), so none is compared.
  {name: 'visitor_id', prefix: true, owner: 'Salesforce Pardot', party: 'third', category: 'marketing', origin: 'curated'},
  {name: 'pi_opt_in', prefix: true, owner: 'Salesforce Pardot', party: 'third', category: 'marketing', origin: 'curated'},
  {name: 'pardot', owner: 'Salesforce Pardot', party: 'third', lifetime: 0, category: 'functional', origin: 'curated'},
  // HubSpot: https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser
  // (lifetimes changed from 2 years to 13 months to 6 months, so the long ones are not compared)
  {name: '__hstc', owner: 'HubSpot', party: 'first', category: 'analytics', origin: 'curated'},
  {name: 'hubspotutk', owner: 'HubSpot', party: 'first', category: 'analytics', origin: 'curated'},
  {name: '__hssc', owner: 'HubSpot', party: 'first', lifetime: 30 * minute, category: 'analytics', origin: 'curated'},
  {name: '__hssrc', owner: 'HubSpot', party: 'first', lifetime: 0, category: 'analytics', origin: 'curated'},
  {name: '__hs_opt_out', owner: 'HubSpot', party: 'first', category: 'functional', origin: 'curated'},
  {name: '__hs_do_not_track', owner: 'HubSpot', party: 'first', category: 'functional', origin: 'curated'},
  {name: '__hs_initial_opt_in', owner: 'HubSpot', party: 'first', lifetime: 7 * day, category: 'functional', origin: 'curated'},
  // Meta Pixel: https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc/
  // (first-party cookies on the advertiser's domain; 90 days per an exported cookie, https://pastebin.com/K5jrUTSW)
  {name: '_fbp', owner: 'Meta', party: 'first', lifetime: 90 * day, category: 'marketing', origin: 'curated'},
  {name: '_fbc', owner: 'Meta', party: 'first', category: 'marketing', origin: 'curated'},
  // `fr` on .facebook.com: Open Cookie Database (90 days)
  {name: 'fr', owner: 'Meta', party: 'third', lifetime: 90 * day, category: 'marketing', origin: 'curated'},
  // Google Ads / DoubleClick: https://www.auditcookies.com/cookies/_gcl_au ; https://www.streetbracket.com/cookies (secondary)
  {name: '_gcl_au', owner: 'Google Ads', party: 'first', lifetime: 90 * day, category: 'marketing', origin: 'curated'},
  {name: 'IDE', owner: 'Google Ads', party: 'third', lifetime: [13 * month, 2 * year], category: 'marketing', origin: 'curated'},
  // `test_cookie`: 15 minutes (streetbracket), 1 day (Cookiebot declarations), 1 year (OCD): no lifetime compared.
  {name: 'test_cookie', owner: 'Google Ads', party: 'third', category: 'marketing', origin: 'curated'},
  {name: 'NID', owner: 'Google', party: 'third', lifetime: [6 * month, year], category: 'marketing', origin: 'curated'}
]

export interface Reference {
  exact: Map<string, KnownCookie>
  /** Longest prefix first. */
  prefixes: KnownCookie[]
  /** Names with leading underscores removed and lower-cased, for misspellings. */
  loose: Map<string, KnownCookie>
}

function build(entries: KnownCookie[]): Reference {
  const exact = new Map<string, KnownCookie>()
  const prefixes: KnownCookie[] = []
  const loose = new Map<string, KnownCookie>()
  for (const entry of entries) {
    if (entry.prefix) {
      if (!prefixes.some((known) => known.name === entry.name)) prefixes.push(entry)
    } else if (!exact.has(entry.name)) {
      exact.set(entry.name, entry)
      const key = looseKey(entry.name)
      if (key.length >= 3 && !loose.has(key)) loose.set(key, entry)
    }
  }
  prefixes.sort((a, b) => b.name.length - a.name.length)
  return {exact, prefixes, loose}
}

/**
 * Registrable domains that belong to advertising, analytics and social-media vendors: a cookie set on one of them
 * is a third-party cookie on any site but the vendor's own. From the vendors' cookie documentation and the Open
 * Cookie Database's domain column.
 */
export const vendorDomains: ReadonlyMap<string, string> = new Map([
  ['doubleclick.net', 'Google'],
  ['googleadservices.com', 'Google'],
  ['googlesyndication.com', 'Google'],
  ['google-analytics.com', 'Google'],
  ['youtube.com', 'Google'],
  ['facebook.com', 'Meta'],
  ['facebook.net', 'Meta'],
  ['instagram.com', 'Meta'],
  ['linkedin.com', 'LinkedIn'],
  ['licdn.com', 'LinkedIn'],
  ['twitter.com', 'X'],
  ['ads-twitter.com', 'X'],
  ['bing.com', 'Microsoft'],
  ['clarity.ms', 'Microsoft'],
  ['hotjar.com', 'Hotjar'],
  ['hubspot.com', 'HubSpot'],
  ['hs-analytics.net', 'HubSpot'],
  ['hsforms.com', 'HubSpot'],
  ['tiktok.com', 'TikTok'],
  ['pinterest.com', 'Pinterest'],
  ['adnxs.com', 'Xandr'],
  ['criteo.com', 'Criteo'],
  ['taboola.com', 'Taboola'],
  ['outbrain.com', 'Outbrain'],
  ['amazon-adsystem.com', 'Amazon'],
  ['demdex.net', 'Adobe'],
  ['omtrdc.net', 'Adobe'],
  ['scorecardresearch.com', 'Comscore'],
  ['quantserve.com', 'Quantcast'],
  ['addthis.com', 'Oracle'],
  ['sharethis.com', 'ShareThis'],
  ['disqus.com', 'Disqus'],
  ['vimeo.com', 'Vimeo'],
  ['nr-data.net', 'New Relic']
])

const genericWords = new Set(['ads', 'analytics', 'tag', 'manager', 'account', 'engagement', 'inc', 'ltd', 'llc', 'the', 'and', 'platform'])
/** Other names a company goes by in prose. */
const aliases: {[word: string]: string[]} = {meta: ['facebook', 'instagram'], google: ['youtube', 'doubleclick']}

/** The words that name an owner in prose: `Salesforce Pardot` → salesforce, pardot; `Meta` → meta, facebook. */
export function ownerWords(owner: string): string[] {
  const words = owner
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 3 && !genericWords.has(word))
  return words.flatMap((word) => [word, ...(aliases[word] ?? [])])
}

/** Whether lower-cased text names an owner by one of its words. */
export function namesOwner(text: string, owner: string): boolean {
  return ownerWords(owner).some((word) => new RegExp(String.raw`(?<![a-z0-9])${word}(?![a-z0-9])`).test(text))
}

export function looseKey(name: string): string {
  return name.replace(/^_+/, '').toLowerCase()
}

/** Built on first use: a run whose documents declare no cookies never needs it. */
let curatedReference: Reference | undefined
const withDatabase = new Map<string, Reference>()

/** The reference: the curated table, extended by an Open Cookie Database file when a path is given (read once). */
export function reference(databasePath?: string): Reference {
  if (!databasePath) return (curatedReference ??= build(curated))
  let known = withDatabase.get(databasePath)
  if (!known) {
    known = build([...curated, ...readDatabase(databasePath)])
    withDatabase.set(databasePath, known)
  }
  return known
}

/** Look a declared name up: exact, then the longest documented prefix (wildcard notations count as the prefix). */
export function lookup(known: Reference, name: string): KnownCookie | undefined {
  const exact = known.exact.get(name)
  if (exact) return exact
  // `_ga_<container-id>`, `_gat_UA-*`, `_hjSession_865786`: a documented prefix and a variable part.
  return (
    known.prefixes.find((entry) => name.startsWith(entry.name) && name.length > entry.name.length) ??
    known.prefixes.find((entry) => entry.name === name)
  )
}

/** Read an Open Cookie Database file, CSV or JSON, as published by jkwakman/Open-Cookie-Database. */
export function readDatabase(file: string): KnownCookie[] {
  const text = fs.readFileSync(file, 'utf8')
  const rows: Array<Record<string, string>> = []
  if (/^\s*[[{]/.test(text)) {
    const data = JSON.parse(text) as Record<string, Array<Record<string, string>>>
    for (const [platform, list] of Object.entries(data)) {
      for (const item of list) {
        rows.push({
          Platform: platform,
          Category: item.category,
          'Cookie / Data Key name': item.cookie,
          'Retention period': item.retentionPeriod,
          'Data Controller': item.dataController,
          'Wildcard match': String(item.wildcardMatch)
        })
      }
    }
  } else {
    const [header, ...records] = parseCsv(text)
    for (const record of records) {
      const row: Record<string, string> = {}
      header.forEach((name, index) => (row[name.trim()] = record[index] ?? ''))
      rows.push(row)
    }
  }
  const entries: KnownCookie[] = []
  for (const row of rows) {
    const name = (row['Cookie / Data Key name'] ?? '').trim()
    if (!name) continue
    const retention = parseDuration(row['Retention period'] ?? '')
    const lifetime =
      retention.kind === 'session'
        ? 0
        : retention.kind === 'duration'
          ? retention.max
          : retention.kind === 'range'
            ? ([retention.min!, retention.max!] as [number, number])
            : undefined
    const category = (row.Category ?? '').toLowerCase()
    entries.push({
      name,
      prefix: row['Wildcard match'] === '1',
      owner: row['Data Controller'] || row.Platform || 'unknown',
      party: 'first',
      lifetime,
      category: category === 'necessary' ? 'functional' : (category as Category),
      origin: 'ocd'
    })
  }
  return entries
}

/** A small RFC 4180 CSV reader (quoted fields, doubled quotes, newlines in quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((record) => record.some((value) => value !== ''))
}
