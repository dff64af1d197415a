/** The CLI contract, tested by spawning the built `policylint` on temporary folders. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {suite} from 'uvu'
import {cli, root} from './paths.js'

const test = suite('cli')

function run(cwd: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {cwd, input, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A temporary project with `node_modules/policylint` pointing at this repository, so configs can import it. */
function project(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-cli-'))
  fs.mkdirSync(path.join(folder, 'node_modules'))
  fs.symlinkSync(root, path.join(folder, 'node_modules', 'policylint'))
  for (const [name, value] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    fs.writeFileSync(path.join(folder, name), value)
  }
  return folder
}

const read = (folder: string, name: string) => fs.readFileSync(path.join(folder, name), 'utf8')

const mixed = 'Read [the notice](/privacy/) and <a href="/cookies/">the cookie list</a>.\n'
const unsafe = 'Open <a target="_blank" href="https://example.com/">the site</a>.\n'

test('lints folders, honours .gitignore and .remarkignore, prints position, rule and docs link', () => {
  const folder = project({
    'docs/cookies.md': mixed + '\nLast updated: 3 March 2024\n',
    'docs/ok.md': 'Read [the notice](/privacy/).\n',
    'build/copy.md': mixed,
    'drafts/draft.md': mixed,
    '.gitignore': 'build/\n',
    '.remarkignore': 'drafts/\n'
  })
  const result = run(folder, [])
  assert.equal(result.code, 0, 'warnings only: exit 0')
  assert.match(result.stdout, /docs\/cookies\.md\n1:34-1:73\s+warning\s+Unexpected HTML link, expected a Markdown link\s+link-style\s+policylint/)
  assert.match(result.stdout, /docs\/rules\/link-style\.md/)
  assert.doesNotMatch(result.stdout, /build\/copy\.md|drafts\/draft\.md|ok\.md/)
})

