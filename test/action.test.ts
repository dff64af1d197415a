/**
 * The GitHub Action (action.yml): its structure, and its `run:` steps' commands run here with bash as a runner
 * would run them, in a temporary workspace, with `${{ ... }}` replaced as GitHub replaces it.
 *
 * The install step (`npm ci` in the action's folder) is not run: `github.action_path` is this repository, already
 * built by `npm test`, and a fresh install would take minutes and need the network. The `uses:` steps (setup-node,
 * upload-sarif) are GitHub's own; the test checks how they are wired, and that the SARIF they would upload exists.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import {parse} from 'yaml'
import {root} from './paths.js'

interface Step {
  name?: string
  id?: string
  uses?: string
  run?: string
  shell?: string
  if?: string
  with?: Record<string, string>
  env?: Record<string, string>
  'working-directory'?: string
}

interface Action {
  name: string
  description: string
  inputs: Record<string, {description: string; required?: boolean; default?: string}>
  outputs?: Record<string, {description: string; value: string}>
  runs: {using: string; steps: Step[]}
}

const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action
const steps = action.runs.steps

/** Policy pages carry an effective date (effective-date). */
const dated = '\nLast updated: 3 March 2024\n'
const clean = '# Privacy notice\n\nRead the [cookie list](/cookies/) before you accept.\n' + dated
/** link-safety, an error: a new tab without `rel="noopener"`, on line 3 from column 20. */
const defect = '# Privacy notice\n\nWe share data with <a target="_blank" href="https://processor.example/">our processor</a>.\n' + dated

test('action.yml is a composite action with the documented inputs and their defaults', () => {
  assert.equal(action.runs.using, 'composite')
  assert.ok(action.name && action.description)
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]))
  assert.deepEqual(defaults, {paths: '.', args: '', sarif: 'true', 'node-version': '20', 'working-directory': '.'})
  for (const [name, input] of Object.entries(action.inputs)) {
    assert.ok(input.description, `input ${name} has a description`)
    assert.notEqual(input.required, true, `input ${name} is optional`)
  }
  // Every `${{ inputs.X }}` names a declared input.
  for (const [, name] of JSON.stringify(steps).matchAll(/inputs\.([\w-]+)/g)) assert.ok(name! in action.inputs, `inputs.${name} is declared`)
})

test('the steps: set up Node, install, lint, upload SARIF always when asked', () => {
  const [setup, install, lint, upload, ...rest] = steps
  assert.equal(rest.length, 0)

  assert.match(setup!.uses ?? '', /^actions\/setup-node@v\d+$/)
  assert.equal(setup!.with?.['node-version'], '${{ inputs.node-version }}')

  assert.equal(install!.id, 'install')
  assert.equal(install!.shell, 'bash')
  assert.match(install!.run ?? '', /npm ci/)
  assert.equal(install!.env?.POLICYLINT_HOME, '${{ github.action_path }}')

  assert.equal(lint!.id, 'lint')
  assert.equal(lint!.shell, 'bash')
  assert.equal(lint!['working-directory'], '${{ inputs.working-directory }}')
  assert.match(lint!.run ?? '', /--format github/)
  assert.match(lint!.run ?? '', /--format sarif -o policylint\.sarif/)
  // Inputs reach the script through env only: nothing a caller passes is pasted into the shell code.
  assert.doesNotMatch(lint!.run ?? '', /\$\{\{/)

  assert.match(upload!.uses ?? '', /^github\/codeql-action\/upload-sarif@v\d+$/)
  const condition = upload!.if ?? ''
  assert.match(condition, /^always\(\) && /, 'uploads when the lint step failed too')
  assert.match(condition, /inputs\.sarif == 'true'/)
  assert.equal(upload!.with?.sarif_file, '${{ steps.lint.outputs.sarif-file }}')
  assert.equal(action.outputs?.['sarif-file']?.value, '${{ steps.lint.outputs.sarif-file }}')
})

interface Run {
  code: number | null
  output: string
  outputs: Record<string, string>
  workspace: string
}

/**
 * The action's `run:` steps, except the install, as a runner runs them: `${{ }}` replaced in `env` and
 * `working-directory` (the scripts have none, checked above), bash with GitHub's flags, GITHUB_* variables set.
 * `pages` are written into a fresh workspace. Stops at the first step that fails, as a job does.
 */
function runAction(pages: Record<string, string>, given: Record<string, string> = {}): Run {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-action-'))
  for (const [name, text] of Object.entries(pages)) {
    fs.mkdirSync(path.dirname(path.join(workspace, name)), {recursive: true})
    fs.writeFileSync(path.join(workspace, name), text)
  }
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']))
  const substitute = (value: string) =>
    value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      if (expression === 'github.action_path') return root
      if (expression === 'github.workspace') return workspace
      const input = /^inputs\.([\w-]+)$/.exec(expression)
      if (input && input[1]! in inputs) return inputs[input[1]!]!
      throw new Error(`The test does not substitute \`${expression}\``)
    })

  const outputFile = path.join(workspace, '..', path.basename(workspace) + '.output')
  fs.writeFileSync(outputFile, '')
  let output = ''
  let code: number | null = 0
  for (const step of steps) {
    if (!step.run || step.id === 'install') continue
    assert.equal(step.shell, 'bash')
    const script = path.join(workspace, '..', path.basename(workspace) + '.' + step.id + '.sh')
    fs.writeFileSync(script, step.run)
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: root,
      GITHUB_OUTPUT: outputFile,
      NO_COLOR: '1'
    }
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = substitute(String(value))
    const cwd = path.resolve(workspace, substitute(step['working-directory'] ?? '.'))
    // GitHub's `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {cwd, env, encoding: 'utf8', timeout: 120_000})
    if (result.error) throw result.error
    output += result.stdout + result.stderr
    code = result.status
    if (code !== 0) break
  }
  const outputs = Object.fromEntries(
    fs
      .readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  )
  return {code, output, outputs, workspace}
}

