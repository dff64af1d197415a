/**
 * The read-back checks skip parsing what can only read back as written: a plain-text cell of a converted table
 * (`no-html-table`) and a plain Markdown link (`link-style`). Every text the shortcuts accept, among many made of
 * tricky pieces, must read back from the parser as the shortcut assumes.
 */
import assert from 'node:assert/strict'
import type {Link, PhrasingContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {test} from 'uvu'
import {parsePhrasing, parseSnippet} from '../src/model/reparse.js'
import {plainCellText} from '../src/render/html-table-to-gfm.js'
import {destination, plainLink, quoteTitle} from '../src/render/links.js'

const pieces = [
  'Cookie',
  'sid',
  'a',
  '1',
  '2.',
  '(x)',
  "it's",
  '"q"',
  ',',
  ';',
  ':',
  '?',
  '/',
  '%',
  '+',
  '=',
  '#',
  '$',
  '’',
  '“',
  '—',
  '…',
  '-',
  'é',
  'Ω',
  '中',
  ' ',
  '  ',
  '*',
  '_',
  '`',
  '[',
  ']',
  '<',
  '>',
  '&',
  '!',
  '|',
  '\\',
  '~',
  '^',
  'www.',
  'WWW.',
  'http://',
  'https:',
  '://',
  '@',
  'a@b.co',
  'mailto:',
  '&amp;',
  '\u00a0',
  '\t',
  '1)',
  'x.com',
  'e.g.'
]

/** A deterministic stream of strings made of 1 to 4 pieces. */
function* strings(count: number): Generator<string> {
  let seed = 7
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n
  }
  for (let index = 0; index < count; index++) {
    let value = ''
    for (let piece = 1 + next(4); piece > 0; piece--) value += pieces[next(pieces.length)]
    yield value
  }
}

const collapse = (text: string) => text.replace(/[ \t]+/g, ' ').trim()

test('a plain-text cell reads back as its text, with no constructs', () => {
  let accepted = 0
  for (const text of strings(4000)) {
    if (!plainCellText(text)) continue
    accepted++
    const tree = parseSnippet(`| a | b |\n| - | - |\n| x | ${text} |\n`)
    assert.equal(tree.children.length, 1, text)
    const table = tree.children[0] as Table
    const cell = table.children[1].children[1]
    assert.ok(
      cell.children.every((node: PhrasingContent) => node.type === 'text'),
      text
    )
    assert.equal(collapse(toString(cell)), collapse(text), text)
  }
  assert.ok(accepted > 200, `only ${accepted} accepted`)
})

test('a plain link reads back as one link with its URL, title and text', () => {
  const urls = ['/privacy/', 'https://example.com/a?b=1#c', '#top', 'mailto:privacy@example.com', "/it's", '/a*b_c']
  const titles = [null, 'Cookies', "Our policy's page", 'a, b; c: d?']
  let accepted = 0
  let index = 0
  for (const text of strings(3000)) {
    const url = urls[index % urls.length]
    const title = titles[index % titles.length]
    index++
    for (const wrapper of ['', '**', '*', '__', '_']) {
      for (const inTableCell of [false, true]) {
        const markdown =
          '[' + wrapper + text + wrapper + '](' + destination(url, inTableCell) + (title === null ? '' : ' ' + quoteTitle(title, inTableCell)) + ')'
        if (!plainLink(markdown, url, title, text)) continue
        accepted++
        const found: Link[] = []
        const visit = (node: {type: string; children?: unknown[]}) => {
          if (node.type === 'link') found.push(node as Link)
          for (const child of (node.children ?? []) as Array<{type: string}>) visit(child)
        }
        visit(parsePhrasing(markdown, inTableCell))
        assert.equal(found.length, 1, markdown)
        assert.equal(found[0].url, url, markdown)
        assert.equal(found[0].title ?? null, title, markdown)
        assert.equal(toString(found[0]), text, markdown)
      }
    }
  }
  assert.ok(accepted > 500, `only ${accepted} accepted`)
})

test.run()
