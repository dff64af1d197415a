// What the table rules add to lint time. Each document is parsed (untimed), then only the rules' transformers are
// timed (CPU time, process.cpuUsage), for: every rule, every rule but the table rules, the table rules alone.
// Models are built on first use by whichever rule asks, so "alone" includes building the table model and parsing
// the HTML nodes that hold tables. Usage: npm run build && node tools/bench-tables.mjs [rounds]
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {rules} from '../dist/rules/index.js'
import {syntax} from '../dist/src/preset.js'

const tableRules = new Set([
  'no-html-table',
  'table-format',
  'cookie-duration',
  'cookie-table-columns',
  'cookie-table-cells',
  'known-cookies',
  'cookie-party'
])
const rounds = Number(process.argv[2] ?? 9)
// ../shared beside the repository: the corpus and the seeds.
const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared')
const folders = [path.join(shared, 'corpus'), path.join(shared, 'seeds')]
const documents = folders.flatMap((folder) => fs.readdirSync(folder).map((name) => fs.readFileSync(path.join(folder, name), 'utf8')))
const parser = unified().use(remarkParse).use(syntax).freeze()

function linter(selected) {
  return unified()
    .use(selected.map((rule) => [rule, ['warn']]))
    .data('settings', {policylint: {}})
    .freeze()
}

async function time(selected) {
  const run = linter(selected)
  let micros = 0
  for (const value of documents) {
    const file = new VFile({path: 'doc.md', value})
    const tree = parser.parse(file)
    const before = process.cpuUsage()
    await run.run(tree, file)
    const used = process.cpuUsage(before)
    micros += used.user + used.system
  }
  return micros / 1000
}

const sets = {
  all: rules,
  withoutTables: rules.filter((rule) => !tableRules.has(rule.meta.id)),
  tablesAlone: rules.filter((rule) => tableRules.has(rule.meta.id))
}
for (const selected of Object.values(sets)) await time(selected) // warm up
const results = {all: [], withoutTables: [], tablesAlone: []}
for (let round = 0; round < rounds; round++) {
  for (const [name, selected] of Object.entries(sets)) results[name].push(await time(selected))
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const ms = (value) => value.toFixed(1).padStart(7) + ' ms'
console.log(`${documents.length} documents, ${rounds} rounds; median CPU time of the rules per pass over all documents:`)
console.log(`  all ${rules.length} rules:             ${ms(median(results.all))}`)
console.log(`  without the table rules: ${ms(median(results.withoutTables))}`)
console.log(`  the table rules alone:   ${ms(median(results.tablesAlone))}`)
console.log(`  added by the table rules:${ms(median(results.all) - median(results.withoutTables))}`)
