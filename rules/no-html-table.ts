/** HTML `<table>`s in Markdown: report them and convert them to GFM tables when nothing is lost. */
import type {AnyNode, Element} from 'domhandler'
import {markdownTable} from 'markdown-table'
import type {PhrasingContent, RootContent} from 'mdast'
import {parseSnippet} from '../src/model/reparse.js'
import {collapse, domText, tables, type Align, type HtmlTable} from '../src/model/tables.js'
import {oneOf, record} from '../src/options.js'
import {defineRule, type RuleContext} from '../src/rule.js'

export interface Options {
  /** What to do with a table that has no header row: leave it alone, or promote its first row. */
  headerless: 'refuse' | 'first-row'
}

const defaults: Options = {headerless: 'refuse'}

export default defineRule<Options>({
  meta: {
    id: 'no-html-table',
    description: 'Tables are written as GFM tables, not HTML `<table>`s',
    rationale:
      'An HTML table in a Markdown policy is hard to review and easy to break: a missing `</td>` shifts every ' +
      'column after it, Markdown inside the cells is not rendered, and diffs of cookie lists become unreadable. ' +
      'The fix rewrites the table as an aligned GFM table: `<thead>` (or a first row of `<th>`) becomes the header, ' +
      '`<code>`, `<a>`, `<strong>`/`<b>` and `<em>`/`<i>` become Markdown, `<br>` stays, `|` is escaped, and ' +
      'alignment comes from `align` or `text-align`. Presentational attributes (`class`, `style`, `width`, ' +
      '`border`…) are dropped. A table is reported without a fix when converting it would lose something: ' +
      '`colspan`/`rowspan`, a nested table, block content (lists, paragraphs) in a cell, a caption, an `id` or ' +
      '`data-*` attribute, a missing header row, unclosed tags the HTML parser had to repair, or other content ' +
      'in the same HTML block. The fixed table is parsed again and every cell must read back the same. Tables that ' +
      'cannot be converted are reported once per document, at the first of them, with their count and the reason ' +
      'for each; convertible tables are reported (and fixed) one by one.',
    recommended: 'warn',
    fix: 'safe'
  },
  options: {
    defaults,
    docs: {
      headerless: "`'refuse'` leaves tables without a header row alone; `'first-row'` makes their first row the header."
    },
    parse(raw) {
      const value = record(raw, 'no-html-table', ['headerless'])
      return {headerless: oneOf(value.headerless, 'headerless', ['refuse', 'first-row'], defaults.headerless)}
    }
  },
  examples: [
    {
      name: 'valid.md',
      input: '| Cookie | Purpose                 | Expires |\n| ------ | ----------------------- | ------- |\n| `sid`  | Keeps you signed in     | Session |\n'
    },
    {
      name: 'invalid.md',
      input:
        'The cookies we set:\n\n<table>\n  <thead>\n    <tr><th>Cookie</th><th>Purpose</th><th align="right">Expires</th></tr>\n  </thead>\n  <tbody>\n    <tr><td><code>sid</code></td><td>Keeps you <strong>signed in</strong></td><td align="right">Session</td></tr>\n    <tr><td><code>_ga<br>_gid</code></td><td>Counts visits (see <a href="https://policies.google.com/technologies/cookies">Google</a>)</td><td align="right">2 years<br>24 hours</td></tr>\n  </tbody>\n</table>\n',
      messages: ['3:1-11:9: Unexpected HTML table, expected a GFM table'],
      fixed:
        'The cookies we set:\n\n' +
        '| Cookie          | Purpose                                                                        |             Expires |\n' +
        '| --------------- | ------------------------------------------------------------------------------ | ------------------: |\n' +
        '| `sid`           | Keeps you **signed in**                                                        |             Session |\n' +
        '| `_ga`<br>`_gid` | Counts visits (see [Google](https://policies.google.com/technologies/cookies)) | 2 years<br>24 hours |\n'
    },
    {
      name: 'colspan.md',
      description: 'A cell spanning two columns has no GFM equivalent, so the table is reported without a fix.',
      input: '<table>\n<tr><th>Cookie</th><th>Expires</th></tr>\n<tr><td colspan="2">None yet</td></tr>\n</table>\n',
      messages: ['1:1-4:9: Unexpected HTML table, expected a GFM table']
    },
    {
      name: 'headerless.md',
      options: {headerless: 'first-row'},
      input: '<table>\n<tr><td>Cookie</td><td>Expires</td></tr>\n<tr><td>sid</td><td>Session</td></tr>\n</table>\n',
      messages: ['1:1-4:9: Unexpected HTML table, expected a GFM table'],
      fixed: '| Cookie | Expires |\n| ------ | ------- |\n| sid    | Session |\n'
    }
  ],
  check(tree, context) {
    const reason = 'Unexpected HTML table, expected a GFM table'
    // Tables that cannot be converted are reported once per document: a consent-tool export holds hundreds.
    const refused: Array<{table: HtmlTable; why: string}> = []
    const fixed: Array<{start: number; report: () => void}> = []
    for (const table of tables(tree, context.source)) {
      if (table.kind !== 'html') continue
      if (!table.range) {
        refused.push({table, why: 'its position in the source is unknown'})
        continue
      }
      const outcome = convert(table, context)
      if ('refusal' in outcome) refused.push({table, why: outcome.refusal})
      else fixed.push({start: outcome.range[0], report: () => context.report({reason, fix: {range: outcome.range, text: outcome.text}})})
    }
    // Reports stay in document order: the grouped one goes where its first table is.
    const firstRefused = refused[0]?.table.range?.[0] ?? Infinity
    for (const {start, report} of fixed) if (start < firstRefused) report()
    reportRefused(refused, context, reason)
    for (const {start, report} of fixed) if (start >= firstRefused) report()
  }
})

