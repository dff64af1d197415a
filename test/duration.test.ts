/** The duration parser: the grammar's forms, and its share of the Open Cookie Database's retention values. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import {parseDuration, understood, unitSeconds} from '../src/values/duration.js'
import {hasShared, shared} from './paths.js'
import {unlessMissing} from './skip.js'

const day = unitSeconds.day

test('simple lifetimes', () => {
  assert.equal(parseDuration('2 years').max, 730 * day)
  assert.equal(parseDuration('1 Year').kind, 'duration')
  assert.equal(parseDuration('30 mins').max, 1800)
  assert.equal(parseDuration('1day').max, day)
  assert.equal(parseDuration('Five minutes').max, 300)
  assert.equal(parseDuration('13 months').max, 390 * day)
  assert.equal(parseDuration('1 year 24 days').max, 389 * day)
  assert.equal(parseDuration('11 months 30 days').max, 360 * day)
})

test('sessions, ranges, qualifiers', () => {
  assert.equal(parseDuration('Session').kind, 'session')
  assert.equal(parseDuration('End of session (browser)').kind, 'session')
  assert.equal(parseDuration('When you close your browser').kind, 'session')
  const seesion = parseDuration('Seesion')
  assert.equal(seesion.kind, 'session')
  assert.deepEqual(seesion.typo, {written: 'Seesion', expected: 'Session'})
  const range = parseDuration('30 seconds till 1 year')
  assert.equal(range.kind, 'range')
  assert.equal(range.min, 30)
  assert.equal(range.max, 365 * day)
  assert.equal(parseDuration('Session to 30 days').kind, 'range')
  assert.equal(parseDuration('Session to 30 days').min, 0)
  const conflict = parseDuration('Session (1 day)')
  assert.equal(conflict.kind, 'duration')
  assert.ok(conflict.session)
  assert.ok(parseDuration('2 years after last activity').refresh)
  assert.ok(parseDuration('13 months by default, modifiable').configurable)
  assert.deepEqual(parseDuration('2 year').typo, {written: '2 year', expected: '2 years'})
})

test('bare numbers, words, dates and nonsense', () => {
  assert.equal(parseDuration('365').kind, 'bare')
  assert.equal(parseDuration('0').number, 0)
  assert.equal(parseDuration('Persistent').kind, 'qualitative')
  assert.equal(parseDuration('forever').word, 'forever')
  assert.equal(parseDuration('10 Nov 2030').kind, 'date')
  assert.equal(parseDuration('Awin').kind, 'unparsable')
  assert.equal(parseDuration('').kind, 'unparsable')
  assert.equal(parseDuration('Local Storage').kind, 'unparsable')
})

const ocdValues = path.join(shared, 'reference', 'ocd-retention-values.tsv')
unlessMissing(test, !(hasShared && fs.existsSync(ocdValues)) && '../shared/reference/ocd-retention-values.tsv is absent')(
  'the Open Cookie Database: the share of retention values understood',
  () => {
    const file = ocdValues
    const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1).filter(Boolean)
    let rows = 0
    let rowsUnderstood = 0
    let rowsLifetime = 0
    const missed: string[] = []
    for (const line of lines) {
      const [count, quoted] = line.split('\t')
      const value = quoted.replace(/^'|'$/g, '')
      const parsed = parseDuration(value)
      rows += Number(count)
      if (understood(parsed)) rowsUnderstood += Number(count)
      else missed.push(`${value} (${count})`)
      if (['duration', 'session', 'range', 'date'].includes(parsed.kind)) rowsLifetime += Number(count)
    }
    const share = rowsUnderstood / rows
    if (process.env.POLICYLINT_REPORT) {
      console.log(
        `\n  OCD retention values understood: ${rowsUnderstood}/${rows} rows (${(share * 100).toFixed(1)} %), ` +
          `a lifetime or session: ${rowsLifetime}/${rows} (${((rowsLifetime / rows) * 100).toFixed(1)} %); not understood: ${missed.join(', ')}`
      )
    }
    assert.ok(share >= 0.97, `understood ${(share * 100).toFixed(1)} %`)
  }
)

test.run()