test("nested .gitignore files and the repository root's apply as in git", () => {
  const folder = project({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'generated-*.md\n',
    'site/docs/.gitignore': 'old/\n*.draft.md\n!kept.draft.md\n',
    'site/docs/cookies.md': mixed,
    'site/docs/old/cookies.md': mixed,
    'site/docs/notice.draft.md': mixed,
    'site/docs/kept.draft.md': mixed,
    'site/docs/generated-terms.md': mixed
  })
  // Run from a sub-folder of the repository, as a docs-only CI step would.
  const result = run(path.join(folder, 'site'), [])
  const reported = [...result.stdout.matchAll(/^(\S+\.md)$/gm)].map((match) => match[1]).sort()
  assert.deepEqual(reported, ['docs/cookies.md', 'docs/kept.draft.md'])
  // Everything named is ignored: exit 0 (pre-commit passes ignored files too), with a notice on stderr.
  const none = run(path.join(folder, 'site'), ['docs/old', 'docs/notice.draft.md'])
  assert.equal(none.code, 0)
  assert.equal(none.stdout, '')
  assert.match(none.stderr, /no Markdown files to lint in `docs\/old`, `docs\/notice\.draft\.md` \(none found, or all ignored/)
})

test('exit codes: errors give 1, warnings over --max-warnings give 1', () => {
  const folder = project({'a.md': unsafe, 'b.md': mixed})
  assert.equal(run(folder, ['a.md']).code, 1)
  assert.equal(run(folder, ['b.md']).code, 0)
  assert.equal(run(folder, ['b.md', '--max-warnings', '0']).code, 1)
  assert.equal(run(folder, ['b.md', '--max-warnings', '1']).code, 0)
  const quiet = run(folder, ['a.md', 'b.md', '--quiet'])
  assert.doesNotMatch(quiet.stdout, /warning/)
  assert.match(quiet.stdout, /noopener/)
})

test('--fix writes a fixed point, keeps the mode, and exits by what remains', () => {
  const folder = project({'a.md': mixed + unsafe})
  fs.chmodSync(path.join(folder, 'a.md'), 0o640)
  const result = run(folder, ['--fix', 'a.md'])
  assert.equal(
    read(folder, 'a.md'),
    'Read [the notice](/privacy/) and [the cookie list](/cookies/).\nOpen <a target="_blank" rel="noopener noreferrer" href="https://example.com/">the site</a>.\n'
  )
  assert.equal(fs.statSync(path.join(folder, 'a.md')).mode & 0o777, 0o640)
  // The link that opens a new tab stays HTML by default: reported, not fixed, a warning.
  assert.equal(result.code, 0)
  assert.match(result.stdout, /Not fixed: `target="_blank"`/)
  const again = run(folder, ['--fix', 'a.md'])
  assert.equal(again.code, 0)
  assert.equal(read(folder, 'a.md').includes('rel="noopener noreferrer"'), true)
  assert.equal(fs.readdirSync(folder).filter((name) => name.endsWith('.tmp')).length, 0, 'no temporary file left')
})

test('--fix-dry-run prints a unified diff and writes nothing', () => {
  const folder = project({'a.md': mixed})
  const result = run(folder, ['--fix-dry-run', 'a.md'])
  assert.equal(read(folder, 'a.md'), mixed)
  assert.match(result.stdout, /^-Read \[the notice\]\(\/privacy\/\) and <a href="\/cookies\/">the cookie list<\/a>\.$/m)
  assert.match(result.stdout, /^\+Read \[the notice\]\(\/privacy\/\) and \[the cookie list\]\(\/cookies\/\)\.$/m)
  assert.match(result.stdout, /^--- a\/a\.md/m)
})

test('--stdin with --fix prints the fixed document; config is found for --stdin-filename', () => {
  const folder = project({'docs/.remarkrc.json': JSON.stringify({plugins: ['policylint'], settings: {policylint: {linkStyle: 'html'}}})})
  const result = run(folder, ['--stdin', '--fix', '--stdin-filename', 'docs/page.md'], mixed)
  assert.equal(result.stdout, 'Read <a href="/privacy/">the notice</a> and <a href="/cookies/">the cookie list</a>.\n')
  // A configuration with settings only gets the preset, with those settings.
  fs.writeFileSync(path.join(folder, 'docs', '.remarkrc.json'), JSON.stringify({settings: {policylint: {linkStyle: 'html'}}}))
  assert.equal(
    run(folder, ['--stdin', '--fix', '--stdin-filename', 'docs/page.md'], mixed).stdout,
    'Read <a href="/privacy/">the notice</a> and <a href="/cookies/">the cookie list</a>.\n'
  )
  const plain = run(folder, ['--stdin', '--fix'], mixed)
  assert.equal(plain.stdout, 'Read [the notice](/privacy/) and [the cookie list](/cookies/).\n')
})

test('--format json has the documented shape', () => {
  const folder = project({'a.md': unsafe + 'See [the list](http://example.com/).\n'})
  const result = run(folder, ['--format', 'json', 'a.md'])
  const [entry] = JSON.parse(result.stdout)
  assert.equal(entry.filePath, 'a.md')
  assert.equal(entry.errorCount, 1)
  // The insecure URL, and link-style: the HTML link mixes with the Markdown one.
  assert.equal(entry.warningCount, 2)
  const safety = entry.messages.find((message: {ruleId: string; severity: number}) => message.ruleId === 'link-safety' && message.severity === 2)
  assert.deepEqual(Object.keys(safety).sort(), [
    'column',
    'endColumn',
    'endLine',
    'fix',
    'fixTier',
    'line',
    'message',
    'note',
    'ruleId',
    'severity',
    'source',
    'suggestions',
    'url'
  ])
  assert.equal(safety.url, 'https://github.com/policylint/policylint/blob/main/docs/rules/link-safety.md')
  assert.equal(safety.note, null)
  // The HTML link that opens a new tab is not converted: its note says why.
  const style = entry.messages.find((message: {ruleId: string}) => message.ruleId === 'link-style')
  assert.equal(style.fix, null)
  assert.match(style.note, /^Not fixed: `target="_blank"`/)
  // Position order, whatever order the rules ran in.
  const places = entry.messages.map((message: {line: number; column: number; endLine: number; endColumn: number}) => [
    message.line,
    message.column,
    message.endLine,
    message.endColumn
  ])
  assert.deepEqual(places, [
    [1, 6, 1, 53],
    [1, 6, 1, 65],
    [2, 16, 2, 23]
  ])
  assert.deepEqual(safety.fix, {range: [5, 52], text: '<a target="_blank" rel="noopener noreferrer" href="https://example.com/">'})
  const http = entry.messages.find((message: {message: string}) => message.message.includes('insecure'))
  assert.deepEqual(http.suggestions, [{desc: 'Use `https://`', fix: {range: [81, 88], text: 'https://'}}])
  assert.equal(http.fix, null)
})

test('a bad option value stops with exit 2 and names the option', () => {
  const folder = project({
    'a.md': mixed,
    '.remarkrc.mjs':
      "import policylint from 'policylint'\nimport {linkStyle} from 'policylint/rules'\nexport default {plugins: [policylint, [linkStyle, ['warn', {style: 7}]]]}\n"
  })
  const result = run(folder, ['--format', 'json', 'a.md'])
  assert.equal(result.code, 2)
  const [entry] = JSON.parse(result.stdout)
  assert.equal(entry.messages.length, 1)
  assert.equal(entry.messages[0].message, 'Unexpected value `7` for `style`, expected `markdown`, `html`, or `consistent`')
  assert.equal(entry.messages[0].fatal, true)
  const flag = run(folder, ['--max-warnings', 'many', 'a.md'])
  assert.equal(flag.code, 2)
  assert.match(flag.stderr, /`many` for `--max-warnings`/)
  // --no-config ignores the broken configuration and uses the embedded default.
  assert.equal(run(folder, ['--no-config', 'a.md']).code, 0)
})

test('--config FILE and package.json#remarkConfig are used', () => {
  const folder = project({
    'a.md': mixed,
    'package.json': JSON.stringify({remarkConfig: {plugins: ['policylint'], settings: {policylint: {linkStyle: 'html'}}}})
  })
  assert.match(run(folder, ['a.md']).stdout, /expected an HTML link/)
  fs.writeFileSync(path.join(folder, 'markdown.json'), JSON.stringify({plugins: ['policylint'], settings: {policylint: {linkStyle: 'markdown'}}}))
  assert.match(run(folder, ['--config', 'markdown.json', 'a.md']).stdout, /expected a Markdown link/)
})

test('an unreadable file is named while the others are still linted', () => {
  const folder = project({'good.md': mixed})
  fs.writeFileSync(path.join(folder, 'latin1.md'), Buffer.from([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x0a]))
  fs.writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]))
  const result = run(folder, ['--fix', '.'])
  assert.equal(result.code, 2)
  assert.match(result.stdout, /latin1\.md\n\s+error\s+Cannot lint file: it is not valid UTF-8 \(first bad byte at offset 1\)/)
  assert.match(result.stdout, /binary\.md\n\s+error\s+Cannot lint file: it looks binary/)
  assert.equal(read(folder, 'good.md'), 'Read [the notice](/privacy/) and [the cookie list](/cookies/).\n', 'the good file is still fixed')
  assert.deepEqual([...fs.readFileSync(path.join(folder, 'latin1.md'))], [0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x0a], 'untouched')
})