function reportRefused(refused: Array<{table: HtmlTable; why: string}>, context: RuleContext<Options>, reason: string): void {
  if (refused.length === 0) return
  const [first, second] = refused
  const where = first.table.range ? {range: first.table.range} : {node: first.table.node}
  if (refused.length === 1) {
    context.report({reason, ...where, note: 'Not fixed: ' + first.why})
    return
  }
  const byReason = new Map<string, number[]>()
  for (const {table, why} of refused) {
    const start = table.range?.[0]
    const line = start === undefined ? table.node.position?.start.line ?? 0 : lineOf(context.source, start)
    byReason.set(why, [...(byReason.get(why) ?? []), line])
  }
  const lines = [...byReason].map(([why, at]) => `- ${why} (${at.length === 1 ? 'line' : 'lines'} ${listLines(at)})`)
  context.report({
    reason: `Unexpected ${refused.length} HTML tables that cannot be converted, expected GFM tables`,
    ...where,
    note: `Not fixed: ${refused.length} tables keep something a GFM table cannot hold:\n` + lines.join('\n'),
    cause: second.table.range ? context.evidence('Another HTML table that cannot be converted: ' + second.why, second.table.range) : undefined
  })
}

function lineOf(source: string, offset: number): number {
  let line = 1
  for (let at = source.indexOf('\n'); at !== -1 && at < offset; at = source.indexOf('\n', at + 1)) line++
  return line
}

function listLines(lines: number[]): string {
  const shown = lines.slice(0, 20).join(', ')
  return lines.length > 20 ? `${shown} and ${lines.length - 20} more` : shown
}

class Refusal extends Error {}

function refuse(reason: string): never {
  throw new Refusal(reason)
}

type Outcome = {refusal: string} | {range: [number, number]; text: string}

/** Convert an HTML table to a GFM table, or say why it cannot be converted safely. */
export function convert(table: HtmlTable, context: RuleContext<Options>): Outcome {
  try {
    return convertOrThrow(table, context)
  } catch (error) {
    if (error instanceof Refusal) return {refusal: error.message}
    throw error
  }
}

const presentational = new Set(['class', 'style', 'width', 'height', 'border', 'cellpadding', 'cellspacing', 'align', 'valign', 'bgcolor', 'frame', 'rules', 'nowrap'])
const tableParts = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td'])

