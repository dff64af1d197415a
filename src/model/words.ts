/** The document's prose: runs of text with source ranges and their words, skipping code, URLs, e-mail addresses, HTML tags, front matter and link targets. */
import type {Heading, Parents, Root, Table, TableCell} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {cached} from './memo.js'
import {cookieRows} from './cookie-rows.js'
import {cookieTables} from './cookie-shapes.js'
import {htmlFragments} from './html.js'
import {nodeRange, type Range} from './source.js'
import {fieldCell} from './tables.js'
import {walk} from './walk.js'

/** A stretch of prose: one Markdown text node, or one text node of an HTML block. */
export interface Run {
  start: number
  end: number
  /**
   * The source of the run with what is not prose (entities, escapes, URLs, e-mail addresses, domains,
   * code-like tokens, blockquote markers) blanked with spaces: same length, so offsets map 1:1.
   */
  text: string
  words: Word[]
  /** The block the run is in. */
  block: 'heading' | 'paragraph' | 'tableCell' | 'html'
  /** The heading the run belongs to, when `block` is `heading`. */
  heading: Heading | undefined
  /** Where the run is, when `block` is `tableCell` (GFM tables only). */
  cell: {table: Table; row: number; column: number; node: TableCell} | undefined
  /** Inside a link's text. */
  inLink: boolean
  /** The run is the first prose of its block (nothing but markup before it). */
  blockStart: boolean
  /** The block node the run is in (paragraph, heading, table cell, or HTML node), shared by its runs. */
  blockNode: object | undefined
}

export interface Word {
  /** As written (typographic apostrophes kept). */
  text: string
  range: Range
  run: Run
  /** Whether the word opens a sentence (or a heading, list item or table cell). */
  sentenceStart: boolean
}

export interface Prose {
  runs: Run[]
  words: Word[]
  /**
   * Lower-case tokens the document uses as names rather than prose: from code spans, link and image
   * targets, HTML attribute values, and URLs, e-mail addresses and domains in the text.
   */
  names: Set<string>
}

/** Elements whose text is not prose. */
const codeElements = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'textarea', 'svg', 'math'])

export function prose(tree: Root, source: string): Prose {
  return cached(tree, 'words', () => build(tree, source))
}

function build(tree: Root, source: string): Prose {
  const runs: Run[] = []
  const names = new Set<string>()
  const addNames = (value: string) => addNameTokens(value, names)

  walk(tree, (node, ancestors) => {
    if (node.type === 'inlineCode' || node.type === 'code') {
      if (node.type === 'inlineCode') addNames(node.value)
      return
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') addNames(node.url)
    if (node.type === 'image') addNames(node.alt ?? '')
    if (node.type !== 'text') return
    const range = nodeRange(node)
    if (!range) return
    const link = ancestors[findLastIndex(ancestors, isLink)] as Parents | undefined
    if (link && link.type === 'link') {
      // An autolink or bare URL: its text is its target.
      const text = toString(link)
      if (text === link.url || 'mailto:' + text === link.url) return
    }
    const blockIndex = findLastIndex(ancestors, isProseBlock)
    if (blockIndex < 0) return
    const block = ancestors[blockIndex]
    const blockRange = nodeRange(block)
    const run = makeRun(source, range, names)
    run.block = block.type === 'heading' ? 'heading' : block.type === 'tableCell' ? 'tableCell' : 'paragraph'
    run.heading = block.type === 'heading' ? block : undefined
    run.inLink = Boolean(link)
    run.blockNode = block
    run.blockStart = blockRange ? !/[\p{L}\p{N}]/u.test(markupFree(source.slice(blockRange[0], range[0]))) : false
    if (block.type === 'tableCell') run.cell = cellOf(ancestors, blockIndex)
    finishRun(run)
    runs.push(run)
  })

  for (const fragment of htmlFragments(tree, source)) {
    const value = fragment.node.value
    for (const match of value.matchAll(/\s(?:href|src|action|data-[\w-]*|class|id)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) addNames(match[1])
    if (fragment.inline || fragment.offset === undefined) continue
    // Only HTML blocks that hold text outside tags are parsed.
    if (!/>[^<]*[\p{L}]/u.test(value.replace(/<!--[\s\S]*?-->/g, ''))) continue
    const offset = fragment.offset
    // An explicit stack, in document order: 10,000 nested tags would overflow a recursive walk.
    const stack: Array<{node: any; inLink: boolean}> = [...(fragment.$.root().get(0)?.children ?? [])]
      .reverse()
      .map((node) => ({node, inLink: false}))
    while (stack.length > 0) {
      const {node: child, inLink} = stack.pop()!
      if (child.type === 'text') {
        const location = child.sourceCodeLocation
        if (!location) continue
        const range: Range = [offset + location.startOffset, offset + location.endOffset]
        if (!hasLetter(source, range[0], range[1])) continue
        const run = makeRun(source, range, names)
        run.block = 'html'
        run.blockNode = fragment.node
        run.inLink = inLink
        run.blockStart = true
        finishRun(run, true)
        runs.push(run)
      } else if (child.type === 'tag' && !codeElements.has(child.name)) {
        const children: any[] = child.children ?? []
        for (let index = children.length - 1; index >= 0; index--) stack.push({node: children[index], inLink: inLink || child.name === 'a'})
      } else if (child.type === 'tag') {
        addNames(fragment.$(child).text())
      }
    }
  }

  runs.sort((a, b) => a.start - b.start)
  // A loop, not `flatMap`: flatMap is several times slower on arrays this long.
  const words: Word[] = []
  for (const run of runs) for (const word of run.words) words.push(word)
  return {runs, words, names}
}

// Tests for findLastIndex made once, not a closure per text node.
const isLink = (node: Parents) => node.type === 'link'
const isProseBlock = (node: Parents) => node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableCell'

function findLastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let index = list.length - 1; index >= 0; index--) if (test(list[index])) return index
  return -1
}

