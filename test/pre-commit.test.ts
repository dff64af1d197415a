/** The pre-commit hooks, run by the real `pre-commit` tool on a temporary git repository. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import {root} from './paths.js'
import {unlessMissing} from './skip.js'

const version = spawnSync('pre-commit', ['--version'], {encoding: 'utf8'})
const found = !version.error && version.status === 0

/** Policy pages carry an effective date (effective-date). */
const dated = '\nLast updated: 3 March 2024\n'
const clean = '# Privacy notice\n\nRead the [cookie list](/cookies/) before you accept.\n' + dated
const defect = '# Privacy notice\n\nWe share data with <a target="_blank" href="https://processor.example/">our processor</a>.\n' + dated
const fixed =
  '# Privacy notice\n\nWe share data with <a target="_blank" rel="noopener noreferrer" href="https://processor.example/">our processor</a>.\n' + dated

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, timeout = 120_000) {
  const result = spawnSync(command, args, {cwd, env, encoding: 'utf8', timeout})
  if (result.error) throw result.error
  return {code: result.status, output: result.stdout + result.stderr}
}

const git = (args: string[], cwd: string) =>
  run('git', ['-c', 'user.name=policylint', '-c', 'user.email=tests@policylint.invalid', '-c', 'commit.gpgsign=false', ...args], cwd)

/**
 * This repository as it is now (tracked and new files, not ignored ones) committed into a temporary repository,
 * so a configuration can name it with a `rev`, as users name the published repository.
 */
function snapshot(): {hooks: string; rev: string} {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-hooks-'))
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root)
  assert.equal(listed.code, 0, listed.output)
  for (const name of run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root).output.split('\0').filter(Boolean)) {
    const from = path.join(root, name)
    if (!fs.existsSync(from)) continue // deleted, not yet committed
    fs.mkdirSync(path.dirname(path.join(target, name)), {recursive: true})
    fs.copyFileSync(from, path.join(target, name))
  }
  assert.equal(git(['init', '-q'], target).code, 0)
  assert.equal(git(['add', '-A'], target).code, 0)
  assert.equal(git(['commit', '-q', '-m', 'snapshot'], target).code, 0)
  const rev = git(['rev-parse', 'HEAD'], target)
  assert.equal(rev.code, 0, rev.output)
  return {hooks: target, rev: rev.output.trim()}
}

{
  // Without pre-commit the test is registered as skipped, so that uvu counts it as such.
  const register = unlessMissing(test, !found && '`pre-commit` not found on PATH (install the Debian package `pre-commit`)')
  register('pre-commit: a defect fails with the finding, policylint-fix fixes it, then clean and fixed files pass', () => {
    const {hooks, rev} = snapshot()
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-pre-commit-home-'))
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-pre-commit-'))
    try {
      fs.mkdirSync(path.join(project, 'docs'))
      fs.writeFileSync(path.join(project, 'docs', 'clean.md'), clean)
      fs.writeFileSync(path.join(project, 'docs', 'defect.md'), defect)
      fs.writeFileSync(path.join(project, 'notes.txt'), 'not Markdown: <a target="_blank" href="https://x.example/">x</a>\n')
      fs.writeFileSync(
        path.join(project, '.pre-commit-config.yaml'),
        `repos:\n  - repo: ${JSON.stringify(hooks)}\n    rev: ${rev}\n    hooks:\n      - id: policylint\n      - id: policylint-fix\n`
      )
      assert.equal(git(['init', '-q'], project).code, 0)
      assert.equal(git(['add', '-A'], project).code, 0)
      const env = {...process.env, PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: 'never', NO_COLOR: '1'}
      // Installing the hooks (npm install, which builds dist/ through `prepare`, then npm pack and a global install
      // of the tarball) is most of this test's time. `try-repo` installs afresh on every run, into a store of its
      // own; `run` with a configuration installs once into PRE_COMMIT_HOME, and the second run reuses it.
      const runHooks = () => run('pre-commit', ['run', '--files', 'docs/clean.md', 'docs/defect.md', 'notes.txt'], project, env, 600_000)

      const first = runHooks()
      assert.equal(first.code, 1, first.output)
      assert.match(first.output, /^policylint\.+Failed$/m)
      assert.match(first.output, /docs\/defect\.md\n3:20-3:73\s+error\s+Unexpected `target="_blank"` without `rel="noopener"`/)
      assert.doesNotMatch(first.output, /clean\.md|notes\.txt/, 'only the Markdown file with findings is reported')
      assert.match(first.output, /^policylint \(fix\)\.+Failed$/m)
      assert.match(first.output, /files were modified by this hook/)
      assert.equal(fs.readFileSync(path.join(project, 'docs', 'defect.md'), 'utf8'), fixed)
      assert.equal(fs.readFileSync(path.join(project, 'docs', 'clean.md'), 'utf8'), clean)

      const second = runHooks()
      assert.doesNotMatch(second.output, /Installing environment/, 'the second run reuses the installed hooks')
      assert.equal(second.code, 0, second.output)
      assert.match(second.output, /^policylint\.+Passed$/m)
      assert.match(second.output, /^policylint \(fix\)\.+Passed$/m)
    } finally {
      for (const folder of [hooks, home, project]) fs.rmSync(folder, {recursive: true, force: true})
    }
  })
}

test.run()
