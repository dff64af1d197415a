#!/usr/bin/env node
/**
 * `npm test` after the build: every uvu file in dist/test, as child processes, as many at a time as there are
 * cores (TEST_JOBS overrides). The files are independent (each works in its own temporary folders), and most of
 * the suite's time is spent in a few of them, so the slowest (as timed by the last run) start first.
 *
 * Each file's output is printed whole when it ends, without its own summary; one summary in uvu's shape
 * (`Total:`, `Passed:`, `Skipped:`, `Duration:`) ends the run, which is what .ci/run counts. A file that fails or
 * dies before its summary counts as one failed test; the exit code is 1 when anything failed.
 *
 * Usage: node tools/test.mjs [pattern]   (only the *.test.js files whose name matches this regular expression)
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const folder = path.join(root, 'dist', 'test')
const timesFile = path.join(root, 'node_modules', '.cache', 'policylint-test-times.json')
/** A file still running after this long has hung: it is killed and counted as failed. */
const fileTimeout = 15 * 60 * 1000
/** Before any run was timed: the files known to be slow (seconds on a 2-core machine, pre-commit with the tool). */
const knownSlow = {
  'pre-commit.test.js': 100,
  'property.test.js': 40,
  'report.test.js': 30,
  'shared.test.js': 30,
  'cli.test.js': 30,
  'shard.test.js': 25,
  'robustness.test.js': 20
}

const pattern = new RegExp(process.argv[2] ?? '')
const jobs = Math.max(1, Number(process.env.TEST_JOBS) || os.availableParallelism())

let previous = {}
try {
  previous = JSON.parse(fs.readFileSync(timesFile, 'utf8'))
} catch {
  // First run, or no cache: the built-in estimates order the files.
}
const estimate = (name) => previous[name] ?? knownSlow[name] ?? 1
const files = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith('.test.js') && pattern.test(name))
  .sort((a, b) => estimate(b) - estimate(a) || (a < b ? -1 : 1))

if (files.length === 0) {
  console.error(`No test files in ${path.relative(process.cwd(), folder) || '.'} match ${pattern}`)
  process.exit(1)
}

const summaryLine = /^\s*(Total|Passed|Skipped|Duration):\s*([\d.]+)/
const started = Date.now()
const totals = {total: 0, passed: 0, skipped: 0}
const failedFiles = []
const times = {}
const queue = [...files]

console.log(`Running ${files.length} test files, ${Math.min(jobs, files.length)} at a time`)

async function lane() {
  for (let name = queue.shift(); name; name = queue.shift()) {
    const {output, code, seconds} = await runFile(name)
    times[name] = seconds
    const counts = {}
    const kept = []
    for (const line of output.split('\n')) {
      const match = summaryLine.exec(line)
      if (match) counts[match[1]] = Number(match[2])
      else kept.push(line)
    }
    const ok = code === 0 && counts.Total !== undefined
    if (counts.Total === undefined) {
      // It died before uvu's summary: one failed test, so the count shows it.
      counts.Total = 1
      counts.Passed = 0
    }
    totals.total += counts.Total
    totals.passed += counts.Passed ?? 0
    totals.skipped += counts.Skipped ?? 0
    if (!ok) failedFiles.push(name)
    const body = kept
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
    process.stdout.write(`\n── ${name} (${seconds.toFixed(1)} s${ok ? '' : `, FAILED with exit code ${code}`})\n${body ? body + '\n' : ''}`)
  }
}

function runFile(name) {
  return new Promise((resolve) => {
    const begun = Date.now()
    const child = spawn(process.execPath, [path.join(folder, name)], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      output += `\nKilled after ${fileTimeout / 60000} minutes: the file hung\n`
      child.kill('SIGKILL')
    }, fileTimeout)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({output, code: code ?? signal, seconds: (Date.now() - begun) / 1000})
    })
  })
}

await Promise.all(Array.from({length: Math.min(jobs, files.length)}, lane))

try {
  fs.mkdirSync(path.dirname(timesFile), {recursive: true})
  fs.writeFileSync(timesFile, JSON.stringify({...previous, ...times}, null, 2) + '\n')
} catch {
  // Only an ordering hint.
}

const slowest = Object.entries(times)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 5)
  .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
  .join(', ')
console.log(`\nSlowest: ${slowest}`)
if (failedFiles.length > 0) console.log(`Failed: ${failedFiles.join(', ')}`)
console.log(`\n  Total:     ${totals.total}\n  Passed:    ${totals.passed}\n  Skipped:   ${totals.skipped}\n  Duration:  ${Date.now() - started}ms\n`)
process.exitCode = failedFiles.length > 0 || totals.passed < totals.total ? 1 : 0
