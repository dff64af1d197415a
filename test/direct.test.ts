/**
 * Files named on the command line, with no configuration and no `.remarkignore` above them, are found and linted
 * without unified-engine (src/direct.ts). Both ways must give the same files, messages and output: each case here
 * runs both and compares, on the rules' fixture pages and on pages shaped like real policies.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {directDiscover, directLint, discover as discoverEither, lint as lintEither} from '../src/direct.js'
import {discover as engineDiscover, lint as engineLint} from '../src/engine.js'
import {render} from '../src/report/index.js'
import {runCli, tempTree, type Run} from './cli-helpers.js'
import {root} from './paths.js'

/** Every fixture page of every rule, under its rule's folder. */
function fixturePages(): Record<string, string> {
  const pages: Record<string, string> = {}
  const fixtures = path.join(root, 'fixtures')
  for (const rule of fs.readdirSync(fixtures)) {
    for (const name of fs.readdirSync(path.join(fixtures, rule))) {
      if (/\.mdx?$/.test(name)) pages[`${rule}/${name}`] = fs.readFileSync(path.join(fixtures, rule, name), 'utf8')
    }
  }
  return pages
}

/** A cookie policy in the shapes real ones take: front matter, a table, HTML, links, dates, an MDX twin. */
const policy = [
  '---',
  'title: Cookie policy',
  'updated: 2024-03-02',
  '---',
  '',
  '# Cookie Policy',
  '',
  'Last updated: 2 March 2024',
  '',
  'We use cookies and similar technologies. See our [privacy notice](/privacy/) and <a href="/terms">terms</a>.',
  '',
  '## Cookies we use',
  '',
  '| Name | Provider | Purpose | Duration |',
  '| --- | --- | --- | --- |',
  '| _ga | Google | Analytics | 2 years |',
  '| session | example.com | Keeps you signed in | Session |',
  '| _fbp | facebook.com | Advertising | 3 month |',
  '',
  '<table><tr><th>Name</th><th>Expiry</th></tr><tr><td>consent</td><td>1 year</td></tr></table>',
  '',
  'Third party cookies are set by [our partners](http://partners.example.com). The the list changes.',
  '',
  '### Contact',
  '',
  'Write to privacy@example.com, TODO: add the postal address.',
  ''
].join('\n')

const mdxPolicy = "import {Note} from './note'\n\n" + policy.replace('## Cookies we use', '## Cookies we use\n\n<Note>Updated {year}.</Note>')

/** What every message says, as the reporters and the worker threads see it, and the file it belongs to. */
function described(files: VFile[]) {
  const message = (item: VFileMessage): unknown => {
    const {ancestors, cause, ...rest} = item
    return {...rest, cause: cause instanceof VFileMessage ? message(cause) : cause instanceof Error ? String(cause) : cause}
  }
  return files.map((file) => ({
    path: file.path,
    cwd: file.cwd,
    history: file.history,
    value: String(file.value),
    data: file.data,
    messages: file.messages.map(message)
  }))
}

/** Files as the CLI hands them over: paths relative to `folder`, which is the process's folder (both ways resolve from it). */
function templates(folder: string, names: string[]): VFile[] {
  process.chdir(folder)
  return names.map((name) => new VFile({path: name, cwd: folder, value: fs.readFileSync(path.join(folder, name), 'utf8')}))
}

test('fixture pages and policy pages: the same files and messages with and without unified-engine', async () => {
  const pages = {...fixturePages(), 'site/cookies.md': policy, 'site/cookies.mdx': mdxPolicy, 'site/broken.mdx': 'We keep {cookies.\n'}
  const folder = tempTree({...pages, 'observed.txt': '# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t0\t_ga\tGA1\n'})
  const names = Object.keys(pages).sort()
  for (const [index, batch] of [names.slice(0, 20), names.slice(20, 40), names.slice(40)].entries()) {
    const options = {cwd: folder, detectConfig: true, observed: index === 1 ? [path.join(folder, 'observed.txt')] : undefined}
    const direct = directLint({...options, files: templates(folder, batch)})
    assert.ok(direct, 'these files are linted without unified-engine')
    const viaDirect = await lintEither({...options, files: templates(folder, batch)})
    const viaEngine = await engineLint({...options, files: templates(folder, batch)})
    assert.deepEqual(described(viaDirect), described(viaEngine))
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github'] as const) {
      assert.equal(await render(viaDirect, format, {color: false, cwd: folder}), await render(viaEngine, format, {color: false, cwd: folder}))
    }
  }
})

