/**
 * Contact blocks and the fields left empty in them: `Email:` with nothing after it, in a run of lines such as
 * `Email:`, `Phone:`, `Address:`.
 */
import type {Root} from 'mdast'
import {nodeRange, type Range} from './source.js'
import {walk} from './walk.js'

/** Labels of contact fields that hold one value (`Email:`, `Phone number:`). */
const fieldLabel =
  /^(?:(?:full |your |company |business |legal )?name|company|organi[sz]ation|e-?mail(?: address)?|(?:postal |registered |office |business )?address|registered office|phone(?: number)?|telephone(?: number)?|tel|fax|mobile|website|url|post ?code|zip(?: code)?|city|country|(?:vat|company|registration) (?:number|no))$/i
/** A line `Label: value` with its list marker or blockquote prefix and any emphasis around the label. */
const fieldLine = /^([ \t>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?)((?:\*\*|__|\*|_)?([\p{L}][\p{L} -]{0,30}?)[ \t]*:(?:\*\*|__|\*|_)?)(.*)$/u

interface Line {
  start: number
  text: string
  /** Inside a paragraph (so not code, HTML, a table or front matter). */
  prose: boolean
}

/**
 * Fields left empty in a contact block: a run of lines (no blank line between) where at least two lines are
 * contact fields, and one of them has nothing after its colon while the next line is another field (or the
 * block ends before a heading, a rule or the end of the page). A label followed by its value, or by a list, on
 * the next line is a lead-in, not an empty field.
 */
export function emptyFields(tree: Root, source: string): Array<{label: string; range: Range}> {
  const paragraphs: Range[] = []
  walk(tree, (node) => {
    if (node.type !== 'paragraph') return
    const range = nodeRange(node)
    if (range) paragraphs.push(range)
  })
  if (paragraphs.length === 0) return []
  const lines: Line[] = []
  let offset = 0
  // Paragraphs do not nest, and lines come in order: one pass over both, not every paragraph for every line.
  paragraphs.sort((a, b) => a[0] - b[0])
  let paragraph = 0
  for (const text of source.split('\n')) {
    // A line that ends before the next paragraph starts is not prose, whatever its prefix.
    while (paragraph < paragraphs.length && paragraphs[paragraph][1] <= offset) paragraph++
    let prose = false
    if (paragraph < paragraphs.length && paragraphs[paragraph][0] <= offset + text.length) {
      const content = offset + (/^[ \t>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?/.exec(text)?.[0].length ?? 0)
      while (paragraph < paragraphs.length && paragraphs[paragraph][1] <= content) paragraph++
      prose = text.trim() !== '' && paragraph < paragraphs.length && content >= paragraphs[paragraph][0]
    }
    lines.push({start: offset, text: text.endsWith('\r') ? text.slice(0, -1) : text, prose})
    offset += text.length + 1
  }
  const result: Array<{label: string; range: Range}> = []
  const field = (line: Line | undefined) => {
    if (!line || !line.prose || !line.text.includes(':')) return undefined
    const match = fieldLine.exec(line.text)
    if (!match || !fieldLabel.test(match[3].trim())) return undefined
    const value = match[4]
      .replace(/^(?:\*\*|__|\*|_)+/, '')
      .replace(/(?:\\|<br\s*\/?>|&nbsp;|\s)+$/i, '')
      .trim()
    return {label: match[2], labelStart: line.start + match[1].length, empty: value === '' && !/_{3,}/.test(match[4])}
  }
  let index = 0
  while (index < lines.length) {
    if (!lines[index].prose) {
      index++
      continue
    }
    let end = index
    while (end + 1 < lines.length && lines[end + 1].prose) end++
    const block = lines.slice(index, end + 1)
    const fields = block.map(field)
    // `The contact form asks for:` over a list of labels describes a form; it is not a block left unfilled.
    const leadIn = () => block.some((line, at) => !fields[at] && /:[ \t*_]*$/.test(line.text))
    if (fields.filter(Boolean).length >= 2 && !leadIn()) {
      fields.forEach((found, at) => {
        if (!found?.empty) return
        const next = block[at + 1]
        if (next ? !fields[at + 1] : !blockEndsSection(lines, end + 1)) return
        result.push({label: found.label.replace(/[*_]/g, ''), range: [found.labelStart, found.labelStart + found.label.length]})
      })
    }
    index = end + 1
  }
  return result
}

/** Whether what follows a block (after blank lines) is a heading, a thematic break or the end of the page. */
function blockEndsSection(lines: readonly Line[], from: number): boolean {
  let index = from
  while (index < lines.length && lines[index].text.trim() === '') index++
  if (index >= lines.length) return true
  return /^ {0,3}(?:#{1,6}(?:[ \t]|$)|(?:[-*_][ \t]*){3,}$)/.test(lines[index].text)
}
