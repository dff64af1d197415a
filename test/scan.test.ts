/**
 * A real browser: a small site on 127.0.0.1 sets cookies from headers and from JavaScript, `policylint scan` records
 * them with the machine's headless Chromium as a HAR, and `policylint --observed` finds the policy's undeclared and
 * stale cookies. `.ci/run` installs Debian's `chromium` when it is missing; without one this test is skipped.
 */
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import {suite} from 'uvu'
import {findChromium} from '../src/cli/scan.js'
import {tempTree} from './cli-helpers.js'
import {cli} from './paths.js'
import {unlessMissing} from './skip.js'

const test = suite('scan')
const chromium = findChromium()
const register = unlessMissing(test, !chromium && 'no Chromium on this machine (Debian: `apt-get install chromium`)')

const policy = [
  '# Cookie policy',
  '',
  '| Cookie | Purpose | Expires |',
  '| --- | --- | --- |',
  '| `sid` | Keeps you signed in | Session |',
  '| `jscookie` | Remembers the banner | 1 day |',
  '| `promo` | Shows offers | 30 days |',
  ''
].join('\n')

/** Run the CLI without blocking this process, which serves the site meanwhile. */
function cliRun(args: string[], cwd: string): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {cwd, env: {...process.env, NO_COLOR: '1'}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, stdout, stderr})
    })
  })
}

register('scan records header and JavaScript cookies; --observed reports the undeclared and the stale one', async () => {
  const server = http.createServer((request, response) => {
    if (request.url === '/ping') return void response.end('ok')
    response.setHeader('Set-Cookie', ['sid=1; Path=/', 'tracker=1; Max-Age=31536000; Path=/'])
    response.setHeader('Content-Type', 'text/html')
    // A cookie set from JavaScript reaches the HAR with the next request that sends it.
    response.end('<!doctype html><html><body><script>document.cookie = "jscookie=1; max-age=86400; path=/"; fetch("/ping")</script></body></html>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as {port: number}
  const folder = tempTree({'cookies.md': policy})
  try {
    const scan = await cliRun(['scan', `http://127.0.0.1:${port}/`, '--out', 'scan.har', '--chromium', chromium!], folder)
    assert.equal(scan.code, 0, scan.stderr)
    assert.match(scan.stdout, /^Recorded 1 page to scan\.har/)
    const har = JSON.parse(fs.readFileSync(path.join(folder, 'scan.har'), 'utf8'))
    const sent = har.log.entries.flatMap((entry: {request: {cookies: Array<{name: string}>}}) => entry.request.cookies.map((cookie) => cookie.name))
    assert.ok(sent.includes('jscookie'), 'the JavaScript cookie is in the HAR')

    const lint = await cliRun(['--format', 'json', '--observed', 'scan.har', 'cookies.md'], folder)
    const messages = JSON.parse(lint.stdout)[0].messages.filter((message: {ruleId: string}) => message.ruleId === 'declared-cookies')
    assert.deepEqual(
      messages.map((message: {line: number; message: string}) => `${message.line} ${message.message}`),
      [
        '3 Unexpected cookie `tracker` set on `127.0.0.1` that the page does not declare, expected a row for it in the cookie table',
        '7 Unexpected declared cookie `promo` that the scan never saw, expected it removed, or a scan of the page that sets it'
      ]
    )
  } finally {
    server.close()
  }
})

test('without a Chromium, scan says how to get one; a bad URL is a usage error', async () => {
  const folder = tempTree({})
  const missing = await cliRun(['scan', 'http://127.0.0.1:9/', '--out', 'x.har', '--chromium', '/nonexistent/chromium'], folder)
  assert.equal(missing.code, 2)
  assert.match(missing.stderr, /No Chromium found at `\/nonexistent\/chromium`: install one \(Debian and Ubuntu: `apt-get install chromium`/)
  const bad = await cliRun(['scan', 'example.com', '--out', 'x.har'], folder)
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /Unexpected URL `example\.com`, expected one starting with `http:\/\/` or `https:\/\/`/)
})

test.run()
