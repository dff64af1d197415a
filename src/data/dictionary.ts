/**
 * Hunspell dictionaries for the spelling rule: loaded once per process, lazily, on first use.
 *
 * nspell expands a dictionary's affixes into about 120,000 word forms on every load (~250 ms and ~20 MB of heap
 * per dictionary, per process and per worker thread). `npm run build` stores that expansion once, sorted, in
 * `dist/src/data/dictionary-<dialect>.txt` (`writeSnapshot`); loading then reads the text and looks words up by
 * binary search, behind the same `data` table nspell's own `correct` reads. When the snapshot is missing or was
 * made from another version of nspell or of the dictionary, the dictionary is parsed as before.
 *
 * Both ways, the words of `src/data/english-words.txt` (SCOWL's rarer words and software terms, made by
 * `npm run words`; the build copies it beside the snapshots) are accepted too, as words without affixes.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import nspell, {type NSpell} from 'nspell'

export type Dialect = 'en-US' | 'en-GB'

const packages: Record<Dialect, string> = {'en-US': 'dictionary-en', 'en-GB': 'dictionary-en-gb'}
const loaded = new Map<Dialect, NSpell>()
const require = createRequire(import.meta.url)

/** How long each dictionary took to load (wall time, ms), for `npm run bench:words`. */
export const loadTimes = new Map<Dialect, number>()
/** The CPU time (user + system, ms) each load took: steadier than wall time on a busy machine. */
export const loadCpuTimes = new Map<Dialect, number>()
/** Whether each dictionary came from the build's snapshot (`true`) or from parsing the Hunspell files. */
export const fromSnapshot = new Map<Dialect, boolean>()

/** nspell's state after reading a `.dic` file; everything else it holds comes from the `.aff` file alone. */
interface NSpellState {
  data: Record<string, string[]>
  /** From the affix file: flag names (`NOSUGGEST`) to their codes. */
  flags: Record<string, string | undefined>
  compoundRuleCodes: Record<string, string[]>
  compoundRules: Array<RegExp | string>
}

interface SnapshotHeader {
  format: 1
  /** `nspell@version dictionary-en@version <.dic bytes> english-words:<hash>`: a snapshot of anything else is not used. */
  source: string
  /** The distinct flag lists, indexed from each word's line. */
  codes: string[][]
  compoundRuleCodes: Record<string, string[]>
  compoundRules: Array<[source: string, flags: string]>
}

export function dictionary(dialect: Dialect): NSpell {
  let spell = loaded.get(dialect)
  if (!spell) {
    const start = performance.now()
    const cpu = process.cpuUsage()
    const files = hunspellFiles(dialect)
    spell = loadSnapshot(dialect, files)
    fromSnapshot.set(dialect, spell !== undefined)
    // The packages read their files with top-level await on import; reading them here keeps loading lazy and sync.
    if (!spell) {
      spell = nspell(fs.readFileSync(files.aff), fs.readFileSync(files.dic))
      addExtraWords(spell as unknown as NSpellState, dialect)
    }
    loaded.set(dialect, spell)
    loadTimes.set(dialect, performance.now() - start)
    const used = process.cpuUsage(cpu)
    loadCpuTimes.set(dialect, (used.user + used.system) / 1000)
  }
  return spell
}

/** Whether a dictionary is already in memory (tests check that turning the rule off loads nothing). */
export function isLoaded(dialect: Dialect): boolean {
  return loaded.has(dialect)
}

/** Where the build keeps a dialect's snapshot. */
export function snapshotPath(dialect: Dialect): URL {
  return new URL(`./dictionary-${dialect}.txt`, import.meta.url)
}

/** Where the build keeps the extra English words (a copy of `src/data/english-words.txt`). */
export const extraWordsPath = new URL('./english-words.txt', import.meta.url)

/** The extra words a dialect accepts: lines that are not comments, without a tab or tagged with the dialect. */
export function extraWords(dialect: Dialect): string[] {
  let text: string
  try {
    text = fs.readFileSync(extraWordsPath, 'utf8')
  } catch {
    return []
  }
  const words: string[] = []
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const tab = line.indexOf('\t')
    if (tab < 0) words.push(line)
    else if (line.slice(tab + 1) === dialect) words.push(line.slice(0, tab))
  }
  return words
}

/**
 * Add the extra words to a parsed dictionary. Each is accepted as written (a lower-case word in any case), never
 * affixed, and carries the dictionary's NOSUGGEST flag: the rare words of SCOWL are right when written, but a slip
 * is better offered `their` than `theine`.
 */
function addExtraWords(spell: NSpellState, dialect: Dialect): void {
  const flags = spell.flags.NOSUGGEST === undefined ? [] : [spell.flags.NOSUGGEST]
  for (const word of extraWords(dialect)) if (!Object.hasOwn(spell.data, word)) spell.data[word] = [...flags]
}

/** Whether a dictionary word may be offered as a suggestion (Hunspell's NOSUGGEST flag is not on it). */
export function suggestible(spell: NSpell, word: string): boolean {
  const state = spell as unknown as NSpellState
  const nosuggest = state.flags.NOSUGGEST
  return nosuggest === undefined || !(state.data[word] ?? []).includes(nosuggest)
}

