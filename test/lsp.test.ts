/** The language server, driven by a real LSP client over stdio: diagnostics, quick fixes, formatting, changes, configuration. */
import assert from 'node:assert/strict'
import {pathToFileURL} from 'node:url'
import path from 'node:path'
import {suite} from 'uvu'
import {docsUrl} from '../src/rule.js'
import {runCli, tempTree} from './cli-helpers.js'
import {applyTextEdits, startServer, within, type Client, type Edit} from './lsp-client.js'
import {root} from './paths.js'

const test = suite('language server')
const limit = 20_000

const privacy =
  'Read the <a href="/cookies/">cookie list</a> or [the archive](http://example.com/old).\n\n' +
  '* Analytics\n* Advertising\n\n' +
  'See <a target="_blank" href="https://processor.example/">our processor</a>.\n\n' +
  'Last updated: 3 March 2024\n'
const terms = 'Read [our notice](/privacy/) and <a href="/cookies/">the cookie list</a>.\n\nLast updated: 3 March 2024\n'
const crlf = '\uFEFF# Cookies\r\n\r\nRead the <a href="/cookies/">cookie list</a> and [the notice](/privacy/).\r\n'

const dist = pathToFileURL(path.join(root, 'dist')).href
const folder = tempTree({
  'docs/privacy.md': privacy,
  'docs/crlf.md': crlf,
  'docs/ignored.md': privacy,
  '.remarkignore': 'docs/ignored.md\n',
  // A configuration in a sub-folder, found from the document's folder up, as remark-language-server finds it.
  'strict/.remarkrc.js':
    `import policylint from '${dist}/src/preset.js'\nimport {linkStyle} from '${dist}/rules/index.js'\n\n` +
    'export default {plugins: [policylint, [linkStyle, false]]}\n',
  'strict/notice.md': privacy,
  // A configuration with settings and no plugins: the embedded preset applies, with these settings.
  'settings-only/.remarkrc.json': JSON.stringify({settings: {policylint: {linkStyle: 'html'}}}),
  'settings-only/terms.md': terms,
  // A plugin whose message points at evidence elsewhere in the document (`cause`).
  'evidence/.remarkrc.js':
    'export default {plugins: [() => (tree, file) => {\n' +
    "  const evidence = file.message('The cookie is first listed here', {line: 1, column: 1})\n" +
    '  file.messages.pop()\n' +
    "  file.message('Unexpected second row for `_ga`, expected one row per cookie', {place: {line: 3, column: 1}, cause: evidence, ruleId: 'cookie-table', source: 'test'})\n" +
    '}]}\n',
  'evidence/cookies.md': '`_ga`\n\n`_ga`\n'
})
const uri = (name: string) => pathToFileURL(path.join(folder, name)).href

let client: Client
let text = privacy

test.before(async () => {
  client = startServer(folder)
  const result = await within(
    client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{uri: pathToFileURL(folder).href, name: 'site'}],
      capabilities: {textDocument: {publishDiagnostics: {codeDescriptionSupport: true, dataSupport: true}}}
    }),
    limit,
    'initialize'
  )
  const {capabilities} = result as {capabilities: Record<string, unknown>}
  assert.equal(capabilities.documentFormattingProvider, true)
  assert.deepEqual(capabilities.codeActionProvider, {codeActionKinds: ['quickfix'], resolveProvider: true})
  client.connection.sendNotification('initialized', {})
})

test.after(() => {
  client?.kill()
})

function open(name: string, value: string) {
  client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri: uri(name), languageId: 'markdown', version: 1, text: value}})
}

