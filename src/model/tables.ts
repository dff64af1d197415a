/** Every table in the document, GFM and HTML `<table>`, as one structure; cookie tables and their fields. */
import type {AnyNode, Element} from 'domhandler'
import type {Html, Parents, PhrasingContent, Root, Table as MdastTable, TableCell as MdastCell} from 'mdast'
import {cached} from './memo.js'
import {matchHeader, type Field, type FieldMatch} from '../data/fields.js'
import {elementRange, htmlFragments, type HtmlFragment} from './html.js'
import {markupNodes} from './markup-nodes.js'
import {nodeRange, type Range} from './source.js'
import {phrasingText} from '../text.js'

export type Align = 'left' | 'right' | 'center' | null

export interface Cell {
  /** The cell's text: whitespace collapsed, a `<br>` as a line break. */
  text: string
  /** Header cell (`<th>` or the GFM header row). */
  header: boolean
  /** The whole cell in the source (for GFM, from its leading pipe), when known. */
  range: Range | undefined
  /** The cell's content in the source (GFM: first to last inline node; HTML: between the tags), when known. */
  contentRange: Range | undefined
  /** Inline content of a GFM cell. */
  children?: PhrasingContent[]
  /** The `<td>`/`<th>` of an HTML cell. */
  element?: Element
  align: Align
  colspan: number
  rowspan: number
}

export interface Row {
  cells: Cell[]
  range: Range | undefined
  element?: Element
  /** For HTML: the row is in `<thead>`. */
  inHead: boolean
}

export interface Column {
  index: number
  header: string
  match: FieldMatch
}

export interface TableBase {
  /** The header row, when the table has one. */
  header: Row | undefined
  /** Body rows (the header row excluded). */
  rows: Row[]
  /** One entry per column of the header (or first row). */
  align: Align[]
  columns: Column[]
  range: Range | undefined
  /** Field → column index, for the first column that maps to each field. */
  fieldColumns: Map<Field, number>
  cookie: boolean
}

export interface GfmTable extends TableBase {
  kind: 'gfm'
  node: MdastTable
  ancestors: Parents[]
}

export interface HtmlTable extends TableBase {
  kind: 'html'
  node: Html
  fragment: HtmlFragment
  element: Element
  /** Holds another table. */
  hasNestedTable: boolean
  /** The header is a first row of `<td>` cells that name the columns (not `<th>` or `<thead>`). */
  labelRow: boolean
}

export type Table = GfmTable | HtmlTable

/**
 * A cookie table that is not one table in the source: a run of record tables (one small label/value table per
 * cookie, as consent tools export them; one row per record, one column per label) or a cookie list (list items
 * that start with a cookie name). Built by `cookie-shapes.ts`; every cell keeps its source range.
 */
export interface DerivedTable extends TableBase {
  kind: 'record' | 'list'
}

/** Every shape a page declares cookies in. */
export type CookieTable = Table | DerivedTable

export function tables(tree: Root, source: string): Table[] {
  return cached(tree, 'tables', () => {
    const found: Table[] = []
    for (const {node, ancestors} of markupNodes(tree).tables) found.push(gfmTable(node, ancestors))
    for (const fragment of htmlFragments(tree, source)) {
      // Cheap test first: most HTML nodes are not tables, and parsing is lazy.
      if (!/<table[\s>]/i.test(fragment.node.value)) continue
      for (const element of outerTables(fragment)) found.push(htmlTable(fragment, element))
    }
    return found.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0))
  })
}

/** A cell's value in a field's column, for a body row. */
export function fieldCell(table: CookieTable, row: Row, field: Field): Cell | undefined {
  const index = table.fieldColumns.get(field)
  return index === undefined ? undefined : row.cells[index]
}

function gfmTable(node: MdastTable, ancestors: Parents[]): GfmTable {
  const [head, ...body] = node.children
  const toRow = (row: MdastTable['children'][number], header: boolean): Row => ({
    cells: row.children.map((cell, index) => gfmCell(cell, header, node.align?.[index] ?? null)),
    range: nodeRange(row),
    inHead: header
  })
  const header = head ? toRow(head, true) : undefined
  const rows = body.map((row) => toRow(row, false))
  return finish({kind: 'gfm', node, ancestors, header, rows, align: (node.align ?? []).map((a) => a ?? null), range: nodeRange(node)})
}

