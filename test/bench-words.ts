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
import {dictionary, loadCpuTimes, loadTimes} from '../src/data/dictionary.js'
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
  return unified()
    .use(remarkParse)
    .use(plugins)
    .data('settings', {policylint: {readWordsFile: false}})
    .freeze()
}

const all = processor([policylint])
// The same preset without the prose rules (the heading-structure rules stay in both).
const prosePlugins = new Set<unknown>(rules.filter((rule) => proseIds.includes(rule.meta.id)))
const withoutProse = processor([{plugins: (policylint.plugins ?? []).filter((entry) => !prosePlugins.has(Array.isArray(entry) ? entry[0] : entry))}])

async function lintAll(p: ReturnType<typeof processor>) {
  const results: VFile[] = []
  for (const {name, value} of files) {
    const file = new VFile({path: name, value})
    await p.run(p.parse(file), file)
    results.push(file)
  }
  return results
}

/** CPU time (user + system) of one pass over the corpus: steadier than wall time on a shared machine. */
async function cpuTime(p: ReturnType<typeof processor>) {
  const before = process.cpuUsage()
  await lintAll(p)
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000
}

/** Median CPU time of `rounds` passes of each processor, interleaved so drift hits both alike. */
async function compare(a: ReturnType<typeof processor>, b: ReturnType<typeof processor>, rounds: number) {
  const times: [number[], number[]] = [[], []]
  for (let round = 0; round < rounds; round++) {
    times[0].push(await cpuTime(a))
    times[1].push(await cpuTime(b))
  }
  const median = (list: number[]) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)]
  return [median(times[0]), median(times[1])]
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

// Warm both, then take the median of seven interleaved rounds each.
await lintAll(withoutProse)
const [base, full] = await compare(withoutProse, all, 7)

console.log(`documents: ${files.length}, prose words: ${words}`)
const ms = (value: number | undefined) => `${(value ?? 0).toFixed(0)} ms`
console.log(
  `dictionary load (wall / CPU): en-US ${ms(loadTimes.get('en-US'))} / ${ms(loadCpuTimes.get('en-US'))} (first call ${ms(firstLoad)}), en-GB ${ms(loadTimes.get('en-GB'))} / ${ms(loadCpuTimes.get('en-GB'))}`
)
console.log('rule\tfindings\tper 1,000 words')
for (const [id, count] of counts) console.log(`${id}\t${count}\t${((count * 1000) / words).toFixed(2)}`)
console.log(
  `CPU time to lint the corpus (median of 7 interleaved rounds, dictionary already loaded): without prose rules ${base.toFixed(0)} ms, with ${full.toFixed(0)} ms (+${(full - base).toFixed(0)} ms, ${(((full - base) * 1000) / words).toFixed(2)} ms per 1,000 words)`
)
if (process.argv.includes('--list')) console.log(lines.join('\n'))
