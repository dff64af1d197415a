/** The same `.remarkrc.js` gives the same messages through remark-cli as through the policylint CLI. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {suite} from 'uvu'
import {cli, root} from './paths.js'

const test = suite('remark-cli')

test('remark-cli and policylint report the same findings with the same config', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-remark-'))
  fs.mkdirSync(path.join(folder, 'node_modules'))
  // The config imports `policylint` by name, as a user's would; remark-cli loads its JSON reporter by name.
  fs.symlinkSync(root, path.join(folder, 'node_modules', 'policylint'))
  fs.symlinkSync(path.join(root, 'node_modules', 'vfile-reporter-json'), path.join(folder, 'node_modules', 'vfile-reporter-json'))
  fs.writeFileSync(
    path.join(folder, '.remarkrc.js'),
    "import policylint from 'policylint'\nimport {linkStyle} from 'policylint/rules'\n\n" +
      "export default {plugins: [policylint, [linkStyle, ['error', {style: 'consistent'}]]]}\n"
  )
  fs.writeFileSync(path.join(folder, 'package.json'), '{"type": "module"}\n')
  fs.writeFileSync(
    path.join(folder, 'cookies.md'),
    '# Cookies\n\nRead <a href="/privacy/">the notice</a>, <a target="_blank" href="https://example.com/">the site</a> and [the terms](/terms/).\n\n' +
      '<!-- policylint disable link-safety -->\n\nSee [the old list](http://example.com/cookies).\n\nLast updated: 3 March 2024\n'
  )

  const remark = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'remark-cli', 'cli.js'), 'cookies.md', '--report', 'json', '--no-stdout', '--quiet'],
    {cwd: folder, encoding: 'utf8'}
  )
  const ours = spawnSync(process.execPath, [cli, 'cookies.md', '--format', 'json'], {cwd: folder, encoding: 'utf8'})

  type Point = {line: number; column: number}
  type Message = {
    ruleId: string
    source: string
    line: number
    column: number
    endLine: number
    endColumn: number
    place?: {start: Point; end: Point}
    reason?: string
    message?: string
    fatal?: boolean | null
    severity?: number
  }
  const fromRemark = (JSON.parse(remark.stderr)[0].messages as Message[]).map(
    (m) =>
      `${m.line}:${m.column}-${m.place?.end.line}:${m.place?.end.column} ${m.source}:${m.ruleId} ${m.fatal === true ? 'error' : 'warning'} ${m.reason}`
  )
  const fromOurs = (JSON.parse(ours.stdout)[0].messages as Message[]).map(
    (m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.source}:${m.ruleId} ${m.severity === 2 ? 'error' : 'warning'} ${m.message}`
  )

  assert.ok(fromOurs.length >= 3, 'the document has findings: ' + fromOurs.join('\n'))
  assert.ok(
    fromOurs.some((line) => line.includes('link-style error')),
    'the configured severity applies'
  )
  assert.ok(!fromOurs.some((line) => line.startsWith('7:') && line.includes('link-safety')), 'the disable comment applies')
  assert.deepEqual(fromRemark.sort(), fromOurs.sort())
  assert.equal(remark.status, ours.status, 'both fail on errors')
})

test.run()