function gfmCell(cell: MdastCell, header: boolean, align: Align): Cell {
  const children = cell.children
  const first = children[0]?.position?.start.offset
  const last = children[children.length - 1]?.position?.end.offset
  return {
    text: collapse(phrasingText(children)),
    header,
    range: nodeRange(cell),
    contentRange: first === undefined || last === undefined ? undefined : [first, last],
    children,
    align,
    colspan: 1,
    rowspan: 1
  }
}

/** Collapse whitespace on each line; lines come from `<br>`. */
export function collapse(text: string): string {
  // Most cells are one line without runs of white space: trimming is all there is to do, with no arrays made.
  if (!/[\n\t\r\f\v]| {2}/.test(text)) return text.trim()
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
}

function outerTables(fragment: HtmlFragment): Element[] {
  const found: Element[] = []
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue
      const element = node as Element
      if (element.name === 'table') found.push(element)
      else walk(element.children)
    }
  }
  walk(fragment.root.children as AnyNode[])
  return found
}

function htmlTable(fragment: HtmlFragment, element: Element): HtmlTable {
  const rows: Row[] = []
  let hasNestedTable = false
  const walk = (nodes: AnyNode[], inHead: boolean) => {
    for (const node of nodes) {
      if (node.type !== 'tag') continue
      const child = node as Element
      if (child.name === 'tr') rows.push(htmlRow(fragment, child, inHead))
      else if (child.name === 'table') hasNestedTable = true
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') walk(child.children, child.name === 'thead')
    }
  }
  walk(element.children, false)
  hasNestedTable ||= rows.some((row) => row.cells.some((cell) => containsTable(cell.element!)))
  let header: Row | undefined
  let labelRow = false
  const first = rows[0]
  if (first && (first.inHead || (first.cells.length > 0 && first.cells.every((cell) => cell.header)))) {
    header = rows.shift()
    for (const cell of header!.cells) cell.header = true
  } else if (first && rows.length > 1 && namesColumns(first)) {
    // `<tr><td>Name</td><td>Purpose</td><td>Expires</td></tr>` first: a header row written with `<td>`.
    labelRow = true
    header = rows.shift()
  }
  const width = (header ?? rows[0])?.cells.length ?? 0
  const align: Align[] = []
  for (let index = 0; index < width; index++) align.push((header ?? rows[0])!.cells[index].align)
  const range = elementRange(element, fragment.offset) ?? (fragment.offset === undefined ? nodeRange(fragment.node) : undefined)
  return finish({kind: 'html', node: fragment.node, fragment, element, hasNestedTable, header, labelRow, rows, align, range})
}

/** A row of `<td>`s that names cookie-table columns: a cookie name column and another field, every cell a label. */
function namesColumns(row: Row): boolean {
  if (row.cells.length < 2) return false
  const fields = row.cells.map((cell) => matchHeader(cell.text.replace(/\n/g, ' '), []).field)
  return fields.includes('name') && fields.every((field) => field !== undefined)
}

function containsTable(element: Element): boolean {
  return element.children.some((child) => child.type === 'tag' && ((child as Element).name === 'table' || containsTable(child as Element)))
}

function htmlRow(fragment: HtmlFragment, element: Element, inHead: boolean): Row {
  const cells: Cell[] = []
  for (const child of element.children) {
    if (child.type !== 'tag') continue
    const cell = child as Element
    if (cell.name !== 'td' && cell.name !== 'th') continue
    const location = cell.sourceCodeLocation
    const offset = fragment.offset
    let contentRange: Range | undefined
    if (offset !== undefined && location?.startTag && location.endTag) {
      contentRange = [offset + location.startTag.endOffset, offset + location.endTag.startOffset]
    }
    cells.push({
      text: collapse(domText(cell.children)),
      header: cell.name === 'th',
      range: elementRange(cell, offset),
      contentRange,
      element: cell,
      align: htmlAlign(cell),
      colspan: span(cell.attribs.colspan),
      rowspan: span(cell.attribs.rowspan)
    })
  }
  return {cells, range: elementRange(element, fragment.offset), element, inHead}
}

function span(value: string | undefined): number {
  const number = value === undefined ? 1 : Number.parseInt(value, 10)
  return Number.isFinite(number) && number > 0 ? number : 1
}

