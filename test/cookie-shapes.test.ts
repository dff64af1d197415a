/** Cookie declarations of every shape read as cookie tables: record tables, `Label: value` lists, pipe lines, cookie lists. */
import assert from 'node:assert/strict'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {test} from 'uvu'
import {cookieRows} from '../src/model/cookie-rows.js'
import {cookieTables} from '../src/model/cookie-shapes.js'
import {fieldCell} from '../src/model/tables.js'
import {syntax} from '../src/preset.js'

const processor = unified().use(remarkParse).use(syntax)

function read(source: string) {
  const tree = processor.runSync(processor.parse(source)) as never
  return {tables: cookieTables(tree, source), rows: cookieRows(tree, source)}
}

const record = (name: string, expires: string) =>
  `<div style="color: #595959"><table>\n<tr><td>Name:</td><td>${name}</td></tr>\n<tr><td>Purpose:</td><td>Counts visits</td></tr>\n` +
  `<tr><td>Provider:</td><td>.shop.example</td></tr>\n<tr><td>Expires in:</td><td>${expires}</td></tr>\n</table></div>\n`

test('a run of record tables under one heading is one table, a row per record, a column per label', () => {
  const source = `## Analytics\n\n${record('vid', '1 year')}\n${record('pid', '30 minutes')}\n## Marketing\n\n${record('ad_id', '90 days')}`
  const {tables, rows} = read(source)
  assert.deepEqual(
    tables.map((table) => [table.kind, table.rows.length]),
    [
      ['record', 2],
      ['record', 1]
    ]
  )
  assert.deepEqual(
    tables[0].header!.cells.map((cell) => cell.text),
    ['Name', 'Purpose', 'Provider', 'Expires in']
  )
  // Consent tools call the cookie's domain its `Provider`: the values say it is a domain.
  assert.equal(tables[0].fieldColumns.get('domain'), 2)
  assert.deepEqual(
    rows.map((row) => [row.names, row.duration, row.domain]),
    [
      [['vid'], '1 year', 'shop.example'],
      [['pid'], '30 minutes', 'shop.example'],
      [['ad_id'], '90 days', 'shop.example']
    ]
  )
  // Every field keeps its place in the source.
  assert.equal(source.slice(...rows[1].nameRange!), 'pid')
  assert.equal(source.slice(...rows[1].durationRange!), '30 minutes')
})

test('`Label: value` lists and pipe lines without a delimiter row are records too', () => {
  const source =
    '* Name: \\_\\_cf\\_bm\n* Purpose: Tells people from bots\n* Expires in: 30 minutes\n\n' +
    '| --- | --- |\n| Name: | `_ga` |\n| Purpose: | Counts visits |\n| Expires in: | 2 years |\n'
  const {tables, rows} = read(source)
  assert.deepEqual(
    tables.map((table) => table.kind),
    ['record']
  )
  assert.deepEqual(
    rows.map((row) => row.names[0]),
    ['__cf_bm', '_ga']
  )
  assert.equal(source.slice(...rows[0].nameRange!), '\\_\\_cf\\_bm')
  assert.equal(source.slice(...rows[1].durationRange!), '2 years')
})

test('a header that names the columns (`Name | Description`) is not read as a field', () => {
  const source = '| Name | Description |\n| --- | --- |\n| Name | `sid` |\n| Purpose | Signs you in |\n| Expires | Session |\n'
  const {rows} = read(source)
  assert.deepEqual(
    rows.map((row) => [row.names, row.duration]),
    [[['sid'], 'Session']]
  )
})

test('a list whose items start with cookie names is a cookie list; bold labels and numbering are not names', () => {
  const list = '## Cookies\n\n- **_ga**: tells visitors apart, expires after 2 years\n- `sid` — keeps you signed in until the end of the session\n'
  const {tables, rows} = read(list)
  assert.deepEqual(
    tables.map((table) => table.kind),
    ['list']
  )
  assert.deepEqual(
    rows.map((row) => [row.names[0], row.duration]),
    [
      ['_ga', '2 years'],
      ['sid', 'the end of the session']
    ]
  )
  assert.equal(fieldCell(tables[0], tables[0].rows[0], 'purpose')!.text, 'tells visitors apart, expires after 2 years')
  const prose =
    '- **Analytics**: counts visits for 2 years\n- **Marketing**: shows ads\n\n- **1.1** The terms apply for 2 years\n- **1.2** Nothing else\n'
  assert.deepEqual(read(prose).tables, [])
})

test.run()
