/** Formatting edits: the LSP edits "Format Document" sends give exactly what one pass of the fix engine gives. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import {applyEdits, safeEdits} from '../src/fix.js'
import {formattingEdits} from '../src/lsp/processor.js'
import {lintText} from './lint-helpers.js'
import {applyTextEdits} from './lsp-client.js'
import {hasShared, shared} from './paths.js'
import {unlessMissing} from './skip.js'

function check(text: string, edits: Array<{range: [number, number]; text: string}>) {
  const lsp = formattingEdits(text, edits)
  assert.equal(applyTextEdits(text, lsp), applyEdits(text, edits).text)
  return lsp
}

test('one LSP edit per applied fix, at the right line and character', () => {
  const lsp = check('ab\ncd\n', [
    {range: [3, 5], text: 'CD'},
    {range: [0, 1], text: 'A'}
  ])
  assert.deepEqual(lsp, [
    {range: {start: {line: 0, character: 0}, end: {line: 0, character: 1}}, newText: 'A'},
    {range: {start: {line: 1, character: 0}, end: {line: 1, character: 2}}, newText: 'CD'}
  ])
})

test('BOM, CRLF and inserted newlines', () => {
  const text = '\uFEFFab\r\ncd\r\n'
  const lsp = check(text, [{range: [4, 4], text: 'x\ny'}])
  // Offsets skip the BOM; the editor's text has it, so characters on line 0 count it.
  assert.deepEqual(lsp, [{range: {start: {line: 1, character: 0}, end: {line: 1, character: 0}}, newText: 'x\r\ny'}])
  check('\uFEFFab', [{range: [0, 2], text: 'AB'}])
})

test('overlapping edits: the first is applied, the other waits', () => {
  const lsp = check('abcdef', [
    {range: [1, 4], text: 'X'},
    {range: [2, 5], text: 'Y'},
    {range: [5, 5], text: 'Z'}
  ])
  assert.equal(lsp.length, 2)
  check('abc', [
    {range: [1, 1], text: 'X'},
    {range: [1, 1], text: 'Y'}
  ])
  assert.deepEqual(formattingEdits('abc', []), [])
})

unlessMissing(test, !hasShared && '../shared/corpus is absent')('every corpus page: formatting edits equal the fix engine’s first pass', async () => {
  const folder = path.join(shared, 'corpus')
  let fixed = 0
  for (const name of fs.readdirSync(folder).filter((name) => name.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(folder, name), 'utf8')
    const file = await lintText(text, {path: name})
    const edits = safeEdits(file.messages)
    if (edits.length > 0) fixed++
    check(text, edits)
  }
  assert.ok(fixed > 0, 'some corpus page has a safe fix')
})

test.run()
