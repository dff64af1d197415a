/** The seeds' cookie tables (item 5 of the cookie-table issue); skipped when ../shared is absent. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import cookieDuration from '../rules/cookie-duration.js'
import cookieTableCells from '../rules/cookie-table-cells.js'
import cookieTableColumns from '../rules/cookie-table-columns.js'
import knownCookies from '../rules/known-cookies.js'
import tableFormat from '../rules/table-format.js'
import {fixText, lintText} from './lint-helpers.js'
import {hasShared, shared} from './paths.js'
import {unlessMissing} from './skip.js'

const ballerina = path.join(shared, 'seeds', '000_06ed0df5f8974980.txt')

// Without the seeds, these tests are reported as skipped.
const seedTest = unlessMissing(test, !(hasShared && fs.existsSync(ballerina)) && '../shared/seeds is absent')

const read = () => fs.readFileSync(ballerina, 'utf8')

seedTest('000 (Ballerina): tab padding in its three tables is reported and fixed', async () => {
  const file = await lintText(read(), {rule: tableFormat})
  const tabs = file.messages.filter((message) => message.reason === 'Unexpected tab in a table, expected spaces')
  assert.deepEqual(
    tabs.map((message) => message.line),
    [64, 80, 97]
  )
  assert.ok(tabs.every((message) => message.fix))
  const outcome = await fixText(read(), {rule: tableFormat})
  assert.ok(outcome.converged)
  const tableLines = outcome.output.split('\n').filter((line) => line.startsWith('|'))
  assert.ok(tableLines.length >= 29 && tableLines.every((line) => !line.includes('\t')), 'no tab is left in a table')
  assert.deepEqual((await lintText(outcome.output, {rule: tableFormat})).messages, [])
})

seedTest('000: the missing purpose column is reported on each table', async () => {
  const file = await lintText(read(), {rule: cookieTableColumns})
  const missing = file.messages.filter((message) => /without a purpose column/.test(message.reason))
  assert.deepEqual(
    missing.map((message) => message.line),
    [64, 80, 97]
  )
})

seedTest('000: `_gat_gtag_xxx…` and `visitor_id#####` are placeholders, with a wildcard suggested', async () => {
  const file = await lintText(read(), {rule: cookieTableCells})
  const placeholders = file.messages.filter((message) => message.reason.startsWith('Unexpected placeholder'))
  assert.deepEqual(
    placeholders.map((message) => message.line),
    [99, 102, 103]
  )
  assert.match(placeholders[0].reason, /`_gat_gtag_xxxxxxxxxxxxxxxxxxxxxxxxxxx`.*`_gat_gtag_<id>`/)
  assert.match(placeholders[1].reason, /`visitor_id#####`.*`visitor_id<id>`/)
  assert.equal(placeholders[1].suggestions?.[0]?.fix.text, '`visitor_id<id>`')
})

seedTest('000: `0` under `Lifespan (Days)` is ambiguous', async () => {
  const file = await lintText(read(), {rule: cookieDuration})
  const zeros = file.messages.filter((message) => /^Unexpected `0` under `Lifespan \(Days\)`/.test(message.reason))
  assert.equal(zeros.length, 11)
})

seedTest('000: `_gid` at 0 days is reported by known-cookies', async () => {
  const file = await lintText(read(), {rule: knownCookies})
  assert.deepEqual(
    file.messages.map((message) => `${message.line}: ${message.reason}`),
    ['83: Unexpected lifetime `0` days for `_gid`, expected about `24 hours` (Google Analytics)']
  )
})

test.run()
