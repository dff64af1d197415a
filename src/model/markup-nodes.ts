/**
 * The nodes the HTML, link and table models read (HTML, GFM tables, links, link references and definitions), picked
 * out of the document in one pass of the shared preorder (`walk`) instead of one pass per model.
 */
import type {Definition, Html, Link, LinkReference, Parents, Root, Table} from 'mdast'
import {cached} from './memo.js'
import {walk} from './walk.js'

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
    walk(tree, (node, ancestors) => {
      switch (node.type) {
        case 'html':
          found.html.push({node, ancestors})
          break
        case 'table':
          found.tables.push({node, ancestors})
          break
        case 'definition':
          if (!found.definitions.has(node.identifier)) found.definitions.set(node.identifier, node)
          found.links.push({node, inTableCell: inTableCell(ancestors)})
          break
        case 'link':
        case 'linkReference':
          found.links.push({node, inTableCell: inTableCell(ancestors)})
          break
        default:
      }
    })
    return found
  })
}

function inTableCell(ancestors: Parents[]): boolean {
  for (let index = ancestors.length - 1; index >= 0; index--) if (ancestors[index].type === 'tableCell') return true
  return false
}