/** Strip the characters of inline markup, so what is left before a run tells whether prose came first. */
function markupFree(value: string): string {
  return value.replace(/<[^>]*>/g, '').replace(/\]\([^)]*\)/g, '')
}

function cellOf(ancestors: Parents[], cellIndex: number): Run['cell'] {
  const cell = ancestors[cellIndex] as TableCell
  const row = ancestors[cellIndex - 1]
  const table = ancestors[cellIndex - 2]
  if (!row || row.type !== 'tableRow' || !table || table.type !== 'table') return undefined
  return {table, row: table.children.indexOf(row), column: row.children.indexOf(cell), node: cell}
}

function makeRun(source: string, range: Range, names: Set<string>): Run {
  const raw = source.slice(range[0], range[1])
  return {
    start: range[0],
    end: range[1],
    text: mask(raw, names),
    words: [],
    block: 'paragraph',
    heading: undefined,
    cell: undefined,
    inLink: false,
    blockStart: false,
    blockNode: undefined
  }
}

/** Spaces for every character but line breaks. */
const blank = (value: string) => value.replace(/[^\n]/g, ' ')

/** Blank what is not prose, keeping every offset. */
export function mask(raw: string, names?: Set<string>): string {
  // Each pass runs only when its first character is there: most runs are plain words, and this is done for every run.
  let text = raw
  if (text.includes('&')) text = text.replace(/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi, blank)
  // Template tags (`{% if %}`, `{{ site.name }}`) and kramdown attribute lists (`{: .class}`).
  if (text.includes('{')) text = text.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}|\{:[^}\n]*\}/g, blank)
  if (text.includes('\\')) text = text.replace(/\\[!-/:-@[-`{-~]/g, blank)
  // Blockquote markers and indentation of continuation lines.
  if (text.includes('\n')) text = text.replace(/(\n)([ \t>]*)/g, (_, newline: string, prefix: string) => newline + blank(prefix))
  // Only chunks (`[^\s]+`) with a character `notProse` looks for: most are plain words, decided without ten tests.
  if (notProseMark.test(text)) text = blankNotProseChunks(text, names)
  // An identifier whose underscores are escaped (`\_\_cfruid`, `data\_anchor\_1`) is code too: the escapes are blank
  // by now. Upper-case ones (`COMPANY\_NAME`) stay: no-placeholders reads them.
  if (!raw.includes('\\_')) return text
  const parts: string[] = []
  let done = 0
  for (const match of raw.matchAll(/\S+/g)) {
    const chunk = match[0]
    if (!chunk.includes('\\_') || !/[\p{L}\d]\\_|\\_[\p{L}\d]/u.test(chunk) || !/\p{Ll}/u.test(chunk)) continue
    parts.push(text.slice(done, match.index), blank(chunk))
    done = match.index! + chunk.length
  }
  parts.push(text.slice(done))
  return parts.join('')
}

/** Every test of `notProse` needs one of these characters (`:` of a scheme, `.` of a domain, `@`, `/`, `~`, or a code character). */
const notProseMark = /[:.@/~_={}<>#$%^|\\]/

/** The same, searching: blankNotProseChunks moves its `lastIndex`. */
const markSearch = /[:.@/~_={}<>#$%^|\\]/g

/** Character classes of the scanners below, by UTF-16 code unit (ASCII here; the rest filled on first use). */
const markCode = 1
const spaceCode = 2
const leadingCode = 4
const trailingCode = 8
const codeClasses = new Uint8Array(128)
for (const char of ':.@/~_={}<>#$%^|\\') codeClasses[char.charCodeAt(0)] |= markCode
// `“‘` and `”’` beyond ASCII are asked in isLeading and isTrailing.
for (const char of `(["'*_`) codeClasses[char.charCodeAt(0)] |= leadingCode
for (const char of `)]"'*_.,;:!?`) codeClasses[char.charCodeAt(0)] |= trailingCode
for (const char of '\t\n\v\f\r ') codeClasses[char.charCodeAt(0)] |= spaceCode

/** `\s` of a RegExp: ASCII white space and the Unicode spaces. */
function isSpace(code: number): boolean {
  if (code < 128) return (codeClasses[code] & spaceCode) !== 0
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * Blank each whole chunk of non-space characters that is not prose. Only chunks with a `notProseMark` character
 * are asked, and only about their core (without the brackets, quotes and punctuation around it): a scan by hand,
 * since a RegExp for such chunks backtracks over every plain word, and a sentence's last word has a mark (`.`).
 */
function blankNotProseChunks(text: string, names: Set<string> | undefined): string {
  const length = text.length
  let result = ''
  let done = 0
  // From one mark to the next (a RegExp finds them faster than a loop by hand), each time to the whole chunk around it.
  markSearch.lastIndex = 0
  while (markSearch.test(text)) {
    let start = markSearch.lastIndex - 1
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--
    let index = markSearch.lastIndex
    while (index < length && !isSpace(text.charCodeAt(index))) index++
    markSearch.lastIndex = index
    // The core: leading `(["“‘'*_` and trailing `)]"”’'*_.,;:!?` left out.
    let coreStart = start
    while (coreStart < index && isLeading(text.charCodeAt(coreStart))) coreStart++
    let coreEnd = index
    while (coreEnd > coreStart && isTrailing(text.charCodeAt(coreEnd - 1))) coreEnd--
    let coreMarked = false
    for (let at = coreStart; at < coreEnd && !coreMarked; at++) {
      const code = text.charCodeAt(at)
      coreMarked = code < 128 && (codeClasses[code] & markCode) !== 0
    }
    // Every test of `notProse` needs a mark in the core: `cookies.` is prose, decided without asking.
    if (!coreMarked) continue
    const core = text.slice(coreStart, coreEnd)
    if (!notProse(core)) continue
    if (names) addNameTokens(core, names)
    result += text.slice(done, start) + ' '.repeat(index - start)
    done = index
  }
  return done === 0 ? text : result + text.slice(done)
}

function isLeading(code: number): boolean {
  return code < 128 ? (codeClasses[code] & leadingCode) !== 0 : code === 0x201c || code === 0x2018
}

function isTrailing(code: number): boolean {
  return code < 128 ? (codeClasses[code] & trailingCode) !== 0 : code === 0x201d || code === 0x2019
}

/** URLs, e-mail addresses, domains, paths and code-like tokens (`_ga`, `key=value`). */
function notProse(chunk: string): boolean {
  return (
    /^[a-z][a-z\d+.-]*:\/\//i.test(chunk) ||
    /^www\./i.test(chunk) ||
    /^mailto:/i.test(chunk) ||
    /[\p{L}\d]@[\p{L}\d]/u.test(chunk) ||
    /^[/~]/.test(chunk) ||
    // A social-media handle: `@acme`.
    /^@[\p{L}\d_.-]+$/u.test(chunk) ||
    // A top-level or country-code domain named alone: `.ie`, `.co.uk`.
    /^\.[a-z]{2,}(?:\.[a-z]{2,})?$/i.test(chunk) ||
    /\/.*\//.test(chunk) ||
    /[\p{L}\d-]\.(?:[a-z]{2,})(?:$|[/.:?#])/iu.test(chunk) ||
    /[_={}<>#$%^|\\]/.test(chunk)
  )
}

/**
 * Classes of the word scanner by code point, as `[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}]+)*` reads them: filled on first
 * use for the Basic Multilingual Plane (0 is not yet known), asked of RegExps beyond it.
 */
const known = 1
const wordCode = 2
const letterCode = 4
const numberCode = 8
const wordClasses = new Uint8Array(0x10000)

function wordClass(code: number): number {
  const cached = code < 0x10000 ? wordClasses[code] : 0
  if (cached !== 0) return cached
  const char = String.fromCodePoint(code)
  const found =
    known | (/[\p{L}\p{M}\p{N}_]/u.test(char) ? wordCode : 0) | (/\p{L}/u.test(char) ? letterCode : 0) | (/[\p{N}_]/u.test(char) ? numberCode : 0)
  if (code < 0x10000) wordClasses[code] = found
  return found
}

/** The code point at `index`, as a RegExp with the `u` flag reads it (a lone surrogate is one). */
function codePointAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code >= 0xd800 && code <= 0xdbff ? text.codePointAt(index)! : code
}

/**
 * The run's words: `[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}]+)*` read by hand, without a match object per word, with
 * whether each opens a sentence known from the characters read before it.
 */
function finishRun(run: Run, htmlText = false): void {
  const text = run.text
  const length = text.length
  // What came last before the character read, besides spaces, `*_([“"'‘\`-`: nothing yet, a sentence's end, or other.
  let before = nothing
  let index = 0
  while (index < length) {
    let code = codePointAt(text, index)
    if (!(wordClass(code) & wordCode)) {
      before = code > 0xffff ? other : after(before, code)
      index += code > 0xffff ? 2 : 1
      continue
    }
    const start = index
    // Tokens with digits or underscores (`GA4`, `2FA`, `_ga`) are not words.
    let numbered = false
    let underscoresOnly = true
    for (let found; index < length && (found = wordClass((code = codePointAt(text, index)))) & wordCode; index += code > 0xffff ? 2 : 1) {
      if (found & numberCode) numbered = true
      if (code !== 95) underscoresOnly = false
    }
    // `don't`, `company’s`: an apostrophe followed by letters.
    while (index + 1 < length) {
      const apostrophe = text.charCodeAt(index)
      if ((apostrophe !== 39 && apostrophe !== 0x2019) || !(wordClass(codePointAt(text, index + 1)) & letterCode)) break
      index++
      while (index < length && wordClass((code = codePointAt(text, index))) & letterCode) index += code > 0xffff ? 2 : 1
    }
    if (!numbered) {
      const sentenceStart = before === nothing ? run.blockStart || htmlText : before === sentenceEnd
      run.words.push({text: text.slice(start, index), range: [run.start + start, run.start + index], run, sentenceStart})
    }
    // Of a token's characters only `_` is passed over when looking back (an apostrophe is always followed by a letter).
    if (!underscoresOnly) before = other
  }
}

const nothing = 0
const sentenceEnd = 1
const other = 2

/** What came last, after the code unit `code`. */
function after(before: number, code: number): number {
  switch (code) {
    case 42: // *
    case 95: // _
    case 40: // (
    case 91: // [
    case 0x201c: // “
    case 34: // "
    case 39: // '
    case 0x2018: // ‘
    case 96: // `
    case 45: // -
      return before
    case 46: // .
    case 33: // !
    case 63: // ?
    case 58: // :
    case 59: // ;
    case 0x2022: // •
      return sentenceEnd
    default:
      return isSpace(code) ? before : other
  }
}

/** `/\p{L}/u.test(text.slice(start, end))`, without the slice (HTML blocks have a text node between every two tags). */
function hasLetter(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    let code = text.charCodeAt(index)
    // A pair cut by the end of the slice is a lone surrogate there, which is no letter.
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < end) code = text.codePointAt(index)!
    if (wordClass(code) & letterCode) return true
    if (code > 0xffff) index++
  }
  return false
}

/**
 * Add the lower-case runs of letters of `value` longer than one character to `names`: `value.toLowerCase().split(/[^\p{L}]+/u)`
 * read by hand, without the list of parts.
 */
function addNameTokens(value: string, names: Set<string>): void {
  const lower = value.toLowerCase()
  const length = lower.length
  let start = -1
  for (let index = 0; index <= length;) {
    const code = index < length ? codePointAt(lower, index) : -1
    if (code >= 0 && wordClass(code) & letterCode) {
      if (start < 0) start = index
    } else if (start >= 0) {
      if (index - start > 1) names.add(lower.slice(start, index))
      start = -1
    }
    index += code > 0xffff ? 2 : 1
  }
}

/** Case-insensitive comparison key of a word (typographic apostrophes made straight). */
export function wordKey(text: string): string {
  // Most words are lower-case ASCII, or capitalised: answered here without `toLowerCase`, which on a page with any
  // character beyond Latin-1 (a typographic quote) calls into the runtime. Rules ask for every word, several times.
  let capital = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 97 && code <= 122) || code === 39) continue
    if (index === 0 && code >= 65 && code <= 90) capital = true
    else return slowWordKey(text)
  }
  return capital ? String.fromCharCode(text.charCodeAt(0) + 32) + text.slice(1) : text
}

function slowWordKey(text: string): string {
  const lower = text.toLowerCase()
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower
}

/** Apply the case pattern of `model` (lower, Capitalised, UPPER) to `replacement`. */
export function matchCase(model: string, replacement: string): string {
  const letters = model.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase()) return replacement.toUpperCase()
  const first = model.charAt(0)
  if (first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1)
  return replacement
}

/** A test for runs that lie in the cookie-name column of a cookie table (GFM or HTML), from the table model. */
/**
 * Whether a range lies in a cell that holds identifiers rather than words: a cookie's name or its storage type
 * (`http_cookie`), whatever the shape of the cookie table (tables, record tables, cookie lists).
 */
export function inCookieIdentifiers(tree: Root, source: string): (range: Range) => boolean {
  // Built once per document: spelling and typos both ask.
  const {starts, reach} = cached(tree, 'cookie-identifier-ranges', () => rangeIndex(identifierRanges(tree, source)))
  if (starts.length === 0) return () => false
  return ([start, end]) => {
    // The last range that starts at or before `start`; one of those holds `[start, end]` if the farthest reaches `end`.
    let low = 0
    let high = starts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (starts[middle] <= start) low = middle + 1
      else high = middle
    }
    return low > 0 && reach[low - 1] >= end
  }
}

/** Ranges sorted by start, with the farthest end of each prefix: a containment test is a binary search (runs and words are many). */
function rangeIndex(ranges: Range[]): {starts: number[]; reach: number[]} {
  ranges.sort((a, b) => a[0] - b[0])
  const starts: number[] = []
  const reach: number[] = []
  let farthest = -Infinity
  for (const [start, end] of ranges) {
    farthest = Math.max(farthest, end)
    starts.push(start)
    reach.push(farthest)
  }
  return {starts, reach}
}

function identifierRanges(tree: Root, source: string): Range[] {
  const ranges: Range[] = []
  for (const table of cookieTables(tree, source)) {
    for (const field of ['name', 'storageType'] as const) {
      for (const row of table.rows) {
        const range = fieldCell(table, row, field)?.contentRange
        if (range) ranges.push(range)
      }
    }
  }
  // A declared name is an identifier wherever else the page writes it (`<summary>rc::a</summary>` above its record).
  const names = new Set<string>()
  for (const row of cookieRows(tree, source)) for (const name of row.names) if (name.length >= 3 && /[^A-Za-z]/.test(name)) names.add(name)
  for (const name of names) {
    for (let at = source.indexOf(name); at !== -1; at = source.indexOf(name, at + name.length)) ranges.push([at, at + name.length])
  }
  return ranges
}

/**
 * The document's language when it says so: a `lang`, `language` or `locale` key in YAML front matter, or a
 * language before the extension (`cookies.es.md`). Lower-case primary subtag (`en`, `es`), or nothing.
 */
export function documentLanguage(tree: Root, basename: string | undefined): string | undefined {
  const yaml = tree.children.find((node) => node.type === 'yaml')
  const declared = yaml && 'value' in yaml ? /^(?:lang|language|locale)\s*:\s*["']?([a-z]{2,3})\b/im.exec(String(yaml.value))?.[1] : undefined
  if (declared) return declared.toLowerCase()
  return /\.([a-z]{2})(?:[-_][a-z]{2})?\.(?:md|markdown|mdx)$/i.exec(basename ?? '')?.[1]?.toLowerCase()
}

/** Whether the prose rules, which know English, should look at a document. */
export function isEnglish(tree: Root, basename: string | undefined): boolean {
  const language = documentLanguage(tree, basename)
  return language === undefined || language === 'en'
}