function convertOrThrow(table: HtmlTable, context: RuleContext<Options>): Outcome {
  const {fragment, element} = table
  const parent = fragment.ancestors[fragment.ancestors.length - 1]
  if (parent.type !== 'root' || fragment.offset === undefined) refuse('the table is inside a list item or block quote, where a GFM table would need re-indenting')
  const location = element.sourceCodeLocation
  if (!location?.endTag) refuse('the table is not closed in its HTML block (a blank line inside a `<table>` ends the block)')
  // Other HTML may share the block when it stays an HTML block of its own once the table is Markdown.
  if (element.parent && element.parent.type !== 'root') refuse(`the table is inside \`<${(element.parent as Element).name}>\``)
  for (const node of fragment.$.root().get(0)!.children as AnyNode[]) {
    if (node === element) continue
    const place = node.sourceCodeLocation
    if (!place || (place.startOffset < location.endOffset && place.endOffset > location.startOffset)) {
      refuse('the table holds content outside any cell, which the HTML parser moves out of it')
    }
  }
  const value = fragment.node.value
  const before = value.slice(0, location.startOffset)
  const after = value.slice(location.endOffset)
  if (before.trim() !== '' && !/\n[ \t]*$/.test(before)) refuse('other HTML is on the same line as the start of the table')
  let rest = ''
  if (after.trim() !== '') {
    if (!/^[ \t]*\r?\n/.test(after)) refuse('other HTML is on the same line as the end of the table')
    rest = after.replace(/^[ \t]*\r?\n/, '')
    if (!htmlBlockStart.test(rest)) refuse('the HTML after the table would no longer be an HTML block once the table is Markdown')
  }
  if (table.hasNestedTable) refuse('a cell holds a nested table')
  checkStructure(element)

  let header = table.header
  let body = table.rows
  if (!header) {
    if (context.options.headerless !== 'first-row') refuse("the table has no header row (`<thead>` or a first row of `<th>`); set `headerless: 'first-row'` to use its first row")
    if (body.length === 0) refuse('the table has no rows')
    ;[header, ...body] = body
  }
  if (body.some((row) => row.inHead)) refuse('the table has more than one header row')
  const width = header.cells.length
  if (width === 0) refuse('the header row has no cells')
  const all = [header, ...body]
  for (const [index, row] of all.entries()) {
    for (const cell of row.cells) {
      if (cell.colspan > 1 || cell.rowspan > 1) refuse('a cell spans several columns or rows (`colspan`/`rowspan`)')
    }
    if (row.cells.length > width) refuse(`row ${index + 1} has ${row.cells.length} cells but the header has ${width}: GFM would drop the extra cells`)
    if (index > 0 && row.cells.some((cell) => cell.header)) refuse('a header cell (`<th>`) inside the body has no GFM equivalent')
  }
  const align = columnAlign(all.map((row) => row.cells.map((cell) => cell.align)), width)

  for (const style of ['plain', 'escaped'] as const) {
    const converted = all.map((row) => {
      const cells = row.cells.map((cell) => convertCell(cell.element!, style))
      while (cells.length < width) cells.push({markdown: '', signature: []})
      return cells
    })
    const markdown = markdownTable(
      converted.map((row) => row.map((cell) => cell.markdown)),
      {align: align.map((a) => (a === 'left' ? 'l' : a === 'right' ? 'r' : a === 'center' ? 'c' : ''))}
    )
    if (!readsBack(markdown, converted, all.map((row) => row.cells.map((cell) => collapse(domText(cell.element!.children)))), width, align)) continue
    const start = fragment.node.position!.start.offset!
    const end = fragment.node.position!.end.offset!
    // An HTML block may follow a paragraph line directly; a table there would need a blank line before it.
    const preceding = context.source.slice(0, start)
    const eol = /\r\n/.test(value) || /\r\n/.test(context.source.slice(end, end + 2)) ? '\r\n' : '\n'
    let text = markdown.replace(/\n/g, eol)
    if (before.trim() !== '') text = before.replace(/\s+$/, '') + eol + eol + text
    else if (!(preceding === '' || /\n[ \t]*\r?\n[ \t]*$/.test(preceding) || /^[ \t]*$/.test(preceding))) text = eol + text
    if (rest !== '') text += eol + eol + rest
    return {range: [start, end], text}
  }
  refuse('the GFM table would not read back the same (a cell needs escaping that is not safe to guess)')
}

