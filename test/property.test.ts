/** Property tests (fast-check): random Markdown and HTML never crash a rule, and `--fix` keeps every word and byte it should. */
import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {suite} from 'uvu'
import type {VFileMessage} from 'vfile-message'
import {cli, hasShared, shared} from './paths.js'
import {unlessMissing} from './skip.js'
import {fixText, lintText} from './lint-helpers.js'

const test = suite('properties')

/** Pieces policy pages are made of, including broken ones; fast-check joins and mutates them. */
const pieces = [
  '# Cookie policy\n',
  '## Third party cookies\n',
  '## What are cokkies?\n',
  'Your choices\n============\n',
  '#### Skipped levels\n',
  '**Effective August 20, 2022**\n',
  'We use cookies to keep the Site secure. ',
  'Third-party cookies which maybe set include Google Analytics. ',
  'the the ',
  'Read the [privacy notice](/privacy/) and <a href="/terms/">the terms</a>. ',
  '<a target="_blank" href="https://example.com/">Example</a> ',
  '<a href="">empty</a> [empty]() <http://example.com/> www.example.com ',
  '| Name | Provider | Purpose | Duration |\n|---|---|---|---|\n| `_ga`\t| Google | Analytics | 2 years |\n',
  '| Cookie | Lifespan (Days) |\n|--|--|\n| _gid | 0 |\n| visitor_id##### | 3649 |\n',
  '<table><tr><th>Name</th><th>Purpose</th></tr><tr><td><code>_ga<br />_gid</code></td><td>Analytics &amp; reports</td></tr></table>\n',
  '<table><tr><td colspan="2">Merged</td></tr></table>\n',
  '<div><p>Unclosed <b>bold\n',
  '---\ntitle: Cookie policy\n---\n',
  '```\ncode <a href="x">kept</a>\n```\n',
  '> quoted <a href="/q/">link</a>\n',
  '- item with `code` and *emphasis*\n',
  '\n',
  '\r\n',
  '&copy; &amp;&lt; \\| | ',
  '[ref]: https://example.com/ref\n[text][ref] '
]

const documents = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.oneof({weight: 4, arbitrary: fc.constantFrom(...pieces)}, {weight: 1, arbitrary: fc.string({maxLength: 12})}), {maxLength: 14})
  )
  .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.join(''))

const crlfDocuments = fc
  .array(fc.constantFrom(...pieces.filter((piece) => !piece.includes('\r'))), {minLength: 1, maxLength: 10})
  .map((parts) => parts.join('').replace(/\r?\n/g, '\r\n'))

const structuralRules = new Set(['link-style', 'link-safety', 'no-html-table', 'table-format', 'heading-punctuation', 'heading-style'])

/** Letters-and-digits words of a text once tags are removed, as a count per word. */
function wordCounts(text: string, stripTags: boolean): Map<string, number> {
  const plain = stripTags ? text.replace(/<[^>]*>/g, ' ') : text
  const counts = new Map<string, number>()
  for (const word of plain.match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1)
  return counts
}

/** Every word a structural fix replaces is still in its replacement (entities decoded both sides). */
function wordsKept(message: VFileMessage): string | undefined {
  if (!message.fix || !structuralRules.has(String(message.ruleId))) return undefined
  const decode = (text: string) =>
    text
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&nbsp;/g, ' ')
      .replace(/&copy;/g, '©')
  const before = wordCounts(decode(message.actual ?? ''), true)
  const after = wordCounts(decode(message.fix.text), false)
  for (const [word, count] of before) {
    // Tag and attribute names are markup, not words; everything else must survive.
    if (
      (after.get(word) ?? 0) < count &&
      !/^(?:a|td|th|tr|br|code|href|title|target|rel|noopener|noreferrer|_blank|table|thead|tbody|strong|b|em|i)$/i.test(word)
    ) {
      return `${message.ruleId} lost \`${word}\` in ${JSON.stringify(message.actual)} -> ${JSON.stringify(message.fix.text)}`
    }
  }
  return undefined
}

