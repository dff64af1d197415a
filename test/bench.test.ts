/** The bench's pure parts: options, medians, the corpus split, the sample pages, the peers' table and the targets. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import {generatedPage, samplePage, writeCorpus} from '../tools/bench/corpus.js'
import {typingPoint} from '../tools/bench/lsp.js'
import {median, medianRun, nearestBySize, parseOptions, peersTable, splitCorpus, targets, type Measure, type Runs} from '../tools/bench/report.js'

test('options: defaults, each option, and an unknown one refused', () => {
  assert.deepEqual(parseOptions([]), {files: 400, copies: 3, repeat: 3, edits: 500, perRule: true, lsp: true})
  assert.deepEqual(parseOptions(['--files=40', '--copies=1', '--repeat=5', '--edits=30', '--no-per-rule', '--no-lsp']), {
    files: 40,
    copies: 1,
    repeat: 5,
    edits: 30,
    perRule: false,
    lsp: false
  })
  assert.throws(() => parseOptions(['--file=40']), /Unexpected option `--file=40`/)
  assert.throws(() => parseOptions(['--repeat=0']), /expected 1 or more/)
})

test('median: the middle value, the lower middle of an even count', () => {
  assert.equal(median([5, 1, 3]), 3)
  assert.equal(median([4, 1, 3, 2]), 2)
  assert.ok(Number.isNaN(median([])))
  const run = (wall: number): Measure => ({wall, cpu: wall * 2, rss: 1, code: 1})
  assert.equal(medianRun([run(9), run(1), run(5)]).wall, 5)
})

test('corpus split: copies of the real pages first, generated pages make up the count', () => {
  assert.deepEqual(splitCorpus(500, 3, 114), {real: 342, generated: 158})
  assert.deepEqual(splitCorpus(100, 3, 114), {real: 100, generated: 0})
  assert.deepEqual(splitCorpus(500, 3, 0), {real: 0, generated: 500})
})

test('the corpus on disk: one folder per copy, MDX renamed .md, generated pages after', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-bench-test-'))
  try {
    const real = [
      {name: 'a.md', text: '# A\n', bytes: 4},
      {name: 'b.mdx', text: '# B\n', bytes: 4}
    ]
    const corpus = writeCorpus(folder, 7, real, 2)
    assert.deepEqual([corpus.real, corpus.generated, corpus.copies, corpus.realPages], [4, 3, 2, 2])
    assert.deepEqual(
      corpus.folders.map((sub) => path.relative(folder, sub)),
      ['real-1', 'real-2', path.join('generated', '00')]
    )
    assert.deepEqual(fs.readdirSync(path.join(folder, 'real-2')), ['a.md', 'b.md'])
    assert.equal(fs.readdirSync(path.join(folder, 'generated', '00')).length, 3)
    // Without real pages (no ../shared), generated ones only.
    assert.deepEqual(writeCorpus(folder, 3).folders, [path.join(folder, 'generated', '00')])
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test('sample pages: the real .md page nearest the size, else a generated page of about that size', () => {
  assert.equal(nearestBySize([{bytes: 10}, {bytes: 13}, {bytes: 16}], 14)?.bytes, 13)
  const real = [
    {name: 'near.mdx', text: 'x', bytes: 14_000},
    {name: 'far.md', text: 'y', bytes: 9_000}
  ]
  assert.deepEqual(samplePage(real, 14_000), {name: 'far.md', text: 'y', real: true})
  const generated = samplePage([], 20_000)
  assert.equal(generated.real, false)
  assert.ok(Buffer.byteLength(generated.text) >= 20_000 && Buffer.byteLength(generated.text) < 30_000)
  // One title and one front matter block: the documents after the first become sections.
  assert.equal(generatedPage(20_000).match(/^# /gm)?.length, 1)
  assert.equal(generatedPage(20_000).match(/^---$/gm)?.length, 2)
})

test('typing goes at the end of a prose paragraph past the middle of the page', () => {
  const text = '# T\n\nFirst paragraph here.\n\n| a | b |\n\nSecond one, past the middle.\n\nLast.\n'
  assert.equal(text.slice(0, typingPoint(text)).endsWith('past the middle.'), true)
  assert.equal(typingPoint('| only | a table |'), '| only | a table |'.length)
})

const m = (wall: number, cpu = wall, rss = 100): Measure => ({wall, cpu, rss, code: 1})
const runs: Runs = {
  pages: 500,
  version: {policylint: m(120), remark: m(680), node: m(140)},
  one: {policylint: m(390), markdownlint: m(750)},
  full: {policylint: m(9000, 15_000, 340), remark: m(18_000, 22_000, 317), markdownlint: m(22_000, 28_000, 245)}
}

test('the peers table: each row and policylint ratios in brackets', () => {
  const table = peersTable(runs)
  const lines = table.split('\n')
  assert.equal(lines.length, 7)
  assert.match(lines[0], /^\| +\| policylint +\| remark-cli \+ GFM \+ front matter \+ recommended +\| markdownlint-cli2 +\| Node doing nothing +\|$/)
  assert.match(table, /\| `--version` +\| 0\.12 s +\| 0\.68 s +\| +\| 0\.14 s +\|/)
  assert.match(table, /\| one file +\| 0\.39 s +\| +\| 0\.75 s \(0\.52\) +\|/)
  assert.match(table, /\| 500 pages, wall +\| 9\.00 s +\| 18\.0 s \(policylint \/ remark-cli = 0\.50\) +\| 22\.0 s \(0\.41\) +\|/)
  assert.match(table, /\| peak memory +\| 340 MiB +\| 317 MiB +\| 245 MiB +\|/)
})

test('targets: each met or missed, with its figure', () => {
  const editor = {latencies: [80, 90, 120], warmup: 100, warmRss: 100, finalRss: 112}
  const list = targets(runs, m(0, 12_000), editor, 2)
  assert.deepEqual(
    list.map((target) => [target.met, target.figure]),
    [
      [true, '0.12 s'],
      [true, '0.39 s'],
      [true, '0.52x'],
      [true, '0.50x'],
      [true, '0.50x'],
      [true, '+25.0%'],
      [true, '340 MiB'],
      [true, '90 ms'],
      [false, '+12.0% (100 MiB -> 112 MiB)']
    ]
  )
  assert.equal(list[6].label, 'peak memory <= 350 MB at the default --jobs (2)')
  assert.equal(list[8].label, 'LSP memory after 3 edits grows <= 10% (server warmed by 100 edits)')
  const slow = targets({...runs, full: {...runs.full, policylint: m(20_000, 20_000, 400)}}, m(0, 12_000), undefined, 2)
  assert.equal(slow.length, 7)
  assert.deepEqual(
    slow.slice(3).map((target) => [target.met, target.figure]),
    [
      [false, '1.11x'],
      [false, '1.11x'],
      [false, '+66.7%'],
      [false, '400 MiB']
    ]
  )
})

test.run()
