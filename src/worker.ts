/** A lint worker thread: lints the batches it is sent and posts the messages back as data. */
import {parentPort} from 'node:worker_threads'
import {VFile} from 'vfile'
import {lint, type ConfigOptions} from './engine.js'
import {toData} from './serialize.js'

export interface BatchRequest {
  id: number
  config: ConfigOptions
  files: Array<{path: string; cwd: string; value: string}>
}

parentPort?.on('message', async (request: BatchRequest) => {
  try {
    const linted = await lint({...request.config, files: request.files.map((file) => new VFile(file))})
    parentPort!.postMessage({id: request.id, messages: linted.map((file) => file.messages.map(toData))})
  } catch (error) {
    parentPort!.postMessage({id: request.id, error: String((error as Error).stack ?? error)})
  }
})
