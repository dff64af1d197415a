/** The real pages in `../shared` (seeds and corpus): no crash, every `--fix` a fixed point, the seeds' known defects. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {suite} from 'uvu'
import type {JsonResult} from '../src/report/json.js'
import {cli, hasShared, shared} from './paths.js'
import {unlessMissing} from './skip.js'

const test = suite('shared documents')

function run(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [cli, '--no-config', ...args], {cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
}

/** Copy the seeds (as `.md`) and the corpus pages into a temporary folder. */
function copyShared(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-shared-'))
  for (const name of fs.readdirSync(path.join(shared, 'seeds'))) {
    fs.copyFileSync(path.join(shared, 'seeds', name), path.join(folder, 'seed-' + name.replace(/\.txt$/, '.md')))
  }
  for (const name of fs.readdirSync(path.join(shared, 'corpus')).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    fs.copyFileSync(path.join(shared, 'corpus', name), path.join(folder, name))
  }
  // The shared files are read-only, and policylint rightly refuses to fix read-only files.
  for (const name of fs.readdirSync(folder)) fs.chmodSync(path.join(folder, name), 0o644)
  return folder
}

{
  // Without ../shared these tests are registered as skipped, so that uvu counts them as such.
  const register = unlessMissing(test, !hasShared && '../shared (seeds and corpus) not found beside the repository')
  register('seed 000: link-style reports the mix, link-safety both target="_blank" links', () => {
    const result = run(path.join(shared, 'seeds'), ['--format', 'json', '000_06ed0df5f8974980.txt'])
    const [entry] = JSON.parse(result.stdout) as JsonResult[]
    const at = (ruleId: string) => entry.messages.filter((m) => m.ruleId === ruleId).map((m) => `${m.line}:${m.column}`)
    assert.deepEqual(at('link-style'), ['10:36', '48:178'])
    assert.deepEqual(at('link-safety'), ['10:36', '48:178'])
    assert.ok(
      entry.messages.filter((m) => m.ruleId === 'link-style').every((m) => m.fix === null),
      'target="_blank" links are not converted by default'
    )
  })

  register('seeds and corpus: no crash, and --fix reaches a fixed point in one run', () => {
    const folder = copyShared()
    const count = fs.readdirSync(folder).length
    const first = run(folder, ['--format', 'json', '.'])
    const results = JSON.parse(first.stdout) as JsonResult[]
    assert.equal(results.length, count, 'every document is linted')
    const failures = results.flatMap((result) => result.messages.filter((m) => m.fatal).map((m) => `${result.filePath}: ${m.message}`))
    assert.deepEqual(failures, [])

    const fixed = run(folder, ['--fix', '--format', 'json', '.'])
    assert.notEqual(fixed.status, 2, fixed.stderr)
    const remaining = JSON.parse(fixed.stdout) as JsonResult[]
    assert.deepEqual(
      remaining.flatMap((result) =>
        result.messages.filter((m) => m.fix !== null && m.fixTier === 'safe').map((m) => `${result.filePath}:${m.line} ${m.ruleId}`)
      ),
      [],
      'no safe fix is left after --fix'
    )
    const again = run(folder, ['--fix-dry-run', '.'])
    assert.equal(again.stdout.includes('@@'), false, 'a second --fix changes nothing:\n' + again.stdout.slice(0, 2000))

    // The unsafe tier: every fix applied in one run, and then nothing left to fix.
    const unsafe = run(folder, ['--fix', '--unsafe-fixes', '--format', 'json', '.'])
    assert.notEqual(unsafe.status, 2, unsafe.stderr)
    const left = JSON.parse(unsafe.stdout) as JsonResult[]
    assert.deepEqual(
      left.flatMap((result) => result.messages.filter((m) => m.fix !== null).map((m) => `${result.filePath}:${m.line} ${m.ruleId}`)),
      [],
      'no fix is left after --fix --unsafe-fixes'
    )
    const settled = run(folder, ['--fix-dry-run', '--unsafe-fixes', '.'])
    assert.equal(settled.stdout.includes('@@'), false, 'a second --fix --unsafe-fixes changes nothing:\n' + settled.stdout.slice(0, 2000))
  })
}

test.run()
