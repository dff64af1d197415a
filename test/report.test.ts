/** CI output formats: SARIF (validated against the published 2.1.0 schema), GitHub workflow commands, JUnit; `--output-file`. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {test} from 'uvu'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {rules} from '../rules/index.js'
import {runCli, tempTree} from './cli-helpers.js'
import {hasShared, shared} from './paths.js'
import {unlessMissing} from './skip.js'

const require = createRequire(import.meta.url)
// The SARIF 2.1.0 schema as published on SchemaStore, shipped by @microsoft/jest-sarif (a dev dependency).
const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'))
// The schema's `language` pattern is not valid with the `u` flag, so patterns are compiled without it.
const ajv = new ajvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
ajvFormats.default(ajv)
const validateSarif = ajv.compile(schema)

const documents = {
  'docs/privacy.md':
    'Read the <a href="/cookies/">cookie list</a> or [the archive](http://example.com/old).\n\nSee <a target="_blank" href="https://x.example/">the processor</a>.\n\n' +
    'Last updated: 3 March 2024\n',
  'docs/clean.md': '# Terms\n\nLast updated: 3 March 2024\n\nRead our [privacy notice](/privacy/).\n'
}

function assertValidSarif(log: unknown): void {
  const valid = validateSarif(log)
  assert.ok(valid, 'SARIF log is valid: ' + ajv.errorsText(validateSarif.errors))
}

test('the schema validator rejects a broken SARIF log', () => {
  // So a passing validation below means something.
  assert.equal(validateSarif({version: '2.1.0', runs: [{tool: {driver: {}}}]}), false)
  assert.equal(validateSarif({version: '2.0.0', runs: []}), false)
})

test('sarif: valid 2.1.0, one result per finding, with regions, rules and fixes', () => {
  const cwd = tempTree(documents)
  const run = runCli(['--format', 'sarif', 'docs'], cwd)
  assert.equal(run.code, 1, run.stderr)
  const log = JSON.parse(run.stdout)
  assertValidSarif(log)
  const json = JSON.parse(runCli(['--format', 'json', 'docs'], cwd).stdout) as Array<{filePath: string; messages: Array<Record<string, unknown>>}>
  const expected = json.flatMap((result) =>
    result.messages.map((message) => ({
      ruleId: message.ruleId,
      uri: result.filePath,
      region: {startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn},
      level: message.severity === 2 ? 'error' : 'warning'
    }))
  )
  const [sarifRun] = log.runs
  assert.equal(sarifRun.tool.driver.name, 'policylint')
  assert.deepEqual(
    sarifRun.tool.driver.rules.map((rule: {id: string}) => rule.id),
    rules.map((rule) => rule.meta.id)
  )
  assert.deepEqual(
    sarifRun.results.map((result: any) => ({
      ruleId: result.ruleId,
      uri: result.locations[0].physicalLocation.artifactLocation.uri,
      region: result.locations[0].physicalLocation.region,
      level: result.level
    })),
    expected
  )
  for (const result of sarifRun.results) assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, result.ruleId)
  const fixed = sarifRun.results.find((result: any) => result.fixes)
  assert.equal(fixed.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '[cookie list](/cookies/)')
  assert.deepEqual(sarifRun.invocations, [{executionSuccessful: true}])
})

test('sarif: a file that cannot be read is a tool notification and a failed run (exit 2)', () => {
  const cwd = tempTree({...documents, 'docs/broken.md': Uint8Array.from([0x23, 0x20, 0xff, 0xfe, 0x0a])})
  const run = runCli(['--format', 'sarif', 'docs'], cwd)
  assert.equal(run.code, 2)
  const log = JSON.parse(run.stdout)
  assertValidSarif(log)
  const [invocation] = log.runs[0].invocations
  assert.equal(invocation.executionSuccessful, false)
  assert.match(invocation.toolExecutionNotifications[0].message.text, /not valid UTF-8/)
  assert.equal(invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'docs/broken.md')
})

test('sarif: a clean run is valid and has no results (exit 0)', () => {
  const cwd = tempTree({
    'docs/clean.md': documents['docs/clean.md'],
    'docs/with space.md': '# Cookies\n\nLast updated: 3 March 2024\n\nWe use none.\n'
  })
  const run = runCli(['--format', 'sarif', '.'], cwd)
  assert.equal(run.code, 0, run.stderr)
  const log = JSON.parse(run.stdout)
  assertValidSarif(log)
  assert.deepEqual(log.runs[0].results, [])
})

test("a finding's evidence: SARIF relatedLocations, json `evidence`, stylish [cause]", () => {
  const claim =
    '# Cookie policy\n\nWe only use session cookies.\n\n| Name | Purpose | Duration |\n| --- | --- | --- |\n| `sid` | Sign-in | Session |\n| `prefs` | Preferences | 1 year |\n'
  const cwd = tempTree({'docs/cookie-policy.md': claim})
  const sarif = runCli(['--format', 'sarif', 'docs'], cwd)
  const log = JSON.parse(sarif.stdout)
  assertValidSarif(log)
  const result = log.runs[0].results.find((entry: {ruleId: string}) => entry.ruleId === 'claims-consistency')
  assert.deepEqual(result.locations[0].physicalLocation.region, {startLine: 3, startColumn: 1, endLine: 3, endColumn: 28})
  assert.deepEqual(result.relatedLocations, [
    {
      id: 1,
      message: {text: '`prefs` lasts 1 year'},
      physicalLocation: {
        artifactLocation: result.locations[0].physicalLocation.artifactLocation,
        region: {startLine: 8, startColumn: 27, endLine: 8, endColumn: 33}
      }
    }
  ])
  const json = JSON.parse(runCli(['--format', 'json', 'docs'], cwd).stdout)
  const entry = json[0].messages.find((message: {ruleId: string}) => message.ruleId === 'claims-consistency')
  assert.deepEqual(entry.evidence, {message: '`prefs` lasts 1 year', line: 8, column: 27, endLine: 8, endColumn: 33})
  assert.match(runCli(['docs'], cwd).stdout, /\n {2}\[cause\]:\n {4}8:27-8:33 `prefs` lasts 1 year\n/)
})

test('github: workflow commands, errors and warnings, escaped', () => {
  const cwd = tempTree({
    'docs/a,b.md': 'See <a target="_blank" href="https://x.example/">the processor</a> and [the archive](http://example.com/100%).\n'
  })
  const run = runCli(['--format', 'github', 'docs'], cwd)
  assert.equal(run.code, 1)
  assert.equal(
    run.stdout,
    [
      // Position order: the shorter span at the same start first.
      '::error file=docs/a%2Cb.md,line=1,col=5,endLine=1,endColumn=50,title=link-safety::Unexpected `target="_blank"` without `rel="noopener"`, expected `rel="noopener noreferrer"`',
      '::warning file=docs/a%2Cb.md,line=1,col=5,endLine=1,endColumn=67,title=link-style::Unexpected HTML link, expected a Markdown link',
      '::warning file=docs/a%2Cb.md,line=1,col=86,endLine=1,endColumn=93,title=link-safety::Unexpected insecure URL `http://example.com/100%25`, expected `https://`',
      ''
    ].join('\n')
  )
})

test('junit: one suite per file, a failing case per message, a passing case per clean file', () => {
  const cwd = tempTree(documents)
  const run = runCli(['--format', 'junit', 'docs'], cwd)
  assert.equal(run.code, 1)
  const xml = run.stdout
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="policylint" tests="5" failures="4" errors="0">/)
  assert.match(
    xml,
    /<testsuite name="docs\/clean.md" tests="1" failures="0" errors="0">\n {4}<testcase name="policylint" classname="docs\/clean.md"\/>/
  )
  assert.match(
    xml,
    /<testcase name="link-safety at 3:5" classname="docs\/privacy.md">\n {6}<failure message="Unexpected `target=&quot;_blank&quot;` without `rel=&quot;noopener&quot;`, expected `rel=&quot;noopener noreferrer&quot;`" type="error">/
  )
  // Balanced elements: every opened test case is closed.
  assert.equal((xml.match(/<testcase /g) ?? []).length, 5)
  assert.equal((xml.match(/<\/testcase>|<testcase [^>]*\/>/g) ?? []).length, 5)
})

test('json keeps its shape', () => {
  const cwd = tempTree(documents)
  const run = runCli(['--format', 'json', 'docs/privacy.md'], cwd)
  const [result] = JSON.parse(run.stdout)
  assert.deepEqual(Object.keys(result), ['filePath', 'messages', 'errorCount', 'warningCount'])
  assert.deepEqual(Object.keys(result.messages[0]), [
    'ruleId',
    'source',
    'severity',
    'message',
    'line',
    'column',
    'endLine',
    'endColumn',
    'fix',
    'fixTier',
    'suggestions',
    'url',
    'note'
  ])
  assert.deepEqual([result.errorCount, result.warningCount], [1, 3])
})

test('--output-file writes the report there, not to stdout, and keeps the exit code', () => {
  const cwd = tempTree(documents)
  const run = runCli(['--format', 'sarif', '--output-file', 'reports/policylint.sarif', 'docs'], cwd)
  assert.equal(run.code, 1)
  assert.equal(run.stdout, '')
  const log = JSON.parse(fs.readFileSync(path.join(cwd, 'reports', 'policylint.sarif'), 'utf8'))
  assertValidSarif(log)
  assert.equal(log.runs[0].results.length, 4)
  const clean = runCli(['-o', 'out.txt', 'docs/clean.md'], cwd)
  assert.equal(clean.code, 0)
  assert.equal(fs.readFileSync(path.join(cwd, 'out.txt'), 'utf8'), '')
  const bad = runCli(['--output-file', '', 'docs'], cwd)
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /--output-file/)
})

unlessMissing(test, !hasShared && '../shared/corpus is absent')('sarif over the corpus is valid and has one result per finding', () => {
  const corpus = path.join(shared, 'corpus')
  const files = fs.readdirSync(corpus).filter((name) => name.endsWith('.md'))
  const log = JSON.parse(runCli(['--no-config', '--format', 'sarif', ...files], corpus).stdout)
  assertValidSarif(log)
  const json = JSON.parse(runCli(['--no-config', '--format', 'json', ...files], corpus).stdout) as Array<{messages: unknown[]}>
  assert.equal(
    log.runs[0].results.length,
    json.reduce((sum, result) => sum + result.messages.length, 0)
  )
  assert.ok(log.runs[0].results.length > 0)
})

test('--format rejects an unknown format (exit 2)', () => {
  const run = runCli(['--format', 'checkstyle', '.'], tempTree(documents))
  assert.equal(run.code, 2)
  assert.match(run.stderr, /`sarif`, `github`, `junit`/)
})

test.run()
