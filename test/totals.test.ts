/** Honest test totals (issue 13, item 6): a test that cannot run here is counted by uvu as skipped, and .ci/run says how many. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'uvu'
import {root} from './paths.js'

const url = (file: string) => pathToFileURL(path.join(root, file)).href

test('unlessMissing: uvu counts the test as skipped and the reason is printed; .ci/run prints the skipped total before its last line', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-totals-'))
  const file = path.join(folder, 'sample.test.mjs')
  fs.writeFileSync(
    file,
    [
      `import {test} from ${JSON.stringify(url('node_modules/uvu/dist/index.mjs'))}`,
      `import {unlessMissing} from ${JSON.stringify(url('dist/test/skip.js'))}`,
      "test('runs', () => {})",
      "unlessMissing(test, '../shared is absent')('needs the corpus', () => { throw new Error('must not run') })",
      "unlessMissing(test, false)('runs too', () => {})",
      'test.run()',
      ''
    ].join('\n')
  )
  // Coloured, as in a terminal: uvu colours a non-zero Skipped count on its own.
  const run = spawnSync(process.execPath, [file], {encoding: 'utf8', env: {...process.env, FORCE_COLOR: '1'}})
  assert.equal(run.status, 0, run.stderr)
  const plain = run.stdout.replace(/\u001B\[[0-9;]*m/g, '')
  assert.match(plain, /skipped: needs the corpus \(\.\.\/shared is absent\)/)
  assert.match(plain, /Total: +2\n +Passed: +2\n +Skipped: +1\n/)
  const log = path.join(folder, 'log')
  fs.writeFileSync(log, run.stdout)
  const summary = spawnSync('bash', [path.join(root, '.ci', 'run'), '--summarize', log, '0'], {encoding: 'utf8'})
  assert.equal(summary.status, 0, summary.stderr)
  assert.equal(summary.stdout, '1 skipped\n2 passed, 0 failed\n')
  const failing = spawnSync('bash', [path.join(root, '.ci', 'run'), '--summarize', log, '1'], {encoding: 'utf8'})
  assert.equal(failing.status, 1)
  // A failing run with every counted test passed (a crash, say) still reports a failure.
  assert.equal(failing.stdout, '1 skipped\n2 passed, 1 failed\n')
})

test('no test that cannot run is counted as passed: they are registered with unlessMissing, not returned from early', () => {
  const folder = path.join(root, 'test')
  for (const name of fs.readdirSync(folder).filter((item) => item.endsWith('.test.ts') && item !== 'totals.test.ts')) {
    const text = fs.readFileSync(path.join(folder, name), 'utf8')
    // The old pattern: a test that logs "skipped" and returns, which uvu counts as passed.
    assert.doesNotMatch(text, /console\.log\([^)]*skipped[^)]*\)\s*\n\s*return\b/, name)
    assert.doesNotMatch(text, /(test|seeds)\('[^']*skipped[^']*'/, name)
  }
})

test.run()
