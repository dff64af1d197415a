/** Observed cookies from the files people have (HAR, Playwright, Puppeteer, cookies.txt) against the declared ones. */
import assert from 'node:assert/strict'
import {test} from 'uvu'
import {ObservedError, parseObserved} from '../src/observed.js'
import {runCli, tempTree} from './cli-helpers.js'

const scan = new Date('2026-11-20T10:00:00Z')
const inOneYear = Math.round(scan.getTime() / 1000) + 365 * 86_400

const har = JSON.stringify({
  log: {
    entries: [
      {
        startedDateTime: '2026-11-20T10:00:00.000Z',
        request: {url: 'https://shop.example/', cookies: [{name: 'consent'}]},
        response: {
          headers: [
            {name: 'Set-Cookie', value: 'sid=abc; Path=/; HttpOnly'},
            {name: 'set-cookie', value: 'cart=1; Max-Age=2592000; Domain=.shop.example'},
            {name: 'Content-Type', value: 'text/html'}
          ]
        }
      }
    ]
  }
})

test('HAR: Set-Cookie headers (session, Max-Age, Domain) and request cookies', () => {
  const cookies = parseObserved(har, 'scan.har', scan)
  assert.deepEqual(
    cookies.map((cookie) => [cookie.name, cookie.domain, cookie.seconds]),
    [
      ['sid', 'shop.example', 0],
      ['cart', 'shop.example', 2_592_000],
      ['consent', 'shop.example', undefined]
    ]
  )
  assert.equal(cookies[0].seenAt.toISOString(), '2026-11-20T10:00:00.000Z')
})

test('Playwright storage state, Puppeteer cookie list, Netscape cookies.txt', () => {
  const playwright = JSON.stringify({
    cookies: [
      {name: '_ga', domain: '.shop.example', expires: inOneYear},
      {name: 'sid', domain: 'shop.example', expires: -1}
    ],
    origins: []
  })
  assert.deepEqual(
    parseObserved(playwright, 'state.json', scan).map((cookie) => [cookie.name, cookie.domain, cookie.seconds]),
    [
      ['_ga', 'shop.example', 365 * 86_400],
      ['sid', 'shop.example', 0]
    ]
  )
  const puppeteer = JSON.stringify([{name: 'lang', domain: 'shop.example', expires: inOneYear, session: false}])
  assert.deepEqual(
    parseObserved(puppeteer, 'cookies.json', scan).map((cookie) => cookie.seconds),
    [365 * 86_400]
  )
  const netscape = `# Netscape HTTP Cookie File\n.shop.example\tTRUE\t/\tFALSE\t${inOneYear}\t_ga\tGA1.1\n#HttpOnly_shop.example\tFALSE\t/\tTRUE\t0\tsid\tabc\n`
  assert.deepEqual(
    parseObserved(netscape, 'cookies.txt', scan).map((cookie) => [cookie.name, cookie.domain, cookie.seconds]),
    [
      ['_ga', 'shop.example', 365 * 86_400],
      ['sid', 'shop.example', 0]
    ]
  )
})

test('a foreign file is refused with its name and the formats expected', () => {
  assert.throws(
    () => parseObserved('{"hello": 1}', 'notes.json', scan),
    (error: unknown) => error instanceof ObservedError && /`notes\.json`: unknown JSON, expected a HAR file/.test((error as Error).message)
  )
  assert.throws(() => parseObserved('just text', 'notes.txt', scan), /`notes\.txt`: unknown format/)
  assert.throws(() => parseObserved('{broken', 'scan.har', scan), /`scan\.har`: not valid JSON/)
})

test('policylint --observed FILE: the undeclared and the stale cookie of a policy, from a HAR', () => {
  const page =
    '# Cookie policy\n\n| Cookie | Purpose | Expires |\n| --- | --- | --- |\n| `sid` | Keeps you signed in | Session |\n| `promo` | Shows offers | 30 days |\n| `cart` | Keeps your basket | 30 days |\n| `consent` | Your choice | 1 year |\n'
  const folder = tempTree({'cookies.md': page, 'scan.har': har, 'notes.json': '{"hello": 1}'})
  const run = runCli(['--format', 'json', '--observed', 'scan.har', 'cookies.md'], folder)
  const messages = JSON.parse(run.stdout)[0].messages.filter((message: {ruleId: string}) => message.ruleId === 'declared-cookies')
  assert.deepEqual(
    messages.map((message: {line: number; message: string}) => `${message.line} ${message.message}`),
    ['6 Unexpected declared cookie `promo` that the scan never saw, expected it removed, or a scan of the page that sets it']
  )
  const foreign = runCli(['--format', 'json', '--observed', 'notes.json', 'cookies.md'], folder)
  assert.equal(foreign.code, 2)
  assert.match(
    JSON.parse(foreign.stdout)[0].messages[0].message,
    /Cannot read observed cookies from `notes\.json`: unknown JSON, expected a HAR file/
  )
  const missing = runCli(['--observed', 'nowhere.har', 'cookies.md'], folder)
  assert.equal(missing.code, 2)
  assert.match(missing.stderr, /Cannot read observed cookies from `nowhere\.har`: no such file/)
})

test('an observed cookie the page does not declare is reported at its cookie table', () => {
  const page = '# Cookie policy\n\n| Cookie | Purpose | Expires |\n| --- | --- | --- |\n| `sid` | Keeps you signed in | Session |\n'
  const folder = tempTree({'cookies.md': page, 'scan.har': har})
  const run = runCli(['--format', 'json', '--observed', 'scan.har', 'cookies.md'], folder)
  const messages = JSON.parse(run.stdout)[0].messages.filter((message: {ruleId: string}) => message.ruleId === 'declared-cookies')
  assert.deepEqual(
    messages.map((message: {line: number; message: string}) => `${message.line} ${message.message}`),
    [
      '3 Unexpected cookie `cart` set on `shop.example` that the page does not declare, expected a row for it in the cookie table',
      '3 Unexpected cookie `consent` set on `shop.example` that the page does not declare, expected a row for it in the cookie table'
    ]
  )
})

test.run()
