/**
 * `npm run bench`: policylint beside remark-cli (GFM, front matter, recommended preset), markdownlint-cli2 and Node
 * doing nothing, on the same files in one run, then each target of issue 12 met or missed, the language server's
 * latency and memory, and each rule's own cost.
 *
 * Options: --files=N (pages, 400), --copies=N (copies of the real pages among them, 3), --repeat=N (runs per
 * median, 3), --edits=N (measured LSP edits, 500), --no-per-rule, --no-lsp.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {readRealPages, samplePage, writeCorpus} from './corpus.js'
import {editorLatency, type EditorRun} from './lsp.js'
import {ruleCosts} from './rules.js'
import {
  formatTargets,
  markdownTable,
  median,
  medianRun,
  mib,
  parseOptions,
  peersTable,
  ratio,
  seconds,
  targets,
  type Measure,
  type Runs
} from './report.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const shared = path.resolve(root, '..', 'shared', 'corpus')
// Outside the repository: its .gitignore would hide the corpus from policylint, which reads it as git does.
const work = path.join(os.tmpdir(), 'policylint-bench')
const corpusFolder = path.join(work, 'corpus')
const configs = path.join(work, 'configs')
const rusageHook = path.join(root, 'tools', 'bench', 'rusage.cjs')

/** A package's executable, as its package.json names it (policylint's own may become a bundle). */
function bin(packageFolder: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageFolder, 'package.json'), 'utf8')) as {bin: string | Record<string, string>}
  return path.join(packageFolder, typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name])
}

const cli = bin(root, 'policylint')
const server = bin(root, 'policylint-language-server')
const remarkCli = bin(path.join(root, 'node_modules', 'remark-cli'), 'remark')
const markdownlint = bin(path.join(root, 'node_modules', 'markdownlint-cli2'), 'markdownlint-cli2')

const options = parseOptions(process.argv.slice(2))
const jobs = os.availableParallelism()

function measure(args: string[], cwd = work): Measure {
  const usageFile = path.join(os.tmpdir(), `policylint-bench-${process.pid}.json`)
  fs.rmSync(usageFile, {force: true})
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, ['--require', rusageHook, ...args], {
    cwd,
    env: {...process.env, BENCH_RUSAGE: usageFile, NO_COLOR: '1'},
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024
  })
  const wall = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status === 2 || result.status === null || !fs.existsSync(usageFile)) {
    throw new Error(`\`${args.join(' ')}\` failed (${result.status ?? result.signal}):\n${String(result.stderr).slice(0, 2000)}`)
  }
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as {user: number; system: number; maxRSS: number}
  return {wall, cpu: (usage.user + usage.system) / 1000, rss: usage.maxRSS / 1024, code: result.status}
}

/** The median run (by wall time) of `runs`. */
function repeated(args: string[], runs = options.repeat, cwd = work): Measure {
  const results: Measure[] = []
  for (let index = 0; index < runs; index++) results.push(measure(args, cwd))
  return medianRun(results)
}

function config(name: string, body: string): string {
  const file = path.join(configs, name)
  fs.writeFileSync(file, body)
  return file
}

