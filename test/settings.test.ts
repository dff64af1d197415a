/** The shared settings (`settings.policylint`), declared once in `settingsSpec`: parser, defaults and type derived from it. */
import assert from 'node:assert/strict'
import {test} from 'uvu'
import {FromSetting, option} from '../src/options.js'
import {parseSettings, settingsSpec, type InlineObservedCookie, type SharedSettings} from '../src/settings.js'

const fails = (raw: unknown, message: string) =>
  assert.throws(
    () => parseSettings(raw),
    (error: Error) => error.name === 'OptionError' && error.message === message,
    JSON.stringify(raw)
  )

test('a bad setting is named word for word as before the settings were declared once', () => {
  fails('x', 'Unexpected options `x` for `settings.policylint`, expected an object')
  fails([], 'Unexpected options `[]` for `settings.policylint`, expected an object')
  fails(
    {bogus: 1},
    'Unexpected option `bogus` for `settings.policylint`, expected `siteDomains`, `linkStyle`, `words`, `requiredColumns`, `now`, `readWordsFile`, `observedCookies`'
  )
  fails({siteDomains: 'example.com'}, 'Unexpected value `example.com` for `siteDomains`, expected a list of strings')
  fails({linkStyle: 'xml'}, 'Unexpected value `xml` for `linkStyle`, expected `markdown`, `html`, or `consistent`')
  fails({words: ['a', 1]}, 'Unexpected value `["a",1]` for `words`, expected a list of strings')
  fails({requiredColumns: null}, 'Unexpected value `null` for `requiredColumns`, expected a list of strings')
  fails({now: '2026-13-01'}, 'Unexpected value `2026-13-01` for `now`, expected an ISO date like `2026-01-31`')
  fails({now: 20260131}, 'Unexpected value `20260131` for `now`, expected an ISO date like `2026-01-31`')
  fails({readWordsFile: 'no'}, 'Unexpected value `no` for `readWordsFile`, expected `true` or `false`')
  // A bad observed cookie is quoted alone, not the whole list.
  fails(
    {observedCookies: ['scan.har', {name: 'sid'}]},
    'Unexpected value `{"name":"sid"}` for `observedCookies`, expected a file path (HAR, Playwright or Puppeteer JSON, cookies.txt) or `{name, domain, lifetime}`'
  )
  fails(
    {observedCookies: 3},
    'Unexpected value `3` for `observedCookies`, expected a file path (HAR, Playwright or Puppeteer JSON, cookies.txt) or `{name, domain, lifetime}`'
  )
  // Settings are checked in declared order: the first bad one is named.
  fails({readWordsFile: 'no', now: 'soon'}, 'Unexpected value `soon` for `now`, expected an ISO date like `2026-01-31`')
})

test('defaults, and given values', () => {
  const before = Date.now()
  const {now, ...rest} = parseSettings(undefined)
  assert.ok(now.getTime() >= before && now.getTime() <= Date.now(), '`now` defaults to the time of parsing')
  assert.deepEqual(rest, {
    siteDomains: [],
    linkStyle: 'markdown',
    words: [],
    requiredColumns: ['name', 'purpose', 'duration', 'provider|domain'],
    readWordsFile: true,
    observedCookies: []
  })
  assert.deepEqual(Object.keys(parseSettings(null)), Object.keys(settingsSpec), 'every setting, in declared order')
  assert.notEqual(parseSettings(undefined).requiredColumns, parseSettings(undefined).requiredColumns, 'a default list is a fresh copy')
  assert.notEqual(parseSettings(undefined).observedCookies, parseSettings(undefined).observedCookies, 'a default list is a fresh copy')

  const given = parseSettings({now: '2026-01-31', linkStyle: 'html', observedCookies: 'scan.har', readWordsFile: false})
  assert.equal(given.now.toISOString(), '2026-01-31T00:00:00.000Z')
  assert.equal(given.linkStyle, 'html')
  assert.deepEqual(given.observedCookies, ['scan.har'], 'one observed file is a list of one')
  assert.equal(given.readWordsFile, false)
  const date = new Date('2025-05-01')
  assert.equal(parseSettings({now: date}).now, date, 'a Date is kept as given')
})

test('the settings’ type is derived from their specs', () => {
  type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
  const same: Equal<
    SharedSettings,
    {
      siteDomains: string[]
      linkStyle: 'markdown' | 'html' | 'consistent'
      words: string[]
      requiredColumns: string[]
      now: Date
      readWordsFile: boolean
      observedCookies: Array<string | InlineObservedCookie>
    }
  > = true
  // @ts-expect-error: only the declared values type-check
  const style: SharedSettings['linkStyle'] = 'xml'
  // A rule option may default to a setting of its own type only.
  option.strings({default: new FromSetting('requiredColumns'), doc: 'x'})
  // @ts-expect-error: `linkStyle` is not a boolean
  option.boolean({default: new FromSetting('linkStyle'), doc: 'x'})
  // @ts-expect-error: `consistent`, a value of `linkStyle`, is not one of this option's values
  option.oneOf({values: ['markdown', 'html'], default: new FromSetting('linkStyle'), doc: 'x'})
  // @ts-expect-error: no such setting
  option.strings({default: new FromSetting('siteDomain'), doc: 'x'})
  assert.ok(same && style)
})

test.run()