test('random documents: no crash, every message placed, fixes keep words and reach a fixed point', async () => {
  await fc.assert(
    fc.asyncProperty(documents, async (input) => {
      const file = await lintText(input)
      for (const message of file.messages) {
        assert.ok(!message.failure, `no rule fails: ${message.reason}`)
        assert.ok(message.place && 'start' in message.place && message.place.start.line >= 1, `placed: ${message.reason}`)
        const lost = wordsKept(message)
        assert.equal(lost, undefined, lost)
      }
      const outcome = await fixText(input)
      assert.ok(outcome.converged)
      const again = await fixText(outcome.output)
      assert.equal(again.output, outcome.output, 'the fixed document is a fixed point')
      assert.equal(outcome.output.startsWith('\uFEFF'), input.startsWith('\uFEFF'), 'the BOM is kept')
    }),
    {numRuns: 120, seed: 20261124}
  )
})

test('random CRLF documents stay CRLF after fixing', async () => {
  await fc.assert(
    fc.asyncProperty(crlfDocuments, async (input) => {
      const {output} = await fixText(input)
      assert.ok(!/(^|[^\r])\n/.test(output), 'no bare LF was introduced: ' + JSON.stringify(output))
    }),
    {numRuns: 60, seed: 7}
  )
})

{
  // Without ../shared these tests are registered as skipped, so that uvu counts them as such.
  const register = unlessMissing(test, !hasShared && '../shared/corpus not found')
  register('corpus: every structural fix keeps the words it replaces', async () => {
    const folder = path.join(shared, 'corpus')
    const lost: string[] = []
    for (const name of fs.readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
      const file = await lintText(fs.readFileSync(path.join(folder, name), 'utf8'), {path: name})
      for (const message of file.messages) {
        const problem = wordsKept(message)
        if (problem) lost.push(`${name}: ${problem}`)
      }
    }
    assert.deepEqual(lost, [])
  })
}

test('killing --fix at random points leaves every file untouched or completely fixed', async () => {
  const original =
    'Read <a href="/privacy/">the notice</a> and <a target="_blank" href="https://example.com/">the site</a>.\n\n' +
    '<table><tr><th>Name</th><th>Purpose</th></tr><tr><td><code>_ga</code></td><td>Analytics</td></tr></table>\n'
  const template = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-kill-'))
  for (let index = 0; index < 80; index++) fs.writeFileSync(path.join(template, `page-${index}.md`), original)
  // The fixed text, and how long a complete run takes, from one complete run.
  const reference = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-kill-ref-'))
  for (const name of fs.readdirSync(template)) fs.copyFileSync(path.join(template, name), path.join(reference, name))
  const started = Date.now()
  spawnSync(process.execPath, [cli, '--no-config', '--fix', '--jobs', '1', '.'], {cwd: reference})
  const duration = Date.now() - started
  const fixed = fs.readFileSync(path.join(reference, 'page-0.md'), 'utf8')
  assert.notEqual(fixed, original)

  let sawPartialRun = false
  for (let round = 0; round < 6; round++) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-kill-run-'))
    for (const name of fs.readdirSync(template)) fs.copyFileSync(path.join(template, name), path.join(folder, name))
    const child = spawn(process.execPath, [cli, '--no-config', '--fix', '--jobs', '1', '.'], {cwd: folder, stdio: 'ignore'})
    // Listen from the start: the run may end before the kill.
    const closed = new Promise((resolve) => child.on('close', resolve))
    // Most kills land in the last part of the run, where files are being written.
    const delay = Math.floor(duration * (0.75 + Math.random() * 0.25))
    await new Promise((resolve) => setTimeout(resolve, delay))
    child.kill('SIGKILL')
    await closed
    const states = fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.md'))
      .map((name) => fs.readFileSync(path.join(folder, name), 'utf8'))
    assert.equal(states.length, 80, 'no file disappeared')
    for (const state of states) assert.ok(state === original || state === fixed, 'each file is untouched or completely fixed')
    if (states.includes(original) && states.includes(fixed)) sawPartialRun = true
    // The next run finishes the job and clears any temporary file the killed one left behind.
    spawnSync(process.execPath, [cli, '--no-config', '--fix', '--jobs', '1', '.'], {cwd: folder})
    const after = fs.readdirSync(folder)
    assert.deepEqual(
      after.filter((name) => !name.endsWith('.md')),
      [],
      'no temporary file is left after a complete run'
    )
    for (const name of after) assert.equal(fs.readFileSync(path.join(folder, name), 'utf8'), fixed)
  }
  // Not asserted (timing decides it), but reported: whether a kill landed in the middle of writing.
  console.log(`  kill test: ${sawPartialRun ? 'a kill landed while files were being written' : 'no kill landed mid-write this time'}`)
})

test.run()
