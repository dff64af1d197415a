/** Issue 5, item 5: claims-consistency on the seeds; skipped when ../shared is absent. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import claimsConsistency from '../rules/claims-consistency.js'
import {lintText} from './lint-helpers.js'
import {hasShared, shared} from './paths.js'
import {unlessMissing} from './skip.js'

const seed = (name: string) => path.join(shared, 'seeds', name)
const ballerina = seed('000_06ed0df5f8974980.txt')
const quiet = seed('002_1fc46af3569a394d.txt')

// Without the seeds, these tests are reported as skipped.
const seedTest = unlessMissing(test, !(hasShared && fs.existsSync(ballerina) && fs.existsSync(quiet)) && '../shared/seeds is absent')

seedTest('000 (Ballerina): the session-cookies claim is contradicted by the longest lifetime in the tables', async () => {
  const file = await lintText(fs.readFileSync(ballerina, 'utf8'), {rule: claimsConsistency, path: 'cookie-policy.md'})
  const session = file.messages.filter((message) => message.reason.startsWith('Unexpected claim of session cookies only'))
  assert.equal(session.length, 1)
  assert.equal(session[0].line, 52)
  assert.match(session[0].reason, /`visitor_id[^`]*` for `3649 days`/)
  const cause = session[0].cause as {line?: number; ruleId?: string} | undefined
  assert.ok(cause && cause.line && cause.line > 52, 'the cause points at the table row below the claim')
})

seedTest('000 (Ballerina): `not personally identifiable` is contradicted by USER_EMAIL', async () => {
  const file = await lintText(fs.readFileSync(ballerina, 'utf8'), {rule: claimsConsistency, path: 'cookie-policy.md'})
  const claims = file.messages.filter((message) => message.reason.startsWith('Unexpected claim that cookies do not identify you'))
  assert.deepEqual(
    claims.map((message) => message.line),
    [12, 62]
  )
  assert.ok(claims.every((message) => message.reason.includes('`USER_EMAIL`')))
})

seedTest('000 (Ballerina): Hotjar and Pardot cookies are listed but never named; Google Analytics is named', async () => {
  const file = await lintText(fs.readFileSync(ballerina, 'utf8'), {rule: claimsConsistency, path: 'cookie-policy.md'})
  const providers = file.messages.filter((message) => message.reason.startsWith('Unexpected cookies from'))
  assert.deepEqual(
    providers.map((message) => /from (.+?) \(/.exec(message.reason)?.[1]),
    ['Hotjar', 'Salesforce Pardot']
  )
  // Each points at the first row of that provider: `_hjIncludedInPageviewSample` on line 82, the Pardot rows from line 100.
  assert.deepEqual(
    providers.map((message) => message.line),
    [82, 100]
  )
  assert.ok(!file.messages.some((message) => /Google/.test(message.reason)))
})

seedTest('002: no claims, no findings', async () => {
  const file = await lintText(fs.readFileSync(quiet, 'utf8'), {rule: claimsConsistency, path: 'cookie-policy.md'})
  assert.deepEqual(file.messages.map(String), [])
})

test.run()
