/**
 * The dates a page states: in its front matter (YAML or TOML keys such as `last_updated`), after a keyword
 * (`Last updated: May 1, 2024`, `Effective 2024-05-01`), under a `Status` or `Date` line, or alone on a line near
 * the top or bottom of the page; with a template placeholder where the date should be (`Last updated: [DATE]`).
 */
import type {Root} from 'mdast'
import {isMap, isScalar, parseDocument} from 'yaml'
import {parseDate, type Format} from '../values/dates.js'
import {nodeRange, type Range} from './source.js'
import {walk} from './walk.js'
import {prose} from './words.js'

export interface StatedDate {
  range: Range
  text: string
  format: Format
  date: Date | undefined
  /** `effective` dates may be announced ahead; `updated` dates may not lie in the future. */
  kind: 'effective' | 'updated'
  future: boolean
  /** `Last updated: [DATE]`: a statement whose date is a template placeholder (no-placeholders reports it). */
  placeholder?: true
}

// Not `\b`: in `_Last updated_:` the underscores are word characters.
const keyword =
  /(?<![\p{L}\p{N}])(effective(?:[ \t]+date)?|in[ \t]+effect|(?:last|latest)[ \t]+(?:(?:substantive|major|material|significant)[ \t]+)?(?:updated|modified|revised|reviewed|changed|update|revision)|updated|revised|dates[ \t]+from|date[ \t]+of[ \t]+(?:last[ \t]+)?(?:update|revision))(?![\p{L}\p{N}])/giu

/** A word every keyword holds (`effective`, `last updated`, `revised`, `dates from`); with `u` too, as `keyword` matches. */
const keywordWord = /effect|updat|modifi|revis|review|chang|dates/iu

const frontMatterKeys =
  /^(?:date|post[_-]?date|published|updated|last[_-]?updated|last[_-]?update|last[_-]?modified(?:[_-]at)?|lastmod|modified|effective(?:[_-]?date)?|last[_-]?revised)$/i

const frontMatterKeyWord = /date|published|modified|lastmod|effective|revised|\\/i

/** Every date the page states, front matter first, the body's in document order. */
export function statedDates(tree: Root, source: string): StatedDate[] {
  return [...frontMatterDates(tree, source), ...bodyDates(tree, source)]
}

function frontMatterDates(tree: Root, source: string): Array<StatedDate & {frontMatter: true}> {
  const toml = tree.children.find((child) => (child.type as string) === 'toml') as {value: string} | undefined
  if (toml) return tomlDates(toml, source)
  const node = tree.children.find((child) => child.type === 'yaml')
  if (!node || node.type !== 'yaml') return []
  const at = nodeRange(node)
  if (!at) return []
  // Every key read here holds one of these words: front matter without any (most) need not be parsed. A backslash
  // may spell one in a double-quoted key (`"\x64ate"`), so it sends the front matter to the parser too.
  if (!frontMatterKeyWord.test(node.value)) return []
  const start = source.indexOf(node.value, at[0] + 3)
  const document = parseDocument(node.value, {uniqueKeys: false})
  if (document.errors.length > 0 || !isMap(document.contents)) return []
  const result: Array<StatedDate & {frontMatter: true}> = []
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !frontMatterKeys.test(String(pair.key.value)) || !isScalar(pair.value) || !pair.value.range) continue
    const text = String(pair.value.value ?? '')
    if (!/\d/.test(text)) continue
    const range: Range = [start + pair.value.range[0], start + pair.value.range[1]]
    const parsed = parseDate(text.trim())
    result.push({
      range,
      text,
      format: parsed?.format ?? 'iso',
      date: parsed?.date,
      kind: /effective/i.test(String(pair.key.value)) ? 'effective' : 'updated',
      future: false,
      frontMatter: true
    })
  }
  return result
}