/** Refuse tables whose markup carries meaning GFM cannot keep, or that the parser had to repair. */
function checkStructure(element: Element): void {
  const walk = (node: Element) => {
    const location = node.sourceCodeLocation
    if (location && location.startTag && !location.endTag && !voidElements.has(node.name)) {
      refuse(`\`<${node.name}>\` is not closed (the HTML parser had to repair it)`)
    }
    if (node.name === 'caption') refuse('a `<caption>` has no GFM equivalent')
    if (node.name === 'colgroup' || node.name === 'col') refuse('`<colgroup>`/`<col>` styling has no GFM equivalent')
    if (node.name === 'tfoot') refuse('a `<tfoot>` has no GFM equivalent')
    if (!tableParts.has(node.name)) return
    for (const name of Object.keys(node.attribs)) {
      const lower = name.toLowerCase()
      if (presentational.has(lower)) continue
      if (lower === 'scope' && node.name === 'th') continue
      // Spans are refused below with a clearer note; a span of 1 is harmless.
      if ((lower === 'colspan' || lower === 'rowspan') && (node.name === 'td' || node.name === 'th')) continue
      if (lower === 'id') refuse(`the \`id\` on \`<${node.name}>\` may be a link target`)
      refuse(`the attribute \`${name}\` on \`<${node.name}>\` carries meaning that GFM cannot keep`)
    }
    for (const child of node.children) {
      if (child.type === 'comment') refuse('an HTML comment inside the table would be lost')
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
}

/** A line that starts an HTML block (CommonMark kinds 1, 2 and 6), which ends only at a blank line. */
const htmlBlockStart =
  /^ {0,3}(?:<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)|<!--|<(?:script|pre|style|textarea)(?=[\s>]|$))/i

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
}

const inlineKept = new Set(['sup', 'sub', 'kbd', 'small', 'u', 'mark', 'del', 's', 'ins', 'q', 'cite', 'var', 'samp', 'dfn'])
const blockInCell = new Set(['p', 'div', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'dl', 'hr', 'section', 'figure', 'table'])

function convertCell(element: Element, style: 'plain' | 'escaped'): ConvertedCell {
  const signature: string[] = []
  const markdown = inline(element.children, style, signature)
  return {markdown: markdown.replace(/ {2,}/g, ' ').trim(), signature}
}