async function main() {
  const started = performance.now()
  fs.mkdirSync(work, {recursive: true})
  const real = readRealPages(shared)
  const corpus = writeCorpus(corpusFolder, options.files, real, options.copies)
  fs.mkdirSync(configs, {recursive: true})
  const preset = pathToFileURL(path.join(root, 'dist', 'src', 'preset.js')).href
  const full = config('full.mjs', `import policylint from '${preset}'\nexport default {plugins: [policylint]}\n`)
  const floor = config('floor.mjs', `import {syntax} from '${preset}'\nexport default {plugins: syntax}\n`)
  // Plugins by absolute path: the work folder has no node_modules of its own.
  const module = (name: string) => pathToFileURL(path.join(root, 'node_modules', name, 'index.js')).href
  const remarkImports = `import frontmatter from '${module('remark-frontmatter')}'\nimport gfm from '${module('remark-gfm')}'\n`
  // The peer of the table: the syntax policylint parses (GFM, front matter) and remark's recommended rules.
  const remarkConfig = config(
    'remark.mjs',
    `${remarkImports}import recommended from '${module('remark-preset-lint-recommended')}'\nexport default {plugins: [frontmatter, gfm, recommended]}\n`
  )
  // remark-cli's parse alone, to compare policylint's parse-only floor with.
  const remarkSyntaxConfig = config('remark-syntax.mjs', `${remarkImports}export default {plugins: [frontmatter, gfm]}\n`)
  const cacheFile = path.join(work, 'cache.json')

  // The pre-commit case: one ~14 KB page alone in a folder, linted with the embedded preset as a hook lints it.
  const one = samplePage(real, 14_000)
  const oneFolder = path.join(work, 'one')
  fs.rmSync(oneFolder, {recursive: true, force: true})
  fs.mkdirSync(oneFolder)
  fs.writeFileSync(path.join(oneFolder, one.name), one.text)

  const mb = (bytes: number) => (bytes >= 1e6 ? (bytes / 1e6).toFixed(1) + ' MB' : (bytes / 1e3).toFixed(0) + ' kB')
  console.log(
    `policylint benchmark: ${os.cpus().length} cores (default --jobs ${jobs}), Node ${process.version}, median of ${options.repeat} runs each`
  )
  console.log(`Corpus: ${corpus.files} pages, ${mb(corpus.bytes)}, in ${corpusFolder}:`)
  if (corpus.realPages) {
    console.log(
      `  ${corpus.real} real policy pages (the ${corpus.realPages} pages of ${shared}, ${corpus.copies} ${corpus.copies === 1 ? 'copy' : 'copies'}, all named .md)` +
        ` and ${corpus.generated} generated from the project's templates`
    )
  } else {
    console.log(`  ${shared} is absent: ${corpus.generated} generated pages only (the project's templates), no real ones`)
  }
  console.log(`  one file: ${one.name} (${mb(Buffer.byteLength(one.text))}, ${one.real ? 'real' : 'generated'})`)
  console.log('  CPU = user + system of the whole process, worker threads included; peak memory = its maximum resident set')
  const load = os.loadavg()[0]
  if (load > os.cpus().length / 2)
    console.log(`  (load average ${load.toFixed(1)} before the runs: other work shares the cores, and wall times suffer first)`)
  console.log()

  const version = {
    policylint: repeated([cli, '--version'], 5),
    remark: repeated([remarkCli, '--version'], 5),
    node: repeated(['-e', ''], 5)
  }
  const oneRun = {policylint: repeated([cli, one.name], 5, oneFolder), markdownlint: repeated([markdownlint, one.name], 5, oneFolder)}

  const supportsCache = spawnSync(process.execPath, [cli, '--help'], {encoding: 'utf8'}).stdout.includes('--cache')
  const cached = supportsCache ? ['--cache', '--cache-location', cacheFile] : []
  fs.rmSync(cacheFile, {force: true})
  // One unmeasured run, to warm the file system cache (and fill the result cache for the warm run below); its JSON
  // report shows that policylint linted every page.
  const report = path.join(work, 'report.json')
  measure([cli, '--config', full, ...cached, '--format', 'json', '--output-file', report, 'corpus'])
  const linted = (JSON.parse(fs.readFileSync(report, 'utf8')) as unknown[]).length
  if (linted !== corpus.files) throw new Error(`policylint reported ${linted} files of the corpus's ${corpus.files}`)
  const policylint = repeated([cli, '--config', full, 'corpus'])
  const remark = repeated([remarkCli, 'corpus', '--rc-path', remarkConfig, '--quiet', '--no-stdout'])
  const markdownlintRun = repeated([markdownlint, 'corpus/**/*.md'])
  const floorRun = repeated([cli, '--config', floor, 'corpus'])
  // One thread: what the second one buys on this machine (cores that share caches or a memory bus buy little).
  const oneThread = repeated([cli, '--config', full, '--jobs', '1', 'corpus'])
  // One run: a comparison of parsers, not a target.
  const remarkSyntax = measure([remarkCli, 'corpus', '--rc-path', remarkSyntaxConfig, '--quiet', '--no-stdout'])
  const warm = supportsCache ? repeated([cli, '--config', full, ...cached, 'corpus']) : undefined

  const runs: Runs = {pages: corpus.files, version, one: oneRun, full: {policylint, remark, markdownlint: markdownlintRun}}
  console.log(peersTable(runs))
  console.log()
  const row = (name: string, m: Measure) => [name, seconds(m.wall), seconds(m.cpu), mib(m.rss)]
  console.log(
    markdownTable([
      [`more runs, ${corpus.files} pages`, 'wall', 'CPU', 'peak memory'],
      row('policylint, parse only (GFM, front matter), no rules', floorRun),
      row('policylint, `--jobs 1`', oneThread),
      row('remark-cli, parse only (GFM, front matter), one run', remarkSyntax),
      ...(warm ? [row('policylint, warm `--cache`', warm)] : [])
    ])
  )
  console.log(
    `  policylint's parse-only floor / remark-cli's parse (CPU): ${ratio(floorRun.cpu, remarkSyntax.cpu)}x` +
      `; --jobs ${jobs} / --jobs 1 (wall): ${ratio(policylint.wall, oneThread.wall)}x` +
      (warm ? `; warm cache / cold (wall): ${ratio(warm.wall, policylint.wall)}x` : '')
  )

  let editor: EditorRun | undefined
  const warmupEdits = 100
  if (options.lsp) {
    const page = samplePage(real, 20_000)
    // The target is growth of a warmed server: over the first edits V8 sizes its heap spaces and compiles the
    // rules' code, which is not retention; the curve printed below shows whether growth goes on after that.
    editor = await editorLatency(server, path.join(work, 'lsp'), page.name, page.text, options.edits, warmupEdits, 100)
    console.log(
      `\nEditor: ${page.name} (${mb(Buffer.byteLength(page.text))}, ${page.real ? 'real' : 'generated'}) open in the language server, one character typed per didChange`
    )
    const sorted = [...editor.latencies].sort((a, b) => a - b)
    const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))].toFixed(0)
    console.log(
      `  first diagnostics after didOpen: ${editor.open.toFixed(0)} ms (${editor.findings} findings); after each of ${editor.latencies.length} edits (after ${warmupEdits} warm-up edits):` +
        ` median ${median(editor.latencies).toFixed(0)} ms, 90th percentile ${at(0.9)} ms, max ${at(1)} ms`
    )
    console.log(
      `  server memory (VmRSS) after the warm-up and after ${editor.latencies.length} more edits: ${mib(editor.warmRss)} -> ${mib(editor.finalRss)} after a full` +
        ` garbage collection (the target's figure), ${mib(editor.rawWarmRss)} -> ${mib(editor.rawFinalRss)} before it;` +
        ` JS heap in use after the collection ${mib(editor.warmHeap)} -> ${mib(editor.finalHeap)}`
    )
    console.log(
      '  after a full collection, by edits (VmRSS / JS heap in use / V8 heap committed): ' +
        editor.curve.map((point) => `${point.edits}: ${mib(point.rss)} / ${mib(point.heap)} / ${mib(point.heapTotal)}`).join(', ')
    )
  }

  console.log('\nTargets (issue 12)')
  console.log(formatTargets(targets(runs, floorRun, editor, jobs)))

  if (options.perRule) {
    // One copy of the real pages (or the first hundred generated ones): enough pages for stable figures, in seconds.
    const costs = await ruleCosts(corpus.folders[0])
    const share = (cpu: number) => `${((cpu / costs.parse) * 100).toFixed(0)}%`
    console.log(
      `\nEach rule on its own, in one process, on ${path.relative(work, corpus.folders[0])} (${costs.pages} pages): CPU, and as a share of parsing them` +
        ` (${seconds(costs.parse)})`
    )
    const ms = (cpu: number) => `${cpu.toFixed(0)} ms`
    const sum = costs.rules.reduce((total, rule) => total + rule.cpu, 0)
    const ruleRows = [['rule', 'CPU', 'of parsing'], ...costs.rules.map((rule) => [rule.id, ms(rule.cpu), share(rule.cpu)])]
    ruleRows.push(
      ['all, one by one (each builds its models)', ms(sum), share(sum)],
      ['the full preset (models shared)', ms(costs.preset), share(costs.preset)]
    )
    console.log(markdownTable(ruleRows))
    console.log('  (one pass each: differences of a few percent of parsing are noise)')
  }
  console.log(`\nThe bench took ${seconds(performance.now() - started)}.`)
}

await main()
