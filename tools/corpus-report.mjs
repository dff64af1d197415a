// Per-rule findings on the corpus and seeds: node tools/corpus-report.mjs RULE-ID...
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

// ../shared beside the repository: the corpus and the seeds.
const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared')
const ids = process.argv.slice(2)
const files = ['corpus', 'seeds'].flatMap((folder) => fs.readdirSync(path.join(shared, folder)).map((name) => path.join(shared, folder, name)))
let out
try {
  out = execFileSync('node', ['dist/src/cli/cli.js', '--no-config', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 1e8,
    stdio: ['ignore', 'pipe', 'ignore']
  })
} catch (error) {
  out = error.stdout
}
const counts = {}
for (const file of JSON.parse(out)) {
  for (const m of file.messages) {
    if (ids.length && !ids.includes(m.ruleId)) continue
    counts[m.ruleId] = (counts[m.ruleId] ?? 0) + 1
    console.log(m.ruleId, file.filePath.split('/').pop().slice(0, 40), `${m.line}:${m.column}`, m.message)
  }
}
console.log(counts)
