/**
 * The nodes the HTML, link and table models read (HTML, GFM tables, links, link references and definitions), found
 * in one walk of the document instead of one walk per model. The walk keeps one stack of ancestors and copies it
 * only for the nodes it keeps, where `walk` allocates an ancestors array for every parent node.
 */
import type {Definition, Html, Link, LinkReference, Parents, Root, RootContent, Table} from 'mdast'
import {cached} from './memo.js'

export interface MarkupNodes {
  /** HTML nodes in document order, each with its ancestors (root first, nearest last). */
  html: Array<{node: Html; ancestors: Parents[]}>
  /** GFM tables in document order, each with its ancestors. */
  tables: Array<{node: Table; ancestors: Parents[]}>
  /** Links, link references and definitions in document order; `inTableCell` when inside a GFM table cell. */
  links: Array<{node: Link | LinkReference | Definition; inTableCell: boolean}>
  /** The first definition of each identifier. */
  definitions: Map<string, Definition>
}

export function markupNodes(tree: Root): MarkupNodes {
  return cached(tree, 'markup-nodes', () => {
    const found: MarkupNodes = {html: [], tables: [], links: [], definitions: new Map()}
    // Preorder, children in order, as `walk` visits them; an explicit stack, so deep nesting cannot overflow.
    const ancestors: Parents[] = [tree]
    const next: number[] = [0]
    let cells = 0
    while (ancestors.length > 0) {
      const depth = ancestors.length - 1
      const parent = ancestors[depth]
      const index = next[depth]
      if (index >= parent.children.length) {
        if (parent.type === 'tableCell') cells--
        ancestors.pop()
        next.pop()
        continue
      }
      next[depth] = index + 1
      const node = parent.children[index] as RootContent
      switch (node.type) {
        case 'html':
          found.html.push({node, ancestors: ancestors.slice()})
          break
        case 'table':
          found.tables.push({node, ancestors: ancestors.slice()})
          break
        case 'definition':
          if (!found.definitions.has(node.identifier)) found.definitions.set(node.identifier, node)
          found.links.push({node, inTableCell: cells > 0})
          break
        case 'link':
        case 'linkReference':
          found.links.push({node, inTableCell: cells > 0})
          break
        default:
      }
      if ('children' in node && node.children) {
        if (node.type === 'tableCell') cells++
        ancestors.push(node)
        next.push(0)
      }
    }
    return found
  })
}
