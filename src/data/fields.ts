/** Cookie-table header synonyms: map a column header (and, for `Type`, its values) to a canonical field. */
import {unitOf, type Unit} from '../values/duration.js'

export type Field = 'name' | 'provider' | 'domain' | 'purpose' | 'category' | 'duration' | 'party' | 'session' | 'storageType' | 'privacyLink'

export const fields: readonly Field[] = [
  'name',
  'provider',
  'domain',
  'purpose',
  'category',
  'duration',
  'party',
  'session',
  'storageType',
  'privacyLink'
]

/** How messages name each field: `a cookie table without a first or third party column`. */
export const fieldWords: Record<Field, string> = {
  name: 'name',
  provider: 'provider',
  domain: 'domain',
  purpose: 'purpose',
  category: 'category',
  duration: 'duration',
  party: 'first or third party',
  session: 'session or persistent',
  storageType: 'storage type',
  privacyLink: 'privacy link'
}

/** A header for each field's column, as messages suggest one: `expected a column such as `Expires``. */
export const fieldExamples: Record<Field, string> = {
  name: '`Cookie`',
  provider: '`Provider`',
  domain: '`Domain`',
  purpose: '`Purpose`',
  category: '`Category`',
  duration: '`Expires`',
  party: '`Party`',
  session: '`Session or persistent`',
  storageType: '`Storage type`',
  privacyLink: '`Privacy policy`'
}

export interface FieldMatch {
  field: Field | undefined
  /** The header, lower-cased, without punctuation or a unit in parentheses: what "the same field named the same" compares. */
  normalized: string
  /** A unit the header gives its values, as in `Lifespan (Days)`. */
  unit: Unit | undefined
}

// Sources: research notes `cookie-tables.md` §2.9 (Cookiebot, OneTrust, CookieYes, Termly, OCD, IAB TCF, orestbida).
const synonyms: Record<Field, string[]> = {
  name: [
    'name',
    'cookie',
    'cookies',
    'cookie name',
    'cookie names',
    'cookie data key name',
    'cookie key',
    'identifier',
    'nom du cookie',
    'nom',
    'nazwa',
    'クッキー名',
    'key',
    'nombre',
    'cookie identifier',
    'cookie id'
  ],
  provider: [
    'provider',
    'service',
    'platform',
    'data controller',
    'owner',
    'source',
    'editeur du cookie',
    'who places the cookie',
    'vendor',
    'administrator',
    'set by',
    'provider of cookie',
    'cookie provider',
    'company',
    'third party provider',
    'service provider',
    'provided by',
    'placed by'
  ],
  domain: ['domain', 'scope', 'host', 'hostname', 'cookie subgroup', 'adres', 'cookie domain', 'domains', 'hosts'],
  purpose: [
    'purpose',
    'purposes',
    'description',
    'description of use',
    'application description',
    'usage',
    'about',
    'reason',
    'finalite du cookie',
    'finalité du cookie',
    'opis',
    '説明',
    'function',
    'use',
    'what it does',
    'what it is used for',
    'purpose description',
    'objective',
    'details',
    'notes',
    'why we use it',
    'used for',
    'what we use it for'
  ],
  category: ['category', 'categories', 'module', 'groupname', 'group', 'classification', 'cookie category'],
  duration: [
    'duration',
    'expiry',
    'expiration',
    'expiration time',
    'default expiration time',
    'expires',
    'expires in',
    'expires after',
    'lifespan',
    'lifetime',
    'life span',
    'retention',
    'retention period',
    'retention time',
    'storage time',
    'maximum storage duration',
    'storage duration',
    'persists for',
    'max age',
    'length',
    'durée de vie',
    'duree de vie',
    'wygasa',
    '満了',
    'expiry date',
    'expiration date',
    'when it expires',
    'how long',
    'cookie duration',
    'cookie expiry',
    'cookie lifespan',
    'validity',
    'period'
  ],
  party: ['first or third party', 'cookies used', 'party', '1st3rd party', 'first party or third party', 'first third party'],
  session: ['session or persistent', 'issession', 'persistent or session', 'session persistent'],
  storageType: ['tracker type', 'tracker_type', 'technique', 'storage type', 'storage'],
  privacyLink: ['privacy policy', 'user privacy gdpr rights portals', 'service policy link', 'privacy link', 'opt out', 'opt-out']
}

