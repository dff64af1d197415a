/** HTML in the document: every `html` node, parsed with cheerio at most once, with source offsets. */
import {createRequire} from 'node:module'
import path from 'node:path'
import type * as cheerio from 'cheerio'
import type {AnyNode, Document, Element} from 'domhandler'
import type {Html, Parents, Root, RootContent} from 'mdast'
import {markupNodes} from './markup-nodes.js'
import {cached} from './memo.js'
import type {Range} from './source.js'

export interface HtmlFragment {
  node: Html
  /** The node's ancestors, nearest last. */
  ancestors: Parents[]
  /** Inline HTML (a tag inside a paragraph, heading or table cell) rather than an HTML block. */
  inline: boolean
  /** Inside a GFM table cell, where `|` must be escaped. */
  inTableCell: boolean
  /** Where `node.value` starts in the source, when the value is a verbatim slice of it. */
  offset: number | undefined
  /** The parsed fragment's root, parsed on first use. */
  readonly root: Document
  /** cheerio over `root`, made on first use. */
  readonly $: cheerio.CheerioAPI
}

const require = createRequire(import.meta.url)
let load: typeof cheerio.load | undefined
let parseWithParse5: ((content: string, options: object, isDocument: boolean, context: null) => Document) | undefined

/**
 * Parse an HTML fragment with cheerio (parse5, with source locations). cheerio is loaded on first use: it is the
 * heaviest dependency, and many documents hold no HTML at all.
 */
export function parseHtml(html: string): cheerio.CheerioAPI {
  return loadDom(parseDom(html))
}

/**
 * Parse an HTML fragment to its root, as `parseHtml` does, without making the cheerio API around it (a class per
 * call) when the models only walk the nodes.
 */
export function parseDom(html: string): Document {
  parseWithParse5 ??= parseFunction()
  // The options cheerio passes its parser for `load(html, {sourceCodeLocationInfo: true}, false)`.
  return parseWithParse5(html, {_useHtmlParser2: false, sourceCodeLocationInfo: true}, false, null)
}

/** cheerio over a root that `parseDom` made: the same nodes, not parsed again. */
function loadDom(root: Document): cheerio.CheerioAPI {
  load ??= loadFunction()
  return load(root, {sourceCodeLocationInfo: true}, false)
}

/**
 * cheerio's `load`. Its main module also loads what fetching documents needs (undici, encoding sniffing, streams):
 * about 100 of the 150-190 ms it takes to require. `load` itself comes from `load-parse.js`, which the main module
 * re-exports; it is required directly, falling back to the main module if a cheerio release moves it.
 */
function loadFunction(): typeof cheerio.load {
  try {
    const module = require(path.join(cheerioFolder(), 'dist', 'commonjs', 'load-parse.js')) as {load?: typeof cheerio.load}
    if (typeof module.load === 'function') return module.load
  } catch {
    // A cheerio without that file: use the main module.
  }
  return (require('cheerio') as typeof cheerio).load
}

/** The parser behind cheerio's `load` (parse5 with its tree adapter), or `load` itself if a cheerio release moves it. */
function parseFunction(): NonNullable<typeof parseWithParse5> {
  try {
    const module = require(path.join(cheerioFolder(), 'dist', 'commonjs', 'parsers', 'parse5-adapter.js')) as {
      parseWithParse5?: typeof parseWithParse5
    }
    if (typeof module.parseWithParse5 === 'function') return module.parseWithParse5
  } catch {
    // A cheerio without that file: parse with `load`.
  }
  load ??= loadFunction()
  return (content, options) => load!(content, options, false).root().get(0) as Document
}

function cheerioFolder(): string {
  return path.dirname(require.resolve('cheerio/package.json'))
}

/**
 * The elements named `name` in a parsed fragment, in document order: what cheerio's `$(name)` selects (elements
 * under the root's elements, and inside `<template>` content), found without compiling a selector.
 */
export function elementsNamed(root: Document, name: string, first = false): Element[] {
  const found: Element[] = []
  const stack: AnyNode[] = []
  for (let index = root.children.length - 1; index >= 0; index--) if (isTag(root.children[index])) stack.push(root.children[index])
  while (stack.length > 0) {
    const node = stack.pop()!
    if (isTag(node) && node.name === name) {
      found.push(node)
      if (first) return found
    }
    const children = (node as {children?: AnyNode[]}).children
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index])
  }
  return found
}

function isTag(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style'
}

const blockParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

