/** Lint everything the CLI was given: discovery, the cache, then batches in this thread or in worker threads. */
import fs from 'node:fs'
import path from 'node:path'
import type {Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {LintCache} from './result-cache.js'
import {discover, lint} from '../direct.js'
import type {ConfigOptions} from '../lint-setup.js'
import {clarifyFailure, markOversized, markUnreadable} from './input.js'
import {fileWithMessages, toData, type MessageData} from './serialize.js'
import {selectShard, type Shard} from './shard.js'
import {trace} from './trace.js'
import type {BatchRequest} from './worker.js'

export interface LintFilesOptions extends ConfigOptions {
  inputs: Array<string | VFile>
  /** Threads to lint with: this one and `jobs - 1` worker threads; 1 lints in this thread only. */
  jobs: number
  /** Where the cache lives, when `--cache` is on. */
  cacheLocation?: string
  /** Larger files are refused with a message instead of being parsed. */
  maxFileSize: number
  /** `--shard i/n`: lint only the files whose path hashes to this shard. */
  shard?: Shard
  /** Told how many of the files to lint are done, after each batch (the CLI shows it on a terminal). */
  onProgress?: (done: number, total: number) => void
}

/**
 * Files per engine run: unified-engine holds every file of a run, with its tree and the models built on it, until
 * every file of the run is transformed. 20 keeps a thread's working set small at no cost in time.
 */
const batchSize = 20
/** Files this thread lints between reading workers' replies, when it lints beside them. */
const threadSlice = 10
/** Below this many files, starting workers costs more than it saves. */
const parallelThreshold = 200

export async function lintFiles(options: LintFilesOptions): Promise<VFile[]> {
  // Workers load their code while this thread finds and reads the files, instead of after.
  const early = options.jobs > 1 && mayBeMany(options) ? await startWorkers(options.jobs - 1) : []
  try {
    return await lintFound(options, early)
  } finally {
    // The workers the run did not take (too few files), or all of them when discovery failed.
    await Promise.all(early.map((worker) => worker.terminate()))
  }
}

/** `early`: workers started already; the ones the run takes are removed from it. */
async function lintFound(options: LintFilesOptions, early: Worker[]): Promise<VFile[]> {
  const discoverStart = trace.now()
  const discovered = selectShard(await discover({cwd: options.cwd, files: options.inputs}), options.shard, options.cwd)
  trace.span('main', `discover ${discovered.length} files`, discoverStart)
  const results: VFile[] = []
  const cache = options.cacheLocation ? new LintCache(options.cacheLocation, options) : undefined
  const todo: Array<{index: number; file: VFile; key?: string}> = []

  discovered.forEach((file, index) => {
    markUnreadable(file)
    markOversized(file, options.maxFileSize)
    results[index] = file
    // Missing, unreadable or ignored files are reported as they are.
    if (file.messages.some((message) => message.fatal)) return
    const template = {path: file.path, cwd: file.cwd, value: String(file.value)}
    const key = cache?.key(path.resolve(file.cwd, file.path), template.value)
    const hit = key ? cache!.get(path.resolve(file.cwd, file.path), key) : undefined
    if (hit) {
      results[index] = fileWithMessages(template, hit)
      results[index].data.fromStdin = file.data.fromStdin
    } else {
      todo.push({index, file, key})
    }
  })

  const templates = todo.map(({file}) => ({path: file.path, cwd: file.cwd, value: String(file.value)}))
  let done = 0
  const progress = (files: number) => {
    done += files
    options.onProgress?.(done, templates.length)
  }
  const parallel = options.jobs > 1 && todo.length >= parallelThreshold
  if (!parallel) await Promise.all(early.splice(0).map((worker) => worker.terminate()))
  const linted = parallel ? await lintInWorkers(templates, options, progress, early) : await lintInThread(templates, options, progress)

  todo.forEach(({index, file, key}, at) => {
    const result = linted[at]
    result.data.fromStdin = file.data.fromStdin
    results[index] = result
    if (cache && key && !result.messages.some((message) => message.fatal && !message.ruleId)) {
      cache.set(path.resolve(file.cwd, file.path), key, result.messages.map(toData))
    }
  })
  cache?.save()
  for (const file of results) clarifyFailure(file)
  return results
}

type Template = {path: string; cwd: string; value: string}

/** Whether the inputs may name enough files for workers: a folder or a glob, or many paths (a single file does not). */
function mayBeMany(options: LintFilesOptions): boolean {
  const paths = options.inputs.filter((input): input is string => typeof input === 'string')
  if (paths.length >= parallelThreshold) return true
  return paths.some((input) => {
    if (/[*?[\]{}!]/.test(input)) return true
    try {
      return fs.statSync(path.resolve(options.cwd, input)).isDirectory()
    } catch {
      return false
    }
  })
}

/** worker_threads is loaded only here: a run of a few files (a pre-commit hook's) starts no worker. */
async function startWorkers(count: number): Promise<Worker[]> {
  const {Worker} = await import('node:worker_threads')
  return Array.from({length: count}, () => new Worker(new URL('./worker.js', import.meta.url)))
}

function batches<T>(items: T[]): T[][] {
  const result: T[][] = []
  for (let index = 0; index < items.length; index += batchSize) result.push(items.slice(index, index + batchSize))
  return result
}

async function lintInThread(templates: Template[], config: ConfigOptions, progress: (files: number) => void): Promise<VFile[]> {
  const results: VFile[] = []
  for (const batch of batches(templates)) {
    const start = trace.now()
    results.push(...forgetTrees(await lint({...configOf(config), files: batch.map((template) => new VFile(template))})))
    trace.span('main', `lint ${batch.length} files`, start)
    progress(batch.length)
  }
  return results
}

/**
 * remark-lint's rules give their messages `ancestors`, the nodes up to the root: every message would keep its
 * document's whole tree alive until the run ends. Nothing reads them after linting (messages from worker threads
 * never had them), so they are dropped once a batch is done.
 */
function forgetTrees(files: VFile[]): VFile[] {
  const forget = (message: VFileMessage) => {
    message.ancestors = undefined
    if (message.cause instanceof VFileMessage) forget(message.cause)
  }
  for (const file of files) file.messages.forEach(forget)
  return files
}

function configOf(options: ConfigOptions): ConfigOptions {
  return {cwd: options.cwd, configPath: options.configPath, detectConfig: options.detectConfig, observed: options.observed}
}

/**
 * Batches go to whichever lane is free: this thread and `jobs - 1` worker threads. This thread has loaded the
 * rules already and would otherwise only wait; a worker holds a second batch while it lints one, so it does not
 * wait either while this thread is busy. Results are put back in input order.
 */
/** `started`: workers already loading; the ones used are taken from it, the rest are left for the caller to stop. */
async function lintInWorkers(
  templates: Template[],
  options: LintFilesOptions,
  progress: (files: number) => void,
  started: Worker[]
): Promise<VFile[]> {
  const queue = batches(templates).map((files, id) => ({id, files}))
  const fromWorkers: MessageData[][][] = []
  const fromThread: VFile[][] = []
  const count = Math.min(options.jobs - 1, queue.length - 1)
  const workers = started.splice(0, count)
  workers.push(...(await startWorkers(count - workers.length)))
  // Loaded here, as worker_threads: only runs large enough for workers collect between slices.
  const {collectIfLarge} = await import('./heap.js')
  let failed = false
  try {
    await Promise.all([
      ...workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let pending = 0
            const next = () => {
              while (pending < 2 && !failed) {
                const batch = queue.shift()
                if (!batch) break
                const request: BatchRequest = {id: batch.id, config: configOf(options), files: batch.files}
                worker.postMessage(request)
                pending++
              }
              if (pending === 0) resolve()
            }
            worker.on('message', (reply: {id: number; messages?: MessageData[][]; error?: string}) => {
              pending--
              if (reply.error) {
                failed = true
                return reject(new Error(reply.error))
              }
              fromWorkers[reply.id] = reply.messages!
              progress(reply.messages!.length)
              next()
            })
            worker.on('error', (error) => {
              failed = true
              reject(error)
            })
            worker.on('exit', (code) => {
              if (pending === 0) return
              failed = true
              reject(new Error(`A lint worker stopped (exit code ${code}) with ${pending} batch${pending === 1 ? '' : 'es'} unfinished`))
            })
            next()
          })
      ),
      (async () => {
        for (let batch = queue.shift(); batch && !failed; batch = queue.shift()) {
          const linted: VFile[] = []
          // Linting a file blocks this thread: between slices, workers' replies are read and answered.
          for (let index = 0; index < batch.files.length; index += threadSlice) {
            const files = batch.files.slice(index, index + threadSlice).map((template) => new VFile(template))
            const start = trace.now()
            linted.push(...forgetTrees(await lint({...configOf(options), files})))
            trace.span('main', `batch ${batch.id} slice ${index / threadSlice}`, start)
            collectIfLarge()
            progress(files.length)
            await new Promise((resolve) => setImmediate(resolve))
          }
          fromThread[batch.id] = linted
        }
      })().catch((error) => {
        failed = true
        throw error
      })
    ])
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return batches(templates).flatMap(
    (batch, id) => fromThread[id] ?? batch.map((template, index) => fileWithMessages(template, fromWorkers[id][index]))
  )
}