test('diagnostics carry the rule id, severity, docs link and fixes (embedded preset, no configuration)', async () => {
  open('docs/privacy.md', privacy)
  const {diagnostics} = await client.diagnostics(uri('docs/privacy.md'), (params) => params.version === 1)
  assert.deepEqual(
    diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line, diagnostic.range.start.character]),
    [
      ['link-style', 2, 0, 9],
      ['link-style', 2, 5, 4],
      ['link-safety', 2, 0, 62],
      ['link-safety', 1, 5, 4]
    ]
  )
  for (const diagnostic of diagnostics) {
    assert.equal(diagnostic.source, 'policylint')
    assert.equal(diagnostic.codeDescription?.href, docsUrl(String(diagnostic.code)))
  }
  assert.match(String(diagnostics[1].message), /Not fixed: `target="_blank"`/)
  assert.deepEqual(diagnostics[0].data, {expected: ['[cookie list](/cookies/)']})
})

test('a quick fix replaces the finding, and only it', async () => {
  const {diagnostics} = await client.diagnostics(uri('docs/privacy.md'), (params) => params.version === 1)
  const target = diagnostics.find((diagnostic) => diagnostic.code === 'link-safety' && diagnostic.severity === 1)!
  const actions = (await within(
    client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: uri('docs/privacy.md')},
      range: target.range,
      context: {diagnostics: [target]}
    }),
    limit,
    'code actions'
  )) as Array<{title: string; kind: string; isPreferred?: boolean; edit: {changes: Record<string, Edit[]>}}>
  assert.equal(actions.length, 1)
  assert.equal(actions[0].kind, 'quickfix')
  assert.equal(actions[0].isPreferred, true)
  const resolved = await within(client.connection.sendRequest('codeAction/resolve', actions[0]), limit, 'code action resolve')
  assert.deepEqual(resolved, actions[0])
  const fixed = applyTextEdits(privacy, actions[0].edit.changes[uri('docs/privacy.md')])
  assert.equal(fixed, privacy.replace('<a target="_blank" href', '<a target="_blank" rel="noopener noreferrer" href'))
})

test('a suggestion is a quick fix too, but not a preferred one', async () => {
  const {diagnostics} = await client.diagnostics(uri('docs/privacy.md'), (params) => params.version === 1)
  const http = diagnostics.find((diagnostic) => diagnostic.code === 'link-safety' && diagnostic.severity === 2)!
  const actions = (await within(
    client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: uri('docs/privacy.md')},
      range: http.range,
      context: {diagnostics: [http]}
    }),
    limit,
    'code actions'
  )) as Array<{title: string; isPreferred?: boolean; edit: {changes: Record<string, Edit[]>}}>
  assert.equal(actions.length, 1)
  assert.equal(actions[0].title, 'Replace `http://` with `https://`')
  assert.equal(actions[0].isPreferred, undefined)
  assert.ok(applyTextEdits(privacy, actions[0].edit.changes[uri('docs/privacy.md')]).includes('(https://example.com/old)'))
})

test('"Format Document" applies the safe fixes as minimal edits, as `policylint --fix` does', async () => {
  const edits = (await within(
    client.connection.sendRequest('textDocument/formatting', {
      textDocument: {uri: uri('docs/privacy.md')},
      options: {tabSize: 2, insertSpaces: true}
    }),
    limit,
    'formatting'
  )) as Edit[]
  // One edit per safe fix (the `https://` suggestion is not applied); nothing else is re-serialised.
  assert.deepEqual(
    edits.map((edit) => [edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character]),
    [
      [0, 9, 0, 44],
      [5, 4, 5, 57]
    ]
  )
  const formatted = applyTextEdits(privacy, edits)
  const cli = runCli(['--fix', '--stdin', '--stdin-filename', 'docs/privacy.md'], folder, privacy)
  assert.equal(formatted, cli.stdout)
  assert.ok(formatted.includes('* Analytics\n* Advertising'), 'list markers are kept')
  assert.ok(formatted.includes('(http://example.com/old)'), 'suggestions are not applied')
  text = formatted
})