export function htmlFragments(tree: Root, source: string): HtmlFragment[] {
  return cached(tree, 'html', () => {
    const fragments: HtmlFragment[] = []
    const merged = new Set<Html>()
    for (const {node: original, ancestors} of markupNodes(tree).html) {
      if (merged.has(original)) continue
      let parent = ancestors[ancestors.length - 1]
      let outer = ancestors
      let node = original
      const opened = tableOpenedInParagraph(original, ancestors, source, merged)
      if (opened) {
        // `Our cookies: <table>`: the table is read from its `<table>` on, in the blocks the paragraph's container holds.
        outer = ancestors.slice(0, -1)
        parent = outer[outer.length - 1]
        node = joinSplitTable(
          opened,
          parent,
          source,
          merged,
          (parent as Parents & {children: unknown[]}).children.indexOf(ancestors[ancestors.length - 1])
        )
      } else if (blockParents.has(parent.type)) node = joinSplitTable(original, parent, source, merged)
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      // In a blockquote or list item the value loses the `>` and indentation; then offsets inside it are unknown.
      const verbatim = start !== undefined && end !== undefined && source.slice(start, end) === node.value
      let root: Document | undefined
      let api: cheerio.CheerioAPI | undefined
      fragments.push({
        node,
        ancestors: outer,
        inline: !blockParents.has(parent.type),
        inTableCell: ancestors.some((ancestor) => ancestor.type === 'tableCell'),
        offset: verbatim ? start : undefined,
        get root() {
          root ??= parseDom(node.value)
          return root
        },
        get $() {
          api ??= loadDom(this.root)
          return api
        }
      })
    }
    return fragments
  })
}

const containerOpen = /<(?:table|div|section|figure)(?=[\s>])/gi
const containerClose = /<\/(?:table|div|section|figure)\s*>/gi

/**
 * A `<table>` with blank lines inside (common in hand-written pages) is cut by CommonMark into several HTML blocks,
 * and so is a `<div>` wrapped around one: when the blocks up to the one that closes it are HTML, or Markdown inside
 * the table (text after a blank line in a cell, which GitHub renders as Markdown in the cell), and the blocks hold
 * a table, they are read as one fragment, so the table is one table. The Markdown blocks inside are listed in
 * `data.markdownParts` (offsets into the joined value) for the converter to read as Markdown; `data.codeInside`
 * says an indented tag among them was a code block to Markdown (the page shows it, not the table's cell).
 */
