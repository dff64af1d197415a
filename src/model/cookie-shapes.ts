/**
 * Cookie declarations that are not one table: runs of record tables and cookie lists, read into the same
 * table structure as GFM and HTML tables (rows, cells with source ranges, field columns), so that every cookie rule
 * reads them through `cookieTables()` without knowing their shape.
 *
 * - A record table lists one cookie down its first column (`Name:` / `Purpose:` / `Expires in:` …), as consent
 *   tools (Termly, Cookiebot exports) write them. A run of them under one heading becomes one table: a row per
 *   record, a column per label in first-seen order.
 * - A cookie list is a list whose items start with a cookie name (`- **_ga**: counts visits, expires after 2
 *   years`): the name is the name cell, a lifetime in the text the duration cell, the rest the purpose cell.
 */
import type {List, ListItem, Nodes, Paragraph, PhrasingContent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {cached} from './memo.js'
import {proseAmounts, proseUnits} from '../values/duration.js'
import {matchHeader} from '../data/fields.js'
import {lookup, reference} from '../data/known-cookies.js'
import {nodeRange, type Range} from './source.js'
import {finish, tables, type Cell, type CookieTable, type DerivedTable, type Row, type Table} from './tables.js'
import {walk} from './walk.js'

/**
 * The cookie tables: GFM and HTML tables with a name column and at least one other cookie field, runs of record
 * tables and cookie lists (`cookie-shapes.ts`), in document order.
 */
export function cookieTables(tree: Root, source: string): CookieTable[] {
  return cached(tree, 'cookie-tables', () => {
    const found: CookieTable[] = tables(tree, source).filter((table) => table.cookie)
    found.push(...recordTables(tree, source), ...cookieLists(tree, source))
    return found.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0))
  })
}

/** Fields whose presence says a label/value table describes a cookie rather than a contact or a vendor. */
const cookieOnlyFields = new Set(['duration', 'domain', 'party', 'session', 'storageType'])

/** One cookie described down a column: label/value pairs from a table, a `Label: value` list or pipe lines. */
interface CookieRecord {
  pairs: Array<{label: string; labelCell: Cell; value: Cell}>
  range: Range
}

export function recordTables(tree: Root, source: string): DerivedTable[] {
  return cached(tree, 'record-tables', () => {
    const headingStarts: number[] = []
    const records: CookieRecord[] = []
    for (const table of tables(tree, source)) {
      const record = !table.cookie && table.range ? tableRecord(table) : undefined
      if (record) records.push(record)
    }
    walk(tree, (node) => {
      if (node.type === 'heading' && node.position?.start.offset !== undefined) headingStarts.push(node.position.start.offset)
      if (node.type === 'list') records.push(...listRecords(node, source))
      const record = node.type === 'paragraph' ? pipeRecord(node, source) : undefined
      if (record) records.push(record)
    })
    records.sort((a, b) => a.range[0] - b.range[0])
    // Records with no heading between them describe cookies of one group: one table.
    const groups: CookieRecord[][] = []
    for (const [index, record] of records.entries()) {
      const previous = records[index - 1]
      const split = !previous || headingStarts.some((at) => at > previous.range[1] && at < record.range[0])
      if (split) groups.push([record])
      else groups[groups.length - 1].push(record)
    }
    return groups.map(recordGroup)
  })
}

/** A name label, a cookie-only field among the labels, and most labels naming a field. */
function isRecord(pairs: CookieRecord['pairs']): boolean {
  if (pairs.length < 2) return false
  const fields = pairs.map((pair) => matchHeader(pair.label, [pair.value.text]).field)
  const known = fields.filter(Boolean)
  return fields.includes('name') && known.length * 2 >= pairs.length && known.some((field) => cookieOnlyFields.has(field!))
}

function label(text: string): string {
  return text.replace(/\s*:\s*$/, '').trim()
}

function tableRecord(table: Table): CookieRecord | undefined {
  // A header such as `Name | Description` above `Name | _ga` names the columns, not a field.
  const headerRepeated =
    table.header &&
    table.rows.some((row) => label(row.cells[0]?.text ?? '').toLowerCase() === label(table.header!.cells[0]?.text ?? '').toLowerCase())
  const rows = table.header && !headerRepeated ? [table.header, ...table.rows] : table.rows
  if (rows.some((row) => row.cells.length < 2)) return undefined
  const pairs = rows
    .map((row) => ({label: label(row.cells[0].text), labelCell: row.cells[0], value: row.cells[1]}))
    .filter((pair) => pair.label !== '')
  return isRecord(pairs) ? {pairs, range: table.range!} : undefined
}

/**
 * `- Name: _ga` / `- Expires in: 2 years`: one item per field. One list may hold several cookies (blank lines
 * between them make one loose list): a label seen again starts the next record.
 */
