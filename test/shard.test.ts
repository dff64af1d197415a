/** `--shard i/n` and `policylint merge-sarif`: shards together lint exactly what one run lints, and their SARIF merges into one valid run. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {suite} from 'uvu'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {mergeSarif, readLog} from '../src/report/merge-sarif.js'
import {parseShard, shardOf} from '../src/cli/shard.js'
import {runCli, tempTree} from './cli-helpers.js'
import {root} from './paths.js'

const test = suite('shard')

const require = createRequire(import.meta.url)
const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'))
const ajv = new ajvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
ajvFormats.default(ajv)
const validateSarif = ajv.compile(schema)

function assertValidSarif(log: unknown): void {
  assert.ok(validateSarif(log), 'SARIF log is valid: ' + ajv.errorsText(validateSarif.errors))
}

/** One invalid fixture of each rule (21 pages with findings of every kind), at a few depths. */
const pages: Record<string, string> = {}
fs.readdirSync(path.join(root, 'fixtures'))
  .sort()
  .forEach((rule, index) => {
    const folder = path.join(root, 'fixtures', rule)
    const name = fs
      .readdirSync(folder)
      .sort()
      .find(
        (file) =>
          /^invalid-.*\.md$/.test(file) && !file.endsWith('.fixed.md') && !fs.existsSync(path.join(folder, file.replace(/\.md$/, '.options.json')))
      )
    if (name) pages[['', 'docs/', 'docs/legal/'][index % 3] + rule + '.md'] = fs.readFileSync(path.join(folder, name), 'utf8')
  })

type JsonResult = {filePath: string; messages: unknown[]}
const byPath = (a: JsonResult, b: JsonResult) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0)

/** Every rule on, those off in the recommended preset included, so that every fixture page has findings. */
const allRules = ['--config', path.join(root, 'test', 'snapshots', 'all-rules.mjs')]

