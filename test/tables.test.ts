/** The table model: GFM and HTML tables as one structure, header fields and cookie-table detection. */
import assert from 'node:assert/strict'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {test} from 'uvu'
import {matchHeader} from '../src/data/fields.js'
import {htmlFragments} from '../src/model/html.js'
import {tables} from '../src/model/tables.js'
import {syntax} from '../src/preset.js'

const processor = unified().use(remarkParse).use(syntax)

export function modelOf(source: string) {
  const tree = processor.runSync(processor.parse(source))
  return tables(tree as never, source)
}

test('a GFM table and an HTML table give the same structure', () => {
  const gfm = '| Cookie | Expires |\n| :-- | --: |\n| `_ga` | 2 years |\n'
  const html =
    '<table>\n<tr><th align="left">Cookie</th><th style="text-align: right">Expires</th></tr>\n<tr><td><code>_ga</code></td><td>2 years</td></tr>\n</table>\n'
  const [a] = modelOf(gfm)
  const [b] = modelOf(html)
  for (const table of [a, b]) {
    assert.deepEqual(table.align, ['left', 'right'])
    assert.deepEqual(
      table.header!.cells.map((cell) => cell.text),
      ['Cookie', 'Expires']
    )
    assert.deepEqual(
      table.rows.map((row) => row.cells.map((cell) => cell.text)),
      [['_ga', '2 years']]
    )
    assert.ok(table.cookie)
    assert.equal(table.fieldColumns.get('duration'), 1)
  }
  assert.equal(a.kind, 'gfm')
  assert.equal(b.kind, 'html')
  const cell = b.rows[0].cells[0]
  assert.equal(html.slice(...cell.contentRange!), '<code>_ga</code>')
  assert.equal(gfm.slice(...a.rows[0].cells[0].contentRange!), '`_ga`')
})

test("`<br>` is a line break in a cell's text", () => {
  const [table] = modelOf(
    '<table><thead><tr><th>Name</th><th>Purpose</th></tr></thead><tbody><tr><td><code>_ga<br />_gid</code></td><td>Counts   visits</td></tr></tbody></table>\n'
  )
  assert.equal(table.rows[0].cells[0].text, '_ga\n_gid')
  assert.equal(table.rows[0].cells[1].text, 'Counts visits')
})

test('header synonyms map to canonical fields', () => {
  assert.equal(matchHeader('Lifespan (Days)', []).field, 'duration')
  assert.equal(matchHeader('Lifespan (Days)', []).unit, 'day')
  assert.equal(matchHeader('Cookie subgroup', []).field, 'domain')
  assert.equal(matchHeader('Cookies used', []).field, 'party')
  assert.equal(matchHeader('Maximum Storage Duration', []).field, 'duration')
  assert.equal(matchHeader('Description of use', []).field, 'purpose')
  assert.equal(matchHeader('Data Controller', []).field, 'provider')
})

test('a `Type` column is resolved from its values', () => {
  assert.equal(matchHeader('Type', ['Analytics', 'Strictly necessary']).field, 'category')
  assert.equal(matchHeader('Type', ['Session', 'Persistent']).field, 'session')
  assert.equal(matchHeader('Type', ['First party', 'Third party']).field, 'party')
  assert.equal(matchHeader('Type', ['HTTP Cookie', 'HTML Local Storage']).field, 'storageType')
  assert.equal(matchHeader('Type', ['Something else', 'Another']).field, undefined)
})

test('cookie-table detection needs a name and another cookie field', () => {
  assert.ok(modelOf('| Cookie | Purpose |\n| - | - |\n| a | b |\n')[0].cookie)
  assert.ok(!modelOf('| Name | Purpose | Location |\n| - | - | - |\n| Amazon Web Services | Hosting | USA |\n')[0].cookie)
  assert.ok(modelOf('| Name | Purpose |\n| - | - |\n| session_id | Keeps you signed in |\n')[0].cookie)
  assert.ok(!modelOf('| Data | Purpose |\n| - | - |\n| email | Sign in |\n')[0].cookie)
  // A vertical key/value table is not a list of cookies in rows.
  assert.ok(!modelOf('| Name | Description |\n| - | - |\n| Name | `_ga` |\n| Purpose | Counts visits |\n| Expires | 2 years |\n')[0].cookie)
})

test('the model is built once per document and each HTML node is parsed once', () => {
  const source =
    '<table><tr><th>Cookie</th><th>Expires</th></tr><tr><td>sid</td><td>Session</td></tr></table>\n\n| Cookie | Expires |\n| - | - |\n| a | 1 day |\n'
  const tree = processor.runSync(processor.parse(source)) as never
  const first = tables(tree, source)
  assert.equal(tables(tree, source), first, 'the same array on a second call')
  const [fragment] = htmlFragments(tree, source)
  assert.equal(fragment.$, fragment.$, 'the fragment is parsed once')
  assert.equal(first.length, 2)
})

test.run()
