import fs from 'node:fs'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import {syntax} from '../dist/src/preset.js'
import {tables} from '../dist/src/model/tables.js'
const p = unified().use(remarkParse).use(syntax)
for (const f of process.argv.slice(2)) {
  const src = fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '')
  const tree = p.runSync(p.parse(src))
  for (const t of tables(tree, src)) {
    console.log(
      f.split('/').pop().slice(0, 40),
      t.kind,
      t.cookie ? 'COOKIE' : '-',
      t.rows.length,
      'rows |',
      t.columns.map((c) => c.header + '→' + (c.match.field ?? '?') + (c.match.unit ? '(' + c.match.unit + ')' : '')).join(' | ')
    )
  }
}
