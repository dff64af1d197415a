/** Run the built CLI in a child process, with a time limit so a hang fails the test instead of stalling CI. */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {cli} from './paths.js'

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

// A SARIF report over the whole corpus is more than the default 1 MB of output.
export function runCli(args: string[], cwd: string, input?: string): Run {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: {...process.env, NO_COLOR: '1'}
  })
  if (result.error) throw result.error
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A temporary folder holding `files` (relative path → content). */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-'))
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    fs.writeFileSync(path.join(folder, name), content)
  }
  return folder
}