function joinSplitTable(node: Html, parent: Parents, source: string, merged: Set<Html>, at?: number): Html {
  const unclosed = (value: string) => (value.match(containerOpen)?.length ?? 0) - (value.match(containerClose)?.length ?? 0)
  let depth = unclosed(node.value)
  if (depth <= 0 || !node.position || !('children' in parent)) return node
  const siblings = parent.children as Array<{type: string}>
  const parts: Html[] = [node]
  const markdown: RootContent[] = []
  let markdownInside = false
  let codeInside = false
  const tablesOpen = (value: string) => (value.match(/<table(?=[\s>])/gi)?.length ?? 0) - (value.match(/<\/table\s*>/gi)?.length ?? 0)
  let tableDepth = tablesOpen(node.value)
  let tableClosed = false
  for (let index = (at ?? siblings.indexOf(node)) + 1; index < siblings.length && depth > 0; index++) {
    const next = siblings[index] as unknown as Html
    if (!next.position) return node
    const text = source.slice(next.position.start.offset!, next.position.end.offset!)
    if (next.type !== 'html') {
      // Only inside a table: a wrapper around a whole page holds Markdown of its own. A table that closed inside
      // such a wrapper is joined up to its end, the wrapper left open.
      if (tableDepth <= 0) {
        tableClosed = parts.some((part) => /<table(?=[\s>])/i.test(part.value))
        break
      }
      // After a blank line inside a cell, text is Markdown (GitHub renders it so, in the cell) and an indented tag
      // a code block; both are still the table's content.
      const indentedTag =
        (next.type as string) === 'code' && !(next as unknown as {lang?: string}).lang && /^\s*</.test(text) && !/^\s*(?:```|~~~)/.test(text)
      if (!indentedTag) markdown.push(next as unknown as RootContent)
      else codeInside = true
      markdownInside = true
      // In a list item or block quote, without the indentation or `>` that every line after the first carries.
      const value = parent.type === 'root' ? text : text.replace(/(\r?\n)[ \t>]*/g, '$1')
      parts.push({type: 'html', value, position: next.position, data: {markdown: !indentedTag} as Html['data']})
      depth += unclosed(text)
      tableDepth += tablesOpen(text)
      continue
    }
    parts.push(next)
    depth += unclosed(next.value)
    tableDepth += tablesOpen(next.value)
  }
  if ((depth !== 0 && !tableClosed) || parts.length === 1 || !parts.some((part) => /<table(?=[\s>])/i.test(part.value))) return node
  const start = node.position.start.offset!
  const end = parts[parts.length - 1].position!.end.offset!
  const verbatim = parts.every((part) => source.slice(part.position!.start.offset!, part.position!.end.offset!) === part.value)
  // In a block quote or a list item the blocks lose their `>` or indentation: their values are joined instead,
  // a blank line apart, and offsets into the value are not the source's.
  if (!verbatim && parent.type !== 'listItem' && parent.type !== 'blockquote') return node
  for (const part of parts.slice(1)) merged.add(part)
  let value = ''
  const markdownParts: MarkdownPart[] = []
  let block = 0
  for (const [index, part] of parts.entries()) {
    const at = verbatim ? part.position!.start.offset! - start : value.length + (index === 0 ? 0 : 2)
    if (!verbatim) value += (index === 0 ? '' : '\n\n') + part.value
    if ((part.data as {markdown?: boolean} | undefined)?.markdown) {
      const node = markdown[block++]
      markdownParts.push({start: at, end: at + (verbatim ? node.position!.end.offset! - node.position!.start.offset! : part.value.length), node})
    }
  }
  const joined: Html = {
    type: 'html',
    value: verbatim ? source.slice(start, end) : value,
    position: {start: node.position.start, end: parts[parts.length - 1].position!.end}
  }
  joined.data = {
    ...node.data,
    ...(markdownInside ? {markdownInside: true, markdownParts, ...(codeInside ? {codeInside: true} : {})} : {})
  } as Html['data']
  return joined
}

/**
 * A `<table>` that a paragraph line opens (`Our cookies: <table>`; the rows follow as HTML blocks, or on the same
 * line): an HTML node from the `<table` to the paragraph's end, when nothing after it in the paragraph is Markdown.
 */
function tableOpenedInParagraph(node: Html, ancestors: Parents[], source: string, merged: Set<Html>): Html | undefined {
  const paragraph = ancestors[ancestors.length - 1]
  const container = ancestors[ancestors.length - 2]
  if (paragraph?.type !== 'paragraph' || !container || !blockParents.has(container.type) || !/^<table(?=[\s>])/i.test(node.value)) return undefined
  const rest = paragraph.children.slice(paragraph.children.indexOf(node as never))
  if (rest.some((child) => child.type !== 'html' && child.type !== 'text')) return undefined
  const start = node.position?.start.offset
  const end = paragraph.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  for (const child of rest) if (child.type === 'html') merged.add(child)
  return {
    type: 'html',
    value: source.slice(start, end),
    position: {start: node.position!.start, end: paragraph.position!.end},
    data: {inParagraph: true} as Html['data']
  }
}

/** A Markdown block inside a table cut by blank lines: where it is in the joined value, and the block. */
export interface MarkdownPart {
  start: number
  end: number
  node: RootContent
}

/** The attributes of an element with the source range of each (`name="value"`), when known. */
export function attributeRanges(element: Element, offset: number | undefined): Map<string, Range> {
  const ranges = new Map<string, Range>()
  const attrs = (element.sourceCodeLocation?.startTag as {attrs?: Record<string, {startOffset: number; endOffset: number}>} | undefined)?.attrs
  if (offset === undefined || !attrs) return ranges
  for (const [name, location] of Object.entries(attrs)) {
    ranges.set(name, [offset + location.startOffset, offset + location.endOffset])
  }
  return ranges
}

/** The source range of an element's start tag, when known. */
export function startTagRange(element: Element, offset: number | undefined): Range | undefined {
  const tag = element.sourceCodeLocation?.startTag
  if (offset === undefined || !tag) return undefined
  return [offset + tag.startOffset, offset + tag.endOffset]
}

/** The source range of a whole element, when known. */
export function elementRange(element: Element, offset: number | undefined): Range | undefined {
  const location = element.sourceCodeLocation
  if (offset === undefined || !location) return undefined
  return [offset + location.startOffset, offset + location.endOffset]
}

/** Whether an inline HTML node is an opening `<a …>` tag. */
export function isOpeningAnchor(value: string): boolean {
  return /^<a(?=[\s>/])/i.test(value)
}

/** Whether an inline HTML node is a closing `</a>` tag. */
export function isClosingAnchor(value: string): boolean {
  return /^<\/a\s*>$/i.test(value)
}