/** Parse the Hunspell files with nspell and store the result, with the extra words, as a snapshot (run by `npm run build`). */
export function writeSnapshot(dialect: Dialect): void {
  const files = hunspellFiles(dialect)
  const spell = nspell(fs.readFileSync(files.aff), fs.readFileSync(files.dic)) as unknown as NSpellState
  addExtraWords(spell, dialect)
  // Index 0, the most common list by far, is written without a tab.
  const codes: string[][] = [[]]
  const codeIndex = new Map<string, number>([['[]', 0]])
  const lines: string[] = []
  for (const word of Object.keys(spell.data).sort(compare)) {
    if (/[\t\n]/.test(word)) throw new Error(`Cannot store the word \`${JSON.stringify(word)}\` in a snapshot`)
    const flags = spell.data[word]
    const key = JSON.stringify(flags)
    let index = codeIndex.get(key)
    if (index === undefined) {
      index = codes.length
      codes.push([...flags])
      codeIndex.set(key, index)
    }
    lines.push(index === 0 ? word : word + '\t' + index)
  }
  const header: SnapshotHeader = {
    format: 1,
    source: files.source,
    codes,
    compoundRuleCodes: spell.compoundRuleCodes,
    compoundRules: spell.compoundRules.map((rule) => (rule instanceof RegExp ? [rule.source, rule.flags] : [rule, '']))
  }
  const target = snapshotPath(dialect)
  fs.mkdirSync(new URL('.', target), {recursive: true})
  fs.writeFileSync(target, JSON.stringify(header) + '\n' + lines.join('\n'))
}

/** Whether the stored snapshot was made from the installed nspell and dictionary. */
export function snapshotIsCurrent(dialect: Dialect): boolean {
  const text = readSnapshot(dialect)
  return text !== undefined && headerOf(text)?.source === hunspellFiles(dialect).source
}

function readSnapshot(dialect: Dialect): string | undefined {
  try {
    return fs.readFileSync(snapshotPath(dialect), 'utf8')
  } catch {
    return undefined
  }
}

function hunspellFiles(dialect: Dialect): {aff: URL; dic: URL; source: string} {
  const name = packages[dialect]
  const entry = import.meta.resolve(name)
  const aff = new URL('index.aff', entry)
  const dic = new URL('index.dic', entry)
  const version = (file: string | URL) => (JSON.parse(fs.readFileSync(file, 'utf8')) as {version: string}).version
  const source = [
    'nspell@' + version(require.resolve('nspell/package.json')),
    name + '@' + version(new URL('package.json', entry)),
    String(fs.statSync(dic).size),
    // `2`: how `addExtraWords` stores them (with NOSUGGEST); bump it when that changes.
    'english-words@2:' + extraWordsHash()
  ].join(' ')
  return {aff, dic, source}
}

function extraWordsHash(): string {
  try {
    return createHash('sha1').update(fs.readFileSync(extraWordsPath)).digest('hex').slice(0, 12)
  } catch {
    return 'none'
  }
}

function headerOf(text: string): SnapshotHeader | undefined {
  try {
    const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as SnapshotHeader
    return header.format === 1 ? header : undefined
  } catch {
    return undefined
  }
}

function loadSnapshot(dialect: Dialect, files: {aff: URL; source: string}): NSpell | undefined {
  const text = readSnapshot(dialect)
  if (text === undefined) return undefined
  const header = headerOf(text)
  if (!header || header.source !== files.source) return undefined
  // Without a `.dic`, nspell reads only the affix file (a millisecond); the word table comes from the snapshot.
  const spell = nspell(fs.readFileSync(files.aff))
  const state = spell as unknown as NSpellState
  state.data = wordTable(text, text.indexOf('\n') + 1, header.codes)
  state.compoundRuleCodes = Object.assign(Object.create(null), header.compoundRuleCodes)
  state.compoundRules = header.compoundRules.map(([source, flags]) => new RegExp(source, flags))
  return spell
}

/** UTF-16 code unit order, the order `<` compares strings in. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * nspell's `data` (word to flag list) over the sorted lines of a snapshot: a lookup is a binary search,
 * remembered once found. Words nspell adds or removes later (`add`, `remove`, `personal`) are kept beside it.
 */
function wordTable(text: string, from: number, codes: string[][]): Record<string, string[]> {
  const starts: number[] = []
  for (let at = from; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) starts.push(at)
  const found = new Map<string, string[] | undefined>()

  function lookup(word: string): string[] | undefined {
    if (found.has(word)) return found.get(word)
    let low = 0
    let high = starts.length - 1
    let result: string[] | undefined
    while (low <= high) {
      const middle = (low + high) >>> 1
      const start = starts[middle]
      const end = middle + 1 < starts.length ? starts[middle + 1] - 1 : text.length
      const tab = text.indexOf('\t', start)
      const line = text.slice(start, tab > -1 && tab < end ? tab : end)
      if (line === word) {
        // A copy per word, as nspell has: `personal` pushes flags onto a word's own list.
        result = [...codes[tab > -1 && tab < end ? Number(text.slice(tab + 1, end)) : 0]]
        break
      }
      if (line < word) low = middle + 1
      else high = middle - 1
    }
    // Remember words (few, and asked again and again), not the misses suggestions try by the hundred.
    if (result) found.set(word, result)
    return result
  }

  return new Proxy(Object.create(null) as Record<string, string[]>, {
    get: (_target, key) => (typeof key === 'string' ? lookup(key) : undefined),
    has: (_target, key) => typeof key === 'string' && lookup(key) !== undefined,
    set: (_target, key, value) => {
      if (typeof key !== 'string') return false
      found.set(key, value as string[])
      return true
    },
    deleteProperty: (_target, key) => {
      if (typeof key === 'string') found.set(key, undefined)
      return true
    }
  })
}
