/** The well-known cookie table and the Open Cookie Database option. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import knownCookies from '../rules/known-cookies.js'
import {curated, lookup, reference} from '../src/data/known-cookies.js'
import {lintText} from './lint-helpers.js'
import {hasShared, shared} from './paths.js'
import {unlessMissing} from './skip.js'

test('every curated entry is unique and looked up by name or documented wildcard', () => {
  const names = curated.map((entry) => entry.name + (entry.prefix ? '*' : ''))
  assert.equal(new Set(names).size, names.length)
  const known = reference()
  assert.equal(lookup(known, '_ga')?.name, '_ga')
  assert.equal(lookup(known, '_ga_<container-id>')?.name, '_ga_')
  assert.equal(lookup(known, '_gat_UA-*')?.name, '_gat_')
  assert.equal(lookup(known, '_hjSessionUser_865786')?.name, '_hjSessionUser_')
  assert.equal(lookup(known, '_hjSession_865786')?.name, '_hjSession_')
  assert.equal(lookup(known, 'session_id'), undefined)
})

const ocd = path.join(shared, 'reference', 'open-cookie-database.csv')
unlessMissing(test, !(hasShared && fs.existsSync(ocd)) && '../shared/reference/open-cookie-database.csv is absent')(
  'the Open Cookie Database extends the table',
  async () => {
    const file = ocd
    const known = reference(file)
    assert.ok(known.exact.size > 1000, 'the database adds entries')
    assert.equal(known.exact.get('_ga')?.origin, 'curated', 'curated entries win')
    const input = '| Cookie | Purpose | Expires |\n| --- | --- | --- |\n| `_pk_ses` | Holds the visit | 2 years |\n'
    const without = await lintText(input, {rule: knownCookies})
    assert.equal(without.messages.length, 0)
    const withDatabase = await lintText(input, {rule: knownCookies, options: {openCookieDatabase: file}})
    assert.deepEqual(
      withDatabase.messages.map((message) => message.reason),
      ['Unexpected lifetime `2 years` for `_pk_ses`, expected about `30 minutes` (Matomo)']
    )
  }
)

test('a missing database file is a bad option', async () => {
  const file = await lintText('| Cookie | Expires |\n| - | - |\n| a | 1 day |\n', {
    rule: knownCookies,
    options: {openCookieDatabase: '/nonexistent/ocd.csv'}
  })
  assert.match(file.messages[0].reason, /Unexpected value `\/nonexistent\/ocd.csv` for `openCookieDatabase`/)
})

test.run()