/** `date = 2024-05-01` / `lastmod = '2024-05-01T10:00:00Z'` in TOML front matter (`+++`), as Hugo writes it. */
function tomlDates(node: {value: string}, source: string): Array<StatedDate & {frontMatter: true}> {
  const at = nodeRange(node as never)
  if (!at) return []
  const start = source.indexOf(node.value, at[0] + 3)
  const result: Array<StatedDate & {frontMatter: true}> = []
  for (const line of node.value.matchAll(/^[ \t]*([A-Za-z_-]+)[ \t]*=[ \t]*["']?(\d{4}-\d{2}-\d{2}[^"'\n]*)["']?[ \t]*$/gm)) {
    if (!frontMatterKeys.test(line[1])) continue
    const text = line[2].trim()
    const offset = start + line.index! + line[0].indexOf(line[2])
    const parsed = parseDate(text)
    result.push({
      range: [offset, offset + text.length],
      text,
      format: parsed?.format ?? 'iso',
      date: parsed?.date,
      kind: /effective/i.test(line[1]) ? 'effective' : 'updated',
      future: false,
      frontMatter: true
    })
  }
  return result
}

function bodyDates(tree: Root, documentSource: string): StatedDate[] {
  // Blocks, not runs: `_Last updated_: May 1, 2024` is split over several text nodes.
  const blocks = new Map<object, Range>()
  const htmlBlocks = new Set<object>()
  for (const run of prose(tree, documentSource).runs) {
    if (run.block === 'tableCell') continue
    const key = run.blockNode ?? run
    if (run.block === 'html') htmlBlocks.add(key)
    const range = blocks.get(key)
    if (range) range[1] = Math.max(range[1], run.end)
    else blocks.set(key, [run.start, run.end])
  }
  // Code spans are examples (`Last updated: 2023-01-05`), not statements; inline HTML is markup
  // (`<time datetime="…">`). Blanked with spaces, so offsets still index into the source.
  const hidden: Range[] = []
  walk(tree, (node, ancestors) => {
    if (node.type !== 'inlineCode' && node.type !== 'html') return
    const parent = ancestors[ancestors.length - 1]
    if (node.type === 'inlineCode' || parent?.type === 'paragraph' || parent?.type === 'heading') {
      const range = nodeRange(node)
      if (range) hidden.push(range)
    }
  })
  let source = documentSource
  if (hidden.length > 0) {
    const parts: string[] = []
    let at = 0
    for (const [from, to] of hidden.sort((a, b) => a[0] - b[0])) {
      if (from < at) continue
      parts.push(documentSource.slice(at, from), ' '.repeat(to - from))
      at = to
    }
    source = parts.join('') + documentSource.slice(at)
  }
  const result: StatedDate[] = []
  let previous = ''
  const list = [...blocks]
  for (const [index, [key, [start, end]]] of list.entries()) {
    // The tags of an HTML block (`<p><em>Last updated:</em> <time>…</time></p>`) are markup between its texts.
    const html = htmlBlocks.has(key)
    const text = html ? source.slice(start, end).replace(/<[^>]*>/g, (tag) => tag.replace(/[^\n]/g, ' ')) : source.slice(start, end)
    const standalone = standaloneDate(text, previous)
    previous = text
    if (standalone) {
      result.push(foundAt(start, text, standalone, 'updated', false))
      continue
    }
    const alone = index < 4 || index >= list.length - 3 ? dateLine(text, html) : undefined
    // Without a label the date may be the day the policy takes effect: one ahead of today is not reported.
    if (alone) result.push(foundAt(start, text, alone, 'effective', true))
    // Most blocks hold no keyword: one quick test of the words every keyword has.
    if (!keywordWord.test(text)) continue
    for (const match of text.matchAll(keyword)) {
      let at = match.index! + match[0].length
      const gap = /^[\s*_:,–—-]*(?:date[\s*_:]*)?(?:(?:on|as[ \t]+of|from|since|at)[\s*_:]+)?[\s*_]*/i.exec(text.slice(at))![0]
      at += gap.length
      let rest = text.slice(at, at + 40)
      let parsed = parseDate(rest)
      // `The last substantive update to this page (…) was on 2019-09-30`: the date closes the sentence.
      if (!parsed && /^(?:last|latest)/i.test(match[0])) {
        const later = /^[^\n]{0,160}?\b(?:was|is|on|dated)[\s*_:]+(?:on[\s*_:]+)?/i.exec(text.slice(at))
        const candidate = later ? parseDate(text.slice(at + later[0].length, at + later[0].length + 40)) : undefined
        if (later && candidate?.date) {
          at += later[0].length
          rest = text.slice(at, at + 40)
          parsed = candidate
        }
      }
      const before = text.slice(Math.max(0, match.index! - 30), match.index!)
      const kind = /effect/i.test(match[0]) ? 'effective' : 'updated'
      const future = /\b(?:will|shall|becomes?|comes?|takes?)\b[^.]*$/i.test(before) || /\bwill\b/i.test(before)
      if (parsed) {
        result.push({
          range: [start + at, start + at + parsed.length],
          text: rest.slice(0, parsed.length),
          format: parsed.format,
          date: parsed.date,
          kind,
          future
        })
      } else if (placeholder.test(rest)) {
        result.push({range: [start + at, start + at], text: '', format: 'iso', date: undefined, kind, future, placeholder: true})
      } else {
        // Something after the keyword that tries to be a date: digits and a year, or a month name, before the sentence ends.
        const attempt =
          /^(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|[\p{L}]+\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}|\d{1,2}(?:st|nd|rd|th)?\.?[ \t]+[\p{L}]+,?[ \t]+\d{4})/iu.exec(
            rest
          )
        if (attempt && /\d{4}/.test(attempt[0])) {
          result.push({range: [start + at, start + at + attempt[0].length], text: attempt[0], format: 'numeric', date: undefined, kind, future})
        }
      }
    }
  }
  return result.sort((a, b) => a.range[0] - b.range[0])
}

