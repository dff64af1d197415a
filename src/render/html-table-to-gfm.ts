/**
 * HTML `<table>` to GFM table, without losing a word: the converter behind `no-html-table`'s fix. A table is
 * converted, or refused with the reason; what the conversion changes that a reader may see (styling, wrappers,
 * an added empty header row) makes the fix unsafe and is described in `unsafe`. Every cell of the produced table
 * is parsed again and must read back the same text and the same Markdown constructs.
 */
import type {AnyNode, Element} from 'domhandler'
import {markdownTable} from 'markdown-table'
import type {List, PhrasingContent, Root, RootContent} from 'mdast'
import {parseDom, type MarkdownPart} from '../model/html.js'
import {parseSnippet} from '../model/reparse.js'
import {collapse, domText, type Align, type DerivedTable, type HtmlTable, type Row} from '../model/tables.js'
import {listOf, phrasingText} from '../text.js'

export interface ConvertOptions {
  /** A table without a header row: an empty header row above it (unsafe: a reader sees it), its first row, or none. */
  headerless: 'empty-header' | 'first-row' | 'keep'
  /** `<th>` cells in body rows: ordinary cells, or bold ones. */
  rowHeaders: 'plain' | 'bold'
}

export interface ConvertContext {
  /** The document text that node offsets index into. */
  source: string
  options: ConvertOptions
}

class Refusal extends Error {}

function refuse(reason: string): never {
  throw new Refusal(reason)
}

export type Outcome = {refusal: string} | {range: [number, number]; text: string; unsafe?: string}

/** Convert an HTML table to a GFM table, or say why it cannot be converted safely. */
export function convert(table: HtmlTable, context: ConvertContext): Outcome {
  try {
    return convertOrThrow(table, context)
  } catch (error) {
    if (error instanceof Refusal) return {refusal: error.message}
    throw error
  }
}

/** Attributes that only style: dropping them changes the look, never the words or the structure. */
const presentational = new Set([
  'class',
  'style',
  'width',
  'height',
  'border',
  'cellpadding',
  'cellspacing',
  'align',
  'valign',
  'bgcolor',
  'frame',
  'rules',
  'nowrap',
  'data-custom-class',
  'classname'
])
const tableParts = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td'])
/** Elements that may wrap a table for styling alone. */
const wrapperTags = new Set(['div', 'section', 'span', 'figure'])
const hiddenClass = /\b(?:[\w-]*visually-hidden|sr-only|screen-reader-text|visuallyhidden)\b/i

/** What an unsafe fix changes that a reader may see, collected while converting. */
class Changes {
  readonly attributes = new Set<string>()
  readonly other: string[] = []
  add(change: string): void {
    if (!this.other.includes(change)) this.other.push(change)
  }
  describe(): string | undefined {
    const attributes = [...this.attributes].map((name) => `\`${name}\``)
    const parts = [
      ...(attributes.length > 0 ? [`drops the ${listOf(attributes)} attribute${attributes.length === 1 ? '' : 's'}`] : []),
      ...this.other
    ]
    return parts.length > 0 ? listOf(parts) : undefined
  }
}

