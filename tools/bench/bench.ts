/** `npm run bench`: policylint against remark-cli and markdownlint-cli2 on the same generated documents, in one run. */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {rules} from '../../rules/index.js'
import {writeCorpus} from './corpus.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
// Outside the repository: its .gitignore would hide the corpus from policylint, which reads it as git does.
const work = path.join(os.tmpdir(), 'policylint-bench')
const corpus = path.join(work, 'corpus')
const configs = path.join(work, 'configs')
const cli = path.join(root, 'dist', 'src', 'cli', 'cli.js')
const remarkCli = path.join(root, 'node_modules', 'remark-cli', 'cli.js')
const markdownlint = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs')
const rusageHook = path.join(root, 'bench', 'rusage.cjs')

interface Measure {
  wall: number
  cpu: number
  rss: number
  code: number | null
}

const count = Number(process.argv.find((arg) => arg.startsWith('--files='))?.slice(8) ?? 1000)
const repeats = Number(process.argv.find((arg) => arg.startsWith('--repeat='))?.slice(9) ?? 3)
const perRule = !process.argv.includes('--no-per-rule')

function measure(args: string[], cwd = work): Measure {
  const usageFile = path.join(os.tmpdir(), `policylint-bench-${process.pid}.json`)
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, ['--require', rusageHook, ...args], {
    cwd,
    env: {...process.env, BENCH_RUSAGE: usageFile, NO_COLOR: '1'},
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024
  })
  const wall = Number(process.hrtime.bigint() - start) / 1e6
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as {user: number; system: number; maxRSS: number}
  if (result.status === 2 || result.status === null) {
    throw new Error(`\`${args.join(' ')}\` failed (${result.status}):\n${String(result.stderr).slice(0, 2000)}`)
  }
  return {wall, cpu: (usage.user + usage.system) / 1000, rss: usage.maxRSS / 1024, code: result.status}
}

/** The median of several runs (by wall time), after one unmeasured warm-up of the file system cache. */
function median(args: string[], runs = repeats, before?: () => void): Measure {
  const results: Measure[] = []
  for (let index = 0; index < runs; index++) {
    before?.()
    results.push(measure(args))
  }
  results.sort((a, b) => a.wall - b.wall)
  return results[Math.floor(results.length / 2)]
}

function config(name: string, body: string): string {
  const file = path.join(configs, name)
  fs.writeFileSync(file, body)
  return file
}

