/** The package as a registry would receive it passes publint: errors fail the test, warnings and suggestions are listed. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {publint} from 'publint'
import {formatMessage} from 'publint/utils'
import {suite} from 'uvu'
import {root} from './paths.js'

const test = suite('publint')

test('publint finds no errors in the packed package', async () => {
  // publint packs with `npm pack --ignore-scripts`, so the build (`prepare`) does not run under the other tests.
  const {messages} = await publint({pkgDir: root, pack: 'npm', level: 'suggestion'})
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  const lines = messages.map((m) => `${m.type}: ${formatMessage(m, pkg, {color: false}) ?? m.code}`)
  for (const line of lines) console.log('  publint ' + line)
  assert.deepEqual(
    lines.filter((line) => line.startsWith('error:')),
    []
  )
})

test('package.json names where the package lives', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  assert.match(pkg.repository.url, /github\.com\/policylint\/policylint/)
  assert.match(pkg.homepage, /^https:\/\/github\.com\/policylint\/policylint/)
  assert.match(pkg.bugs.url, /\/issues$/)
  for (const keyword of ['remark-lint-preset', 'remark-plugin', 'remark-lint']) assert.ok(pkg.keywords.includes(keyword), keyword)
  // The rule docs the messages link to ship with the package.
  assert.ok(pkg.files.includes('docs/rules'))
})

test.run()
