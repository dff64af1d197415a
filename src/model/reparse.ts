/** Parse a snippet a fix produced, to check it means what it was meant to (never the document itself). */
import type {Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {gfm} from 'micromark-extension-gfm'

/** Made once, as remark-gfm does for a processor: making them again for every snippet doubled its cost. */
const extensions = [gfm()]
const mdastExtensions = [gfmFromMarkdown()]

export function parseSnippet(markdown: string): Root {
  return fromMarkdown(markdown, {extensions, mdastExtensions})
}

/** Parse phrasing content the way it would be parsed inside a GFM table cell or a paragraph. */
export function parsePhrasing(markdown: string, inTableCell: boolean): Root {
  return parseSnippet(inTableCell ? `| a |\n| - |\n| ${markdown} |\n` : markdown)
}
