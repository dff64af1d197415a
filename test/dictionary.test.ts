/** The dictionary snapshot the build stores: the word table nspell builds from the Hunspell files, plus the extra English words. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {execFileSync} from 'node:child_process'
import nspell from 'nspell'
import {test} from 'uvu'
import {dictionary, extraWords, fromSnapshot, snapshotIsCurrent, snapshotPath, type Dialect} from '../src/data/dictionary.js'
import {root} from './paths.js'

interface State {
  data: Record<string, string[]>
  compoundRuleCodes: Record<string, string[]>
  compoundRules: RegExp[]
}

for (const [dialect, name] of [
  ['en-US', 'dictionary-en'],
  ['en-GB', 'dictionary-en-gb']
] as Array<[Dialect, string]>) {
  test(`${dialect}: the snapshot holds every word form nspell makes, with the same flags, and the extra words`, () => {
    assert.ok(snapshotIsCurrent(dialect), 'npm run build stores a current snapshot')
    const loaded = dictionary(dialect)
    assert.ok(fromSnapshot.get(dialect), 'the dictionary is read from the snapshot')
    const entry = import.meta.resolve(name)
    const parsed = nspell(fs.readFileSync(new URL('index.aff', entry)), fs.readFileSync(new URL('index.dic', entry))) as unknown as State
    const snapshot = loaded as unknown as State
    const words = Object.keys(parsed.data)
    assert.ok(words.length > 100_000)
    const extra = extraWords(dialect).filter((word) => !(word in parsed.data))
    assert.ok(extra.length > 20_000, 'the extra English words are read')
    const lines = fs.readFileSync(snapshotPath(dialect), 'utf8').split('\n').length - 1
    assert.equal(lines, words.length + extra.length, 'one line per word form and per extra word')
    assert.deepEqual(extra.filter((word) => JSON.stringify(snapshot.data[word]) !== '["!"]').slice(0, 10), [], 'extra words carry only NOSUGGEST')
    const wrong = words.filter((word) => JSON.stringify(snapshot.data[word]) !== JSON.stringify(parsed.data[word]) || !(word in snapshot.data))
    assert.deepEqual(wrong.slice(0, 10), [])
    for (const other of ['preferances', 'cookiez', 'Organisation', '', 'constructor', '__proto__', 'zzzz']) {
      assert.deepEqual(snapshot.data[other], parsed.data[other], other)
      assert.equal(other in snapshot.data, other in parsed.data, other)
    }
    assert.deepEqual(snapshot.compoundRuleCodes, parsed.compoundRuleCodes)
    assert.deepEqual(
      snapshot.compoundRules.map((rule) => String(rule)),
      parsed.compoundRules.map((rule) => String(rule))
    )
    for (const word of ['organise', 'organize', 'colour', 'color', 'cookie', 'cookies', "user's", '21st', '22th', 'HTTP', 'Monday', 'monday']) {
      assert.equal(loaded.correct(word), (parsed as unknown as typeof loaded).correct(word), word)
    }
    // Extra words in any case a lower-case word takes; common slips stay unknown.
    for (const word of ['dropdown', 'Dropdown', 'DROPDOWN', 'unencrypted', 'benchmarking', 'arbitral']) assert.ok(loaded.correct(word), word)
    for (const word of ['concent', 'alow', 'discoverd', 'recieve', 'cokkies']) assert.ok(!loaded.correct(word), word)
  })
}

test('without a current snapshot, the Hunspell files are parsed and the extra words added', () => {
  const script = `
    import fs from 'node:fs'
    import {dictionary, fromSnapshot, snapshotPath} from './dist/src/data/dictionary.js'
    const original = fs.readFileSync
    fs.readFileSync = (file, ...rest) => (String(file) === String(snapshotPath('en-GB')) ? 'stale\\n' : original(file, ...rest))
    const spell = dictionary('en-GB')
    console.log(JSON.stringify([fromSnapshot.get('en-GB'), spell.correct('dropdown'), spell.correct('colour'), spell.correct('concent')]))
  `
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'})
  assert.deepEqual(JSON.parse(output), [false, true, true, false])
})

test('nspell can still add words to a dictionary read from the snapshot', () => {
  const script = `
    import {dictionary} from './dist/src/data/dictionary.js'
    const spell = dictionary('en-US')
    const before = spell.correct('Cookiebot')
    spell.add('Cookiebot')
    console.log(JSON.stringify([before, spell.correct('Cookiebot'), spell.correct('cookie')]))
  `
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'})
  assert.deepEqual(JSON.parse(output), [false, true, true])
})

test.run()
