/** Every link in the document, Markdown and HTML, with the source ranges fixes need. */
import type {Element} from 'domhandler'
import type {Definition, Link, LinkReference, Parents, Root, RootContent} from 'mdast'
import {cached} from './memo.js'
import {
  attributeRanges,
  elementRange,
  elementsNamed,
  htmlFragments,
  isClosingAnchor,
  isOpeningAnchor,
  startTagRange,
  type HtmlFragment
} from './html.js'
import {markupNodes} from './markup-nodes.js'
import {nodeRange, type Range} from './source.js'

export interface MarkdownLink {
  syntax: 'markdown'
  /** `literal` is a GFM bare URL; `definition` is `[label]: url`, which reference links point at. */
  kind: 'inline' | 'reference' | 'autolink' | 'literal' | 'definition'
  node: Link | LinkReference | Definition
  url: string
  title: string | null
  range: Range
  /** The link text as written, between `[` and `]`, when there is any. */
  textRange: Range | undefined
  /** The URL as written, when it appears verbatim in the source. */
  urlRange: Range | undefined
  inTableCell: boolean
}

export interface HtmlLink {
  syntax: 'html'
  element: Element
  fragment: HtmlFragment
  attributes: Record<string, string>
  /** Source range of each attribute (`name="value"`). */
  attributeRanges: Map<string, Range>
  url: string | undefined
  /** From `<a` to `</a>`, or the start tag alone when the link is not closed where it opens. */
  range: Range | undefined
  startTag: Range | undefined
  /** The content between the tags, for inline links closed in the same paragraph or cell. */
  textRange: Range | undefined
  /** The Markdown nodes between the tags of an inline link. */
  textNodes: RootContent[] | undefined
  /** Whether the closing `</a>` was found. */
  closed: boolean
  /** Inside an HTML block, where Markdown syntax does not apply. */
  block: boolean
  inTableCell: boolean
  urlRange: Range | undefined
}

export type AnyLink = MarkdownLink | HtmlLink

export function links(tree: Root, source: string): AnyLink[] {
  return cached(tree, 'links', () => {
    // A stable sort: on a tie, the Markdown link first.
    const found: AnyLink[] = [...markdownLinks(tree, source), ...htmlLinks(tree, source)]
    return found.sort((a, b) => (startOf(a) ?? 0) - (startOf(b) ?? 0))
  })
}

function startOf(link: AnyLink): number | undefined {
  return link.range?.[0] ?? (link.syntax === 'html' ? link.fragment.node.position?.start.offset : undefined)
}

function markdownLinks(tree: Root, source: string): MarkdownLink[] {
  const {links, definitions} = markupNodes(tree)
  const found: MarkdownLink[] = []
  for (const {node, inTableCell} of links) {
    const range = nodeRange(node)
    if (!range) continue
    const textRange = linkTextRange(node, range)

    if (node.type === 'definition') {
      const urlStart = afterPrefix(source, source.indexOf(']:', range[0]) + 2)
      found.push({
        syntax: 'markdown',
        kind: 'definition',
        node,
        url: node.url,
        title: node.title ?? null,
        range,
        textRange: undefined,
        urlRange: verbatim(source, node.url, urlStart),
        inTableCell
      })
      continue
    }

    if (node.type === 'linkReference') {
      const definition = definitions.get(node.identifier)
      if (!definition) continue
      found.push({
        syntax: 'markdown',
        kind: 'reference',
        node,
        url: definition.url,
        title: definition.title ?? null,
        range,
        textRange,
        urlRange: undefined,
        inTableCell
      })
      continue
    }

    const first = source.charAt(range[0])
    if (first === '<') {
      found.push({
        syntax: 'markdown',
        kind: 'autolink',
        node,
        url: node.url,
        title: null,
        range,
        textRange: undefined,
        urlRange: verbatim(source, node.url, range[0] + 1),
        inTableCell
      })
    } else if (first === '[') {
      // A reference-style `[text][id]` is a `linkReference`; a `link` starting with `[` is inline.
      const closeBracket = textRange ? textRange[1] : range[0] + 1
      const urlStart = afterPrefix(source, closeBracket + 2)
      found.push({
        syntax: 'markdown',
        kind: 'inline',
        node,
        url: node.url,
        title: node.title ?? null,
        range,
        textRange,
        urlRange: verbatim(source, node.url, urlStart),
        inTableCell
      })
    } else {
      found.push({
        syntax: 'markdown',
        kind: 'literal',
        node,
        url: node.url,
        title: null,
        range,
        textRange: undefined,
        urlRange: verbatim(source, node.url, range[0]),
        inTableCell
      })
    }
  }
  return found
}

