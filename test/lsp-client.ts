/** A real LSP client for the tests: the built server in a child process, JSON-RPC over stdio, every wait bounded. */
import {spawn, type ChildProcess} from 'node:child_process'
import path from 'node:path'
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node'
import {root} from './paths.js'

// The executable as published (package.json `bin`): the bundle.
export const server = path.join(root, 'dist', 'bundle', 'server.js')

export interface Client {
  connection: ProtocolConnection
  process: ChildProcess
  stderr(): string
  /** The next diagnostics for `uri` that satisfy `test`, or those already received. */
  diagnostics(uri: string, test?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>
  /** Ends the server if it is still running. */
  kill(): void
}

/** Reject when `promise` takes longer than `ms`, naming what was awaited. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export function startServer(cwd: string): Client {
  const child = spawn(process.execPath, [server, '--stdio'], {cwd, stdio: ['pipe', 'pipe', 'pipe']})
  let errors = ''
  child.stderr!.on('data', (chunk) => {
    errors += chunk
  })
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const received: PublishDiagnosticsParams[] = []
  const waiting: Array<{uri: string; test: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void}> = []
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    received.push(params)
    for (const waiter of [...waiting]) {
      if (waiter.uri === params.uri && waiter.test(params)) {
        waiting.splice(waiting.indexOf(waiter), 1)
        waiter.resolve(params)
      }
    }
  })
  // The server asks the client things (registrations, configuration): answer as an editor would.
  connection.onRequest('client/registerCapability', () => null)
  connection.onRequest('window/showMessageRequest', () => null)
  connection.listen()
  return {
    connection,
    process: child,
    stderr: () => errors,
    diagnostics(uri, test = () => true) {
      const known = received.find((params) => params.uri === uri && test(params))
      if (known) return Promise.resolve(known)
      return within(new Promise((resolve) => waiting.push({uri, test, resolve})), 20_000, 'diagnostics for ' + uri)
    },
    kill() {
      connection.dispose()
      if (child.exitCode === null) child.kill()
    }
  }
}

export interface Edit {
  range: {start: {line: number; character: number}; end: {line: number; character: number}}
  newText: string
}

/** Apply LSP text edits to a text, as an editor does (edits refer to the original text). */
export function applyTextEdits(text: string, edits: readonly Edit[]): string {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\r' && text[index + 1] === '\n') continue
    if (text[index] === '\n' || text[index] === '\r') starts.push(index + 1)
  }
  const offset = (position: {line: number; character: number}) => starts[position.line] + position.character
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
  let result = text
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end))
  return result
}
