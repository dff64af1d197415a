/**
 * Every finding on the real pages of `../shared/corpus`, against the committed snapshot
 * `test/snapshots/corpus-findings.tsv`, so that a change to a rule shows its effect on real pages in review.
 * `npm run snapshot` writes the snapshot anew. Every rule is on (`all-rules.mjs`), those off by default included.
 * The held-out pages are never snapshotted: they are for measuring.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {suite} from 'uvu'
import type {JsonResult} from '../src/report/json.js'
import {cli, hasShared, root, shared} from './paths.js'
import {unlessMissing} from './skip.js'

const test = suite('corpus findings snapshot')
const snapshotPath = path.join(root, 'test', 'snapshots', 'corpus-findings.tsv')
const header = 'file\tposition\trule\tmessage'

/** One line per finding, in file and position order: `file<TAB>line:column<TAB>rule<TAB>message`. */
function corpusFindings(): string[] {
  const corpus = path.join(shared, 'corpus')
  const files = fs
    .readdirSync(corpus)
    .filter((name) => /\.(md|mdx|markdown)$/.test(name) && name !== 'README.md')
    .sort()
  const result = spawnSync(process.execPath, [cli, '--config', path.join(root, 'test', 'snapshots', 'all-rules.mjs'), '--format', 'json', ...files], {
    cwd: corpus,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  assert.ok(result.status === 0 || result.status === 1, `policylint failed on the corpus: ${result.stderr}`)
  const lines: string[] = []
  for (const entry of JSON.parse(result.stdout) as JsonResult[]) {
    const messages = [...entry.messages].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId))
    )
    for (const message of messages) {
      lines.push(
        [path.basename(entry.filePath), `${message.line}:${message.column}`, message.ruleId, message.message.replace(/\s+/g, ' ')].join('\t')
      )
    }
  }
  return lines
}

/** A compact diff: the snapshot's lines that are gone and the new ones, with their counts. */
function difference(expected: string[], actual: string[]): string {
  const count = (lines: string[]) => {
    const map = new Map<string, number>()
    for (const line of lines) map.set(line, (map.get(line) ?? 0) + 1)
    return map
  }
  const before = count(expected)
  const after = count(actual)
  const gone: string[] = []
  const added: string[] = []
  for (const [line, n] of before) for (let i = after.get(line) ?? 0; i < n; i++) gone.push('- ' + line)
  for (const [line, n] of after) for (let i = before.get(line) ?? 0; i < n; i++) added.push('+ ' + line)
  return [...gone, ...added].join('\n')
}

if (!hasShared) {
  // Registered as skipped, so that uvu counts them as such.
  const skipped = unlessMissing(test, '../shared/corpus not found beside the repository')
  skipped('the findings on ../shared/corpus equal the committed snapshot (update: npm run snapshot)', () => {})
} else if (process.env.UPDATE_SNAPSHOT) {
  test('write the corpus findings snapshot', () => {
    const lines = corpusFindings()
    fs.mkdirSync(path.dirname(snapshotPath), {recursive: true})
    fs.writeFileSync(snapshotPath, [header, ...lines].join('\n') + '\n')
    console.log(`  wrote ${lines.length} findings to ${path.relative(root, snapshotPath)}`)
    assert.ok(lines.length > 0, 'the corpus has findings')
  })
} else {
  test('the findings on ../shared/corpus equal the committed snapshot (update: npm run snapshot)', () => {
    assert.ok(fs.existsSync(snapshotPath), `no snapshot at ${snapshotPath}: run \`npm run snapshot\``)
    const expected = fs.readFileSync(snapshotPath, 'utf8').split('\n').filter(Boolean).slice(1)
    const actual = corpusFindings()
    const diff = difference(expected, actual)
    assert.ok(diff === '', `the corpus findings changed (- snapshot, + now); if intended, run \`npm run snapshot\`:\n${diff}`)
  })
}

test.run()
