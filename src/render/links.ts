/**
 * Writing a link in the other syntax: a Markdown destination and title, escaped HTML attributes and text, and
 * reading the Markdown a fix would write back as a link.
 */
import type {Link} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {parsePhrasing} from '../model/reparse.js'

/** A link destination: `<…>` when it holds spaces or unbalanced parentheses. */
export function destination(url: string, inTableCell: boolean): string {
  let value = url.replace(/\\/g, '\\\\')
  if (inTableCell) value = value.replace(/\|/g, '%7C')
  if (/[\s<>]/.test(value) || !balanced(value)) return '<' + value.replace(/[<>]/g, (c) => '\\' + c) + '>'
  return value
}

function balanced(value: string): boolean {
  let depth = 0
  for (const char of value) {
    if (char === '(') depth++
    else if (char === ')' && --depth < 0) return false
  }
  return depth === 0
}

export function quoteTitle(title: string, inTableCell: boolean): string {
  let value = title.replace(/[\\"]/g, (c) => '\\' + c)
  if (inTableCell) value = value.replace(/\|/g, '\\|')
  return '"' + value + '"'
}

export function escapeAttribute(value: string, inTableCell: boolean): string {
  let escaped = value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  // A `|` would end a GFM table cell before the HTML is read.
  if (inTableCell) escaped = escaped.replace(/\|/g, '&#124;')
  return escaped
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Re-parse the Markdown a fix would write and check it is one link with the same URL, title and text. */
export function sameLink(markdown: string, inTableCell: boolean, url: string, title: string | null, text: string): boolean {
  if (plainLink(markdown, url, title, text)) return true
  const found: Link[] = []
  visit(parsePhrasing(markdown, inTableCell), 'link', (node) => {
    found.push(node)
  })
  return found.length === 1 && found[0].url === url && (found[0].title ?? null) === title && toString(found[0]) === text
}

/** Link text that no Markdown construct (escape, code, emphasis, link, HTML, reference, pipe) or literal autolink starts. */
const inertText = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N} ,.;:'"?()/%+=#$\u2018\u2019\u201c\u201d\u2013\u2014\u2026-]*[\p{L}\p{M}\p{N}.?)'"])?$/u
const autolinkStart = /www\.|:\/|@/i
/** A destination written as is: no white space, parentheses, angle brackets, backslash, reference or pipe. */
const plainUrl = /^[A-Za-z0-9\-._~:/?#@!$'*+,;=%]+$/
/** A title written as is between double quotes. */
const plainTitle = /^[\p{L}\p{M}\p{N} ,.;:'?/%+=#$\u2018\u2019\u201c\u201d\u2013\u2014\u2026-]+$/u

/** Emphasis or strong emphasis around the whole text, which reads back as the text alone. */
const wrappers = ['', '**', '*', '__', '_']

/**
 * Whether the Markdown is `[text](url)` or `[text](url "title")` written from plain parts (the text perhaps all
 * emphasised, `[**text**](url)`), which can only read back as that one link with that text, in a paragraph or a
 * table cell: then it need not be parsed.
 */
export function plainLink(markdown: string, url: string, title: string | null, text: string): boolean {
  if (!inertText.test(text) || autolinkStart.test(text) || !plainUrl.test(url) || (title !== null && !plainTitle.test(title))) return false
  const rest = '](' + url + (title === null ? '' : ' "' + title + '"') + ')'
  return wrappers.some((wrapper) => markdown === '[' + wrapper + text + wrapper + rest)
}