function convertOrThrow(table: HtmlTable, context: ConvertContext): Outcome {
  const {fragment, element} = table
  const parent = fragment.ancestors[fragment.ancestors.length - 1]
  if (fragment.inline) {
    refuse(
      parent.type === 'paragraph'
        ? 'the table is opened inside a paragraph, among Markdown that its cells would show as typed'
        : `the table is opened inside a \`${parent.type}\``
    )
  }
  if (parent.type !== 'root' && parent.type !== 'listItem' && parent.type !== 'blockquote') refuse(`the table is inside a \`${parent.type}\``)
  const location = element.sourceCodeLocation
  if (!location?.endTag) {
    const end = fragment.node.position?.end.offset ?? context.source.length
    if (!/<\/table\s*>/i.test(context.source.slice(end))) refuse('the table has no `</table>`')
    refuse("the table is not closed in its HTML block (a blank line inside a `<table>` ends the block, and what follows it is not the table's)")
  }
  // Hugo passes a `{{< shortcode >}}`'s content on without rendering its Markdown (`rawhtml`, `table` wrappers).
  const above = /(?:^|\n)[ \t]*(\{\{<[ \t]*([\w-]+)(?:[^>}\n]|>(?!\}\}))*?>\}\})[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*$/.exec(
    context.source.slice(0, fragment.node.position?.start.offset ?? 0)
  )
  if (above && !/\/[ \t]*>\}\}$/.test(above[1]))
    refuse(`the table is inside the Hugo shortcode \`${above[2]}\`, whose content may not be rendered as Markdown`)
  const changes = new Changes()
  const data = fragment.node.data as
    {markdownInside?: boolean; codeInside?: boolean; markdownParts?: MarkdownPart[]; inParagraph?: boolean} | undefined
  if (data?.inParagraph) changes.add('starts the table on a line of its own, after the paragraph whose line opened it')
  const inside: MarkdownInside | undefined = data?.markdownParts?.length
    ? {parts: data.markdownParts, value: fragment.node.value, source: context.source}
    : undefined
  // Reference links in Markdown cells resolve against the document's definitions, which the read-back needs too.
  const root = fragment.ancestors[0]
  const definitions =
    inside && root?.type === 'root'
      ? root.children
          .filter((node) => node.type === 'definition' && node.position)
          .map((node) => context.source.slice(node.position!.start.offset!, node.position!.end.offset!))
          .join('\n')
      : ''
  // A tight Markdown list inside a cell renders as the same `<ul>` in the same cell once written as HTML there;
  // paragraphs lose their spacing, and an indented tag that Markdown showed as code becomes the table's again.
  const onlyLists = !data?.codeInside && (data?.markdownParts ?? []).every((part) => part.node.type === 'list')
  if (data?.markdownInside && !onlyLists) {
    changes.add('turns what Markdown read as paragraphs or code blocks inside the table (after blank lines) back into its cells')
  }
  // Styling-only wrappers (`<div class="table-wrapper">`) go with the table: what is replaced is the outermost.
  // Other elements around it (`<details>`, `<div id>`, a page's wrapper closed later) stay, as HTML blocks around
  // the GFM table, which renders inside them as the table did.
  const outer = unwrap(element, changes)
  const outerLocation = outer.sourceCodeLocation!
  if (!outerLocation.endTag) refuse(`the \`<${outer.name}>\` around the table is not closed`)
  // Other HTML may share the block when it stays an HTML block of its own once the table is Markdown; what the
  // HTML parser moved out of the table (text between rows) has its source inside it.
  for (let level: Element = outer; ; level = level.parent as Element) {
    const parentNode = level.parent ?? fragment.root
    for (const node of parentNode.children as AnyNode[]) {
      if (node === level) continue
      const place = node.sourceCodeLocation
      if (!place || (place.startOffset < outerLocation.endOffset && place.endOffset > outerLocation.startOffset)) {
        refuse('the table holds content outside any cell, which the HTML parser moves out of it')
      }
    }
    if (!level.parent || level.parent.type === 'root') break
  }
  const value = fragment.node.value
  const before = value.slice(0, outerLocation.startOffset)
  let after = value.slice(outerLocation.endOffset)
  // `</table><br>`: spacing after the table, which a GFM table does not need.
  const spacing = /^(?:[ \t]*<br\s*\/?>)+/i.exec(after)
  if (spacing) {
    after = after.slice(spacing[0].length)
    changes.add('drops the `<br>` after the table')
  }
  // HTML before the table on its line (`<div class="x"><table>`) ends there: it still starts the HTML block.
  let rest = ''
  if (after.trim() !== '') {
    // What follows `</table>` on its line (`</table></div>`, `</table>Updated in May`) starts a line of its own.
    rest = after.replace(/^\s+/, '')
    if (!htmlBlockStart.test(rest)) {
      // Text after `</table>` in the same HTML block becomes a paragraph after the table: the same words, and inline
      // HTML renders the same; Markdown syntax the HTML block kept literal is escaped to stay literal.
      rest = literalParagraph(rest)
      changes.add('makes the text after the table, in the same HTML block, a paragraph of its own')
    }
  }
  if (table.hasNestedTable) refuse('a cell holds a nested table')
  const {caption, comments} = checkStructure(element, changes)

  let header: Row | undefined = table.header
  let body = table.rows
  if (table.labelRow) changes.add('makes its first row, which names the columns, the header row')
  if (!header) {
    if (context.options.headerless === 'keep')
      refuse("the table has no header row (`<thead>` or a first row of `<th>`); set `headerless: 'empty-header'` or `'first-row'` to convert it")
    if (body.length === 0) refuse('the table has no rows')
    if (context.options.headerless === 'first-row') [header, ...body] = body
    else changes.add('adds an empty header row (the table has none)')
  }
  if (body.some((row) => row.inHead)) refuse('the table has more than one header row')
  const width = header ? header.cells.length : Math.max(...body.map((row) => row.cells.length))
  if (width === 0) refuse('the header row has no cells')
  const all = header ? [header, ...body] : body
  for (const [index, row] of all.entries()) {
    for (const cell of row.cells) {
      if (cell.colspan > 1 || cell.rowspan > 1) refuse('a cell spans several columns or rows (`colspan`/`rowspan`)')
    }
    if (row.cells.length > width) refuse(`row ${index + 1} has ${row.cells.length} cells but the header has ${width}: GFM would drop the extra cells`)
  }
  const rowHeaders = body.some((row) => row.cells.some((cell) => cell.header))
  if (rowHeaders) changes.add(`turns \`<th>\` cells in body rows into ${context.options.rowHeaders === 'bold' ? 'bold' : 'ordinary'} cells`)
  const align = columnAlign(
    all.map((row) => row.cells.map((cell) => cell.align)),
    width
  )
  const blank: ConvertedCell = {markdown: '', signature: []}

  const texts = all.map((row) => row.cells.map((cell) => collapse(readerText(cell.element!.children))))
  if (!header) texts.unshift([])
  const built = settle(all.length + (header ? 0 : 1), width, texts, align, definitions, (styleOf) => {
    const converted = all.map((row, rowIndex) => {
      const cells = row.cells.map((cell, cellIndex) => {
        const done = convertCell(cell.element!, styleOf(rowIndex + (header ? 0 : 1), cellIndex), changes, inside)
        return row !== header && cell.header && context.options.rowHeaders === 'bold' ? bold(done) : done
      })
      while (cells.length < width) cells.push(blank)
      return cells
    })
    if (!header) converted.unshift(Array.from({length: width}, () => blank))
    return converted
  })
  if ('failing' in built) refuse(notReadingBack(built.failing))
  const captionText = caption ? styles.map((style) => captionParagraph(caption, style)).find((text) => text !== undefined) : ''
  if (captionText === undefined) refuse('the caption would not read back the same as a paragraph')
  const markdown = built.markdown
  const start = fragment.node.position!.start.offset!
  const end = fragment.node.position!.end.offset!
  const eol = /\r\n/.test(context.source.slice(start, end)) || /\r\n/.test(context.source.slice(end, end + 2)) ? '\r\n' : '\n'
  // Comments between rows go above the table, then the caption as a paragraph, then the table.
  let text = [...comments, ...(captionText ? [captionText] : []), markdown].join('\n\n')
  if (before.trim() !== '') text = before.replace(/\s+$/, '') + '\n\n' + text
  if (rest !== '') text += '\n\n' + rest
  const [from, replacement] = placed(text, context.source, start, before.trim() === '', eol)
  return {range: [from, end], text: replacement, unsafe: changes.describe()}
}

/**
 * The replacement text, placed where the HTML started: every line after the first carries the prefix of the
 * container it is in (a list item's indentation, a block quote's `>`), and a table that a paragraph line precedes
 * (or text on its own line, `Our cookies: <table>`) gets a blank line before it, which an HTML block did not need.
 */
function placed(text: string, source: string, start: number, tableFirst: boolean, eol: string): [number, string] {
  const preceding = source.slice(0, start)
  const lineStart = preceding.lastIndexOf('\n') + 1
  const onLine = preceding.slice(lineStart)
  const container = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*/.exec(onLine)![0]
  const continuation = container.replace(/[-+*]|\d{1,9}[.)]/g, (marker) => ' '.repeat(marker.length))
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const prefixed = (from: number) =>
    lines.map((line, index) => (index < from ? line : line === '' ? continuation.replace(/[ \t]+$/, '') : continuation + line))
  // Text before it on its line: the paragraph ends there (without its trailing white space).
  if (container.length < onLine.length)
    return [start - (onLine.length - onLine.trimEnd().length), ['', continuation.replace(/[ \t]+$/, ''), ...prefixed(0)].join(eol)]
  if (tableFirst && lineStart > 0 && !/[-+*]|\d[.)]/.test(container)) {
    // The line above, without its container's prefix and list marker: text there is a paragraph the table would join.
    const previous = preceding.slice(preceding.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1)
    if (previous.replace(/^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))?[ \t>]*/, '').trim() !== '') {
      // From the start of the line, so that the blank line carries no trailing white space.
      return [lineStart, [continuation.replace(/[ \t]+$/, ''), ...prefixed(0)].join(eol)]
    }
  }
  return [start, prefixed(1).join(eol)]
}

