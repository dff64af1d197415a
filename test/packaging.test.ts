/**
 * The package as users get it: `npm pack`, installed from the tarball into a fresh `npm init -y` project (CommonJS
 * by default) with remark-cli beside it; there `npx policylint`, `npx policylint-language-server --version` and
 * `npx remark` with the preset in a `.remarkrc.mjs`, as the README documents them, and `npx policylint init` in a
 * site folder, whose `.remarkrc.mjs` then lints.
 */
import assert from 'node:assert/strict'
import {spawnSync, type SpawnSyncOptions} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {suite} from 'uvu'
import {root} from './paths.js'
import {unlessMissing} from './skip.js'

const test = suite('packaging')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const hasNpm = spawnSync(npm, ['--version'], {encoding: 'utf8'}).status === 0
const register = unlessMissing(test, !hasNpm && 'npm is not on the PATH')

// Keep npm quiet and out of the user's way: no audit, no funding notes, no update check.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  NO_COLOR: '1'
}
// A run under `npm test` carries npm_* variables of this package's own run (its prefix, its lifecycle event): drop them.
for (const key of Object.keys(env)) if (/^npm_(lifecycle|package|config_(prefix|local_prefix|global))/.test(key)) delete env[key]

function run(command: string, args: string[], cwd: string, timeout = 90_000) {
  const options: SpawnSyncOptions = {cwd, env, encoding: 'utf8', timeout}
  const result = spawnSync(command, args, options) as ReturnType<typeof spawnSync> & {stdout: string; stderr: string}
  return result
}

const policy = '# Cookie policy\n\nWe use cokkies to remember your choices.\n'

register('the packed tarball installs into a new CommonJS project and works there', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-packaging-'))
  try {
    // --ignore-scripts: the build is already done (`npm test` builds first); `prepare` would rebuild dist/ under the
    // other test files running beside this one.
    const pack = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], root)
    assert.equal(pack.status, 0, pack.stderr)
    const [{filename, files}] = JSON.parse(pack.stdout) as [{filename: string; files: {path: string}[]}]
    const packed = new Set(files.map((file) => file.path))
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/src/cli/cli.js',
      'dist/src/lsp/server.js',
      'dist/bundle/cli.js',
      'dist/bundle/main.js',
      'dist/bundle/worker.js',
      'dist/bundle/server.js',
      'dist/bundle/processor.js',
      'dist/src/preset.js',
      'dist/rules/index.js',
      'docs/rules/typos.md'
    ]) {
      assert.ok(packed.has(needed), `the tarball holds ${needed}`)
    }
    assert.ok(![...packed].some((file) => file.startsWith('dist/test/') || file.startsWith('fixtures/')), 'no tests or fixtures in the tarball')

    const project = path.join(folder, 'site')
    fs.mkdirSync(project)
    const init = run(npm, ['init', '-y'], project)
    assert.equal(init.status, 0, init.stderr)
    // `npm init -y` writes "type": "commonjs" (or nothing, which means the same).
    assert.notEqual(JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')).type, 'module')

    const install = run(
      npm,
      ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', path.join(folder, filename), 'remark-cli@12'],
      project
    )
    assert.equal(install.status, 0, `npm install failed:\n${install.stdout}\n${install.stderr}`)

    fs.mkdirSync(path.join(project, 'docs'))
    fs.writeFileSync(path.join(project, 'docs', 'cookies.md'), policy)

    // The CLI, with the embedded default config.
    const lint = run(npx, ['--no-install', 'policylint', 'docs/', '--format', 'json'], project)
    assert.equal(lint.status, 1, `policylint exits 1 on an error:\n${lint.stdout}\n${lint.stderr}`)
    const [report] = JSON.parse(lint.stdout) as [{messages: {ruleId: string; line: number; column: number; message: string}[]}]
    const typo = report.messages.find((m) => m.ruleId === 'typos')
    assert.ok(typo, 'the typo is found: ' + lint.stdout)
    assert.equal(`${typo.line}:${typo.column}`, '3:8')
    assert.match(typo.message, /`cokkies`.*`cookies`/)

    // Both commands give this package's version, not the project's (`npm init -y` makes it 1.0.0).
    const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string
    const cliVersion = run(npx, ['--no-install', 'policylint', '--version'], project)
    assert.equal(cliVersion.stdout.trim(), version)
    // The language server answers --version without a connection.
    const server = run(npx, ['--no-install', 'policylint-language-server', '--version'], project)
    assert.equal(server.status, 0, server.stderr)
    assert.equal(server.stdout.trim(), version)

    // remark-cli with the preset from a .remarkrc.mjs, as the README shows it: ESM whatever the folder's type.
    fs.writeFileSync(path.join(project, '.remarkrc.mjs'), "import policylint from 'policylint'\n\nexport default {plugins: [policylint]}\n")
    const remark = run(npx, ['--no-install', 'remark', 'docs/', '--quiet', '--frail', '--no-stdout', '--no-color'], project)
    assert.equal(remark.status, 1, `remark fails on the finding:\n${remark.stderr}`)
    assert.match(remark.stderr, /3:8-3:15\s+error\s+Unexpected `cokkies`, expected `cookies`\s+typos\s+policylint/)

    // And policylint reads the same .remarkrc.mjs.
    const configured = run(npx, ['--no-install', 'policylint', 'docs/', '--format', 'json'], project)
    assert.equal(configured.status, 1, configured.stderr)
    assert.ok(configured.stdout.includes('`cokkies`'), configured.stdout)

    // `policylint init` in a Jekyll site inside the project: it writes a .remarkrc.mjs that loads from the install.
    const site = path.join(project, 'site')
    fs.mkdirSync(path.join(site, '_pages'), {recursive: true})
    fs.writeFileSync(path.join(site, '_config.yml'), 'url: "https://www.shop.example"\n')
    fs.writeFileSync(path.join(site, '_pages', 'cookies.md'), '# Cookie policy\n\nWe use cokkies.\n')
    const setUp = run(npx, ['--no-install', 'policylint', 'init', '--yes'], site)
    assert.equal(setUp.status, 0, setUp.stderr)
    assert.match(setUp.stdout, /Wrote \.remarkrc\.mjs with siteDomains shop\.example \(from _config\.yml\)/)
    const inSite = run(npx, ['--no-install', 'policylint', '.', '--format', 'json'], site)
    assert.equal(inSite.status, 1, inSite.stderr)
    assert.ok(inSite.stdout.includes('`cokkies`'), inSite.stdout)
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test.run()
