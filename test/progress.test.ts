/** Long runs show progress on a terminal's stderr, and never in pipes or CI logs. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {test} from 'uvu'
import {lintFiles} from '../src/cli/lint-files.js'
import {runCli, tempTree} from './cli-helpers.js'
import {cli} from './paths.js'

const pages = Object.fromEntries(
  Array.from({length: 320}, (_, index) => [`docs/page-${index}.md`, `# Page ${index}\n\nSee [the notice](/privacy/).\n`])
)
const folder = tempTree(pages)

test('lintFiles reports progress after each batch, ending at the total', async () => {
  const seen: Array<[number, number]> = []
  await lintFiles({
    cwd: folder,
    inputs: ['docs'],
    jobs: 1,
    maxFileSize: 5 * 1024 * 1024,
    detectConfig: false,
    onProgress: (done, total) => seen.push([done, total])
  })
  assert.ok(seen.length >= 2, 'several updates')
  assert.deepEqual(seen[seen.length - 1], [320, 320])
  assert.ok(
    seen.every(([done], index) => index === 0 || done > seen[index - 1][0]),
    'counts only go up'
  )
})

const hasScript = spawnSync('script', ['--version']).status === 0
test('on a terminal, over 300 files, stderr shows "Linted N of M files"; in a pipe or with CI set, nothing', () => {
  if (!hasScript) {
    console.log('  (no `script` command: the terminal half of this test needs util-linux)')
  } else {
    const env = {...process.env}
    delete env.CI
    // `script` gives the CLI a terminal; what it wrote to the terminal comes back on stdout.
    const terminal = spawnSync('script', ['-qec', `"${process.execPath}" "${cli}" --no-config --jobs 1 docs`, '/dev/null'], {
      cwd: folder,
      env,
      encoding: 'utf8'
    })
    assert.match(terminal.stdout, /\rLinted [\d,]+ of 320 files/)
  }
  const piped = runCli(['--no-config', '--jobs', '1', 'docs'], folder)
  assert.doesNotMatch(piped.stderr, /Linted/)
})

test.run()
