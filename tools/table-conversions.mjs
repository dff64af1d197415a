// How many HTML tables no-html-table converts in a folder: node tools/table-conversions.mjs DIR
// Prints per folder: HTML tables, converted by --fix (safe), by --fix --unsafe-fixes (unsafe), and refusals by reason.
import fs from 'node:fs'
import path from 'node:path'
import {lintText} from '../dist/src/lint-text.js'
import {rules} from '../dist/rules/index.js'
import {tables} from '../dist/src/model/tables.js'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import {syntax} from '../dist/src/preset.js'

const rule = rules.find((candidate) => candidate.meta.id === 'no-html-table')
const processor = unified().use(remarkParse).use(syntax)
const counts = {tables: 0, safe: 0, unsafe: 0, refused: 0}
const reasons = new Map()
for (const dir of process.argv.slice(2)) {
  for (const name of fs.readdirSync(dir).filter((name) => /\.(md|mdx|markdown)$/.test(name) && name !== 'README.md')) {
    const source = fs.readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '')
    const tree = processor.runSync(processor.parse({path: name, value: source}))
    counts.tables += tables(tree, source).filter((table) => table.kind === 'html').length
    const file = await lintText(source, {rule, path: name})
    for (const message of file.messages) {
      if (message.fix) {
        counts[message.fixTier === 'unsafe' ? 'unsafe' : 'safe']++
        continue
      }
      // One finding per document for the tables left alone: one reason, or a list of `- reason (lines …)`.
      const note = (message.note ?? 'no note').replace(/^Not fixed: /, '')
      const grouped = [...note.matchAll(/^- (.*) \(lines? ([\d, ]+)(?: and (\d+) more)?\)$/gm)]
      const entries =
        grouped.length > 0 ? grouped.map((match) => [match[1], match[2].split(',').length + Number(match[3] ?? 0)]) : [[note.split('\n')[0], 1]]
      for (const [reason, n] of entries) {
        counts.refused += n
        const shown = reason.replace(/`[^`]*`/g, '`…`').slice(0, 100)
        reasons.set(shown, (reasons.get(shown) ?? 0) + n)
      }
    }
  }
}
console.log(counts)
for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(String(n).padStart(4), reason)
