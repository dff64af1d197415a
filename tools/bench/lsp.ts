/**
 * Editor latency for `npm run bench`: the language server in a child process, driven over JSON-RPC (stdio) as an
 * editor drives it (as test/lsp-client.ts does): open a page, type into it one character per `didChange`, and time
 * each change until the diagnostics of that version arrive; the server's resident memory after the warm-up edits
 * and after the measured ones, each read before and after a full garbage collection (see gc-on-signal.cjs), and
 * every `every` edits between them: the curve shows whether growth goes on (retention) or settles (V8 sizing its
 * heap spaces and compiling code as the server warms up).
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import {setTimeout as sleep} from 'node:timers/promises'
import {fileURLToPath, pathToFileURL} from 'node:url'
import path from 'node:path'
import {createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams} from 'vscode-languageserver-protocol/node'
import type {Editor} from './report.js'

export interface EditorRun extends Editor {
  /** VmRSS (MiB) at the same two points before the full collection: what the editor's machine sees at that moment. */
  rawWarmRss: number
  rawFinalRss: number
  /** The JS heap in use (MiB) after each full collection: growth here is retained objects, a leak. */
  warmHeap: number
  finalHeap: number
  /** Milliseconds from `didOpen` to the first diagnostics (the server loads the preset then). */
  open: number
  /** Diagnostics on the page when it was opened. */
  findings: number
  /** Memory every `every` measured edits (after a full collection): whether growth goes on or settles. */
  curve: {edits: number; rss: number; heap: number; heapTotal: number; external: number}[]
}

/** Text typed into the page, one character per edit (the page grows by `edits` characters, about 2.5% of 20 KB for 500). */
const typed = 'We also keep your cookie choices for twelve months, then ask again. '

/** Where typing goes: the end of a prose paragraph near the middle of the page (or its end). */
export function typingPoint(text: string): number {
  const middle = Math.floor(text.length / 2)
  const paragraph = /^[A-Za-z][^\n|<]*[.!?:]$(?=\n\n)/gm
  paragraph.lastIndex = middle
  const match = paragraph.exec(text)
  return match ? match.index + match[0].length : text.length
}

/** Read the resident memory of a process (MiB), from /proc on Linux; NaN elsewhere. */
function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
    return kib ? Number(kib[1]) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

const gcHook = fileURLToPath(new URL('../../../tools/bench/gc-on-signal.cjs', import.meta.url))

/** The server's VmRSS as it is, then after a full collection (each after the same pause, so the server is idle). */
async function memoryOf(
  pid: number,
  usageFile: string
): Promise<{raw: number; collected: number; heap: number; heapTotal: number; external: number}> {
  await sleep(500)
  const raw = rssOf(pid)
  fs.rmSync(usageFile, {force: true})
  process.kill(pid, 'SIGUSR2')
  await sleep(500)
  // On a loaded machine the collections can take longer: wait for their report (up to 5 s) before reading RSS.
  for (let waited = 500; waited < 5000 && !fs.existsSync(usageFile); waited += 100) await sleep(100)
  await sleep(50) // the report is a single small write: done by now
  const usage = fs.existsSync(usageFile)
    ? (JSON.parse(fs.readFileSync(usageFile, 'utf8')) as {heapUsed: number; heapTotal: number; external: number})
    : undefined
  const mib = (bytes: number | undefined) => (bytes === undefined ? Number.NaN : bytes / 1024 / 1024)
  return {raw, collected: rssOf(pid), heap: mib(usage?.heapUsed), heapTotal: mib(usage?.heapTotal), external: mib(usage?.external)}
}

export async function editorLatency(
  server: string,
  cwd: string,
  name: string,
  text: string,
  edits: number,
  warmup = 20,
  every = 0
): Promise<EditorRun> {
  const file = path.join(cwd, name)
  fs.mkdirSync(cwd, {recursive: true})
  fs.writeFileSync(file, text)
  const uri = pathToFileURL(file).href
  const usageFile = path.join(cwd, '..', `lsp-memory-${process.pid}.json`)
  const child = spawn(process.execPath, ['--expose-gc', '--require', gcHook, server, '--stdio'], {
    cwd,
    env: {...process.env, BENCH_MEMORY: usageFile},
    stdio: ['pipe', 'pipe', 'pipe']
  })
  let errors = ''
  child.stderr.on('data', (chunk) => {
    errors += chunk
  })
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const waiting = new Map<number, (params: PublishDiagnosticsParams) => void>()
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.uri !== uri || params.version === undefined) return
    waiting.get(params.version)?.(params)
    waiting.delete(params.version)
  })
  connection.onRequest('client/registerCapability', () => null)
  connection.onRequest('window/showMessageRequest', () => null)
  connection.listen()

  const diagnosticsOf = (version: number) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No diagnostics for version ${version} after 30 s; server stderr:\n${errors.slice(0, 2000)}`)),
        30_000
      )
      waiting.set(version, (params) => {
        clearTimeout(timer)
        resolve(params)
      })
    })

  try {
    const folder = pathToFileURL(cwd).href
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{uri: folder, name: 'bench'}],
      capabilities: {}
    })
    await connection.sendNotification('initialized', {})

    let version = 1
    let start = performance.now()
    const opened = diagnosticsOf(version)
    await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version, text}})
    const {diagnostics} = await opened
    const open = performance.now() - start

    const point = typingPoint(text)
    let current = text
    const latencies: number[] = []
    let warm = {raw: Number.NaN, collected: Number.NaN, heap: Number.NaN, heapTotal: Number.NaN, external: Number.NaN}
    const curve: EditorRun['curve'] = []
    for (let edit = 0; edit < warmup + edits; edit++) {
      if (edit === warmup) warm = await memoryOf(child.pid!, usageFile)
      if (edit === warmup) curve.push({edits: edit, rss: warm.collected, heap: warm.heap, heapTotal: warm.heapTotal, external: warm.external})
      else if (every > 0 && edit > warmup && (edit - warmup) % every === 0) {
        const now = await memoryOf(child.pid!, usageFile)
        curve.push({edits: edit, rss: now.collected, heap: now.heap, heapTotal: now.heapTotal, external: now.external})
      }
      current = current.slice(0, point + edit) + typed[edit % typed.length] + current.slice(point + edit)
      version++
      start = performance.now()
      const received = diagnosticsOf(version)
      // Full document sync: unified-language-server asks for it (TextDocumentSyncKind.Full).
      await connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{text: current}]})
      await received
      if (edit >= warmup) latencies.push(performance.now() - start)
    }
    const final = await memoryOf(child.pid!, usageFile)
    curve.push({edits: warmup + edits, rss: final.collected, heap: final.heap, heapTotal: final.heapTotal, external: final.external})
    return {
      open,
      findings: diagnostics.length,
      latencies,
      warmup,
      warmRss: warm.collected,
      finalRss: final.collected,
      rawWarmRss: warm.raw,
      rawFinalRss: final.raw,
      warmHeap: warm.heap,
      finalHeap: final.heap,
      curve
    }
  } finally {
    connection.dispose()
    child.kill()
  }
}
