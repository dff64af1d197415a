/** `policylint cookies`: every declared cookie, whatever its shape, with page and line; differences across pages flagged. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import type {DeclaredCookie} from '../src/cli/inventory.js'
import {runCli, tempTree} from './cli-helpers.js'

const cookiesPage = [
  '# Cookie policy',
  '',
  '| Cookie | Provider | Purpose | Expires |',
  '| --- | --- | --- | --- |',
  '| `sid` | Northwind | Keeps you signed in | Session |',
  '| `_ga` | Google | Counts visits, "anonymously" | 2 years |',
  ''
].join('\n')
const privacyPage = [
  '# Privacy notice',
  '',
  '* Name: \\_ga',
  '* Purpose: Counts visits',
  '* Expires in: 13 months',
  '',
  'Other cookies:',
  '',
  '- `lang`: remembers your language, expires after 1 year',
  ''
].join('\n')

function folder() {
  return tempTree({'docs/cookies.md': cookiesPage, 'docs/privacy.md': privacyPage, 'notes.txt': 'not a page'})
}

test('json: every cookie of every shape, with page, line, lifetime in seconds, and the cross-page difference', () => {
  const run = runCli(['cookies', '--format', 'json', 'docs'], folder())
  assert.equal(run.code, 0, run.stderr)
  const cookies = JSON.parse(run.stdout) as DeclaredCookie[]
  assert.deepEqual(
    cookies.map((cookie) => [cookie.name, cookie.file, cookie.line, cookie.lifetime, cookie.seconds]),
    [
      ['sid', 'docs/cookies.md', 5, 'Session', 0],
      ['_ga', 'docs/cookies.md', 6, '2 years', 63_072_000],
      ['_ga', 'docs/privacy.md', 3, '13 months', 33_696_000],
      ['lang', 'docs/privacy.md', 9, '1 year', 31_536_000]
    ]
  )
  assert.equal(cookies[1].provider, 'Google')
  assert.equal(cookies[1].differs, 'lifetime and purpose differ from docs/privacy.md:3')
  assert.equal(cookies[2].differs, 'lifetime and purpose differ from docs/cookies.md:6')
  assert.equal(cookies[3].differs, null, 'declared on one page')
  assert.equal(cookies[0].differs, null)
})

test('csv quotes what needs quoting; markdown is a GFM table; the terminal table ends with a count', () => {
  const cwd = folder()
  const csv = runCli(['cookies', '--format', 'csv', 'docs/cookies.md'], cwd).stdout.split('\r\n')
  assert.equal(csv[0], 'Name,Provider,Domain,Party,Category,Purpose,Lifetime,Seconds,File,Line,Differs')
  assert.equal(csv[2], '_ga,Google,,,,"Counts visits, ""anonymously""",2 years,63072000,docs/cookies.md,6,')
  const markdown = runCli(['cookies', '--format', 'markdown', 'docs'], cwd).stdout
  assert.match(markdown, /^\| Name +\| Provider +\|/)
  assert.equal(markdown.trim().split('\n').length, 2 + 4)
  const table = runCli(['cookies', 'docs'], cwd).stdout
  assert.match(table, /\n4 cookies declared; 2 declared differently on other pages\n$/)
})

test('-o writes the file; a bad format is a usage error that names the value', () => {
  const cwd = folder()
  assert.equal(runCli(['cookies', '--format', 'json', '-o', 'out/cookies.json', 'docs'], cwd).code, 0)
  assert.equal((JSON.parse(fs.readFileSync(path.join(cwd, 'out', 'cookies.json'), 'utf8')) as unknown[]).length, 4)
  const bad = runCli(['cookies', '--format', 'xml', 'docs'], cwd)
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /Unexpected value `xml` for `--format`, expected one of `table`, `json`, `csv`, `markdown`/)
})

test.run()