function inline(nodes: AnyNode[], style: 'plain' | 'escaped', signature: string[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text') {
      out += escapeText((node as unknown as {data: string}).data.replace(/[ \t\r\n\f]+/g, ' '), style)
      continue
    }
    if (node.type === 'comment') refuse('an HTML comment inside a cell would be lost')
    if (node.type !== 'tag') refuse('a cell holds content that has no Markdown equivalent')
    const element = node as Element
    const name = element.name
    const attributes = Object.keys(element.attribs)
    if (blockInCell.has(name)) refuse(`a cell holds block content (\`<${name}>\`), which a GFM cell cannot`)
    if (name === 'br') {
      if (attributes.length > 0) refuse('a `<br>` has attributes')
      out = out.replace(/ +$/, '') + '<br>'
      signature.push('br')
      continue
    }
    if (name === 'code') {
      if (attributes.length > 0) refuse('a `<code>` has attributes that carry meaning')
      out += codeSpans(element, signature)
      continue
    }
    if (name === 'strong' || name === 'b' || name === 'em' || name === 'i') {
      if (attributes.length > 0) refuse(`a \`<${name}>\` has attributes that carry meaning`)
      const kind = name === 'strong' || name === 'b' ? 'strong' : 'emphasis'
      const inner: string[] = []
      const text = inline(element.children, style, inner)
      const trimmed = text.trim()
      if (trimmed === '') {
        out += text
        continue
      }
      const marker = kind === 'strong' ? '**' : '*'
      const lead = text.startsWith(' ') ? ' ' : ''
      const trail = text.endsWith(' ') ? ' ' : ''
      out += lead + marker + trimmed + marker + trail
      signature.push(kind + '(', ...inner, ')')
      continue
    }
    if (name === 'a') {
      const href = element.attribs.href
      for (const attribute of attributes) {
        if (attribute !== 'href' && attribute !== 'title' && !(attribute === 'rel' && /^(\s*(noopener|noreferrer)\s*)+$/i.test(element.attribs.rel))) {
          refuse(`a link's \`${attribute}\` attribute has no Markdown equivalent`)
        }
      }
      if (href === undefined || href.trim() === '') refuse('a link has no URL')
      const inner: string[] = []
      const text = inline(element.children, style, inner).trim()
      if (text === '') refuse('a link has no text')
      const title = element.attribs.title
      out += '[' + text + '](' + destination(href) + (title === undefined ? '' : ' "' + title.replace(/["\\]/g, '\\$&').replace(/\|/g, '\\|') + '"') + ')'
      signature.push('link(' + href.trim() + '|' + (title ?? '') + ')', ...inner, ')')
      continue
    }
    if (name === 'span' && attributes.length === 0) {
      out += inline(element.children, style, signature)
      continue
    }
    if (inlineKept.has(name) && attributes.length === 0) {
      const inner: string[] = []
      out += `<${name}>` + inline(element.children, style, inner) + `</${name}>`
      signature.push('html', ...inner, 'html')
      continue
    }
    refuse(`a cell holds \`<${name}>\`${attributes.length > 0 ? ' with attributes' : ''}, which has no Markdown equivalent`)
  }
  return out
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
      else if (node.type === 'tag' && ['span', 'b', 'strong', 'i', 'em'].includes((node as Element).name) && Object.keys((node as Element).attribs).length === 0 && (node as Element).name === 'span') walk((node as Element).children)
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

function escapeText(text: string, style: 'plain' | 'escaped'): string {
  let out = text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')
  out = style === 'plain' ? out.replace(/[`*[\]]/g, '\\$&') : out.replace(/[`*_[\]~!#+\-.()]/g, '\\$&')
  out = out.replace(/<(?=[A-Za-z/!?])/g, '\\<').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
  return out.replace(invisible, (char) => (char === '\u00a0' ? '&nbsp;' : '&#x' + char.codePointAt(0)!.toString(16).toUpperCase() + ';'))
}

/** Parse the produced table and check that every cell reads back the same text and constructs. */
function readsBack(markdown: string, cells: ConvertedCell[][], texts: string[][], width: number, align: Align[]): boolean {
  const tree = parseSnippet(markdown)
  if (tree.children.length !== 1 || tree.children[0].type !== 'table') return false
  const table = tree.children[0]
  if (table.children.length !== cells.length) return false
  if (JSON.stringify((table.align ?? []).map((a) => a ?? null)) !== JSON.stringify(align)) return false
  for (const [rowIndex, row] of table.children.entries()) {
    if (row.children.length !== width) return false
    for (const [cellIndex, cell] of row.children.entries()) {
      const expectedText = texts[rowIndex][cellIndex] ?? ''
      if (collapse(readText(cell.children)) !== expectedText) return false
      const signature: string[] = []
      readSignature(cell.children, markdown, signature)
      if (JSON.stringify(signature) !== JSON.stringify(cells[rowIndex][cellIndex].signature)) return false
    }
  }
  return true
}

function readText(nodes: readonly PhrasingContent[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'html') {
      if (/^<br\s*\/?>$/i.test(node.value)) text += '\n'
    } else if ('value' in node) text += node.value
    else if ('children' in node) text += readText(node.children as PhrasingContent[])
  }
  return text
}

function readSignature(nodes: readonly RootContent[], markdown: string, signature: string[]): void {
  for (const node of nodes) {
    if (node.type === 'html') signature.push(/^<br\s*\/?>$/i.test(node.value) ? 'br' : 'html')
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
