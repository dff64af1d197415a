// What the table rules add to lint time: lint the corpus and seeds in memory with every rule, then without the
// table rules, several rounds each (fresh parse per file and round), and print the medians.
// Usage: npm run build && node scripts/bench-tables.mjs [rounds]
import fs from 'node:fs'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {rules} from '../dist/rules/index.js'
import {syntax} from '../dist/src/preset.js'

const tableRules = new Set(['no-html-table', 'table-format', 'cookie-duration', 'cookie-table-columns', 'cookie-table-cells', 'known-cookies', 'cookie-party'])
const rounds = Number(process.argv[2] ?? 7)
const folders = ['/work/shared/corpus', '/work/shared/seeds']
const documents = folders.flatMap((folder) => fs.readdirSync(folder).map((name) => fs.readFileSync(path.join(folder, name), 'utf8')))

function processor(selected) {
  return unified().use(remarkParse).use(syntax).use(selected.map((rule) => [rule, ['warn']])).data('settings', {policylint: {}}).freeze()
}

async function time(selected) {
  const run = processor(selected)
  const start = performance.now()
  for (const value of documents) {
    const file = new VFile({path: 'doc.md', value})
    await run.run(run.parse(file), file)
  }
  return performance.now() - start
}

const all = rules
const without = rules.filter((rule) => !tableRules.has(rule.meta.id))
const only = rules.filter((rule) => tableRules.has(rule.meta.id))
await time(all) // warm up
const results = {all: [], without: [], only: [], parseOnly: []}
for (let round = 0; round < rounds; round++) {
  results.all.push(await time(all))
  results.without.push(await time(without))
  results.only.push(await time(only))
  results.parseOnly.push(await time([]))
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
const ms = (value) => value.toFixed(1) + ' ms'
console.log(`${documents.length} documents, ${rounds} rounds, median per round:`)
console.log(`  parse only:               ${ms(median(results.parseOnly))}`)
console.log(`  all ${all.length} rules:              ${ms(median(results.all))}`)
console.log(`  without the table rules:  ${ms(median(results.without))}`)
console.log(`  table rules only:         ${ms(median(results.only))}`)
console.log(`  added by the table rules: ${ms(median(results.all) - median(results.without))}`)