test('a file changed on disk between read and write is not overwritten', () => {
  // A plugin in the configuration stands in for an editor saving the file while policylint runs.
  const folder = project({
    'a.md': mixed,
    '.remarkrc.mjs':
      "import fs from 'node:fs'\nimport path from 'node:path'\nimport policylint from 'policylint'\n" +
      "function editor() { return (tree, file) => { fs.writeFileSync(path.resolve(file.cwd, file.path), 'Edited meanwhile.\\n') } }\n" +
      'export default {plugins: [policylint, editor]}\n'
  })
  const result = run(folder, ['--fix', 'a.md'])
  assert.equal(read(folder, 'a.md'), 'Edited meanwhile.\n')
  assert.equal(result.code, 2)
  assert.match(result.stdout, /File changed on disk since it was read, not overwritten/)
})

test('a read-only file is not modified by --fix', () => {
  const folder = project({'a.md': mixed})
  fs.chmodSync(path.join(folder, 'a.md'), 0o444)
  const result = run(folder, ['--fix', 'a.md'])
  assert.equal(read(folder, 'a.md'), mixed)
  assert.equal(result.code, 2)
  assert.match(result.stdout, /Cannot write fixed file: the file is read-only/)
})

test('--fix removes the temporary files a killed run left, and only those', () => {
  // A process id that is not running: the highest one below the kernel's limit that kill(0) says is free.
  let dead = 4_000_000
  for (;;) {
    try {
      process.kill(dead, 0)
      dead--
    } catch {
      break
    }
  }
  const folder = project({
    'docs/a.md': 'Read <a href="/privacy/">the notice</a> and [the terms](/terms/).\n',
    [`docs/.a.md.${dead}.0badc0de.tmp`]: 'half a document',
    [`docs/.gone.md.${dead}.0badc0de.tmp`]: 'not named after a file here: not ours to remove',
    [`docs/.a.md.${process.pid}.0badc0de.tmp`]: 'its writer is still running'
  })
  const result = run(folder, ['--no-config', '--fix', 'docs'])
  assert.equal(result.code, 0, result.stdout + result.stderr)
  assert.equal(read(folder, 'docs/a.md'), 'Read [the notice](/privacy/) and [the terms](/terms/).\n')
  assert.deepEqual(fs.readdirSync(path.join(folder, 'docs')).sort(), [`.a.md.${process.pid}.0badc0de.tmp`, `.gone.md.${dead}.0badc0de.tmp`, 'a.md'])
})

