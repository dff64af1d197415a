// Every cookie table policylint reads in the given files, whatever its shape: node tools/dump-cookie-tables.mjs FILE...
import fs from 'node:fs'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import {syntax} from '../dist/src/preset.js'
import {cookieTables} from '../dist/src/model/cookie-shapes.js'
const processor = unified().use(remarkParse).use(syntax)
for (const file of process.argv.slice(2)) {
  const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  const tree = processor.runSync(processor.parse(source))
  for (const table of cookieTables(tree, source)) {
    const columns = table.columns.map((column) => `${column.header}→${column.match.field ?? '?'}`).join(' | ')
    console.log(file.split('/').pop().slice(0, 40), table.kind, `${table.rows.length} rows`, '|', columns)
    for (const row of table.rows.slice(0, 3)) console.log('    ', row.cells.map((cell) => cell.text.slice(0, 40)).join(' ¦ '))
  }
}
