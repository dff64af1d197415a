/**
 * `npm run bench:words`: what the prose rules find on ../shared/corpus (per rule and per 1,000 words), how long
 * the dictionary takes to load, and what the prose rules add to lint time. A script, not a test.
 */
import fs from 'node:fs'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified, type PluggableList} from 'unified'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import {dictionary, loadTimes} from '../src/model/dictionary.js'
import {prose as proseModel} from '../src/model/words.js'
import policylint, {syntax} from '../src/preset.js'
import {hasShared, shared} from './paths.js'

const proseIds = ['typos', 'confusables', 'terminology', 'heading-punctuation', 'heading-case', 'spelling']

if (!hasShared) {
  console.log('skipped: ../shared is absent')
  process.exit(0)
}

const folder = path.join(shared, 'corpus')
const files = fs
  .readdirSync(folder)
  .filter((name) => /^\d{3}__.*\.md$/.test(name))
  .map((name) => ({name, value: fs.readFileSync(path.join(folder, name), 'utf8')}))

const start = performance.now()
dictionary('en-US')
const firstLoad = performance.now() - start
dictionary('en-GB')

function processor(plugins: PluggableList) {
  return unified().use(remarkParse).use(plugins).data('settings', {policylint: {readWordsFile: false}}).freeze()
}

const all = processor([policylint])
const withoutProse = processor([...syntax, ...rules.filter((rule) => !proseIds.includes(rule.meta.id)).map((rule) => [rule, ['warn']] as [typeof rule, string[]])])

async function lintAll(p: ReturnType<typeof processor>) {
  const results: VFile[] = []
  for (const {name, value} of files) {
    const file = new VFile({path: name, value})
    await p.run(p.parse(file), file)
    results.push(file)
  }
  return results
}

async function time(p: ReturnType<typeof processor>, rounds: number) {
  const times: number[] = []
  for (let round = 0; round < rounds; round++) {
    const begin = performance.now()
    await lintAll(p)
    times.push(performance.now() - begin)
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]
}

let words = 0
for (const {value} of files) {
  const tree = unified().use(remarkParse).use(syntax).runSync(unified().use(remarkParse).use(syntax).parse(value)) as never
  words += proseModel(tree, value.replace(/^\uFEFF/, '')).words.length
}

const results = await lintAll(all)
const counts = new Map<string, number>(proseIds.map((id) => [id, 0]))
const lines: string[] = []
for (const file of results) {
  for (const message of file.messages) {
    if (!proseIds.includes(message.ruleId ?? '')) continue
    counts.set(message.ruleId!, counts.get(message.ruleId!)! + 1)
    lines.push(`${file.path}\t${message.line}:${message.column}\t${message.ruleId}\t${message.reason}`)
  }
}

// Warm both, then take the median of five rounds each.
const base = await time(withoutProse, 5)
const full = await time(all, 5)

console.log(`documents: ${files.length}, prose words: ${words}`)
console.log(`dictionary load: en-US ${loadTimes.get('en-US')!.toFixed(0)} ms (first call ${firstLoad.toFixed(0)} ms), en-GB ${loadTimes.get('en-GB')!.toFixed(0)} ms`)
console.log('rule\tfindings\tper 1,000 words')
for (const [id, count] of counts) console.log(`${id}\t${count}\t${((count * 1000) / words).toFixed(2)}`)
console.log(`lint time for the corpus (median of 5, dictionary already loaded): without prose rules ${base.toFixed(0)} ms, with ${full.toFixed(0)} ms (+${(full - base).toFixed(0)} ms, ${(((full - base) * 1000) / words).toFixed(2)} ms per 1,000 words)`)
if (process.argv.includes('--list')) console.log(lines.join('\n'))
