/** Bad input: each gets a clear message naming the file and the documented exit code, and no file is modified. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {suite} from 'uvu'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import {syntax} from '../src/preset.js'
import {cli, root} from './paths.js'
import {testNow} from './lint-helpers.js'

const test = suite('robustness')

function folderWith(files: Record<string, string | Buffer>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-bad-'))
  for (const [name, value] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), value)
  return folder
}

function run(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [cli, '--no-config', ...args], {cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
}

// link-style reports a document that mixes both link syntaxes.
const good = 'Read <a href="/privacy/">the notice</a> and [the terms](/terms/).\n'
const goodFixed = 'Read [the notice](/privacy/) and [the terms](/terms/).\n'

test('a 50 MB file is refused by name; the other files are still fixed', () => {
  const big = Buffer.alloc(50 * 1024 * 1024, 'a')
  const folder = folderWith({'big.md': big, 'good.md': good})
  const result = run(folder, ['--fix', '.'])
  assert.equal(result.status, 2)
  assert.match(result.stdout, /big\.md\n\s+error\s+Cannot lint file: it is 50\.0 MB, over the 5\.0 MB limit/)
  assert.equal(fs.statSync(path.join(folder, 'big.md')).size, big.length)
  assert.equal(fs.readFileSync(path.join(folder, 'good.md'), 'utf8'), goodFixed)
})

test('a 100 KB single line, 10,000 nested tags, unclosed HTML and unterminated front matter lint normally', () => {
  const folder = folderWith({
    'line.md': 'We keep your data safe. '.repeat(4_167) + '<a href="/x/">x</a>\n\nSee [the notice](/privacy/).\n',
    'nested.md': '<div>'.repeat(10_000) + 'deep' + '</div>'.repeat(10_000) + '\n',
    'unclosed.md': '<table><tr><td>Name<td>Purpose\n<tr><td><b>_ga\n\nText after.\n',
    'frontmatter.md': '---\ntitle: Cookie policy\n\n# Cookie policy\n\nLast updated: 3 March 2024\n\nNo closing fence.\n'
  })
  const result = run(folder, ['--format', 'json', '.'])
  assert.equal(result.status, 0, result.stderr)
  const byName = Object.fromEntries(
    JSON.parse(result.stdout).map((entry: {filePath: string; messages: unknown[]}) => [entry.filePath, entry.messages])
  )
  assert.deepEqual(
    (byName['line.md'] as Array<{column: number; ruleId: string}>).map((m) => `${m.column} ${m.ruleId}`),
    ['100009 link-style'],
    'only the link at the end of the long line'
  )
  assert.deepEqual(byName['nested.md'], [])
  // The broken table is reported, and not converted: the parser had to repair it. Its first row of `<td>` labels
  // still names the columns, so the cookie rules read `_ga` from it (no duration column; Google never named).
  assert.deepEqual(
    (byName['unclosed.md'] as Array<{ruleId: string; fix: unknown}>).map((m) => `${m.ruleId} ${m.fix}`),
    ['no-html-table null', 'cookie-table-columns null', 'claims-consistency null']
  )
  assert.deepEqual(byName['frontmatter.md'], [])
})

test('a document nested too deeply to parse is named with a one-line reason', () => {
  const deep = '> '.repeat(10_000) + 'x\n'
  const folder = folderWith({'deep.md': deep, 'good.md': good})
  const result = run(folder, ['--fix', '.'])
  assert.equal(result.status, 2)
  assert.match(result.stdout, /deep\.md\n\s+error\s+Cannot process file: its structure nests too deeply to parse/)
  assert.doesNotMatch(result.stdout, /at node/, 'no stack trace')
  assert.equal(fs.readFileSync(path.join(folder, 'deep.md'), 'utf8'), deep)
  assert.equal(fs.readFileSync(path.join(folder, 'good.md'), 'utf8'), goodFixed)
})

test('a file deleted during the run is reported and not recreated', () => {
  const folder = folderWith({
    'a.md': good,
    '.remarkrc.mjs':
      "import fs from 'node:fs'\nimport path from 'node:path'\nimport policylint from '" +
      path.join(root, 'dist', 'src', 'preset.js') +
      "'\nfunction remove() { return (tree, file) => { fs.rmSync(path.resolve(file.cwd, file.path), {force: true}) } }\n" +
      'export default {plugins: [policylint, remove]}\n'
  })
  const result = spawnSync(process.execPath, [cli, '--fix', 'a.md'], {cwd: folder, encoding: 'utf8'})
  assert.equal(result.status, 2)
  assert.match(result.stdout, /a\.md\n\s+error\s+Cannot write fixed file: ENOENT/)
  assert.equal(fs.existsSync(path.join(folder, 'a.md')), false)
})

// Every rule on inputs built to make a regular expression or a loop go quadratic; the parse is not timed.
const size = 100_000
const pathological: Record<string, string> = {
  'long URL': `[x](https://example.com/${'a'.repeat(size)})`,
  'long attribute': `<a href="https://example.com/" title="${'a '.repeat(size / 2)}">x</a>`,
  'unclosed attribute': `<a href="${'x'.repeat(size)}`,
  'www run': 'www.' + 'a.'.repeat(size / 2),
  'scheme run': `[x](${'a'.repeat(size)}:)`,
  // micromark itself is quadratic on long runs of brackets and of `_`/`-` emphasis markers (36 s and 59 s to parse
  // 100 KB): those two inputs are 10 KB so the suite stays fast; the rules still see the same shapes.
  brackets: '[' + '['.repeat(size / 20) + ']'.repeat(size / 20 - 1),
  pipes: '| a |\n| - |\n| ' + '\\| '.repeat(size / 3) + ' |',
  'spaces and tabs': 'a' + ' \t'.repeat(size / 2) + 'b',
  backticks: '`'.repeat(size / 2) + 'x' + '`'.repeat(size / 2 - 1),
  entities: '&amp;'.repeat(size / 5),
  'one long word': 'cookie'.repeat(size / 6),
  digits: '1'.repeat(size),
  'dashes and underscores': '_-'.repeat(size / 20),
  'table of durations': '| Name | Duration |\n| - | - |\n' + '| a | 1 year 2 months 3 days '.repeat(1) + '9 '.repeat(size / 2) + '|\n'
}

const base = unified()
  .use(remarkParse)
  .use(syntax)
  .data('settings', {policylint: {now: testNow}})
  .freeze()
const parsed = new Map<string, Awaited<ReturnType<typeof base.run>>>()

for (const rule of rules) {
  test(`${rule.meta.id}: linear on 100 KB pathological inputs`, async () => {
    for (const [name, value] of Object.entries(pathological)) {
      // Parsing (and the syntax plugins' transforms) are not timed: only the rule.
      if (!parsed.has(name)) parsed.set(name, await base.run(base.parse(value)))
      const tree = structuredClone(parsed.get(name)!)
      const transformer = rule.call(base as never, ['warn'])!
      const file = new VFile({path: 'pathological.md', value})
      // CPU time of this process, so a busy machine does not make the bound flaky.
      const start = process.cpuUsage()
      await new Promise<void>((resolve, reject) => {
        ;(transformer as Function)(tree, file, (error?: Error) => (error ? reject(error) : resolve()))
      })
      const used = process.cpuUsage(start)
      const elapsed = (used.user + used.system) / 1000
      assert.ok(elapsed < 1000, `${rule.meta.id} took ${elapsed.toFixed(0)} ms on "${name}"`)
    }
  })
}

test.run()