test('<!-- policylint disable rule-id --> turns a rule off for a region', () => {
  const folder = project({'a.md': '<!-- policylint disable link-style -->\n\n' + mixed + '\n<!-- policylint enable link-style -->\n\n' + mixed})
  const result = run(folder, ['--format', 'json', 'a.md'])
  const [entry] = JSON.parse(result.stdout)
  assert.deepEqual(
    entry.messages.map((message: {line: number}) => message.line),
    [7]
  )
})

test('bad arguments exit 2', () => {
  const folder = project({'a.md': mixed})
  assert.equal(run(folder, ['--format', 'xml']).code, 2)
  assert.equal(run(folder, ['--fix', '--fix-dry-run']).code, 2)
  assert.equal(run(folder, ['--no-such-flag']).code, 2)
  assert.equal(run(folder, ['--config', 'missing.json']).code, 2)
  assert.equal(run(folder, ['missing.md']).code, 2)
})

test('--jobs gives the same output in the same order as one thread', () => {
  const files: Record<string, string> = {}
  // Enough files to pass the threshold where worker threads start.
  for (let index = 0; index < 240; index++)
    files[`docs/${String(index).padStart(3, '0')}.md`] = index % 3 === 0 ? mixed : index % 3 === 1 ? unsafe : '# Fine\n'
  const folder = project(files)
  const one = run(folder, ['--jobs', '1', '--format', 'json', 'docs'])
  const two = run(folder, ['--jobs', '2', '--format', 'json', 'docs'])
  assert.equal(one.code, 1)
  assert.equal(two.stdout, one.stdout)
  assert.equal(JSON.parse(one.stdout).length, 240)
  assert.equal(run(folder, ['--jobs', '0', 'docs']).code, 2)
})

test('--cache reuses results until the content or the configuration changes', () => {
  const folder = project({'a.md': mixed, 'b.md': unsafe})
  const first = run(folder, ['--cache', '--format', 'json', '.'])
  assert.ok(fs.existsSync(path.join(folder, '.policylintcache')))
  const cached = JSON.parse(fs.readFileSync(path.join(folder, '.policylintcache'), 'utf8'))
  assert.equal(Object.keys(cached.entries).length, 2)
  const warm = run(folder, ['--cache', '--format', 'json', '.'])
  assert.equal(warm.stdout, first.stdout, 'a warm run reports exactly what a cold one did')
  assert.equal(warm.code, first.code)

  // Poison the cache entry of a.md: a warm run must serve it (proving it is used) ...
  const entry = cached.entries[path.join(fs.realpathSync(folder), 'a.md')] ?? cached.entries[path.join(folder, 'a.md')]
  entry.messages[0].reason = 'From the cache'
  fs.writeFileSync(path.join(folder, '.policylintcache'), JSON.stringify(cached))
  assert.match(run(folder, ['--cache', '.']).stdout, /From the cache/)
  // ... until the configuration changes ...
  fs.writeFileSync(path.join(folder, '.remarkrc.json'), JSON.stringify({plugins: ['policylint'], settings: {policylint: {linkStyle: 'html'}}}))
  assert.match(run(folder, ['--cache', '.']).stdout, /expected an HTML link/)
  // ... or the content does.
  fs.rmSync(path.join(folder, '.remarkrc.json'))
  fs.writeFileSync(path.join(folder, 'a.md'), mixed + '\n')
  const changed = run(folder, ['--cache', '.']).stdout
  assert.doesNotMatch(changed, /From the cache/)
  assert.match(changed, /expected a Markdown link/)
})

test.run()
