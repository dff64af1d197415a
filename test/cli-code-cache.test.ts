/**
 * The CLI runs its bundle as one script with V8's code cache (src/cli/script-cache.ts): the first run stores the
 * cache, the next ones compile from it, and a damaged cache or a folder that cannot be written changes nothing a
 * user sees.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import crypto from 'node:crypto'
import {tempTree, type Run} from './cli-helpers.js'
import {cli, root} from './paths.js'

const script = path.join(root, 'dist', 'bundle', 'main.cjs')
const page = '# Cookie policy\n\nWe use cokkies to remember your choices.\n\n## Contact\n\nWrite to us.\n'

function run(cwd: string, cacheFolder: string): Run {
  const result = spawnSync(process.execPath, [cli, 'policy.md'], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: {...process.env, NO_COLOR: '1', POLICYLINT_CODE_CACHE: cacheFolder}
  })
  if (result.error) throw result.error
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/**
 * What loadScript finds in `folder`, in a process of its own: V8 keeps what one process compiled, so a second
 * compilation in the same process would not read the cache at all.
 */
function cacheState(folder: string): string {
  const loader = path.join(root, 'dist', 'src', 'cli', 'script-cache.js')
  const code = `const {loadScript} = await import(${JSON.stringify(loader)}); process.stdout.write((await loadScript(${JSON.stringify(script)}, [${JSON.stringify(folder)}])).cache)`
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {encoding: 'utf8', timeout: 60_000})
  assert.equal(result.status, 0, result.stderr)
  return result.stdout
}

/** The cache files in `folder`, and nothing else (no temporary file is left behind). */
function cacheFiles(folder: string): string[] {
  const entries = fs.existsSync(folder) ? fs.readdirSync(folder) : []
  assert.ok(
    entries.every((entry) => /^main-.+\.bin$/.test(entry)),
    entries.join(', ')
  )
  return entries
}

test('the first run stores the cache, the next one compiles from it, with the same output', () => {
  const cwd = tempTree({'policy.md': page})
  const cacheFolder = path.join(cwd, 'cache')
  try {
    const uncached = run(cwd, '')
    assert.match(uncached.stdout + uncached.stderr, /cokkies/)
    assert.equal(cacheFiles(cacheFolder).length, 0)

    assert.deepEqual(run(cwd, cacheFolder), uncached)
    const [name] = cacheFiles(cacheFolder)
    assert.ok(name, 'a cache file')
    const stored = fs.readFileSync(path.join(cacheFolder, name))
    assert.equal(cacheState(cacheFolder), 'accepted')

    // A run from the cache leaves it as it is.
    assert.deepEqual(run(cwd, cacheFolder), uncached)
    assert.deepEqual(fs.readFileSync(path.join(cacheFolder, name)), stored)
  } finally {
    fs.rmSync(cwd, {recursive: true, force: true})
  }
})

test('a damaged cache is ignored and replaced', () => {
  const cwd = tempTree({'policy.md': page})
  const cacheFolder = path.join(cwd, 'cache')
  try {
    const expected = run(cwd, '')
    run(cwd, cacheFolder)
    const [name] = cacheFiles(cacheFolder)
    const file = path.join(cacheFolder, name)
    const stored = fs.readFileSync(file)
    const code = stored.subarray(20)
    const withDigest = (data: Buffer) => Buffer.concat([crypto.createHash('sha1').update(data).digest(), data])
    const damaged = {
      empty: Buffer.alloc(0),
      'not a cache': Buffer.from('not a code cache'),
      // V8 would deserialize these bytes and crash: the digest keeps them from it.
      'bytes changed': stored.map((byte, index) => (index > 200 && index % 97 === 3 ? byte ^ 0x5a : byte)),
      // A sound file that V8 rejects (its length does not match its header).
      'cut short': withDigest(code.subarray(0, code.length - 1000))
    }
    for (const [what, data] of Object.entries(damaged)) {
      fs.writeFileSync(file, data)
      assert.equal(cacheState(cacheFolder), 'rejected', what)
      assert.deepEqual(run(cwd, cacheFolder), expected, what)
      assert.deepEqual(cacheFiles(cacheFolder), [name])
      assert.equal(cacheState(cacheFolder), 'accepted', what)
    }
  } finally {
    fs.rmSync(cwd, {recursive: true, force: true})
  }
})

test('a cache folder that cannot be written means no cache, not an error', () => {
  const cwd = tempTree({'policy.md': page, 'not-a-folder': 'a file'})
  try {
    const expected = run(cwd, '')
    // Under a file: neither root nor anyone else can create it.
    assert.deepEqual(run(cwd, path.join(cwd, 'not-a-folder', 'cache')), expected)
    assert.equal(fs.readFileSync(path.join(cwd, 'not-a-folder'), 'utf8'), 'a file')
  } finally {
    fs.rmSync(cwd, {recursive: true, force: true})
  }
})

test.run()