const lookup = new Map<string, Field>()
for (const field of fields) for (const synonym of synonyms[field]) lookup.set(normalizeHeader(synonym).normalized, field)

function normalizeHeader(text: string): {normalized: string; unit: FieldMatch['unit']} {
  let value = text.toLowerCase().normalize('NFKC').trim()
  let unit: FieldMatch['unit']
  const parenthesis = /\s*\(([^)]*)\)\s*$/.exec(value)
  if (parenthesis) {
    const inner = parenthesis[1].trim()
    // `(s)` marks a plural (`Cookie(s)`), and `(m)` could be minutes or months: neither gives a unit.
    const named = inner === 's' || inner === 'm' ? undefined : unitOf(inner.replace(/^in /, ''))
    if (inner === 's' || named) {
      unit = named
      value = value.slice(0, parenthesis.index)
    }
  }
  value = value
    .replace(/[\p{P}\p{S}]+/gu, (match) => (match === '/' || match === '-' || match === '&' ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim()
  return {normalized: value, unit}
}

/** Map a header to a canonical field; `Type` and its kin are resolved from the column's values. */
export function matchHeader(header: string, values: readonly string[]): FieldMatch {
  const {normalized, unit} = normalizeHeader(header)
  let field = lookup.get(normalized)
  if (!field && /^(cookie )?type$|^type of cookie$|^cookie type$|^kind$/.test(normalized)) field = fieldFromValues(values)
  if (!field && /^cookie type$/.test(normalized)) field = 'category'
  // Consent tools label the cookie's domain `Provider` (`Provider: .example.com`): the values say what it is.
  if (field === 'provider' && mostly(values, (value) => /^\.?(?:[a-z0-9-]+\.)+[a-z]{2,}$/i.test(value.trim()))) field = 'domain'
  return {field, normalized, unit}
}

function mostly(values: readonly string[], test: (value: string) => boolean): boolean {
  const filled = values.filter((value) => value.trim() !== '')
  return filled.length > 0 && filled.filter(test).length * 2 > filled.length
}

const categoryWords =
  /^(strictly )?(necessary|essential|required|functional|functionality|technical|preferences?|personali[sz]ation|statistics?|statistical|analytics?|analytical|performance|marketing|advertising|targeting|social( media)?|security|unclassified|other)( cookies?)?$/i
const sessionWords = /^(session|persistent|permanent|persistant)( cookies?)?$/i
const partyWords = /^(1st|3rd|first|third)[ -]?party( cookies?)?$/i
const storageWords =
  /^(http( cookie)?|html( local storage)?|local ?storage|session ?storage|pixel( tracker)?|cookie|http_cookie|server_cookie|html_local_storage|pixel_tracker|indexeddb|web storage)$/i

/** A `Type` column means what its values say: category, session/persistent, party or storage type. */
function fieldFromValues(values: readonly string[]): Field | undefined {
  const counts = new Map<Field, number>()
  let total = 0
  for (const raw of values) {
    const value = raw.trim()
    if (value === '') continue
    total++
    const parts = value.split(/\s*(?:,|\/|<br>|\n)\s*/)
    const test = (pattern: RegExp) => parts.every((part) => pattern.test(part.trim()))
    const field: Field | undefined = test(categoryWords)
      ? 'category'
      : test(sessionWords)
        ? 'session'
        : test(partyWords)
          ? 'party'
          : test(storageWords)
            ? 'storageType'
            : undefined
    if (field) counts.set(field, (counts.get(field) ?? 0) + 1)
  }
  let best: Field | undefined
  let bestCount = 0
  for (const [field, count] of counts) {
    if (count > bestCount) {
      best = field
      bestCount = count
    }
  }
  return best && bestCount * 2 > total ? best : undefined
}