function json(cwd: string, args: string[]): JsonResult[] {
  const run = runCli([...allRules, ...args, '--format', 'json'], cwd)
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`)
  return JSON.parse(run.stdout) as JsonResult[]
}

function shardsOf(cwd: string, count: number, args: string[] = []): JsonResult[][] {
  return Array.from({length: count}, (_, index) => json(cwd, [...args, '--shard', `${index + 1}/${count}`]))
}

test('the fixture tree is large enough to mean something', () => {
  assert.ok(Object.keys(pages).length >= 20, `${Object.keys(pages).length} pages`)
})

test("--shard: every file in exactly one shard, the shards' findings together equal one run's, and adding a file moves no other", () => {
  const cwd = tempTree(pages)
  const whole = json(cwd, ['.']).sort(byPath)
  assert.equal(whole.length, Object.keys(pages).length)
  assert.ok(
    whole.every((result) => result.messages.length > 0),
    'every page has findings'
  )
  const shards = shardsOf(cwd, 3, ['.'])
  const seen = shards.flat().map((result) => result.filePath)
  assert.equal(new Set(seen).size, seen.length, 'no file in two shards')
  assert.ok(
    shards.every((shard) => shard.length > 0 && shard.length < whole.length),
    'the files are split'
  )
  assert.deepEqual(shards.flat().sort(byPath), whole)
  // What the CLI picks is what shardOf says.
  shards.forEach((shard, index) => {
    for (const result of shard) assert.equal(shardOf(result.filePath, 3), index + 1, result.filePath)
  })

  // Adding files moves no other file to another shard.
  const before = new Map(shards.flatMap((shard, index) => shard.map((result) => [result.filePath, index] as const)))
  fs.mkdirSync(path.join(cwd, 'docs', 'new'), {recursive: true})
  fs.writeFileSync(path.join(cwd, 'docs', 'new', 'cookies.md'), '# Cookies\n\nWe set `_ga` for 2 years.\n')
  fs.writeFileSync(path.join(cwd, 'a-first.md'), '# About\n\nSee <a href="/x/">the list</a>.\n')
  const after = new Map(shardsOf(cwd, 3, ['.']).flatMap((shard, index) => shard.map((result) => [result.filePath, index] as const)))
  assert.equal(after.size, before.size + 2)
  for (const [file, shard] of before) assert.equal(after.get(file), shard, file)
})

test('--shard with --fix: each shard fixes its own files only; together they fix as one run does', () => {
  const sharded = tempTree(pages)
  const whole = tempTree(pages)
  const fixedWhole = json(whole, ['--fix', '.']).sort(byPath)
  const results: JsonResult[] = []
  for (const index of [1, 2, 3]) {
    const shard = json(sharded, ['--fix', '--shard', `${index}/3`, '.'])
    results.push(...shard)
    for (const name of Object.keys(pages)) {
      const text = fs.readFileSync(path.join(sharded, name), 'utf8')
      // Files of later shards are not touched yet.
      if (shardOf(name, 3) > index) assert.equal(text, pages[name], `${name} untouched by shard ${index}`)
    }
  }
  assert.deepEqual(results.sort(byPath), fixedWhole)
  let changed = 0
  for (const name of Object.keys(pages)) {
    const text = fs.readFileSync(path.join(sharded, name), 'utf8')
    assert.equal(text, fs.readFileSync(path.join(whole, name), 'utf8'), name)
    if (text !== pages[name]) changed++
  }
  assert.ok(changed >= 5, `${changed} files fixed`)
})

test("merge-sarif: the shards' SARIF merges into one valid run holding every result of one run", () => {
  const cwd = tempTree(pages)
  const whole = JSON.parse(runCli([...allRules, '--format', 'sarif', '.'], cwd).stdout)
  for (const index of [1, 2, 3]) {
    const run = runCli([...allRules, '--format', 'sarif', '--shard', `${index}/3`, '-o', `shard-${index}.sarif`, '.'], cwd)
    assert.ok(run.code === 0 || run.code === 1, run.stderr)
  }
  const merge = runCli(['merge-sarif', 'shard-1.sarif', 'shard-2.sarif', 'shard-3.sarif', '-o', 'out/merged.sarif'], cwd)
  assert.equal(merge.code, 0, merge.stderr)
  assert.equal(merge.stdout, '')
  const merged = JSON.parse(fs.readFileSync(path.join(cwd, 'out', 'merged.sarif'), 'utf8'))
  assertValidSarif(merged)
  assert.equal(merged.runs.length, 1)
  const [run] = merged.runs
  const ids = run.tool.driver.rules.map((rule: {id: string}) => rule.id)
  assert.equal(new Set(ids).size, ids.length, 'each rule listed once')
  assert.deepEqual(
    ids.slice(0, whole.runs[0].tool.driver.rules.length),
    whole.runs[0].tool.driver.rules.map((rule: {id: string}) => rule.id)
  )
  for (const result of run.results) assert.equal(ids[result.ruleIndex], result.ruleId)
  assert.equal(run.invocations.length, 3, 'one invocation per shard')
  const key = (result: {ruleIndex?: number}) => JSON.stringify({...result, ruleIndex: undefined})
  assert.ok(whole.runs[0].results.length > 20)
  assert.deepEqual(run.results.map(key).sort(), whole.runs[0].results.map(key).sort())
  // Without -o the merged log goes to stdout.
  const printed = runCli(['merge-sarif', 'shard-1.sarif', 'shard-2.sarif', 'shard-3.sarif'], cwd)
  assert.equal(printed.code, 0, printed.stderr)
  assert.deepEqual(JSON.parse(printed.stdout), merged)
})

test('merge-sarif: rules from other plugins are listed once and results point at them', () => {
  const driver = (rules: string[]) => ({tool: {driver: {name: 'policylint', version: '1.0.0', rules: rules.map((id) => ({id}))}}})
  const log = (rules: string[], results: Array<[string, number]>) => ({
    version: '2.1.0',
    runs: [{...driver(rules), results: results.map(([ruleId, ruleIndex]) => ({ruleId, ruleIndex, message: {text: ruleId}}))}]
  })
  const merged = mergeSarif([
    {
      name: 'a.sarif',
      log: log(
        ['x', 'remark-a'],
        [
          ['remark-a', 1],
          ['x', 0]
        ]
      )
    },
    {
      name: 'b.sarif',
      log: log(
        ['x', 'remark-b', 'remark-a'],
        [
          ['remark-a', 2],
          ['remark-b', 1]
        ]
      )
    }
  ])
  const [run] = merged.runs
  assert.deepEqual(
    run.tool.driver.rules!.map((rule) => rule.id),
    ['x', 'remark-a', 'remark-b']
  )
  assert.deepEqual(
    run.results!.map((result) => [result.ruleId, result.ruleIndex]),
    [
      ['remark-a', 1],
      ['x', 0],
      ['remark-a', 1],
      ['remark-b', 2]
    ]
  )
  assert.throws(
    () =>
      mergeSarif([
        {name: 'a.sarif', log: log(['x'], [])},
        {name: 'other.sarif', log: {version: '2.1.0', runs: [{tool: {driver: {name: 'eslint'}}}]}}
      ]),
    /^Error: Unexpected tool `eslint` in `other\.sarif`, expected `policylint 1\.0\.0` as in `a\.sarif`/
  )
})

test('merge-sarif: an unreadable or non-SARIF file is named, exit 2', () => {
  const cwd = tempTree({
    'ok.sarif': JSON.stringify({version: '2.1.0', runs: [{tool: {driver: {name: 'policylint'}}, results: []}]}),
    'page.md': '# Not SARIF\n',
    'other.json': '{"version": "2.1.0"}',
    'old.sarif': '{"version": "2.0.0", "runs": []}',
    'folder/x.md': ''
  })
  const cases: Array<[string[], RegExp]> = [
    [['ok.sarif', 'folder'], /^Cannot read `folder`: it is a folder$/],
    [['ok.sarif', 'page.md'], /^Unexpected content in `page\.md`, expected a SARIF 2\.1\.0 log in JSON: [^\n]+$/],
    [['other.json'], /^Unexpected log without `runs` in `other\.json`, expected a SARIF 2\.1\.0 log/],
    [['old.sarif'], /^Unexpected SARIF version `2\.0\.0` in `old\.sarif`/]
  ]
  // In this process: what the command prints after `policylint merge-sarif: `.
  for (const [names, message] of cases) {
    assert.throws(
      () => mergeSarif(names.map((name) => ({name, log: readLog(name, cwd)}))),
      (error: Error) => message.test(error.message),
      names.join(' ')
    )
  }
  // And through the CLI: the exit code and the output.
  const cli: Array<[string[], RegExp]> = [
    [['ok.sarif', 'missing.sarif'], /^policylint merge-sarif: Cannot read `missing\.sarif`: no such file\n$/],
    [[], /^policylint merge-sarif: Unexpected missing SARIF files, expected one or more\n/]
  ]
  for (const [args, message] of cli) {
    const run = runCli(['merge-sarif', ...args], cwd)
    assert.equal(run.code, 2, args.join(' '))
    assert.match(run.stderr, message)
    assert.equal(run.stdout, '')
  }
})

test('--shard: a bad value is a usage error (exit 2); a shard with no files says so and exits 0', () => {
  const cwd = tempTree({'a.md': '# A\n'})
  for (const value of ['3/2', 'a/b']) {
    const run = runCli([`--shard=${value}`], cwd)
    assert.equal(run.code, 2, value)
    assert.equal(run.stderr, `policylint: Unexpected value \`${value}\` for \`--shard\`, expected \`i/n\` with 1 ≤ i ≤ n\n`)
  }
  const stdin = runCli(['--stdin', '--shard', '1/2'], cwd, '# A\n')
  assert.equal(stdin.code, 2)
  assert.match(stdin.stderr, /Unexpected `--shard` with `--stdin`/)
  const empty = runCli(['--shard', `${shardOf('a.md', 2) === 1 ? 2 : 1}/2`], cwd)
  assert.equal(empty.code, 0, empty.stderr)
  assert.match(empty.stderr, /no Markdown files to lint in shard [12]\/2/)
})

test('parseShard and shardOf', () => {
  assert.deepEqual(parseShard('2/3'), {index: 2, count: 3})
  assert.deepEqual(parseShard('1/1'), {index: 1, count: 1})
  for (const value of ['4/3', '0/2', '1', '1/0', '-1/2', '1.5/2', '']) {
    assert.throws(
      () => parseShard(value),
      (error: Error) => error.message === `Unexpected value \`${value}\` for \`--shard\`, expected \`i/n\` with 1 ≤ i ≤ n`,
      value
    )
  }
  // Spread: 3000 paths over 3 shards, none far from a third.
  const counts = [0, 0, 0]
  for (let index = 0; index < 3000; index++) counts[shardOf(`docs/page-${index}.md`, 3) - 1]++
  for (const count of counts) assert.ok(count > 900 && count < 1100, String(counts))
  // A path's shard does not depend on the separator.
  assert.equal(shardOf(['docs', 'a.md'].join(path.sep), 7), shardOf('docs/a.md', 7))
})

test.run()