function main() {
  const bytes = writeCorpus(corpus, count)
  fs.mkdirSync(configs, {recursive: true})
  const preset = pathToFileURL(path.join(root, 'dist', 'src', 'preset.js')).href
  const full = config('full.mjs', `import policylint from '${preset}'\nexport default {plugins: [policylint]}\n`)
  const floor = config('floor.mjs', `import {syntax} from '${preset}'\nexport default {plugins: syntax}\n`)
  // Plugins by absolute path: the work folder has no node_modules of its own.
  const module = (name: string) => pathToFileURL(path.join(root, 'node_modules', name, 'index.js')).href
  const remarkConfig = config('remark.mjs', `import recommended from '${module('remark-preset-lint-recommended')}'\nexport default recommended\n`)
  // The same syntax policylint parses (GFM and front matter): remark-cli's parse alone, for the floor to be compared with.
  const remarkSyntaxConfig = config(
    'remark-syntax.mjs',
    `import frontmatter from '${module('remark-frontmatter')}'\nimport gfm from '${module('remark-gfm')}'\nexport default {plugins: [frontmatter, gfm]}\n`
  )
  const cacheFile = path.join(work, 'cache.json')
  const single = path.join(corpus, '00', 'policy-0000.md')

  console.log(`policylint benchmark: ${count} documents, ${(bytes / 1e6).toFixed(2)} MB, ${os.cpus().length} cores, Node ${process.version}`)
  console.log(`(median of ${repeats} runs each; CPU = user + system of the whole process, worker threads included)`)
  const load = os.loadavg()[0]
  if (load > os.cpus().length / 2) console.log(`(load average ${load.toFixed(1)} before the runs: other work shares the cores, and wall times suffer first)`)
  console.log()
  measure([cli, '--config', full, 'corpus'])

  const rows: Array<[string, Measure]> = []
  const policylint = median([cli, '--config', full, 'corpus'])
  // The corpus has errors on purpose: a clean exit means policylint linted nothing.
  if (policylint.code !== 1) throw new Error(`policylint exited ${policylint.code} on the corpus, expected 1: did it find the files?`)
  rows.push(['policylint, full preset (cold)', policylint])
  const supportsCache = spawnSync(process.execPath, [cli, '--help'], {encoding: 'utf8'}).stdout.includes('--cache')
  let warm: Measure | undefined
  if (supportsCache) {
    fs.rmSync(cacheFile, {force: true})
    measure([cli, '--config', full, '--cache', '--cache-location', cacheFile, 'corpus'])
    warm = median([cli, '--config', full, '--cache', '--cache-location', cacheFile, 'corpus'])
    rows.push(['policylint, full preset (warm --cache)', warm])
  }
  const floorRun = median([cli, '--config', floor, 'corpus'])
  rows.push(['floor: parse only (GFM, front matter), no rules', floorRun])
  const remark = median([remarkCli, 'corpus', '--rc-path', remarkConfig, '--quiet', '--no-stdout'])
  rows.push(['remark-cli + remark-preset-lint-recommended', remark])
  const remarkSyntax = median([remarkCli, 'corpus', '--rc-path', remarkSyntaxConfig, '--quiet', '--no-stdout'])
  rows.push(['remark-cli, parse only (GFM, front matter)', remarkSyntax])
  const markdownlintRun = median([markdownlint, 'corpus/**/*.md'])
  rows.push(['markdownlint-cli2 (default rules)', markdownlintRun])
  const singleRun = median([cli, '--config', full, single], 5)
  rows.push(['policylint, one file (pre-commit case)', singleRun])

  console.log(table(['run', 'wall ms', 'CPU ms', 'peak MB'], rows.map(([name, m]) => [name, m.wall.toFixed(0), m.cpu.toFixed(0), m.rss.toFixed(0)])))

  const ratio = (a: number, b: number) => (a / b).toFixed(2) + 'x'
  console.log('\nRatios')
  console.log(`  policylint / remark-cli (wall):        ${ratio(policylint.wall, remark.wall)}`)
  console.log(`  policylint / markdownlint-cli2 (wall): ${ratio(policylint.wall, markdownlintRun.wall)}`)
  console.log(`  rules over parsing alone (CPU):        +${(((policylint.cpu - floorRun.cpu) / floorRun.cpu) * 100).toFixed(0)}%`)
  console.log(`  floor / remark-cli parse only (CPU):   ${ratio(floorRun.cpu, remarkSyntax.cpu)}`)
  if (warm) console.log(`  warm cache / cold (wall):              ${ratio(warm.wall, policylint.wall)}`)

  console.log('\nTargets')
  const target = (label: string, met: boolean, figure: string) => console.log(`  ${met ? 'met   ' : 'MISSED'} ${label}: ${figure}`)
  target('full preset <= 0.6x remark-cli wall', policylint.wall <= 0.6 * remark.wall, ratio(policylint.wall, remark.wall))
  target('rules add <= 25% CPU over parsing', policylint.cpu <= 1.25 * floorRun.cpu, `+${(((policylint.cpu - floorRun.cpu) / floorRun.cpu) * 100).toFixed(0)}%`)
  if (warm) target('warm cached run < 10% of cold', warm.wall < 0.1 * policylint.wall, ratio(warm.wall, policylint.wall))
  else target('warm cached run < 10% of cold', false, 'no --cache yet')
  target('single file < 400 ms', singleRun.wall < 400, singleRun.wall.toFixed(0) + ' ms')
  target('peak memory < 300 MB', policylint.rss < 300, policylint.rss.toFixed(0) + ' MB')

  if (perRule) {
    console.log('\nEach rule on its own (CPU over the parse-only floor, one run each)')
    const ruleRows: string[][] = []
    for (const rule of rules) {
      const ruleConfig = config(
        `rule-${rule.meta.id}.mjs`,
        `import {syntax, rules} from '${preset}'\nconst rule = rules.find((r) => r.meta.id === '${rule.meta.id}')\nexport default {plugins: [...syntax, [rule, ['warn']]]}\n`
      )
      const run = measure([cli, '--config', ruleConfig, 'corpus'])
      ruleRows.push([rule.meta.id, run.cpu.toFixed(0), `${run.cpu - floorRun.cpu >= 0 ? '+' : ''}${(run.cpu - floorRun.cpu).toFixed(0)}`])
    }
    console.log(table(['rule', 'CPU ms', 'over floor'], ruleRows))
    console.log('  (single runs: differences under ~5% of the floor are noise)')
  }
}

function table(head: string[], body: string[][]): string {
  const widths = head.map((cell, index) => Math.max(cell.length, ...body.map((row) => row[index].length)))
  const line = (row: string[]) => '  ' + row.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ')
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n')
}

main()
