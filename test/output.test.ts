/** Output people read (issue 13, item 4): stylish wrapping and order, the fix and --max-warnings summaries, --help defaults, severity typos. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import {VFile} from 'vfile'
import {stylish, textWidth, wrap} from '../src/report/stylish.js'
import {runCli, tempTree} from './cli-helpers.js'
import {root} from './paths.js'

const mixed = 'Read [the notice](/privacy/) and <a href="/cookies/">the cookie list</a>.\n'
const unsafe = 'Open <a target="_blank" href="https://example.com/">the site</a>.\n'
const insecure = 'See [the archive](http://example.com/old) and <a href="/x/">x</a>.\n'

/** A file with findings reported out of position order, one with a long reason and a note. */
function sample(): VFile {
  const file = new VFile({path: 'docs/privacy.md', cwd: '/'})
  const long = file.message(
    'Unexpected claim `we never share your personal data with anyone` beside a table that lists an advertising partner, expected the claim to match the table',
    {place: {start: {line: 12, column: 3}, end: {line: 12, column: 40}}, ruleId: 'claims-consistency', source: 'policylint'}
  )
  long.url = 'https://github.com/policylint/policylint/blob/main/docs/rules/claims-consistency.md'
  long.note = 'Not fixed: which of the two is true only the site owner knows; change the claim or the table so that both say the same thing'
  file.message('Unexpected HTML link, expected a Markdown link', {
    place: {start: {line: 2, column: 5}, end: {line: 2, column: 60}},
    ruleId: 'link-style',
    source: 'policylint'
  })
  const error = file.message('Unexpected `target="_blank"` without `rel="noopener"`, expected `rel="noopener noreferrer"`', {
    place: {start: {line: 2, column: 5}, end: {line: 2, column: 50}},
    ruleId: 'link-safety',
    source: 'policylint'
  })
  error.fatal = true
  return file
}

