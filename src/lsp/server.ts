#!/usr/bin/env node
/**
 * `policylint-language-server --stdio`: unified-language-server with remark's configuration discovery
 * (`.remarkrc*`, `package.json#remarkConfig`, `.remarkignore`) and the embedded preset when nothing is configured.
 * Two changes to unified-language-server, made on its connection: "Format Document" applies the safe fixes as
 * minimal edits (its own formatting replaces the whole document with the compiler's output), and
 * `codeAction/resolve`, which it advertises, is answered.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import type {Connection} from 'vscode-languageserver'

process.title = 'policylint-language-server'

// `--version` and `--help` answer and exit, before a connection is made (which needs `--stdio`, `--node-ipc` or `--socket`).
const flags = process.argv.slice(2)
if (flags.includes('--version') || flags.includes('-v')) {
  const {version} = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}
  process.stdout.write(version + '\n')
  process.exit(0)
}
if (flags.includes('--help') || flags.includes('-h')) {
  process.stdout.write(
    'Usage: policylint-language-server --stdio | --node-ipc | --socket=PORT\n\nA language server for policylint: the findings and quick fixes of `policylint` in your editor.\n'
  )
  process.exit(0)
}

// The processor holds the preset and its rules: loaded once the server is to run.
const {default: processor, formattingEdits, latest, policylintLanguageServer, rangeKey, safeFixKeys} = await import('./processor.js')

// unified-language-server creates its connection with `createConnection` from vscode-languageserver (CommonJS);
// wrap it in the copy that unified-language-server resolves, before unified-language-server is loaded.
const serverRequire = createRequire(import.meta.resolve('unified-language-server'))
const languageServerNode = serverRequire('vscode-languageserver/node.js') as {createConnection: (...args: unknown[]) => Connection}
const createConnection = languageServerNode.createConnection
let adapted = false
languageServerNode.createConnection = (...args: unknown[]) => {
  adapted = true
  return adapt(createConnection(...args))
}

const {createUnifiedLanguageServer} = await import('unified-language-server')

createUnifiedLanguageServer({
  configurationSection: 'policylint',
  // The processor is this package's own (remark-parse and a compiler that changes nothing), loaded by URL, so a
  // project's node_modules cannot swap in one that re-prints documents.
  processorName: new URL('./processor.js', import.meta.url).href,
  processorSpecifier: 'default',
  defaultProcessor: processor,
  plugins: [policylintLanguageServer],
  ignoreName: '.remarkignore',
  packageField: 'remarkConfig',
  pluginPrefix: 'remark',
  rcName: '.remarkrc'
})

if (!adapted) {
  // Then formatting does nothing (the compiler returns the document unchanged) rather than re-printing it.
  process.stderr.write('policylint-language-server: cannot attach to unified-language-server\'s connection; "Format Document" is off\n')
}

function adapt(connection: Connection): Connection {
  const onDocumentFormatting = connection.onDocumentFormatting.bind(connection)
  connection.onDocumentFormatting = (handler) =>
    onDocumentFormatting(async (params, token, workDone, progress) => {
      const uri = params.textDocument.uri
      latest.delete(uri)
      // unified-language-server lints the document (recording its safe edits) and compiles it unchanged.
      await handler(params, token, workDone, progress)
      const record = latest.get(uri)
      return record ? formattingEdits(record.text, record.edits) : null
    })
  const onCodeAction = connection.onCodeAction.bind(connection)
  connection.onCodeAction = (handler) =>
    onCodeAction(async (params, token, workDone, progress) => {
      const actions = await handler(params, token, workDone, progress)
      const record = latest.get(params.textDocument.uri)
      if (!Array.isArray(actions) || !record) return actions
      // unified-language-server prefers any single replacement; a suggestion (a change of meaning) is not preferred.
      const safe = safeFixKeys(record)
      const unsafe = safeFixKeys(record, record.unsafeEdits)
      for (const action of actions) {
        if (!('edit' in action)) continue
        const edits = Object.values(action.edit?.changes ?? {}).flat()
        const key = edits.length === 1 ? rangeKey(edits[0].range, edits[0].newText) : undefined
        // An unsafe fix drops presentation: say so in its title, and never let "auto fix" apply it.
        if (key && unsafe.has(key)) action.title = `Unsafe fix (drops presentation): ${action.title}`
        if (action.isPreferred && !(key && safe.has(key))) delete action.isPreferred
      }
      return actions
    })
  connection.onCodeActionResolve((action) => action)
  const onDidClose = connection.onDidCloseTextDocument.bind(connection)
  connection.onDidCloseTextDocument = (handler) =>
    onDidClose((params) => {
      latest.delete(params.textDocument.uri)
      return handler(params)
    })
  return connection
}