function listRecords(list: List, source: string): CookieRecord[] {
  const records: Array<{pairs: CookieRecord['pairs']; start: number; end: number}> = []
  for (const item of list.children) {
    const paragraph = item.children[0]
    const range = nodeRange(paragraph)
    const itemRange = nodeRange(item)
    if (item.children.length !== 1 || paragraph?.type !== 'paragraph' || !range || !itemRange) return []
    const raw = source.slice(range[0], range[1])
    const found = /^([^:\n]{1,40}?)\s*:[ \t]*/.exec(raw)
    if (!found) return []
    const labelRange: Range = [range[0], range[0] + found[1].length]
    const valueRange: Range = [range[0] + found[0].length, range[1]]
    const pair = {
      label: label(found[1].replace(/[*_`]/g, '')),
      labelCell: cell(found[1].replace(/[*_`]/g, ''), labelRange),
      value: cell(plainText(raw.slice(found[0].length)), valueRange)
    }
    const current = records[records.length - 1]
    if (current && !current.pairs.some((known) => known.label.toLowerCase() === pair.label.toLowerCase())) {
      current.pairs.push(pair)
      current.end = itemRange[1]
    } else {
      records.push({pairs: [pair], start: itemRange[0], end: itemRange[1]})
    }
  }
  const all = records.map((record) => ({pairs: record.pairs, range: [record.start, record.end] as Range}))
  return all.length > 0 && all.every((record) => isRecord(record.pairs)) ? all : []
}

/** `| Name: | _ga |` lines that GFM did not read as a table (no delimiter row after the first line). */
function pipeRecord(paragraph: Paragraph, source: string): CookieRecord | undefined {
  const range = nodeRange(paragraph)
  if (!range) return undefined
  const raw = source.slice(range[0], range[1])
  if (!raw.startsWith('|')) return undefined
  const pairs: CookieRecord['pairs'] = []
  let offset = range[0]
  for (const line of raw.split('\n')) {
    const cells = [...line.matchAll(/\|((?:\\.|[^|\\])*)(?=\|)/g)].map((match) => {
      const start = offset + match.index + 1 + (match[1].length - match[1].trimStart().length)
      const text = match[1].trim()
      return cell(plainText(text), [start, start + text.length])
    })
    offset += line.length + 1
    if (cells.length === 2 && label(cells[0].text) !== '' && !/^:?-+:?$/.test(cells[0].text)) {
      pairs.push({label: label(cells[0].text), labelCell: cells[0], value: cells[1]})
    }
  }
  return isRecord(pairs) ? {pairs, range} : undefined
}

/**
 * The text of a value written in Markdown, read from its source: links as their text, emphasis and code marks and
 * backslash escapes removed. The source, not the tree, because `_hjSession_<site-id>` holds what a parser reads as
 * HTML.
 */