/**
 * How a cell is written: escaping what must be, or (`html`) with emphasis and links as HTML tags, which render
 * alike; then both again escaping every punctuation mark that Markdown could read.
 */
type Style = 'plain' | 'html' | 'escaped' | 'html-escaped'
const styles: Style[] = ['plain', 'html', 'escaped', 'html-escaped']

/**
 * Render a table with every cell in the plainest style that reads back the same: a cell that does not is written
 * again in the next style, the others stay as they are. Undefined when a cell reads back wrong in every style.
 */
function settle(
  rows: number,
  width: number,
  texts: string[][],
  align: Align[],
  definitions: string,
  build: (styleOf: (row: number, cell: number) => Style) => ConvertedCell[][]
): {markdown: string; converted: ConvertedCell[][]} | {failing: [number, number] | undefined} {
  const levels = Array.from({length: rows}, () => new Array<number>(width).fill(0))
  for (;;) {
    const converted = build((row, cell) => styles[levels[row]?.[cell] ?? 0])
    const failing = readsBack(converted, texts, width, align, definitions)
    if (failing.length === 0) {
      const markdown = markdownTable(
        converted.map((row) => row.map((cell) => cell.markdown)),
        {align: align.map(alignMarker)}
      )
      return {markdown, converted}
    }
    let raised = false
    for (const [row, cell] of failing) {
      if (levels[row] && levels[row][cell] < styles.length - 1) {
        levels[row][cell]++
        raised = true
      }
    }
    if (!raised) return {failing: failing.length < rows * width ? failing[0] : undefined}
  }
}

function notReadingBack(failing: [number, number] | undefined): string {
  const where = failing ? `row ${failing[0] + 1}, cell ${failing[1] + 1} of ` : ''
  return `${where}the GFM table would not read back the same (a cell needs escaping that is not safe to guess)`
}

/** A cell's text as a reader sees it: white space (line ends too) is a space; `<br>` and blocks break lines. */
function readerText(nodes: AnyNode[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'text') text += (node as unknown as {data: string}).data.replace(/[ \t\r\n\f]+/g, ' ')
    else if (node.type === 'tag') {
      const element = node as Element
      if (element.name === 'br') text += '\n'
      else if (blockInCell.has(element.name)) text += '\n' + readerText(element.children) + '\n'
      else text += readerText(element.children)
    }
  }
  return text
}

/**
 * Text and inline HTML that an HTML block showed literally, as a paragraph that shows the same: Markdown syntax
 * outside tags escaped, indentation (which would make code) and trailing spaces (hard breaks) dropped.
 */
