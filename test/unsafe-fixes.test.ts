/** The unsafe tier of fixes: applied only with `--unsafe-fixes`, shown in dry runs, JSON, SARIF and editors as such. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'uvu'
import type {JsonResult} from '../src/report/json.js'
import {runCli, tempTree} from './cli-helpers.js'
import {applyTextEdits, startServer, within, type Edit} from './lsp-client.js'

// One table whose conversion only drops styling (unsafe), one that drops nothing (safe).
const styled = '<table class="cookies">\n<tr><th>Cookie</th><th>Expires</th></tr>\n<tr><td>sid</td><td>Session</td></tr>\n</table>\n'
const plain = '<table>\n<tr><th>Data</th><th>Kept for</th></tr>\n<tr><td>Logs</td><td>30 days</td></tr>\n</table>\n'
const page = `# Cookie policy\n\nLast updated: 2 March 2025\n\n${styled}\n${plain}`
const styledGfm = '| Cookie | Expires |\n| ------ | ------- |\n| sid    | Session |\n'
const plainGfm = '| Data | Kept for |\n| ---- | -------- |\n| Logs | 30 days  |\n'

test('--fix applies the safe fix only; --fix --unsafe-fixes both', () => {
  const folder = tempTree({'safe.md': page, 'both.md': page})
  runCli(['--no-config', '--fix', 'safe.md'], folder)
  assert.equal(fs.readFileSync(path.join(folder, 'safe.md'), 'utf8'), `# Cookie policy\n\nLast updated: 2 March 2025\n\n${styled}\n${plainGfm}`)
  runCli(['--no-config', '--fix', '--unsafe-fixes', 'both.md'], folder)
  assert.equal(fs.readFileSync(path.join(folder, 'both.md'), 'utf8'), `# Cookie policy\n\nLast updated: 2 March 2025\n\n${styledGfm}\n${plainGfm}`)
})

test('the remaining finding says how to apply its unsafe fix; JSON and SARIF carry the tier', () => {
  const folder = tempTree({'cookies.md': page})
  const json = JSON.parse(runCli(['--no-config', '--format', 'json', 'cookies.md'], folder).stdout) as JsonResult[]
  const tables = json[0].messages.filter((message) => message.ruleId === 'no-html-table')
  assert.deepEqual(
    tables.map((message) => [message.line, message.fixTier]),
    [
      [5, 'unsafe'],
      [10, 'safe']
    ]
  )
  assert.equal(tables[0].note, 'Unsafe fix (it drops the `class` attribute): apply it with `policylint --fix --unsafe-fixes`')
  const sarif = JSON.parse(runCli(['--no-config', '--format', 'sarif', 'cookies.md'], folder).stdout)
  const descriptions = sarif.runs[0].results
    .filter((result: {ruleId: string}) => result.ruleId === 'no-html-table')
    .map((result: {fixes: Array<{description: {text: string}}>}) => result.fixes[0].description.text)
  assert.deepEqual(descriptions, [
    'Unsafe fix: drops presentation only (applied by `policylint --fix --unsafe-fixes`)',
    'Fix (applied by `policylint --fix`)'
  ])
})

test('--fix-dry-run lists each fix with its tier above the patch; --unsafe-fixes alone is a usage error', () => {
  const folder = tempTree({'cookies.md': page})
  const dry = runCli(['--no-config', '--fix-dry-run', '--unsafe-fixes', 'cookies.md'], folder)
  assert.match(dry.stdout, /^# cookies\.md:5:1 no-html-table \(unsafe fix\)\n# cookies\.md:10:1 no-html-table \(safe fix\)\n/)
  assert.equal(fs.readFileSync(path.join(folder, 'cookies.md'), 'utf8'), page, 'a dry run writes nothing')
  const alone = runCli(['--no-config', '--unsafe-fixes', 'cookies.md'], folder)
  assert.equal(alone.code, 2)
  assert.match(alone.stderr, /Unexpected `--unsafe-fixes` without `--fix` or `--fix-dry-run`/)
})

test('editors: an unsafe quick fix is labelled and never preferred; Format Document applies safe fixes only', async () => {
  const folder = tempTree({'cookies.md': page})
  const uri = pathToFileURL(path.join(folder, 'cookies.md')).href
  const client = startServer(folder)
  try {
    await within(
      client.connection.sendRequest('initialize', {processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}}),
      20_000,
      'initialize'
    )
    client.connection.sendNotification('initialized', {})
    client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: page}})
    const {diagnostics} = await client.diagnostics(uri, (params) => params.version === 1)
    const unsafe = diagnostics.find((diagnostic) => diagnostic.code === 'no-html-table' && diagnostic.range.start.line === 4)!
    const actions = (await within(
      client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: unsafe.range, context: {diagnostics: [unsafe]}}),
      20_000,
      'code actions'
    )) as Array<{title: string; isPreferred?: boolean; edit: {changes: Record<string, Edit[]>}}>
    assert.equal(actions.length, 1)
    assert.match(actions[0].title, /^Unsafe fix \(drops presentation\): /)
    assert.equal(actions[0].isPreferred, undefined)
    assert.ok(applyTextEdits(page, actions[0].edit.changes[uri]).includes(styledGfm))
    const edits = (await within(
      client.connection.sendRequest('textDocument/formatting', {textDocument: {uri}, options: {tabSize: 2, insertSpaces: true}}),
      20_000,
      'formatting'
    )) as Edit[]
    const formatted = applyTextEdits(page, edits)
    assert.ok(formatted.includes(styled) && formatted.includes(plainGfm), 'formatting converts the plain table and leaves the styled one')
  } finally {
    client.kill()
  }
})

test.run()