test('stylish wraps to the width and never pads past it', () => {
  for (const width of [50, 60, 80, 120]) {
    const lines = stylish([sample()], {color: false, width}).split('\n')
    for (const line of lines) {
      // A URL cannot be broken; every other line fits.
      if (!/^ {4}https:\/\//.test(line)) assert.ok(textWidth(line) <= width, `${width} columns: ${JSON.stringify(line)} is ${line.length} long`)
      assert.equal(line, line.trimEnd(), 'no trailing spaces')
    }
  }
  const narrow = stylish([sample()], {color: false, width: 60})
  // The long reason continues under itself, indented past the place and severity.
  assert.match(narrow, /^12:3-12:40 warning Unexpected claim `we never share your\n {19}personal data with anyone` beside a table\n/m)
  assert.match(narrow, /^ {19}expected the claim to match the table\n {19}claims-consistency policylint\n/m)
  // A rule that fits after the reason's last line stays there, two spaces after it.
  assert.match(narrow, /^ {19}noreferrer"` {2}link-safety policylint$/m)
  assert.match(narrow, /^ {4}Not fixed: which of the two is true only the site owner\n {4}knows;/m)
  // On a wide terminal, one line per finding with the rules lined up after the longest reason.
  const wide = stylish([sample()], {color: false, width: 250}).split('\n')
  const ruleColumns = wide.filter((line) => /^\d+:/.test(line)).map((line) => line.search(/(link-s|claims-)\S+ +policylint$/))
  assert.equal(new Set(ruleColumns).size, 1, 'rule ids line up: ' + ruleColumns.join(', '))
})

test("stylish lists a file's messages in position order", () => {
  const places = stylish([sample()], {color: false, width: 80})
    .split('\n')
    .filter((line) => /^\d+:/.test(line))
    .map((line) => line.split(' ')[0])
  assert.deepEqual(places, ['2:5-2:50', '2:5-2:60', '12:3-12:40'])
})

test('wrap breaks at spaces and keeps an over-long word whole; wide characters take two columns', () => {
  assert.deepEqual(wrap('aaa bbb ccc', 7), ['aaa bbb', 'ccc'])
  assert.deepEqual(wrap('a https://example.com/a/long/path b', 10), ['a', 'https://example.com/a/long/path', 'b'])
  assert.equal(textWidth('クッキー'), 8)
  assert.equal(textWidth('e\u0301'), 1)
})

test('the CLI wraps to 80 columns when its output is not a terminal', () => {
  const long = '<p align="center">The settings are kept for the length of your visit, then they are removed from this device.</p>\n'
  const cwd = tempTree({'docs/privacy.md': mixed + unsafe + insecure + long})
  const run = runCli(['docs'], cwd)
  const lines = run.stdout.split('\n').filter((line) => !/^ {4}https:\/\//.test(line))
  assert.ok(lines.length > 10)
  for (const line of lines) assert.ok(textWidth(line) <= 80, JSON.stringify(line))
  assert.match(run.stdout, /\n1:34-1:73 +warning Unexpected HTML link, expected a Markdown link\n +link-style +policylint\n/)
})

test('--fix ends with what it fixed and what remains, on stderr', () => {
  const cwd = tempTree({'a.md': mixed + unsafe + insecure, 'b.md': mixed, 'c.md': '# Clean\n'})
  const run = runCli(['--fix', 'a.md', 'b.md', 'c.md'], cwd)
  assert.equal(run.code, 0)
  // a.md: the HTML link, rel="noopener" and the second HTML link; b.md: its HTML link. Left: the link that opens a tab and the insecure URL.
  assert.match(run.stderr, /Fixed 4 problems in 2 files; 2 remain\n$/)
  assert.doesNotMatch(run.stdout, /Fixed/)
  const again = runCli(['--fix', 'b.md'], cwd)
  assert.match(again.stderr, /^Fixed 0 problems in 0 files; 0 remain\n$/)
})

test('--fix-dry-run says the remaining positions are in the fixed text', () => {
  const cwd = tempTree({'a.md': mixed + unsafe + insecure, 'b.md': 'See [the archive](http://example.com/old).\n'})
  const run = runCli(['--fix-dry-run', 'a.md', 'b.md'], cwd)
  // The report goes to stderr after the diff; only the changed file's positions moved.
  assert.match(run.stderr, /^a\.md\nPositions are in the fixed text\n2:6-2:91 +warning/m)
  assert.match(run.stderr, /^b\.md\n1:19-1:26 +warning/m)
  assert.match(run.stderr, /Would fix 3 problems in 1 file; 3 remain\n$/)
  assert.equal(fs.readFileSync(path.join(cwd, 'a.md'), 'utf8'), mixed + unsafe + insecure)
})

test('--max-warnings says why it exits 1', () => {
  const cwd = tempTree({'c.md': insecure})
  const over = runCli(['--max-warnings', '1', 'c.md'], cwd)
  assert.equal(over.code, 1)
  assert.match(over.stderr, /^2 warnings exceed the limit of 1 \(--max-warnings\)\n$/)
  const one = runCli(['--max-warnings', '0', '--format', 'json', 'c.md'], tempTree({'c.md': 'See [the archive](http://example.com/old).\n'}))
  assert.match(one.stderr, /^1 warning exceeds the limit of 0/)
  const within = runCli(['--max-warnings', '2', 'c.md'], cwd)
  assert.equal(within.code, 0)
  assert.equal(within.stderr, '')
  // Errors give 1 on their own: no word about the limit.
  const errors = runCli(['--max-warnings', '0', 'a.md'], tempTree({'a.md': unsafe + insecure}))
  assert.equal(errors.code, 1)
  assert.doesNotMatch(errors.stderr, /exceed/)
})

test('--help shows the true defaults', () => {
  const help = runCli(['--help'], root).stdout.replace(/\s+/g, ' ')
  assert.match(help, /--color Colour the stylish output \[boolean\] \[default: on for a terminal, off when NO_COLOR is set\]/)
  assert.match(help, /--jobs .*\[default: the number of cores \(\d+\)\]/)
  assert.match(help, /--max-warnings .*\[default: no limit\]/)
  assert.doesNotMatch(help, /default: false\] --jobs/)
})

test('a misspelt severity is named as a severity', () => {
  for (const [severity, shown] of [
    ["'eror'", 'eror'],
    ['3', '3'],
    ["'warning'", 'warning']
  ]) {
    const cwd = tempTree({
      'a.md': mixed,
      '.remarkrc.mjs': `import policylint from 'policylint'\nimport {linkStyle} from 'policylint/rules'\nexport default {plugins: [policylint, [linkStyle, [${severity}, {style: 'markdown'}]]]}\n`
    })
    fs.mkdirSync(path.join(cwd, 'node_modules'))
    fs.symlinkSync(root, path.join(cwd, 'node_modules', 'policylint'))
    const run = runCli(['--format', 'json', 'a.md'], cwd)
    assert.equal(run.code, 2)
    const [entry] = JSON.parse(run.stdout)
    assert.equal(entry.messages[0].message, `Unexpected severity \`${shown}\`, expected \`off\`, \`warn\`, \`error\` (or 0, 1, 2)`)
    assert.equal(entry.messages[0].ruleId, 'link-style')
    assert.equal(entry.messages[0].fatal, true)
  }
})

test.run()