function literalParagraph(html: string): string {
  const lines = html.split(/\r?\n/)
  // A later line that starts an HTML block ends the paragraph: from there on the lines are HTML again, as written.
  const block = lines.findIndex((line, index) => index > 0 && htmlBlockStart.test(line))
  const end = block === -1 ? lines.length : block
  const eol = /\r\n/.test(html) ? '\r\n' : '\n'
  return lines
    .map((line, index) =>
      index >= end
        ? line
        : line
            .trim()
            .split(/(<[^>]*>)/)
            .map((piece, part) => (part % 2 === 1 ? piece : piece.replace(/[\\`*_[\]~|]/g, '\\$&')))
            .join('')
            .replace(/^(?:[#>+=-]|\d+(?=[.)]))/, (match) => (/\d/.test(match) ? match + '\\' : '\\' + match))
    )
    .join(eol)
}

/** The table, or the outermost styling-only element wrapped around it alone; elements above that stay. */
function unwrap(element: Element, changes: Changes): Element {
  let outer = element
  while (outer.parent && outer.parent.type !== 'root') {
    const wrapper = outer.parent as Element
    if (!keptAround.has(wrapper.name)) refuse(`the table is inside \`<${wrapper.name}>\``)
    const styling = wrapperTags.has(wrapper.name) && Object.keys(wrapper.attribs).every((name) => presentational.has(name.toLowerCase()))
    const alone = wrapper.children.every(
      (child) => child === outer || (child.type === 'text' && /^\s*$/.test((child as unknown as {data: string}).data))
    )
    const closed = !wrapper.sourceCodeLocation || Boolean(wrapper.sourceCodeLocation.endTag)
    if (!(styling && alone && closed)) break
    changes.add(`drops the styling \`<${wrapper.name}>\` around the table`)
    for (const name of Object.keys(wrapper.attribs)) changes.attributes.add(name.toLowerCase())
    outer = wrapper
  }
  // The elements still around it must be ones a Markdown table may sit in, between HTML blocks.
  for (let above = outer.parent; above && above.type !== 'root'; above = above.parent) {
    if (!keptAround.has((above as Element).name)) refuse(`the table is inside \`<${(above as Element).name}>\``)
  }
  return outer
}

/** Elements that hold flow content: a GFM table between their start and end tags renders inside them. */
const keptAround = new Set([
  'div',
  'section',
  'article',
  'aside',
  'main',
  'header',
  'footer',
  'nav',
  'figure',
  'details',
  'center',
  'blockquote',
  'li',
  'dd',
  'body',
  'html',
  'span',
  'font'
])

function bold(cell: ConvertedCell): ConvertedCell {
  if (cell.markdown === '') return cell
  return {...cell, markdown: '**' + cell.markdown + '**', signature: ['strong(', ...cell.signature, ')']}
}

/** A `<caption>` as the paragraph above the table, or nothing when its words would not read back. */
function captionParagraph(caption: Element, style: Style): string | undefined {
  const signature: string[] = []
  const markdown = inline(caption.children, style, signature).replace(/ {2,}/g, ' ').replace(/<br>/g, ' ').trim()
  if (markdown === '') return ''
  const tree = parseSnippet(markdown)
  const [paragraph] = tree.children
  if (tree.children.length !== 1 || paragraph.type !== 'paragraph') return undefined
  const expected = collapse(domText(caption.children)).replace(/\n/g, ' ')
  return collapse(phrasingText(paragraph.children)).replace(/\n/g, ' ') === expected ? markdown : undefined
}

/**
 * Refuse tables whose markup carries meaning GFM cannot keep, or that the parser had to repair. Styling is noted
 * as an unsafe change; the caption and the comments between rows are returned to be written around the table.
 */
function checkStructure(element: Element, changes: Changes): {caption: Element | undefined; comments: string[]} {
  let caption: Element | undefined
  const comments: string[] = []
  const walk = (node: Element) => {
    const location = node.sourceCodeLocation
    // `</td>`, `</th>`, `</tr>`, `</thead>`, `</tbody>` may be left out: HTML closes them where the next one starts.
    if (location && location.startTag && !location.endTag && !voidElements.has(node.name) && !optionalEndTag.has(node.name)) {
      refuse(`\`<${node.name}>\` is not closed (the HTML parser had to repair it)`)
    }
    if (node.name === 'caption') {
      if (caption) refuse('the table has two `<caption>`s')
      caption = node
      if (hiddenClass.test(node.attribs.class ?? '')) changes.add('makes its visually hidden caption a visible paragraph')
      for (const name of Object.keys(node.attribs)) {
        if (!presentational.has(name.toLowerCase())) refuse(`the attribute \`${name}\` on \`<caption>\` carries meaning that GFM cannot keep`)
        changes.attributes.add(name.toLowerCase())
      }
      return
    }
    if (node.name === 'colgroup' || node.name === 'col') {
      for (const name of Object.keys(node.attribs)) {
        if (!presentational.has(name.toLowerCase()) && name.toLowerCase() !== 'span')
          refuse(`the attribute \`${name}\` on \`<${node.name}>\` carries meaning that GFM cannot keep`)
      }
      changes.add('drops `<colgroup>` column styling')
      return
    }
    if (node.name === 'tfoot') refuse('a `<tfoot>` has no GFM equivalent')
    if (!tableParts.has(node.name)) return
    for (const name of Object.keys(node.attribs)) {
      const lower = name.toLowerCase()
      // Alignment is kept, in the delimiter row.
      const cell = node.name === 'td' || node.name === 'th'
      if (cell && (lower === 'align' || (lower === 'style' && /^\s*text-align\s*:\s*(?:left|right|center)\s*;?\s*$/i.test(node.attribs[name]))))
        continue
      if (presentational.has(lower)) {
        changes.attributes.add(lower)
        continue
      }
      if (lower === 'scope' && node.name === 'th') continue
      // `role="presentation"` says the table only lays things out; a GFM table is a table: the look changes.
      if (lower === 'role' && /^(?:presentation|none)$/i.test(node.attribs[name].trim())) {
        changes.attributes.add(lower)
        continue
      }
      // Spans are refused below with a clearer note; a span of 1 is harmless.
      if ((lower === 'colspan' || lower === 'rowspan') && (node.name === 'td' || node.name === 'th')) continue
      if (lower === 'id') refuse(`the \`id\` on \`<${node.name}>\` may be a link target`)
      refuse(`the attribute \`${name}\` on \`<${node.name}>\` carries meaning that GFM cannot keep`)
    }
    for (const child of node.children) {
      if (child.type === 'comment') {
        if (node.name === 'td' || node.name === 'th') continue
        // A comment between rows is kept, above the table (comments inside cells are refused by the cell converter).
        comments.push(`<!--${(child as unknown as {data: string}).data}-->`)
        continue
      }
      if (child.type === 'text' && !/^\s*$/.test((child as unknown as {data: string}).data) && node.name !== 'td' && node.name !== 'th') {
        refuse('text outside any cell')
      }
      if (child.type === 'tag' || child.type === 'script' || child.type === 'style') {
        const tag = child as Element
        if (node.name === 'td' || node.name === 'th') continue
        if (!tableParts.has(tag.name) && tag.name !== 'caption' && tag.name !== 'colgroup' && tag.name !== 'col' && tag.name !== 'tfoot') {
          refuse(`\`<${tag.name}>\` outside any cell`)
        }
        walk(tag)
      }
    }
  }
  walk(element)
  return {caption, comments}
}

/** A line that starts an HTML block (CommonMark kinds 1, 2 and 6), which ends only at a blank line. */
const htmlBlockStart =
  /^ {0,3}(?:<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)|<!--|<(?:script|pre|style|textarea)(?=[\s>]|$))/i

/** Table parts whose end tag HTML lets a page leave out (HTML Standard, "Optional tags"). */
const optionalEndTag = new Set(['td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'colgroup'])

const voidElements = new Set(['br', 'img', 'hr', 'input', 'wbr', 'col', 'meta', 'link', 'source', 'area', 'base', 'embed', 'param', 'track'])

function columnAlign(rows: Align[][], width: number): Align[] {
  const result: Align[] = []
  for (let index = 0; index < width; index++) {
    const values = new Set(rows.map((row) => row[index]).filter((value) => value !== undefined))
    const set = [...values].filter((value) => value !== null)
    if (set.length > 1) {
      refuse(`cells in column ${index + 1} are aligned differently`)
    }
    result.push(set[0] ?? null)
  }
  return result
}

interface ConvertedCell {
  markdown: string
  /** The Markdown constructs the cell should parse to, in order. */
  signature: string[]
  /** The text the cell should read back, when it is not its HTML's (Markdown inside it). */
  text?: string
  /** A list: a block, which needs no `<br>` to start or end a line. */
  block?: boolean
}

/** Markdown blocks inside a table cut by blank lines (`<td>`, blank line, `**_ga**`, blank line, `</td>`). */
interface MarkdownInside {
  parts: MarkdownPart[]
  /** The fragment's value, which the parts' offsets index. */
  value: string
  /** The document, which the parts' nodes' positions index. */
  source: string
}

const inlineKept = new Set(['sup', 'sub', 'kbd', 'small', 'u', 'mark', 'del', 's', 'ins', 'q', 'cite', 'var', 'samp', 'dfn'])
const blockInCell = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'dl',
  'hr',
  'section',
  'figure',
  'table'
])

function convertCell(element: Element, style: Style, changes?: Changes, inside?: MarkdownInside): ConvertedCell {
  const location = element.sourceCodeLocation
  const parts = inside && location ? inside.parts.filter((part) => part.start >= location.startOffset && part.end <= location.endOffset) : []
  if (parts.length > 0) return markdownCell(element, parts, inside!, style, changes)
  const signature: string[] = []
  const lines = asLines(element.children, changes)
  const markdown = inline(lines, style, signature, changes)
  // Paragraphs made lines read back as lines, a blank one between them.
  return {markdown: markdown.replace(/ {2,}/g, ' ').trim(), signature, ...(lines === element.children ? {} : {text: collapse(readerText(lines))})}
}

/**
 * A cell whose content GitHub renders as Markdown: its paragraphs after blank lines are Markdown already and are
 * kept as written (on one line, pipes escaped); the HTML around them is converted as in any cell. Paragraphs
 * become lines joined by `<br><br>`, as `<p>`s in a cell do.
 */
function markdownCell(element: Element, parts: MarkdownPart[], inside: MarkdownInside, style: Style, changes?: Changes): ConvertedCell {
  const location = element.sourceCodeLocation!
  const within = (node: AnyNode): void => {
    if (node.type !== 'tag') return
    const place = (node as Element).sourceCodeLocation
    // Inline HTML in a Markdown paragraph is the paragraph's; an element around a paragraph's edge is not.
    if (place && parts.some((part) => place.startOffset >= part.start && place.endOffset <= part.end)) return
    if (place && parts.some((part) => place.startOffset < part.end && place.endOffset > part.start)) {
      refuse(`a cell holds Markdown inside \`<${(node as Element).name}>\`, after a blank line`)
    }
    for (const child of (node as Element).children) within(child)
  }
  for (const child of element.children) within(child)
  const pieces: ConvertedCell[] = []
  const html = (from: number, to: number) => {
    const segment = inside.value.slice(from, to)
    if (/^\s*$/.test(segment)) return
    const nodes = parseDom(segment).children as AnyNode[]
    const signature: string[] = []
    const lines = asLines(nodes, changes)
    const markdown = inline(lines, style, signature, changes).replace(/ {2,}/g, ' ').trim()
    pieces.push({markdown, signature, text: collapse(readerText(lines))})
  }
  let at = location.startTag?.endOffset ?? location.startOffset
  for (const part of [...parts].sort((a, b) => a.start - b.start)) {
    html(at, part.start)
    pieces.push(part.node.type === 'list' ? markdownList(part.node, inside.source, changes) : markdownParagraph(part.node, inside.source))
    at = part.end
  }
  html(at, location.endTag?.startOffset ?? location.endOffset)
  const kept = pieces.filter((piece) => piece.markdown !== '' || piece.text !== '')
  // Lines are joined by `<br><br>`; a list needs nothing around it: it is a block, on lines of its own, as it was.
  const joined = (index: number) => index > 0 && !kept[index - 1].block && !kept[index].block
  if (kept.some((_, index) => joined(index))) changes?.add('turns paragraphs inside cells into lines')
  return {
    markdown: kept.map((piece, index) => (joined(index) ? '<br><br>' : '') + piece.markdown).join(''),
    signature: kept.flatMap((piece, index) => (joined(index) ? ['br', 'br', ...piece.signature] : piece.signature)),
    text: collapse(kept.map((piece, index) => (joined(index) ? '\n\n' : '') + piece.text).join(''))
  }
}

/**
 * A Markdown list inside a cell (after a blank line), as GitHub renders it there: `<ul>`/`<ol start>` HTML on the
 * cell's one line, which GFM passes through, around each item's paragraph kept as written Markdown (it still
 * renders, between inline tags); nested lists alike. A tight list renders the same; a loose one loses the
 * spacing of its paragraphs (unsafe). Its text is not collapsed: the lines it starts and ends count.
 */
function markdownList(list: List, source: string, changes?: Changes): ConvertedCell {
  const tag = list.ordered ? 'ol' : 'ul'
  const start = list.ordered && typeof list.start === 'number' && list.start !== 1 ? ` start="${list.start}"` : ''
  if (list.spread || list.children.some((item) => item.spread)) {
    changes?.add('writes the items of a loose Markdown list in a cell without the spacing of their paragraphs')
  }
  let markdown = `<${tag}${start}>`
  let text = '\n'
  const signature = [tag + '(']
  for (const item of list.children) {
    if (typeof item.checked === 'boolean') refuse('a cell holds a task list written in Markdown, whose checkboxes a GFM cell cannot keep')
    markdown += '<li>'
    text += '\n'
    signature.push('li(')
    let previous: 'paragraph' | 'list' | undefined
    for (const child of item.children) {
      const piece = child.type === 'list' ? markdownList(child, source, changes) : markdownParagraph(child, source)
      // Paragraphs of one item (a loose list) become its lines, as paragraphs in a cell do.
      const separate = previous === 'paragraph' && child.type !== 'list'
      markdown += (separate ? '<br><br>' : '') + piece.markdown
      text += (separate ? '\n\n' : '') + piece.text
      signature.push(...(separate ? ['br', 'br'] : []), ...piece.signature)
      previous = child.type === 'list' ? 'list' : 'paragraph'
    }
    markdown += '</li>'
    text += '\n'
    signature.push(')')
  }
  return {markdown: markdown + `</${tag}>`, signature: [...signature, ')'], text: text + '\n', block: true}
}

const markdownBlocks: Record<string, string> = {
  list: 'a list',
  heading: 'a heading',
  code: 'a code block',
  blockquote: 'a block quote',
  thematicBreak: 'a thematic break',
  table: 'a table',
  definition: 'a link definition',
  footnoteDefinition: 'a footnote definition'
}

/** A Markdown paragraph inside a cell, kept as written: on one line, hard breaks as `<br>`, pipes escaped. */
function markdownParagraph(node: RootContent, source: string): ConvertedCell {
  if (node.type !== 'paragraph')
    refuse(`a cell holds ${markdownBlocks[node.type] ?? 'a `' + node.type + '`'} written in Markdown, which a GFM cell cannot`)
  const first = node.children[0]?.position?.start.offset
  const last = node.children[node.children.length - 1]?.position?.end.offset
  if (first === undefined || last === undefined) return {markdown: '', signature: [], text: ''}
  const markdown = source
    .slice(first, last)
    // Line ends lose the indentation or `>` of a list item or block quote the table is in.
    .replace(/(?: {2,}|\\)\r?\n[ \t>]*/g, '<br>')
    .replace(/[ \t]*\r?\n[ \t>]*/g, ' ')
    .replace(/\\[\s\S]|\|/g, (match) => (match === '|' ? '\\|' : match))
  const signature: string[] = []
  readSignature(node.children, source, signature)
  return {markdown, signature: signature.map((item) => (item === 'break' ? 'br' : item)), text: collapse(paragraphText(node.children))}
}

/** A paragraph's text as a reader sees it: a soft line end is a space, a hard break a line. */
function paragraphText(nodes: readonly PhrasingContent[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'break') text += '\n'
    else if (node.type === 'html') text += /^<br\s*\/?>$/i.test(node.value) || listTag.test(node.value) ? '\n' : ''
    else if (node.type === 'text') text += node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ')
    else if ('value' in node) text += node.value
    else if ('children' in node) text += paragraphText(node.children as PhrasingContent[])
  }
  return text
}

/**
 * `<p>` paragraphs in a cell (`<td><p>Text</p></td>`, as word processors and CMSs write them) become its lines:
 * one paragraph is its text, several are joined by `<br><br>`. The spacing around them changes: unsafe.
 */
function paragraphsAsLines(nodes: AnyNode[], changes?: Changes): AnyNode[] {
  const isBlock = (node: AnyNode) => node.type === 'tag' && ((node as Element).name === 'p' || (node as Element).name === 'div')
  if (!nodes.some(isBlock)) return nodes
  // Text and inline elements between the blocks (`Text<p>More</p>`) are a line of their own, as a reader sees them.
  const lines: AnyNode[][] = []
  let run: AnyNode[] = []
  const flush = () => {
    if (run.some((node) => !(node.type === 'text' && /^\s*$/.test((node as unknown as {data: string}).data)))) lines.push(run)
    run = []
  }
  for (const node of nodes) {
    if (!isBlock(node)) {
      run.push(node)
      continue
    }
    flush()
    const block = node as Element
    const meaningful = Object.keys(block.attribs).find((name) => !presentational.has(name.toLowerCase()))
    if (meaningful) refuse(`a \`<${block.name}>\` in a cell has the attribute \`${meaningful}\``)
    for (const name of Object.keys(block.attribs)) changes?.attributes.add(name.toLowerCase())
    lines.push(block.children)
  }
  flush()
  changes?.add('turns paragraphs inside cells into lines')
  const result: AnyNode[] = []
  for (const [index, line] of lines.entries()) {
    if (index > 0) result.push(lineBreak(), lineBreak())
    result.push(...line)
  }
  return result
}

/** A cell's content with its paragraphs as lines, and those of its lists' items (`<li><p>…</p></li>`) too. */
function asLines(nodes: AnyNode[], changes?: Changes): AnyNode[] {
  return itemsAsLines(paragraphsAsLines(nodes, changes), changes)
}

/** Lists whose items hold paragraphs (a loose list, as CMSs write it), copied with the paragraphs as the items' lines. */
function itemsAsLines(nodes: AnyNode[], changes?: Changes): AnyNode[] {
  let changed = false
  const result = nodes.map((node) => {
    if (node.type !== 'tag' || !['ul', 'ol', 'li'].includes((node as Element).name)) return node
    const element = node as Element
    const inner = element.name === 'li' ? asLines(element.children, changes) : itemsAsLines(element.children, changes)
    if (inner === element.children) return node
    changed = true
    return Object.assign(Object.create(Object.getPrototypeOf(element) as object) as Element, element, {children: inner})
  })
  return changed ? result : nodes
}

function lineBreak(): AnyNode {
  return {type: 'tag', name: 'br', attribs: {}, children: []} as unknown as AnyNode
}

function inline(nodes: AnyNode[], style: Style, signature: string[], changes?: Changes): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text') {
      out += escapeText((node as unknown as {data: string}).data.replace(/[ \t\r\n\f]+/g, ' '), style)
      continue
    }
    if (node.type === 'comment') {
      // Kept as an inline comment; its line ends are white space, which nobody sees.
      const data = (node as unknown as {data: string}).data
      if (/\|/.test(data) || /--|^>|^->/.test(data)) refuse('an HTML comment inside a cell holds `|` or `--`, which a GFM cell cannot keep')
      out += '<!--' + data.replace(/[ \t\r\n\f]+/g, ' ') + '-->'
      signature.push('html')
      continue
    }
    if (node.type !== 'tag') refuse('a cell holds content that has no Markdown equivalent')
    const element = node as Element
    const name = element.name
    const attributes = Object.keys(element.attribs)
    if (name === 'ul' || name === 'ol') {
      out += listHtml(element, style, signature, changes)
      continue
    }
    if (blockInCell.has(name)) refuse(`a cell holds block content (\`<${name}>\`), which a GFM cell cannot`)
    if (name === 'br') {
      if (attributes.length > 0) refuse('a `<br>` has attributes')
      out = out.replace(/ +$/, '') + '<br>'
      signature.push('br')
      continue
    }
    if (name === 'code' && attributes.length === 0) {
      out += codeSpans(element, signature)
      continue
    }
    if ((name === 'strong' || name === 'b' || name === 'em' || name === 'i') && attributes.length === 0) {
      const kind = name === 'strong' || name === 'b' ? 'strong' : 'emphasis'
      const inner: string[] = []
      const text = inline(element.children, style, inner, changes)
      const trimmed = text.trim()
      if (trimmed === '') {
        out += text
        continue
      }
      const lead = text.startsWith(' ') ? ' ' : ''
      const trail = text.endsWith(' ') ? ' ' : ''
      if (style === 'html' || style === 'html-escaped') {
        // Where `**` would not open or close (`x<b>(a)</b>y`, `<b>a</b><b>b</b>`), the tag renders the same.
        out += lead + `<${name}>` + trimmed + `</${name}>` + trail
        signature.push('html', ...inner, 'html')
        continue
      }
      const marker = kind === 'strong' ? '**' : '*'
      out += lead + marker + trimmed + marker + trail
      signature.push(kind + '(', ...inner, ')')
      continue
    }
    const markdownLink = attributes.every(
      (attribute) =>
        attribute === 'href' || attribute === 'title' || (attribute === 'rel' && /^(\s*(noopener|noreferrer)\s*)+$/i.test(element.attribs.rel))
    )
    const href = element.attribs.href
    if (name === 'a' && markdownLink && style !== 'html' && style !== 'html-escaped' && href !== undefined && href.trim() !== '') {
      const inner: string[] = []
      const text = inline(element.children, style, inner, changes).trim()
      // A link without text (an anchor) stays HTML, below.
      if (text !== '') {
        const title = element.attribs.title
        out +=
          '[' +
          text +
          '](' +
          destination(href) +
          (title === undefined ? '' : ' "' + title.replace(/["\\]/g, '\\$&').replace(/\|/g, '\\|') + '"') +
          ')'
        signature.push('link(' + href.trim() + '|' + (title ?? '') + ')', ...inner, ')')
        continue
      }
    }
    if (name === 'span' && attributes.length === 0) {
      out += inline(element.children, style, signature, changes)
      continue
    }
    if (inlineKept.has(name) || phrasing.has(name)) {
      // Phrasing HTML with no Markdown equivalent (`<a target>`, `<abbr title>`, `<img>`, `<span class>`) stays
      // HTML inside the cell, where GFM renders it as it was; its content is converted like the cell's.
      const open = `<${name}${attributes.map((attribute) => attributeText(attribute, element.attribs[attribute])).join('')}>`
      if (voidElements.has(name)) {
        out += open
        signature.push('html')
        continue
      }
      const inner: string[] = []
      out += open + inline(element.children, style, inner, changes) + `</${name}>`
      signature.push('html', ...inner, 'html')
      continue
    }
    refuse(`a cell holds \`<${name}>\`${attributes.length > 0 ? ' with attributes' : ''}, which has no Markdown equivalent`)
  }
  return out
}

/**
 * A list in a cell, written as HTML on the cell's one line: GFM passes inline HTML through, so `<ul><li>…</li></ul>`
 * renders as the same list in the same cell (the white space between its tags aside, which nobody sees): a safe
 * change. Its attributes (`<ol start>`, `type`, `reversed`, `<li value>`, even `class`) stay as written, since the
 * list is the same HTML; the items' content is converted as any cell's (paragraphs in an item become its lines,
 * an unsafe change), and a nested list the same way.
 */
function listHtml(list: Element, style: Style, signature: string[], changes?: Changes): string {
  const open = (element: Element) =>
    `<${element.name}${Object.keys(element.attribs)
      .map((attribute) => attributeText(attribute, element.attribs[attribute]))
      .join('')}>`
  let out = open(list)
  signature.push(list.name + '(')
  for (const child of list.children as AnyNode[]) {
    if (child.type === 'text' && /^\s*$/.test((child as unknown as {data: string}).data)) continue
    if (child.type !== 'tag' || (child as Element).name !== 'li') refuse(`a list in a cell holds something other than \`<li>\` items`)
    const item = child as Element
    signature.push('li(')
    out += open(item) + inline(item.children, style, signature, changes).replace(/ {2,}/g, ' ').trim() + '</li>'
    signature.push(')')
  }
  signature.push(')')
  return out + `</${list.name}>`
}

/** A list's tags written in a cell: each starts or ends a line, as the list and its items do. */
const listTag = /^<\/?(?:ul|ol|li)(?=[\s>])/i

/**
 * Elements a cell may hold that have no Markdown equivalent but render the same as inline HTML in a GFM cell
 * (HTML's phrasing content, and the presentational tags pages still use).
 */
const phrasing = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'button',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr'
])

