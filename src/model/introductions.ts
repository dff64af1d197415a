/** What introduces a table in the document: the heading above it and the paragraph just before it. */
import type {Root} from 'mdast'
import {nodeRange, type Range} from './source.js'
import {walk} from './walk.js'

/** The heading above an offset and the paragraph just before it: what introduces a table. */
export function introductions(tree: Root, source: string): (offset: number | undefined) => string {
  const blocks: Array<{range: Range; heading: boolean}> = []
  walk(tree, (node) => {
    const range = nodeRange(node)
    if (range && (node.type === 'heading' || node.type === 'paragraph' || node.type === 'html'))
      blocks.push({range, heading: node.type === 'heading'})
  })
  return (offset) => {
    if (offset === undefined) return ''
    const before = blocks.filter((block) => block.range[1] <= offset)
    const heading = before.filter((block) => block.heading).pop()
    const last = before[before.length - 1]
    const parts = [heading, last && last !== heading && (!heading || last.range[0] > heading.range[0]) ? last : undefined]
    return parts.map((block) => (block ? source.slice(block.range[0], block.range[1]) : '')).join('\n')
  }
}
