/** Parse a snippet a fix produced, to check it means what it was meant to (never the document itself). */
import type {Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {gfm} from 'micromark-extension-gfm'

export function parseSnippet(markdown: string): Root {
  return fromMarkdown(markdown, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]})
}

/** Parse phrasing content the way it would be parsed inside a GFM table cell or a paragraph. */
export function parsePhrasing(markdown: string, inTableCell: boolean): Root {
  return parseSnippet(inTableCell ? `| a |\n| - |\n| ${markdown} |\n` : markdown)
}