/** The source between `[` and `]` of a link, from its children. */
function linkTextRange(node: Link | LinkReference | Definition, range: Range): Range | undefined {
  if (node.type === 'definition') return undefined
  const children = node.children
  if (children.length === 0) return [range[0] + 1, range[0] + 1]
  const first = nodeRange(children[0])
  const last = nodeRange(children[children.length - 1])
  return first && last ? [first[0], last[1]] : undefined
}

/** Skip whitespace and an opening `<` of a destination. */
function afterPrefix(source: string, index: number): number {
  let at = index
  while (at < source.length && /\s/.test(source.charAt(at))) at++
  if (source.charAt(at) === '<') at++
  return at
}

function verbatim(source: string, url: string, start: number): Range | undefined {
  return url.length > 0 && source.startsWith(url, start) ? [start, start + url.length] : undefined
}

function htmlLinks(tree: Root, source: string): HtmlLink[] {
  const found: HtmlLink[] = []
  for (const fragment of htmlFragments(tree, source)) {
    if (fragment.inline) {
      if (!isOpeningAnchor(fragment.node.value)) continue
      const element = elementsNamed(fragment.root, 'a', true)[0]
      if (!element) continue
      found.push(inlineLink(fragment, element))
    } else if (/<a[\s>/]/i.test(fragment.node.value)) {
      // Only fragments that can hold a link are parsed here.
      for (const element of elementsNamed(fragment.root, 'a')) found.push(blockLink(fragment, element, source))
    }
  }
  return found
}

function inlineLink(fragment: HtmlFragment, element: Element): HtmlLink {
  const parent = fragment.ancestors[fragment.ancestors.length - 1] as Parents
  const siblings = parent.children as RootContent[]
  const index = siblings.indexOf(fragment.node)
  const close = closingSibling(siblings, index)
  const open = nodeRange(fragment.node)
  const closeRange = close === undefined ? undefined : nodeRange(siblings[close])
  const closed = close !== undefined
  const textNodes = closed ? siblings.slice(index + 1, close) : undefined
  return {
    ...htmlLinkParts(fragment, element),
    range: open && closeRange ? [open[0], closeRange[1]] : (startTagRange(element, fragment.offset) ?? open),
    textRange: open && closeRange ? [open[1], closeRange[0]] : undefined,
    textNodes,
    closed,
    block: false
  }
}

/** What an `<a>` element gives a link wherever it stands: its attributes, their ranges and its start tag. */
function htmlLinkParts(fragment: HtmlFragment, element: Element) {
  const ranges = attributeRanges(element, fragment.offset)
  return {
    syntax: 'html' as const,
    element,
    fragment,
    attributes: {...element.attribs},
    attributeRanges: ranges,
    url: element.attribs.href,
    startTag: startTagRange(element, fragment.offset),
    inTableCell: fragment.inTableCell,
    urlRange: hrefValueRange(fragment, ranges)
  }
}

/** The index of the `</a>` that closes the `<a>` at `index`, among the same parent's children. */
function closingSibling(siblings: RootContent[], index: number): number | undefined {
  let depth = 0
  for (let at = index + 1; at < siblings.length; at++) {
    const sibling = siblings[at]
    if (sibling.type !== 'html') continue
    if (isOpeningAnchor(sibling.value)) depth++
    else if (isClosingAnchor(sibling.value)) {
      if (depth === 0) return at
      depth--
    }
  }
  return undefined
}

function blockLink(fragment: HtmlFragment, element: Element, source: string): HtmlLink {
  const offset = fragment.offset
  const location = element.sourceCodeLocation
  const range = elementRange(element, offset)
  const closed = Boolean(location?.endTag)
  return {
    ...htmlLinkParts(fragment, element),
    range: range && source.slice(range[0], range[1]).length > 0 ? range : undefined,
    textRange:
      offset !== undefined && location?.startTag && location.endTag
        ? [offset + location.startTag.endOffset, offset + location.endTag.startOffset]
        : undefined,
    textNodes: undefined,
    closed,
    block: true
  }
}

/** The range of the `href` value inside `href="…"`, when it is written verbatim. */
function hrefValueRange(fragment: HtmlFragment, ranges: Map<string, Range>): Range | undefined {
  const attribute = ranges.get('href')
  if (!attribute || fragment.offset === undefined) return undefined
  const base = fragment.offset
  const written = fragment.node.value.slice(attribute[0] - base, attribute[1] - base)
  const match = /^href\s*=\s*(["']?)/i.exec(written)
  if (!match) return undefined
  const start = attribute[0] + match[0].length
  const end = attribute[1] - match[1].length
  return end > start ? [start, end] : undefined
}
