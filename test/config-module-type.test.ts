/** An ES-module `.remarkrc.js` in a CommonJS folder (what `npm init -y` makes) fails with a message that names the fix. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {suite} from 'uvu'
import {cli, root} from './paths.js'

const test = suite('config-module-type')

const config = "import policylint from 'policylint'\n\nexport default {plugins: [policylint]}\n"
const page = '# Cookies\n\nWe use cokkies to remember you.\n'

function project(files: number): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-module-type-'))
  fs.mkdirSync(path.join(folder, 'node_modules'))
  fs.symlinkSync(root, path.join(folder, 'node_modules', 'policylint'))
  fs.writeFileSync(path.join(folder, 'package.json'), '{"type": "commonjs"}\n')
  fs.writeFileSync(path.join(folder, '.remarkrc.js'), config)
  fs.mkdirSync(path.join(folder, 'docs'))
  for (let index = 0; index < files; index++) fs.writeFileSync(path.join(folder, 'docs', `page-${index}.md`), page)
  return folder
}

function reasons(folder: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'docs', '--format', 'json', ...args], {cwd: folder, encoding: 'utf8'})
  const report = JSON.parse(result.stdout) as Array<{messages: Array<{message: string}>}>
  return {status: result.status, reasons: new Set(report.flatMap((file) => file.messages.map((message) => message.message)))}
}

const hint =
  /Cannot parse (given )?file `\.remarkrc\.js`: it uses `import`\/`export` but its folder is CommonJS .*rename it to `\.remarkrc\.mjs` or add `"type": "module"` to package\.json/

test('the failure says the folder is CommonJS and names both fixes', () => {
  const folder = project(1)
  try {
    const found = reasons(folder)
    assert.equal(found.status, 2)
    assert.equal(found.reasons.size, 1)
    assert.match([...found.reasons][0], hint)
    // Also when the file is named with --config.
    assert.match([...reasons(folder, '--config', '.remarkrc.js').reasons][0], hint)
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test('files linted in worker threads carry the same message', () => {
  const folder = project(210)
  try {
    const found = reasons(folder, '--jobs', '2')
    assert.equal(found.status, 2)
    assert.equal(found.reasons.size, 1, [...found.reasons].join('\n'))
    assert.match([...found.reasons][0], hint)
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test('either fix works: the same config as .remarkrc.mjs, or with "type": "module"', () => {
  const folder = project(1)
  try {
    fs.renameSync(path.join(folder, '.remarkrc.js'), path.join(folder, '.remarkrc.mjs'))
    const renamed = reasons(folder)
    assert.equal(renamed.status, 1)
    assert.ok(
      [...renamed.reasons].some((reason) => reason.includes('`cokkies`')),
      [...renamed.reasons].join('\n')
    )

    fs.renameSync(path.join(folder, '.remarkrc.mjs'), path.join(folder, '.remarkrc.js'))
    fs.writeFileSync(path.join(folder, 'package.json'), '{"type": "module"}\n')
    const typed = reasons(folder)
    assert.equal(typed.status, 1)
    assert.ok(
      [...typed.reasons].some((reason) => reason.includes('`cokkies`')),
      [...typed.reasons].join('\n')
    )
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test.run()