/** An attribute written back in a start tag; `|` and line ends as references, which a GFM cell cannot hold raw. */
function attributeText(name: string, value: string): string {
  if (!/^[A-Za-z_:][\w:.-]*$/.test(name)) refuse(`the attribute \`${name}\` cannot be written back`)
  const escaped = value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/\|/g, '&#124;')
    .replace(/\r?\n|\r/g, '&#10;')
  return ` ${name}="${escaped}"`
}

function destination(url: string): string {
  const trimmed = url.trim().replace(/\|/g, '%7C')
  if (/[\s()<>]/.test(trimmed)) {
    if (/[<>\n]/.test(trimmed)) refuse('a link URL cannot be written in Markdown')
    return '<' + trimmed + '>'
  }
  return trimmed
}

/** `<code>a<br>b</code>` is one code span per segment, joined by `<br>`. */
function codeSpans(element: Element, signature: string[]): string {
  const segments: string[] = ['']
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') segments[segments.length - 1] += (node as unknown as {data: string}).data
      else if (node.type === 'tag' && (node as Element).name === 'br') segments.push('')
      else if (
        node.type === 'tag' &&
        ['span', 'b', 'strong', 'i', 'em'].includes((node as Element).name) &&
        Object.keys((node as Element).attribs).length === 0 &&
        (node as Element).name === 'span'
      )
        walk((node as Element).children)
      else refuse('a `<code>` holds markup that a code span cannot')
    }
  }
  walk(element.children)
  const parts: string[] = []
  let first = true
  for (const raw of segments) {
    const text = raw.replace(/[ \t\r\n\f]+/g, ' ').trim()
    if (!first) {
      parts.push('<br>')
      signature.push('br')
    }
    first = false
    if (text === '') continue
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
    const fence = '`'.repeat(longest + 1)
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
    parts.push(fence + pad + text.replace(/\|/g, '\\|') + pad + fence)
    signature.push('code')
  }
  return parts.join('')
}