test('discovery: named files are found, read and sorted as unified-engine does; folders, globs and missing files go to it', async () => {
  const folder = tempTree({'b.md': policy, 'a/c.md': '# C\n', 'ignored/d.md': '# D\n', '.gitignore': 'ignored/\n', 'e.md': ''})
  const inputs = ['b.md', './a/c.md', 'ignored/d.md', 'e.md']
  process.chdir(folder)
  const direct = directDiscover({cwd: folder, files: inputs})
  assert.ok(direct)
  assert.deepEqual(described(direct), described(await engineDiscover({cwd: folder, files: inputs})))
  assert.deepEqual(described(await discoverEither({cwd: folder, files: inputs})), described(direct))
  for (const inputs of [['a'], ['*.md'], ['missing.md'], ['b.md', 'b.md']]) {
    assert.equal(directDiscover({cwd: folder, files: inputs}), undefined, inputs.join(' '))
    assert.deepEqual(described(await discoverEither({cwd: folder, files: inputs})), described(await engineDiscover({cwd: folder, files: inputs})))
  }
})

test('a configuration or a .remarkignore above the files sends them to unified-engine', () => {
  for (const [name, value] of [
    ['.remarkrc.json', '{}'],
    ['.remarkignore', ''],
    ['package.json', '{"remarkConfig": {}}'],
    ['package.json', 'not json']
  ]) {
    const folder = tempTree({[name]: value, 'docs/a.md': '# A\n'})
    const files = templates(folder, ['docs/a.md'])
    const ignoreOnly = name === '.remarkignore'
    assert.equal(directLint({cwd: folder, detectConfig: true, files}), undefined, name)
    assert.equal(directDiscover({cwd: folder, files: ['docs/a.md']}) === undefined, ignoreOnly, name)
  }
  const manifest = tempTree({'package.json': '{"name": "site"}', 'docs/a.md': '# A\n'})
  assert.ok(directLint({cwd: manifest, detectConfig: true, files: templates(manifest, ['docs/a.md'])}), 'a package.json without remarkConfig')
  const withConfig = tempTree({'.remarkrc.json': '{}', 'a.md': '# A\n'})
  assert.ok(directLint({cwd: withConfig, detectConfig: false, files: templates(withConfig, ['a.md'])}), '--no-config ignores it')
  assert.equal(directLint({cwd: withConfig, detectConfig: true, configPath: '.remarkrc.json', files: templates(withConfig, ['a.md'])}), undefined)
})

/** The CLI on `files` in `args`, without and then with an empty `.remarkignore` (which sends the run to unified-engine). */
function bothWays(files: Record<string, string | Uint8Array>, args: string[], input?: string): [Run & {tree: unknown}, Run & {tree: unknown}] {
  const runs = [false, true].map((engine) => {
    const folder = tempTree(engine ? {...files, '.remarkignore': ''} : files)
    const run = runCli(args, folder, input)
    const tree = Object.fromEntries(Object.keys(files).map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]))
    const strip = (text: string) => text.replaceAll(folder, '<folder>')
    return {code: run.code, stdout: strip(run.stdout), stderr: strip(run.stderr), tree}
  })
  return runs as [Run & {tree: unknown}, Run & {tree: unknown}]
}

test('the CLI: every format, fixes, failures and options print the same with and without unified-engine', () => {
  const files = {
    'docs/cookies.md': policy,
    'docs/cookies.mdx': mdxPolicy,
    'docs/notice.md': '# Privacy notice\n\nWe use [a link](/privacy/).\n',
    'binary.md': new Uint8Array([35, 32, 0, 1, 2]),
    'latin1.md': new Uint8Array([35, 32, 0xe9, 10]),
    'observed.txt': '# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t0\t_ga\tGA1\n'
  }
  const pages = ['docs/cookies.md', 'docs/cookies.mdx', 'docs/notice.md']
  const probe = tempTree(files)
  process.chdir(probe)
  assert.ok(directDiscover({cwd: probe, files: pages}), 'the first run of each pair goes without unified-engine')
  for (const args of [
    pages,
    [...pages, 'binary.md', 'latin1.md'],
    ['--format', 'json', ...pages],
    ['--format', 'sarif', ...pages],
    ['--format', 'junit', ...pages],
    ['--format', 'github', ...pages],
    ['--quiet', '--max-warnings', '0', ...pages],
    ['--no-config', '--observed', 'observed.txt', 'docs/cookies.md'],
    ['--max-file-size', '0.001', ...pages],
    ['--fix-dry-run', '--unsafe-fixes', ...pages],
    ['--fix', ...pages],
    ['--fix', '--unsafe-fixes', '--format', 'json', ...pages],
    ['--cache', '--cache-location', '.cache', 'docs/cookies.md']
  ]) {
    const [direct, engine] = bothWays(files, args)
    assert.deepEqual(direct, engine, args.join(' '))
  }
  const [direct, engine] = bothWays(files, ['--stdin', '--stdin-filename', 'docs/new.md', '--fix'], policy)
  assert.deepEqual(direct, engine, '--stdin')
})

test.run()