export function htmlAlign(element: Element): Align {
  const attribute = element.attribs.align?.toLowerCase().trim()
  const style = /(?:^|;)\s*text-align\s*:\s*(left|right|center)\s*(?:;|$)/i.exec(element.attribs.style ?? '')?.[1]?.toLowerCase()
  const value = style ?? attribute
  return value === 'left' || value === 'right' || value === 'center' ? value : null
}

const blockTags = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'dl',
  'dt',
  'dd',
  'hr',
  'header',
  'footer',
  'figure'
])

/** The text of DOM content: `<br>` and block boundaries become line breaks. */
export function domText(nodes: AnyNode[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'text') text += (node as unknown as {data: string}).data
    else if (node.type === 'tag') {
      const element = node as Element
      if (element.name === 'br') text += '\n'
      else if (blockTags.has(element.name)) text += '\n' + domText(element.children) + '\n'
      else text += domText(element.children)
    }
  }
  return text
}

/** Columns, fields and whether it is a cookie table, from the header and rows. */
export function finish<T extends Omit<TableBase, 'columns' | 'fieldColumns' | 'cookie'>>(
  table: T
): T & Pick<TableBase, 'columns' | 'fieldColumns' | 'cookie'> {
  const headerCells = table.header?.cells ?? []
  const columns: Column[] = headerCells.map((cell, index) => ({
    index,
    header: cell.text,
    match: matchHeader(
      cell.text.replace(/\n/g, ' '),
      table.rows.map((row) => row.cells[index]?.text ?? '')
    )
  }))
  const fieldColumns = new Map<Field, number>()
  for (const column of columns) {
    if (column.match.field && !fieldColumns.has(column.match.field)) fieldColumns.set(column.match.field, column.index)
  }
  return {...table, columns, fieldColumns, cookie: isCookieTable(columns, fieldColumns, table.rows)}
}

const cookieSpecific: Field[] = ['duration', 'domain', 'party', 'session', 'storageType']

/** A column for the cookie name plus one other cookie field; a generic `Name` needs cookie-like evidence. */
function isCookieTable(columns: Column[], fieldColumns: Map<Field, number>, rows: Row[]): boolean {
  const nameIndex = fieldColumns.get('name')
  if (nameIndex === undefined || fieldColumns.size < 2) return false
  // A vertical key/value table (`Name | _ga`, `Purpose | …` under `Name | Description`) lists fields down its first column.
  const labels = rows.map((row) => row.cells[0]?.text ?? '').filter((text) => text !== '')
  const fieldLabels = labels.filter((label) => matchHeader(label.replace(/:$/, ''), []).field !== undefined)
  if (labels.length > 0 && fieldLabels.length * 2 >= labels.length) return false
  if (/cookie/i.test(columns[nameIndex].header)) return true
  if (cookieSpecific.some((field) => fieldColumns.has(field))) return true
  // `Name | Purpose` alone: the names must look like identifiers (no spaces) in most rows.
  const names = rows.map((row) => row.cells[nameIndex]?.text ?? '').filter((text) => text !== '')
  const identifiers = names.filter((name) => name.split('\n').every((line) => !/\s/.test(line.trim())))
  return names.length > 0 && identifiers.length * 2 > names.length
}

const placeholderValue =
  /^(tbd|tbc|todo|pending|n\/?a yet|xxx+|\?+|lorem ipsum.*|description \d*|cookie-description|\[insert[^\]]*\]|_{3,}|\{\{[^}]*\}\})$/i

/** A cell value left as template text (`TBD`, `__________`, `[insert purpose]`, `{{duration}}`). */
export function isPlaceholder(text: string): boolean {
  return placeholderValue.test(text.trim())
}

/** Where to put a finding about a cell: its content, else the whole cell. */
export function cellRange(cell: Cell): Range | undefined {
  if (cell.contentRange && cell.contentRange[0] < cell.contentRange[1]) return cell.contentRange
  return cell.range
}

/** The lines of a cell (one per `<br>`), for cells that list several cookies. */
export function cellLines(cell: Cell | undefined): string[] {
  if (!cell) return []
  return cell.text.includes('\n') ? cell.text.split('\n').map((line) => line.trim()) : [cell.text.trim()]
}
