/**
 * Cookies a browser observed on the site, read from the files people already have: a HAR export (devtools:
 * `Set-Cookie` response headers, response and request cookies), a Playwright storage state or Puppeteer cookie
 * list (JSON), or a Netscape `cookies.txt` (curl, wget). Each file is read once per process.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface ObservedCookie {
  name: string
  /** The host it was set for, without a leading dot. */
  domain: string
  /** Seconds it was set to live from when it was seen; `0` for a session cookie; unknown when only sent. */
  seconds: number | undefined
  /** When the scan saw it. */
  seenAt: Date
  /** The file it was read from. */
  source: string
}

export class ObservedError extends Error {}

const formats =
  'a HAR file (`log.entries`), a Playwright storage state (`{cookies: [...]}`), a Puppeteer cookie list (`[{name, domain, expires}]`) or a Netscape cookies.txt'

const read = new Map<string, {mtime: number; cookies: ObservedCookie[]}>()

export function readObserved(file: string): ObservedCookie[] {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    throw new ObservedError(`Cannot read observed cookies from \`${file}\`: no such file`)
  }
  const known = read.get(file)
  if (known && known.mtime === stat.mtimeMs) return known.cookies
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  const cookies = parseObserved(text, path.basename(file), stat.mtime)
  read.set(file, {mtime: stat.mtimeMs, cookies})
  return cookies
}

/** Parse observed cookies of any of the formats; `scannedAt` stands for the scan's time where the file has none. */
export function parseObserved(text: string, source: string, scannedAt: Date): ObservedCookie[] {
  const trimmed = text.trim()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let data: unknown
    try {
      data = JSON.parse(trimmed)
    } catch (error) {
      throw new ObservedError(`Cannot read observed cookies from \`${source}\`: not valid JSON (${(error as Error).message}), expected ${formats}`)
    }
    if (isObject(data) && isObject(data.log) && Array.isArray(data.log.entries)) return fromHar(data.log.entries, source)
    if (isObject(data) && Array.isArray(data.cookies)) return fromCookieList(data.cookies, source, scannedAt)
    if (Array.isArray(data)) return fromCookieList(data, source, scannedAt)
    throw new ObservedError(`Cannot read observed cookies from \`${source}\`: unknown JSON, expected ${formats}`)
  }
  if (/^#\s*(?:Netscape )?HTTP Cookie File/im.test(trimmed) || /^[^\s#]+\t(?:TRUE|FALSE)\t/im.test(trimmed))
    return fromNetscape(trimmed, source, scannedAt)
  throw new ObservedError(`Cannot read observed cookies from \`${source}\`: unknown format, expected ${formats}`)
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function bareDomain(domain: string): string {
  return domain.trim().replace(/^\./, '').toLowerCase()
}

function fromHar(entries: unknown[], source: string): ObservedCookie[] {
  const cookies: ObservedCookie[] = []
  for (const entry of entries) {
    if (!isObject(entry)) continue
    const seenAt = new Date(typeof entry.startedDateTime === 'string' ? entry.startedDateTime : 0)
    let host = ''
    try {
      host = new URL(String(entry.request?.url ?? '')).hostname
    } catch {
      // A request without a URL sets no cookie we can place.
    }
    for (const header of Array.isArray(entry.response?.headers) ? entry.response.headers : []) {
      if (!isObject(header) || String(header.name).toLowerCase() !== 'set-cookie') continue
      // Some exporters fold several Set-Cookie headers into one value, one per line.
      for (const line of String(header.value ?? '').split('\n')) {
        const cookie = setCookie(line, host, seenAt, source)
        if (cookie) cookies.push(cookie)
      }
    }
    for (const sent of Array.isArray(entry.request?.cookies) ? entry.request.cookies : []) {
      if (isObject(sent) && typeof sent.name === 'string') cookies.push({name: sent.name, domain: host, seconds: undefined, seenAt, source})
    }
  }
  return cookies
}

/** `name=value; Max-Age=…; Expires=…; Domain=…`. */
function setCookie(line: string, host: string, seenAt: Date, source: string): ObservedCookie | undefined {
  const [pair, ...attributes] = line.split(';')
  const name = pair?.split('=')[0]?.trim()
  if (!name) return undefined
  let domain = host
  let seconds: number | undefined = 0
  let maxAge: number | undefined
  for (const attribute of attributes) {
    const [key, ...rest] = attribute.split('=')
    const value = rest.join('=').trim()
    const lower = key.trim().toLowerCase()
    if (lower === 'domain' && value) domain = value
    else if (lower === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value)
    else if (lower === 'expires') {
      const at = Date.parse(value)
      if (!Number.isNaN(at)) seconds = Math.max(0, Math.round((at - seenAt.getTime()) / 1000))
    }
  }
  if (maxAge !== undefined) seconds = Math.max(0, maxAge)
  return {name, domain: bareDomain(domain), seconds, seenAt, source}
}

/** Playwright and Puppeteer: `expires` in Unix seconds, `-1` (or `session: true`) for a session cookie. */
function fromCookieList(list: unknown[], source: string, scannedAt: Date): ObservedCookie[] {
  const cookies: ObservedCookie[] = []
  for (const item of list) {
    if (!isObject(item) || typeof item.name !== 'string') {
      throw new ObservedError(`Cannot read observed cookies from \`${source}\`: a cookie without a \`name\`, expected ${formats}`)
    }
    const expires = typeof item.expires === 'number' ? item.expires : -1
    const session = item.session === true || expires <= 0
    cookies.push({
      name: item.name,
      domain: bareDomain(String(item.domain ?? '')),
      seconds: session ? 0 : Math.max(0, Math.round(expires - scannedAt.getTime() / 1000)),
      seenAt: scannedAt,
      source
    })
  }
  return cookies
}

/** `domain  flag  path  secure  expiry  name  value`, tab-separated; `#HttpOnly_` marks HttpOnly cookies. */
function fromNetscape(text: string, source: string, scannedAt: Date): ObservedCookie[] {
  const cookies: ObservedCookie[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^#HttpOnly_/, '')
    if (line.trim() === '' || line.startsWith('#')) continue
    const fields = line.split('\t')
    if (fields.length < 7)
      throw new ObservedError(
        `Cannot read observed cookies from \`${source}\`: a cookies.txt line without 7 tab-separated fields: \`${raw.slice(0, 60)}\``
      )
    const expires = Number(fields[4])
    cookies.push({
      name: fields[5],
      domain: bareDomain(fields[0]),
      seconds: expires > 0 ? Math.max(0, Math.round(expires - scannedAt.getTime() / 1000)) : 0,
      seenAt: scannedAt,
      source
    })
  }
  return cookies
}
