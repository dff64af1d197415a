/** One record per row of the document's cookie tables: names, party claim, domain, provider and lifetime, read once. */
import type {Root} from 'mdast'
import {getDomain, getDomainWithoutSuffix} from 'tldts'
import {lookup, reference, vendorDomains} from '../data/known-cookies.js'
import {cached} from './memo.js'
import {amountOf, parseDuration, secondsOf, type Duration, type Unit} from '../values/duration.js'
import type {Range} from './source.js'
import {cookieTables} from './cookie-shapes.js'
import {cellLines, cellRange, fieldCell, type Cell, type Row, type CookieTable} from './tables.js'

export interface CookieRow {
  table: CookieTable
  row: Row
  /** The cookie names in the name cell (one per line), backticks removed. */
  names: string[]
  nameCell: Cell | undefined
  nameRange: Range | undefined
  /** What a party column claims, when it says one thing. */
  party: 'first' | 'third' | undefined
  /** The party cell, whatever it says. */
  partyCell: Cell | undefined
  /** The registrable domain of the domain cell (`script.hotjar.com` → `hotjar.com`). */
  domain: string | undefined
  domainText: string
  /** The provider cell's text, empty when there is none. */
  provider: string
  /** The lifetime in seconds when the duration cell states one (the longest of a range). */
  seconds: number | undefined
  /** The lifetime as written, whitespace collapsed (`729 days` for a bare `729` under `Lifespan (Days)`). */
  duration: string
  durationCell: Cell | undefined
  durationRange: Range | undefined
  /** Each non-empty line of the duration cell, parsed: one lifetime per cookie when the cell lists several. */
  lifetimes: Lifetime[]
  /** The unit the duration column's header gives a bare number (`day` for `Lifespan (Days)`). */
  unit: Unit | undefined
}

export interface Lifetime {
  text: string
  duration: Duration
}

/** The rows of each cookie table, in document order. */
export function cookieRowsByTable(tree: Root, source: string): Map<CookieTable, CookieRow[]> {
  return cached(tree, 'cookie-rows-by-table', () => {
    const byTable = new Map<CookieTable, CookieRow[]>()
    for (const row of cookieRows(tree, source)) {
      const rows = byTable.get(row.table)
      if (rows) rows.push(row)
      else byTable.set(row.table, [row])
    }
    return byTable
  })
}

export function cookieRows(tree: Root, source: string): CookieRow[] {
  return cached(tree, 'cookie-rows', () => {
    const rows: CookieRow[] = []
    for (const table of cookieTables(tree, source)) {
      for (const row of table.rows) rows.push(read(table, row))
    }
    return rows
  })
}