function plainText(markdown: string): string {
  return (
    markdown
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      // Emphasis marks that are not escaped (`\_\_cf\_bm` is a name, not emphasis), then code marks, then escapes.
      .replace(/(^|[\s(])(?<!\\)[*_]{1,2}(?=\S)|(?<=[^\s\\])[*_]{1,2}(?=$|[\s).,;:])/g, '$1')
      .replace(/`/g, '')
      .replace(/\\(.)/g, '$1')
      .trim()
  )
}

function recordGroup(group: CookieRecord[]): DerivedTable {
  const labels: string[] = []
  const headerCells: Cell[] = []
  for (const record of group) {
    for (const pair of record.pairs) {
      if (labels.some((known) => known.toLowerCase() === pair.label.toLowerCase())) continue
      labels.push(pair.label)
      headerCells.push({...pair.labelCell, text: pair.label, header: true})
    }
  }
  const rows: Row[] = group.map((record) => {
    const byLabel = new Map(record.pairs.map((pair) => [pair.label.toLowerCase(), pair.value]))
    return {
      cells: labels.map((text) => ({...(byLabel.get(text.toLowerCase()) ?? emptyCell()), header: false})),
      range: record.range,
      inHead: false
    }
  })
  const derived = finish({
    kind: 'record' as const,
    header: {cells: headerCells, range: group[0].range, inHead: true},
    rows,
    align: labels.map(() => null),
    range: [group[0].range[0], group[group.length - 1].range[1]] as Range
  })
  return {...derived, cookie: derived.fieldColumns.has('name')}
}

function emptyCell(): Cell {
  return {text: '', header: false, range: undefined, contentRange: undefined, align: null, colspan: 1, rowspan: 1}
}

// A lifetime in prose: `2 years`, `30 minutes`, `1 year and 6 months`, or the end of the session.
const unit = `(?:${proseUnits})`
const amount = `(?:${proseAmounts})`
const lifetimePattern = new RegExp(
  `\\b${amount}[\\s-]+${unit}(?:,?\\s+(?:and\\s+)?${amount}[\\s-]+${unit})*\\b|\\b(?:the\\s+)?(?:end\\s+of\\s+(?:the\\s+|your\\s+)?(?:browser\\s+)?session|session\\s+cookie|session)\\b`,
  'i'
)
const separator = /^[\s:–—-]+|[\s.;,]+$/g

/** Lists whose items start with a cookie name; one derived table per list. */
export function cookieLists(tree: Root, source: string): DerivedTable[] {
  return cached(tree, 'cookie-lists', () => {
    const found: DerivedTable[] = []
    walk(tree, (node, ancestors) => {
      if (node.type !== 'list') return
      const rows = node.children.map((item) => listRow(item, source)).filter((row): row is Row => row !== undefined)
      // One named item in a list of prose points is a mention, not a cookie list.
      if (rows.length === 0 || rows.length * 2 < node.children.length) return
      if (!rows.some((row) => row.cells[1].text !== '') && !aboutCookies(node, ancestors, source)) return
      const header: Row = {
        cells: ['Name', 'Duration', 'Purpose'].map((text) => ({...emptyCell(), text, header: true})),
        range: undefined,
        inHead: true
      }
      const table = finish({kind: 'list' as const, sources: [], header, rows, align: [null, null, null], range: nodeRange(node)})
      found.push({...table, header: undefined, cookie: true})
    })
    return found
  })
}

/** The name, lifetime and purpose of a list item that starts with a cookie name. */
function listRow(item: ListItem, source: string): Row | undefined {
  const paragraph = item.children[0]
  if (paragraph?.type !== 'paragraph') return undefined
  const first = paragraph.children[0]
  const name = first && cookieName(first)
  const nameRange = first && contentRange(first)
  const end = paragraph.position?.end.offset
  if (!name || !nameRange || end === undefined) return undefined
  const restStart = first.position!.end.offset!
  const rest = source.slice(restStart, end)
  if (!/\p{L}{3,}/u.test(rest)) return undefined
  const lifetime = lifetimePattern.exec(rest)
  const lifetimeRange: Range | undefined = lifetime ? [restStart + lifetime.index, restStart + lifetime.index + lifetime[0].length] : undefined
  const purposeText = rest.replace(separator, '')
  const purposeStart = restStart + (rest.length - rest.replace(/^[\s:–—-]+/, '').length)
  return {
    cells: [
      cell(name, nameRange),
      lifetime && lifetimeRange ? cell(lifetime[0], lifetimeRange) : emptyCell(),
      cell(purposeText, [purposeStart, purposeStart + purposeText.length])
    ],
    range: nodeRange(item),
    inHead: false
  }
}

function cell(text: string, range: Range): Cell {
  return {...emptyCell(), text: text.replace(/\s+/g, ' ').trim(), range, contentRange: range}
}

const known = reference()

/** `_ga`, `**__hstc**`, `` `sid` ``: a single identifier in code or emphasis that names a cookie. */
function cookieName(node: PhrasingContent): string | undefined {
  let text: string
  let code = false
  if (node.type === 'inlineCode') {
    text = node.value
    code = true
  } else if ((node.type === 'strong' || node.type === 'emphasis') && node.children.length === 1) {
    const inner = node.children[0]
    if (inner.type === 'inlineCode') {
      text = inner.value
      code = true
    } else if (inner.type === 'text') {
      text = inner.value
    } else return undefined
  } else return undefined
  text = text.trim().replace(/:$/, '')
  if (!/^[A-Za-z0-9_.*\-[\]<>]{2,}$/.test(text) || !/[A-Za-z]/.test(text)) return undefined
  // A bold word (`**Analytics**`) is a label; a cookie name has an underscore, a digit, an inner capital or is known.
  if (!code && !/[_\d]|[a-z][A-Z]/.test(text) && !lookup(known, text)) return undefined
  return text
}

function contentRange(node: PhrasingContent): Range | undefined {
  const range = nodeRange(node)
  if (!range) return undefined
  if (node.type === 'inlineCode') return [range[0] + 1, range[1] - 1]
  if ('children' in node && node.children.length === 1) {
    const inner = nodeRange(node.children[0])
    if (inner && node.children[0].type === 'inlineCode') return [inner[0] + 1, inner[1] - 1]
    return inner
  }
  return range
}

/** The nearest heading or the paragraph just before the list talks about cookies or storage. */
function aboutCookies(list: List, ancestors: Nodes[], source: string): boolean {
  const parent = ancestors[ancestors.length - 1]
  if (!parent || !('children' in parent)) return false
  const siblings = parent.children as Nodes[]
  const index = siblings.indexOf(list)
  for (let at = index - 1; at >= 0; at--) {
    const node = siblings[at]
    if (node.type === 'heading' || (node.type === 'paragraph' && at === index - 1)) {
      const range = nodeRange(node)
      if (range && /cookie|local ?storage|tracker/i.test(source.slice(range[0], range[1]))) return true
      if (node.type === 'heading') return false
    }
  }
  return false
}