const invisible = /[\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g

function escapeText(text: string, style: Style): string {
  let out = text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')
  out = style === 'plain' || style === 'html' ? out.replace(/[`*[\]]/g, '\\$&') : out.replace(/[`*_[\]~!#+\-.()]/g, '\\$&')
  out = out.replace(/<(?=[A-Za-z/!?])/g, '\\<').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
  return out.replace(invisible, (char) => (char === '\u00a0' ? '&nbsp;' : '&#x' + char.codePointAt(0)!.toString(16).toUpperCase() + ';'))
}

const alignMarker = (align: Align) => (align === 'left' ? 'l' : align === 'right' ? 'r' : align === 'center' ? 'c' : '')

/**
 * Text that reads back as itself in a GFM cell: letters, digits, spaces and punctuation that no Markdown construct
 * (escape, code, emphasis, strikethrough, link, HTML, character reference, pipe) starts, and no literal autolink.
 */
const inertText = /^[\p{L}\p{M}\p{N} ,.;:'"?()/%+=#$\u2018\u2019\u201c\u201d\u2013\u2014\u2026-]*$/u
const autolinkStart = /www\.|:\/|@/i

/** Whether a cell's Markdown is plain text, which GFM reads back as that text (trimmed) with no constructs. */
export function plainCellText(markdown: string): boolean {
  return inertText.test(markdown) && !autolinkStart.test(markdown)
}

/** Whether a cell's Markdown is plain text that reads back as the expected text with no constructs, unparsed. */
function readsBackAsText(cell: ConvertedCell, expectedText: string): boolean {
  return cell.signature.length === 0 && plainCellText(cell.markdown) && collapse(cell.markdown) === expectedText
}

/**
 * Parse the produced table and check that every cell reads back the same text and constructs. GFM parses each
 * cell's content on its own, trimmed, so the table is parsed without the alignment padding, and a cell of plain
 * text (which reads back as itself) is parsed empty: the table keeps its shape, the other cells their content.
 */
function readsBack(cells: ConvertedCell[][], texts: string[][], width: number, align: Align[], definitions = ''): Array<[number, number]> {
  const every = cells.flatMap((row, rowIndex) => row.map((_, cellIndex): [number, number] => [rowIndex, cellIndex]))
  const expected = (rowIndex: number, cellIndex: number) => cells[rowIndex][cellIndex].text ?? texts[rowIndex]?.[cellIndex] ?? ''
  const plain = cells.map((row, rowIndex) => row.map((cell, cellIndex) => readsBackAsText(cell, expected(rowIndex, cellIndex))))
  const markdown = markdownTable(
    cells.map((row, rowIndex) => row.map((cell, cellIndex) => (plain[rowIndex][cellIndex] ? '' : cell.markdown))),
    {align: align.map(alignMarker), alignDelimiters: false}
  )
  const tree = parseSnippet(definitions === '' ? markdown : markdown + '\n\n' + definitions)
  const blocks = tree.children.filter((node) => node.type !== 'definition')
  if (blocks.length !== 1 || blocks[0].type !== 'table') return every
  const table = blocks[0]
  if (table.children.length !== cells.length) return every
  if (JSON.stringify((table.align ?? []).map((a) => a ?? null)) !== JSON.stringify(align)) return every
  if (table.children.some((row) => row.children.length !== width)) return every
  const failing: Array<[number, number]> = []
  for (const [rowIndex, row] of table.children.entries()) {
    for (const [cellIndex, cell] of row.children.entries()) {
      if (plain[rowIndex][cellIndex]) continue
      const signature: string[] = []
      readSignature(cell.children, markdown, signature)
      if (
        collapse(readBackText(cell.children)) !== expected(rowIndex, cellIndex) ||
        JSON.stringify(signature) !== JSON.stringify(cells[rowIndex][cellIndex].signature)
      ) {
        failing.push([rowIndex, cellIndex])
      }
    }
  }
  return failing
}

/** A cell's text as it reads back: a list written in it breaks lines around each item, as `readerText` does. */
function readBackText(nodes: readonly PhrasingContent[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'html' && listTag.test(node.value)) text += '\n'
    else if ('children' in node) text += readBackText(node.children as PhrasingContent[])
    else text += phrasingText([node])
  }
  return text
}

function readSignature(nodes: readonly RootContent[], markdown: string, signature: string[]): void {
  for (const node of nodes) {
    // A list written in a cell reads back as its items, each with its own constructs: `ul(`, `li(`, …, `)`, `)`.
    const list = node.type === 'html' ? /^<(\/?)(ul|ol|li)(?=[\s>])/i.exec(node.value) : null
    if (list) signature.push(list[1] ? ')' : list[2].toLowerCase() + '(')
    else if (node.type === 'html') signature.push(/^<br\s*\/?>$/i.test(node.value) ? 'br' : 'html')
    else if (node.type === 'inlineCode') signature.push('code')
    else if (node.type === 'strong' || node.type === 'emphasis') {
      signature.push(node.type + '(')
      readSignature(node.children, markdown, signature)
      signature.push(')')
    } else if (node.type === 'link') {
      // A GFM literal autolink (a bare URL in the text) is text in the HTML: it reads as the same words.
      const literal = markdown[node.position?.start.offset ?? 0] !== '['
      if (literal) {
        readSignature(node.children, markdown, signature)
        continue
      }
      signature.push('link(' + node.url + '|' + (node.title ?? '') + ')')
      readSignature(node.children, markdown, signature)
      signature.push(')')
    } else if (node.type !== 'text') signature.push(node.type)
  }
}

/**
 * A run of record tables (one small `Name:` / `Purpose:` / `Expires in:` table per cookie, as consent tools export
 * them) as the one cookie table the page should have had: a row per cookie, a column per label in first-seen
 * order. Only when the HTML between the first and the last table holds nothing but those tables, styling-only
 * wrappers and white space. Unsafe: the repeated labels become one header, and the styling goes.
 */
export function convertRecordRun(
  group: DerivedTable,
  htmlTables: readonly HtmlTable[],
  tree: Root,
  context: ConvertContext
): (Outcome & {tables: HtmlTable[]}) | undefined {
  const sources = group.rows.map((row) =>
    htmlTables.find((table) => table.range && row.range && table.range[0] === row.range[0] && table.range[1] === row.range[1])
  )
  if (sources.length === 0 || sources.some((table) => table === undefined)) return undefined
  const runTables = sources as HtmlTable[]
  try {
    return {...recordRunOrThrow(group, runTables, tree, context), tables: runTables}
  } catch (error) {
    if (error instanceof Refusal) return {refusal: error.message, tables: runTables}
    throw error
  }
}

function recordRunOrThrow(group: DerivedTable, sources: HtmlTable[], tree: Root, context: ConvertContext): Outcome {
  const first = sources[0].fragment.node.position
  const last = sources[sources.length - 1].fragment.node.position
  if (!first || !last || sources.some((table) => table.fragment.offset === undefined || table.fragment.ancestors.length !== 1)) {
    refuse('the record tables are inside a list item or block quote')
  }
  const start = first.start.offset!
  const end = last.end.offset!
  // Between the first and the last table: HTML blocks only, holding the tables, styling wrappers and white space.
  for (const node of tree.children) {
    const at = node.position
    if (at && at.start.offset! < end && at.end.offset! > start && node.type !== 'html') refuse('text or Markdown sits between the record tables')
  }
  const changes = new Changes()
  const root = parseDom(context.source.slice(start, end))
  const found: Element[] = []
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text' && /^\s*$/.test((node as unknown as {data: string}).data)) continue
      if (node.type !== 'tag') refuse('something other than the record tables sits between them')
      const element = node as Element
      if (element.name === 'table') {
        found.push(element)
        continue
      }
      if (!wrapperTags.has(element.name)) refuse(`\`<${element.name}>\` sits between the record tables`)
      for (const name of Object.keys(element.attribs)) {
        if (!presentational.has(name.toLowerCase())) refuse(`a \`<${element.name}>\` between the record tables has the attribute \`${name}\``)
        changes.attributes.add(name.toLowerCase())
      }
      walk(element.children)
    }
  }
  walk(root.children as AnyNode[])
  if (found.length !== sources.length) refuse('the HTML between the record tables holds other tables')
  for (const source of sources) checkStructure(source.element, changes)

  const labels = group.header!.cells.map((cell) => cell.text)
  const width = labels.length
  const texts = [labels, ...group.rows.map((row) => row.cells.map((cell) => (cell.element ? collapse(readerText(cell.element.children)) : '')))]
  const align: Align[] = labels.map(() => null)
  const built = settle(group.rows.length + 1, width, texts, align, '', (styleOf) => {
    const headerCells: ConvertedCell[] = labels.map((label, index) => ({markdown: escapeText(label, styleOf(0, index)), signature: []}))
    const rows = group.rows.map((row, rowIndex) =>
      row.cells.map((cell, index): ConvertedCell =>
        cell.element ? convertCell(cell.element, styleOf(rowIndex + 1, index), changes) : {markdown: '', signature: []}
      )
    )
    return [headerCells, ...rows]
  })
  if ('failing' in built) refuse(notReadingBack(built.failing))
  const eol = /\r\n/.test(context.source.slice(start, end)) ? '\r\n' : '\n'
  const preceding = context.source.slice(0, start)
  let text = built.markdown.replace(/\n/g, eol)
  if (!(preceding === '' || /\n[ \t]*\r?\n[ \t]*$/.test(preceding) || /^[ \t]*$/.test(preceding))) text = eol + text
  changes.add(
    `merges ${sources.length} record table${sources.length === 1 ? '' : 's'} into one table with a row per cookie, their repeated labels into its header`
  )
  return {range: [start, end], text, unsafe: changes.describe()}
}
