/** A lint worker thread: lints the batches it is sent, one at a time, and posts the messages back as data. */
import {parentPort, threadId} from 'node:worker_threads'
import {VFile} from 'vfile'
import {lint} from '../direct.js'
import type {ConfigOptions} from '../lint-setup.js'
import {clarifyFailure} from './input.js'
import {toData} from './serialize.js'
import {collectIfLarge} from './heap.js'
import {trace} from './trace.js'

export interface BatchRequest {
  id: number
  config: ConfigOptions
  files: Array<{path: string; cwd: string; value: string}>
}

trace.span(`worker ${threadId}`, 'started', 0)

// One batch at a time, in the order they come: the main thread sends the next batch before this one is done.
let queue = Promise.resolve()

parentPort?.on('message', (request: BatchRequest) => {
  queue = queue.then(() => lintBatch(request))
})

async function lintBatch(request: BatchRequest): Promise<void> {
  const start = trace.now()
  try {
    const linted = await lint({...request.config, files: request.files.map((file) => new VFile(file))})
    // A failure's cause (an Error, not a message) does not survive the post: put what it says into the reason here.
    for (const file of linted) clarifyFailure(file)
    parentPort!.postMessage({id: request.id, messages: linted.map((file) => file.messages.map(toData))})
    trace.span(`worker ${threadId}`, `batch ${request.id}`, start)
    collectIfLarge()
  } catch (error) {
    parentPort!.postMessage({id: request.id, error: String((error as Error).stack ?? error)})
  }
}
