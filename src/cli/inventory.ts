/**
 * `policylint cookies [paths…]`: every cookie the documents declare, whatever the shape (GFM and HTML tables,
 * record tables, cookie lists), read through the same cookie-rows model as the rules: name, provider, domain,
 * party, category, purpose, lifetime (as written and in seconds), and the page and line. A cookie declared on
 * several pages with different lifetimes or purposes is flagged.
 */
import fs from 'node:fs'
import path from 'node:path'
import {markdownTable} from 'markdown-table'
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {commandArguments} from './command-args.js'
import {discover} from '../engine.js'
import {cookieRows} from '../model/cookie-rows.js'
import {lineOf} from '../model/source.js'
import {fieldCell} from '../model/tables.js'
import {isMdx, loadMdxSyntax} from '../mdx.js'
import {syntax} from '../preset.js'

export interface DeclaredCookie {
  name: string
  provider: string
  domain: string
  party: 'first' | 'third' | ''
  category: string
  purpose: string
  /** The lifetime as the page writes it. */
  lifetime: string
  /** The lifetime in seconds (0 for a session cookie), when the page states one that can be read. */
  seconds: number | null
  file: string
  line: number
  /** Set when other pages declare the same name with another lifetime or purpose. */
  differs: string | null
}

const formats = ['table', 'json', 'csv', 'markdown'] as const
type Format = (typeof formats)[number]

const usage =
  'Usage: policylint cookies [paths...] [--format table|json|csv|markdown] [-o FILE]\n\n' +
  'List every cookie the documents declare, with its page and line; cookies declared with different lifetimes or\npurposes on several pages are flagged.\n'

export async function cookiesCommand(argv: string[], cwd: string): Promise<number> {
  const parsed = commandArguments('cookies', argv, {format: {type: 'string'}, 'output-file': {type: 'string', short: 'o'}}, usage)
  if (typeof parsed === 'number') return parsed
  const {positionals} = parsed
  const values = parsed.values as {format?: string; 'output-file'?: string}
  const format = (values.format ?? 'table') as Format
  if (!formats.includes(format)) {
    process.stderr.write(
      `policylint cookies: Unexpected value \`${values.format}\` for \`--format\`, expected one of ${formats.map((name) => `\`${name}\``).join(', ')}\n`
    )
    return 2
  }
  let files: VFile[]
  try {
    files = await discover({cwd, files: positionals.length > 0 ? positionals : ['.']})
    if (files.some(isMdx)) await loadMdxSyntax()
  } catch (error) {
    process.stderr.write(`policylint cookies: ${(error as Error).message}\n`)
    return 2
  }
  const cookies = inventory(files)
  const output = render(cookies, format)
  if (values['output-file']) {
    const target = path.resolve(cwd, values['output-file'])
    fs.mkdirSync(path.dirname(target), {recursive: true})
    fs.writeFileSync(target, output)
  } else {
    process.stdout.write(output)
  }
  return 0
}

/** The cookies of read files, in file and line order, with the cross-page differences flagged. */
export function inventory(files: readonly VFile[]): DeclaredCookie[] {
  const processor = unified().use(remarkParse).use(syntax).freeze()
  const cookies: DeclaredCookie[] = []
  for (const file of files) {
    const source = String(file.value ?? '').replace(/^\uFEFF/, '')
    const tree = processor.runSync(processor.parse(file), file) as Root
    const name = file.path ? path.relative(file.cwd, path.resolve(file.cwd, file.path)) : '<stdin>'
    for (const row of cookieRows(tree, source)) {
      const line = lineOf(source, row.nameRange?.[0] ?? row.row.range?.[0] ?? 0)
      const category = fieldCell(row.table, row.row, 'category')?.text ?? ''
      const purpose = fieldCell(row.table, row.row, 'purpose')?.text ?? ''
      for (const cookie of row.names) {
        cookies.push({
          name: cookie,
          provider: row.provider,
          domain: row.domainText,
          party: row.party ?? '',
          category: oneLine(category),
          purpose: oneLine(purpose),
          lifetime: row.duration,
          seconds: row.seconds ?? null,
          file: name,
          line,
          differs: null
        })
      }
    }
  }
  flagDifferences(cookies)
  return cookies
}

/** Same name on several pages, with another lifetime or purpose: say where each differs. */
function flagDifferences(cookies: DeclaredCookie[]): void {
  const byName = new Map<string, DeclaredCookie[]>()
  for (const cookie of cookies) byName.set(cookie.name, [...(byName.get(cookie.name) ?? []), cookie])
  for (const declared of byName.values()) {
    if (new Set(declared.map((cookie) => cookie.file)).size < 2) continue
    const lifetimes = new Set(declared.map((cookie) => cookie.seconds ?? cookie.lifetime))
    const purposes = new Set(declared.map((cookie) => cookie.purpose.toLowerCase()))
    const what = [lifetimes.size > 1 ? 'lifetime' : '', purposes.size > 1 ? 'purpose' : ''].filter(Boolean).join(' and ')
    if (!what) continue
    for (const cookie of declared) {
      const others = declared.filter((other) => other !== cookie).map((other) => `${other.file}:${other.line}`)
      cookie.differs = `${what} ${what.includes(' and ') ? 'differ' : 'differs'} from ${others.join(', ')}`
    }
  }
}

const columns: Array<[keyof DeclaredCookie, string]> = [
  ['name', 'Name'],
  ['provider', 'Provider'],
  ['domain', 'Domain'],
  ['party', 'Party'],
  ['category', 'Category'],
  ['purpose', 'Purpose'],
  ['lifetime', 'Lifetime'],
  ['seconds', 'Seconds'],
  ['file', 'File'],
  ['line', 'Line'],
  ['differs', 'Differs']
]

export function render(cookies: readonly DeclaredCookie[], format: Format): string {
  if (format === 'json') return JSON.stringify(cookies, null, 2) + '\n'
  const cell = (cookie: DeclaredCookie, key: keyof DeclaredCookie) => (cookie[key] === null ? '' : String(cookie[key]))
  if (format === 'csv') {
    const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
    const lines = [columns.map(([, header]) => header), ...cookies.map((cookie) => columns.map(([key]) => cell(cookie, key)))]
    return lines.map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n'
  }
  if (cookies.length === 0) return format === 'table' ? 'No cookies declared\n' : ''
  const rows = [columns.map(([, header]) => header), ...cookies.map((cookie) => columns.map(([key]) => cell(cookie, key).replace(/\|/g, '\\|')))]
  const table = markdownTable(rows) + '\n'
  if (format === 'markdown') return table
  const differing = cookies.filter((cookie) => cookie.differs).length
  return (
    table +
    `\n${cookies.length} cookie${cookies.length === 1 ? '' : 's'} declared` +
    (differing > 0 ? `; ${differing} declared differently on other pages` : '') +
    '\n'
  )
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