function read(table: CookieTable, row: Row): CookieRow {
  const nameCell = fieldCell(table, row, 'name')
  const partyCell = fieldCell(table, row, 'party')
  const partyText = partyCell?.text ?? ''
  const first = /\b(?:first|1st)\b/i.test(partyText)
  const third = /\b(?:third|3rd)\b/i.test(partyText)
  const domainText = fieldCell(table, row, 'domain')?.text.trim() ?? ''
  const durationCell = fieldCell(table, row, 'duration')
  const unit = table.columns[table.fieldColumns.get('duration')!]?.match.unit
  const lifetime = durationCell ? readLifetime(unit, durationCell.text) : undefined
  return {
    table,
    row,
    names: cellLines(nameCell)
      .map((line) => line.replace(/`/g, '').trim())
      .filter(Boolean),
    nameCell,
    nameRange: nameCell && cellRange(nameCell),
    party: first === third ? undefined : first ? 'first' : 'third',
    partyCell,
    domain: registrable(domainText),
    domainText,
    provider: fieldCell(table, row, 'provider')?.text.trim() ?? '',
    seconds: lifetime?.seconds,
    duration: lifetime?.text ?? '',
    durationCell,
    durationRange: durationCell && cellRange(durationCell),
    lifetimes: cellLines(durationCell)
      .filter((line) => line !== '')
      .map((line) => ({text: line, duration: parseDuration(line)})),
    unit
  }
}

function readLifetime(unit: Unit | undefined, text: string): {seconds: number; text: string} | undefined {
  const duration = parseDuration(text)
  if (duration.kind === 'bare') {
    // `729` under `Lifespan (Days)`: the header gives the unit.
    if (!unit || duration.number === undefined) return undefined
    return {seconds: secondsOf(duration.number, unit), text: amountOf(duration.number, unit)}
  }
  if (duration.kind === 'session') return {seconds: 0, text: text.replace(/\s+/g, ' ').trim()}
  if ((duration.kind === 'duration' || duration.kind === 'range') && duration.max !== undefined) {
    return {seconds: duration.max, text: text.replace(/\s+/g, ' ').trim()}
  }
  return undefined
}

/** The registrable domain of a domain cell: `.www.example.co.uk` → `example.co.uk`; nothing for prose. */
export function registrable(text: string): string | undefined {
  const first = text
    .replace(/\(.*?\)/g, ' ')
    .split(/\s*(?:,|\bor\b|\n|\s)\s*/)
    .map((part) => part.trim())
    .find((part) => part !== '')
  if (!first) return undefined
  const host = first
    .replace(/^\[([^\]]*)\]\(.*\)$/, '$1')
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/^\*?\./, '')
    .toLowerCase()
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)) return undefined
  return getDomain(host) ?? undefined
}

/** The registrable domains of the shared setting `siteDomains` (`www.example.co.uk` → `example.co.uk`). */
export function siteDomainSet(domains: readonly string[]): Set<string> {
  return new Set(domains.map((domain) => registrable(domain)).filter((domain): domain is string => Boolean(domain)))
}

/** `hotjar` for `hotjar.com`: the name a page would use for the company behind a domain. */
export function domainName(domain: string): string | undefined {
  return getDomainWithoutSuffix(domain) ?? undefined
}

/** Why a row is a third-party cookie, when it is one: the table says so, or the domain is not the site's. */
export function thirdParty(row: CookieRow, site: Set<string>): string | undefined {
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
export function firstParty(row: CookieRow, site: Set<string>): string | undefined {
  if (row.party === 'first') return 'a first-party cookie'
  if (row.party === 'third') return undefined
  if (row.domain) return site.has(row.domain) ? `a cookie of the site's own \`${row.domain}\`` : undefined
  const known = row.names.length === 1 ? lookup(reference(), row.names[0]) : undefined
  return known?.party === 'first' ? `a first-party cookie of ${known.owner}, set on the site's own domain` : undefined
}

/** A category cell that names advertising, and not as what the cookie is not. */
const advertisingCategory = /\b(?:advertising|marketing|targeting|advertisement)\b/i

/** Why a row is an advertising cookie: its category says so, or it is a known marketing cookie. */
export function advertisingCookie(row: CookieRow): string | undefined {
  const category = fieldCell(row.table, row.row, 'category')?.text ?? ''
  if (advertisingCategory.test(category) && !/\bnon-?|\bnot\b/i.test(category)) return `a cookie in \`${category.replace(/\s+/g, ' ')}\``
  const known = row.names.length === 1 ? lookup(reference(), row.names[0]) : undefined
  return known?.category === 'marketing' ? `an advertising cookie of ${known.owner}` : undefined
}

/** A row of web storage (HTML local storage, IndexedDB) rather than a cookie, as its storage type cell says. */
export function webStorage(row: CookieRow): boolean {
  return /html|local ?storage|indexeddb|web ?storage/i.test(fieldCell(row.table, row.row, 'storageType')?.text ?? '')
}

/** What a row's Session/Persistent cell claims, when the table has one: a cell may claim both. */
export function sessionClaim(row: CookieRow): {cell: Cell; session: boolean; persistent: boolean} | undefined {
  const cell = fieldCell(row.table, row.row, 'session')
  if (!cell) return undefined
  const claim = cell.text.toLowerCase()
  return {cell, session: /\bsession\b/.test(claim) && !/persist/.test(claim), persistent: /\bpersist|permanent/.test(claim)}
}