test('a change updates the diagnostics', async () => {
  client.connection.sendNotification('textDocument/didChange', {textDocument: {uri: uri('docs/privacy.md'), version: 2}, contentChanges: [{text}]})
  const {diagnostics} = await client.diagnostics(uri('docs/privacy.md'), (params) => params.version === 2)
  assert.deepEqual(
    diagnostics.map((diagnostic) => diagnostic.code),
    ['link-style', 'link-safety']
  )
})

test('formatting keeps the BOM and CRLF line endings', async () => {
  open('docs/crlf.md', crlf)
  await client.diagnostics(uri('docs/crlf.md'))
  const edits = (await within(
    client.connection.sendRequest('textDocument/formatting', {textDocument: {uri: uri('docs/crlf.md')}, options: {tabSize: 2, insertSpaces: true}}),
    limit,
    'formatting'
  )) as Edit[]
  assert.equal(edits.length, 1)
  assert.equal(applyTextEdits(crlf, edits), '\uFEFF# Cookies\r\n\r\nRead the [cookie list](/cookies/) and [the notice](/privacy/).\r\n')
})

test('closing a document clears its diagnostics; a closed document is not formatted', async () => {
  client.connection.sendNotification('textDocument/didClose', {textDocument: {uri: uri('docs/crlf.md')}})
  await client.diagnostics(uri('docs/crlf.md'), (params) => params.diagnostics.length === 0)
  const edits = await within(
    client.connection.sendRequest('textDocument/formatting', {textDocument: {uri: uri('docs/crlf.md')}, options: {tabSize: 2, insertSpaces: true}}),
    limit,
    'formatting'
  )
  assert.equal(edits, null)
})

test('a clean document formats to no edits', async () => {
  client.connection.sendNotification('textDocument/didOpen', {
    textDocument: {
      uri: uri('docs/clean.md'),
      languageId: 'markdown',
      version: 1,
      text: '# Terms\n\nLast updated: 3 March 2024\n\n*   Read [our notice](/privacy/).\n'
    }
  })
  await client.diagnostics(uri('docs/clean.md'))
  const edits = await within(
    client.connection.sendRequest('textDocument/formatting', {textDocument: {uri: uri('docs/clean.md')}, options: {tabSize: 2, insertSpaces: true}}),
    limit,
    'formatting'
  )
  assert.ok(edits === null || (Array.isArray(edits) && edits.length === 0), 'no edits: ' + JSON.stringify(edits))
})

test('configuration is found from the document folder up; `.remarkignore` is honoured', async () => {
  open('strict/notice.md', privacy)
  const strict = await client.diagnostics(uri('strict/notice.md'))
  assert.deepEqual(
    strict.diagnostics.map((diagnostic) => diagnostic.code),
    ['link-safety', 'link-safety']
  )
  open('docs/ignored.md', privacy)
  const ignored = await client.diagnostics(uri('docs/ignored.md'))
  assert.deepEqual(ignored.diagnostics, [])
})

test('a configuration without plugins gets the embedded preset, with its settings', async () => {
  open('settings-only/terms.md', terms)
  const {diagnostics} = await client.diagnostics(uri('settings-only/terms.md'))
  assert.deepEqual(
    diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message]),
    [['link-style', 'Unexpected Markdown link, expected an HTML link']]
  )
})

test('evidence elsewhere in the document is shown with the message', async () => {
  open('evidence/cookies.md', '`_ga`\n\n`_ga`\n')
  const {diagnostics} = await client.diagnostics(uri('evidence/cookies.md'))
  assert.deepEqual(
    diagnostics.map((diagnostic) => diagnostic.message),
    ['Unexpected second row for `_ga`, expected one row per cookie\nThe cookie is first listed here (line 1, column 1)']
  )
})

test('shuts down cleanly', async () => {
  await within(client.connection.sendRequest('shutdown'), limit, 'shutdown')
  const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)))
  client.connection.sendNotification('exit')
  assert.equal(await within(exited, limit, 'the server to exit'), 0)
  assert.equal(client.stderr(), '')
})

test.run()
