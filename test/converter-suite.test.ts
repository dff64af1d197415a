/**
 * The table cases of a public HTML-to-Markdown converter's suite (turndown-plugin-gfm, `test/index.html`: 11 table
 * cases), rewritten as our own inputs of the same shape, converted by `no-html-table` with `--unsafe-fixes` and
 * compared cell by cell with what that suite expects. Where policylint differs on purpose, the case says so.
 */
import assert from 'node:assert/strict'
import type {Root, RootContent, Table} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {test} from 'uvu'
import noHtmlTable from '../rules/no-html-table.js'
import {fixText} from './lint-helpers.js'

const gfm = unified().use(remarkParse).use(remarkGfm)

interface Case {
  name: string
  html: string
  /** Header cells, then body rows, as the converted GFM table reads; `null` when the table is left alone. */
  expected: string[][] | null
  align?: Array<'left' | 'right' | 'center' | null>
  /** Whether converting needs `--unsafe-fixes` (it changes what a reader sees). */
  unsafe: boolean
  /** How policylint differs from the suite's expectation, and why. */
  differs?: string
}

const cases: Case[] = [
  {
    name: 'basic table',
    html: '<table><thead><tr><th>Cookie</th><th>Purpose</th></tr></thead><tbody><tr><td>sid, session</td><td>Sign-in, kept</td></tr><tr><td>lang, pref</td><td>Language, kept</td></tr></tbody></table>',
    expected: [
      ['Cookie', 'Purpose'],
      ['sid, session', 'Sign-in, kept'],
      ['lang, pref', 'Language, kept']
    ],
    unsafe: false
  },
  {
    name: 'cell alignment (an unknown `align` value is no alignment)',
    html:
      '<table><thead><tr><th align="left">Name</th><th align="center">Party</th><th align="right">Days</th><th align="foo">Notes</th></tr></thead>' +
      '<tbody><tr><td>sid</td><td>first</td><td>1</td><td>none</td></tr></tbody></table>',
    expected: [
      ['Name', 'Party', 'Days', 'Notes'],
      ['sid', 'first', '1', 'none']
    ],
    align: ['left', 'center', 'right', null],
    unsafe: false
  },
  {
    name: 'empty cells',
    html:
      '<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead><tbody>' +
      '<tr><td></td><td>b1</td><td>c1</td></tr><tr><td>a2</td><td></td><td>c2</td></tr><tr><td></td><td></td><td>c3</td></tr></tbody></table>',
    expected: [
      ['A', 'B', 'C'],
      ['', 'b1', 'c1'],
      ['a2', '', 'c2'],
      ['', '', 'c3']
    ],
    unsafe: false
  },
  {
    name: 'empty rows, and header cells written as <td> straight in <thead>',
    html: '<table><thead><td>First</td><td>Second</td></thead><tbody><tr><td>one</td><td>one</td></tr><tr><td></td><td></td></tr><tr><td>three</td><td>three</td></tr></tbody></table>',
    expected: [
      ['First', 'Second'],
      ['one', 'one'],
      ['', ''],
      ['three', 'three']
    ],
    unsafe: false
  },
  {
    name: '<th> in the first row, no <thead>',
    html: '<table><tr><th>Heading</th></tr><tr><td>Content</td></tr></table>',
    expected: [['Heading'], ['Content']],
    unsafe: false
  },
  {
    name: '<th> first row inside <tbody>',
    html: '<table><tbody><tr><th>Heading</th></tr><tr><td>Content</td></tr></tbody></table>',
    expected: [['Heading'], ['Content']],
    unsafe: false
  },
  {
    name: 'two <tbody>s, each with a <th> row (later <th> rows become ordinary cells, as the suite writes them)',
    html: '<table><tbody><tr><th>Heading</th></tr><tr><td>Content</td></tr></tbody><tbody><tr><th>Heading</th></tr><tr><td>Content</td></tr></tbody></table>',
    expected: [['Heading'], ['Content'], ['Heading'], ['Content']],
    unsafe: true
  },
  {
    name: 'heading cells in both <thead> and <tbody>',
    html: '<table><thead><tr><th>Heading</th></tr></thead><tbody><tr><th>Cell</th></tr></tbody></table>',
    expected: [['Heading'], ['Cell']],
    unsafe: true
  },
  {
    name: 'empty head',
    html: '<table><thead><tr><th></th></tr></thead><tbody><tr><td>Cell</td></tr></tbody></table>',
    expected: [[''], ['Cell']],
    unsafe: false
  },
  {
    name: 'no heading row',
    html: '<table><tr><td>Row 1 one</td><td>Row 1 two</td></tr><tr><td>Row 2 one</td><td>Row 2 two</td></tr></table>',
    expected: [
      ['', ''],
      ['Row 1 one', 'Row 1 two'],
      ['Row 2 one', 'Row 2 two']
    ],
    unsafe: true,
    differs: "the suite leaves it as HTML; policylint writes an empty header row (`headerless: 'empty-header'`, as html-to-markdown does)"
  },
  {
    name: 'a first row of <th> and <td> mixed',
    html: '<table><tr><th>Heading</th><td>Not a heading</td></tr><tr><td>Heading</td><td>Not a heading</td></tr></table>',
    expected: [
      ['', ''],
      ['Heading', 'Not a heading'],
      ['Heading', 'Not a heading']
    ],
    unsafe: true,
    differs: 'the suite leaves it as HTML; policylint writes an empty header row and the `<th>` as an ordinary cell'
  }
]

function cellText(node: RootContent): string {
  if ('value' in node) return node.value
  if ('children' in node) return (node.children as RootContent[]).map(cellText).join('')
  return ''
}

for (const item of cases) {
  test(`turndown-plugin-gfm case: ${item.name}`, async () => {
    const input = `# Cookies\n\n${item.html}\n`
    const safe = await fixText(input, {rule: noHtmlTable})
    const unsafe = await fixText(input, {rule: noHtmlTable}, true)
    assert.equal(safe.output !== input, !item.unsafe, item.unsafe ? 'needs --unsafe-fixes' : 'converted by --fix')
    const tree = gfm.parse(unsafe.output) as Root
    const table = tree.children.find((node): node is Table => node.type === 'table')
    if (item.expected === null) {
      assert.equal(table, undefined)
      return
    }
    assert.ok(table, 'converted to a GFM table')
    assert.deepEqual(
      table.children.map((row) => row.children.map((cell) => cellText(cell).trim())),
      item.expected
    )
    if (item.align) assert.deepEqual(table.align, item.align)
  })
}

test('the cases that differ from the suite say why', () => {
  const differing = cases.filter((item) => item.differs).map((item) => item.name)
  assert.deepEqual(differing, ['no heading row', 'a first row of <th> and <td> mixed'])
})

test.run()