// `[DATE]`, `{{ date }}`, `___`, `XX/XX/XXXX`, `DD/MM/YYYY`.
const placeholder = /^(?:\[[^\]\n]{1,40}\]|\{\{?[^}\n]{1,40}\}\}?|_{3,}|X{2,}|(?:DD|MM|YYYY)\b)/

// A paragraph that is nothing but a date, under `Status of this notice`, `Version` or `Date`.
const standaloneLead = /(?<![\p{L}\p{N}])(?:status|version|dated?|valid(?:ity)?|effective|updated|modified|revised)(?![\p{L}\p{N}])/iu

function standaloneDate(text: string, previous: string): DateIn | undefined {
  if (previous.length > 120 || !standaloneLead.test(previous)) return undefined
  const offset = /^[ \t*_]*/.exec(text)![0].length
  const parsed = parseDate(text.slice(offset))
  if (!parsed || !/^[ \t*_.]*$/.test(text.slice(offset + parsed.length))) return undefined
  return {offset, ...parsed}
}

/**
 * A line that is nothing but a date (`March 3, 2021`, `_21 March 2018_`), in one of the first or last blocks of
 * the page, where a policy states its date without a label. In an HTML block only its first and last lines count.
 */
/** A date found in a block's text, `offset` characters in. */
interface DateIn {
  offset: number
  length: number
  format: Format
  date: Date | undefined
}

/** A date found in the block at `start` as a stated date. */
function foundAt(start: number, text: string, found: DateIn, kind: StatedDate['kind'], future: boolean): StatedDate {
  const at = start + found.offset
  return {
    range: [at, at + found.length],
    text: text.slice(found.offset, found.offset + found.length),
    format: found.format,
    date: found.date,
    kind,
    future
  }
}

function dateLine(text: string, html: boolean): DateIn | undefined {
  const lines = text.split('\n')
  let offset = 0
  for (const [index, line] of lines.entries()) {
    if (!html || index < 5 || index >= lines.length - 5) {
      const lead = /^[ \t>*_]*/.exec(line)![0].length
      const parsed = parseDate(line.slice(lead))
      // Only a full date: `March 2021` alone is more often a heading of a changelog than a statement.
      if (parsed && parsed.format !== 'month-year' && /^[ \t*_.]*$/.test(line.slice(lead + parsed.length))) return {offset: offset + lead, ...parsed}
    }
    offset += line.length + 1
  }
  return undefined
}
