/** The code is formatted by Prettier (`.prettierrc.json`; `npm run format` rewrites): a file that is not fails here. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {suite} from 'uvu'
import {root} from './paths.js'

const test = suite('format')

test('every source, rule, test and tool file is formatted as Prettier would write it', () => {
  const prettier = path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs')
  const result = spawnSync(process.execPath, [prettier, '--list-different', '.'], {cwd: root, encoding: 'utf8'})
  // Exit 1 with the files listed: some file is not formatted; 2: Prettier itself failed.
  assert.notEqual(result.status, 2, result.stderr)
  assert.deepEqual(result.stdout.split('\n').filter(Boolean), [], 'run `npm run format` to format these files')
})

test('the check sees the files it is meant to (fixtures and generated docs stay as written)', () => {
  const prettier = path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs')
  const checked = (file: string) =>
    spawnSync(process.execPath, [prettier, '--file-info', file], {cwd: root, encoding: 'utf8'}).stdout.includes('"ignored": false')
  assert.equal(checked('src/rule.ts'), true)
  assert.equal(checked('rules/typos.ts'), true)
  assert.equal(checked('tools/test.mjs'), true)
  assert.equal(checked('fixtures/typos/invalid-crlf-bom.md'), false)
  assert.equal(checked('docs/rules/typos.md'), false)
})

test.run()