function readSarif(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as {
    version: string
    runs: {
      results: {ruleId: string; level: string; locations: {physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number}}}[]}[]
    }[]
  }
}

test('an error-level finding: an annotation, a SARIF file with it, and a failing step', () => {
  const run = runAction({'privacy.md': defect})
  assert.equal(run.code, 1, run.output)
  assert.ok(
    run.output
      .split('\n')
      .includes(
        '::error file=privacy.md,line=3,col=20,endLine=3,endColumn=73,title=link-safety::Unexpected `target="_blank"` without `rel="noopener"`, expected `rel="noopener noreferrer"`'
      ),
    run.output
  )
  assert.equal(run.outputs['sarif-file'], 'policylint.sarif')
  const log = readSarif(path.join(run.workspace, 'policylint.sarif'))
  assert.equal(log.version, '2.1.0')
  const [result, ...others] = log.runs[0]!.results
  assert.equal(others.length, 0)
  assert.equal(result!.ruleId, 'link-safety')
  assert.equal(result!.level, 'error')
  assert.equal(result!.locations[0]!.physicalLocation.artifactLocation.uri, 'privacy.md')
  assert.equal(result!.locations[0]!.physicalLocation.region.startLine, 3)
})

test('a clean page: no annotation, an empty SARIF run, and a passing step', () => {
  const run = runAction({'privacy.md': clean})
  assert.equal(run.code, 0, run.output)
  assert.doesNotMatch(run.output, /^::/m)
  assert.equal(run.outputs['sarif-file'], 'policylint.sarif')
  assert.deepEqual(readSarif(path.join(run.workspace, 'policylint.sarif')).runs[0]!.results, [])
})

test('working-directory, paths and args: paths in annotations and SARIF are from the repository root', () => {
  const run = runAction(
    {'site/legal/privacy.md': defect, 'site/legal/cookies.md': clean, 'site/drafts/terms.md': defect},
    {'working-directory': 'site', paths: 'legal', args: '--max-warnings 0'}
  )
  assert.equal(run.code, 1, run.output)
  const annotations = run.output.split('\n').filter((line) => line.startsWith('::'))
  assert.equal(annotations.length, 1, run.output)
  assert.match(annotations[0]!, /^::error file=site\/legal\/privacy\.md,line=3,col=20,/)
  assert.equal(run.outputs['sarif-file'], 'site/policylint.sarif')
  const log = readSarif(path.join(run.workspace, 'site', 'policylint.sarif'))
  assert.deepEqual(
    log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri),
    ['site/legal/privacy.md']
  )
})

test("sarif: false writes no SARIF and gives the upload step nothing; the exit code is still policylint's", () => {
  const run = runAction({'privacy.md': defect}, {sarif: 'false'})
  assert.equal(run.code, 1, run.output)
  assert.match(run.output, /^::error file=privacy\.md,/m)
  assert.equal(fs.existsSync(path.join(run.workspace, 'policylint.sarif')), false)
  assert.equal(run.outputs['sarif-file'], undefined)
})

test('a run that fails (exit 2) fails the step with 2', () => {
  const run = runAction({'privacy.md': clean}, {args: '--format-typo'})
  assert.equal(run.code, 2, run.output)
})

test.run()
