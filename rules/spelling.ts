/** Words that are in no English dictionary, with suggestions (never applied by `--fix`). */
import fs from 'node:fs'
import path from 'node:path'
import {typoList} from '../src/data/typos.js'
import type {Root} from 'mdast'
import {latinPhrases, policyWords} from '../src/data/policy-words.js'
import {dictionary, suggestible, type Dialect} from '../src/data/dictionary.js'
import {nodeRange} from '../src/model/source.js'
import {walk} from '../src/model/walk.js'
import {inCookieIdentifiers, isEnglish, prose, wordKey, type Word} from '../src/model/words.js'
import {oneOf, record, stringList} from '../src/options.js'
import {defineRule} from '../src/rule.js'
import {codeList, escapeRegExp} from '../src/text.js'

export interface Options {
  /** `en`: American dictionary, British spellings accepted; `en-US` or `en-GB`: one dialect only. */
  dialect: 'en' | 'en-US' | 'en-GB'
  /** Extra accepted words, besides the shared `words` setting and `.policylint-words` files. */
  words: string[]
}

const defaults: Options = {dialect: 'en', words: []}

/** A word used this often in one document is a term the writer means, not a slip. */
const repeatedTerm = 3

export default defineRule<Options>({
  meta: {
    id: 'spelling',
    description: 'Words that are in no English dictionary',
    rationale:
      'Off in the recommended preset: on real pages it was not tuned on, 4 of 12 of its judged findings were worth a ' +
      'writer\'s time (`eval/verdicts/holdout-after.tsv`), short of the 85% a rule needs to be on by default. Turn it ' +
      'on with one line in the configuration\'s `plugins`: `[spelling, [\'warn\']]` (import it from `policylint/rules`). ' +
      'A dictionary check (Hunspell dictionaries through nspell, plus the rarer words of SCOWL and cspell\'s software ' +
      'terms, such as `performant`, `unencrypted` or `arbitral`) over the prose of the page. A word split by emphasis ' +
      '(`**G**lobally`) is read as one word. It skips what is not prose: code, MDX `import` lines, identifiers with ' +
      'escaped underscores, URLs, e-mail addresses, domains (`.co.uk` too), HTML tags and attributes, front matter, link ' +
      'targets and the cookie-name column of cookie tables. It also accepts the names in a list of partner links, a ' +
      'town alone on an address line, an abbreviation the text spells out before it (`passive collection mechanisms ' +
      '("pcms")`), Latin phrases of legal English (`forum non conveniens`), common abbreviations (`auth`, `config`, `repo`), acronyms (`GDPR`), words with inner capitals ' +
      '(`iPhone`, `YouTube`), capitalised names the document uses mid-sentence (`Hotjar`), a capitalised word ' +
      'opening a sentence that is not one slip away from any dictionary word (`Zendesk is …`), names that appear in ' +
      'code spans or link targets elsewhere in the document, words used three times or more (a term the writer ' +
      'means), a built-in list of data-protection terms (`pseudonymisation`), the shared `words` setting and ' +
      'the words in `.policylint-words` files (one a line, in the document\'s folder or above). The dictionary ' +
      'is loaded once, on first use. Suggestions are offered to editors; `--fix` never applies them. Known ' +
      'misspellings with one correction are `typos`, which fixes them.',
    recommended: 'off',
    fix: 'suggestion'
  },
  options: {
    defaults,
    docs: {
      dialect: "`'en'` (American dictionary; British spellings such as `organisation` accepted), `'en-US'`, or `'en-GB'` (British dictionary).",
      words: 'More words to accept (any case), besides the shared `words` setting and `.policylint-words` files.'
    },
    parse(raw) {
      const value = record(raw, 'spelling', ['dialect', 'words'])
      return {
        dialect: oneOf(value.dialect, 'dialect', ['en', 'en-US', 'en-GB'], defaults.dialect),
        words: stringList(value.words, 'words', defaults.words)
      }
    }
  },
  examples: [
    {name: 'valid.md', input: 'We use Hotjar to see how visitors use the site. It sets `_hjid`; see the GDPR notice.\n'},
    {
      name: 'invalid.md',
      input: 'We keep your preferances for a year.\n',
      messages: ['1:14-1:25: Unexpected unknown word `preferances`, expected `preferences`']
    },
    {
      name: 'british.md',
      options: {dialect: 'en-US'},
      input: 'We organise your data.\n',
      messages: ['1:4-1:12: Unexpected unknown word `organise`, expected `organize`, `organism`, or `organist`']
    }
  ],
  check(tree, context) {
    const {words: proseWords, names} = prose(tree, context.source)
    const words = joinSplitWords(proseWords, context.source)
    const inIdentifierCell = inCookieIdentifiers(tree, context.source)
    const accepted = new Set<string>([...context.settings.words, ...context.options.words].map(wordKey))
    if (context.settings.readWordsFile && context.file.path) {
      for (const word of wordsFiles(path.resolve(context.file.cwd, context.file.dirname ?? '.'))) accepted.add(word)
    }

    // Capitalised words written mid-sentence are names (`Hotjar`, `Matomo`), wherever else they appear.
    const midSentenceNames = new Set<string>()
    const uses = new Map<string, number>()
    const candidates: Word[] = []
    const listedNames = nameListWords(tree, words)
    const moduleStatement = moduleStatements(context.source)
    for (const word of words) {
      if (inIdentifierCell(word.range) || listedNames.has(word) || moduleStatement(word)) continue
      const bare = normalise(word.text)
      // No English word is longer than 45 letters; longer runs are identifiers or noise, and suggesting would be slow.
      if (bare.length < 2 || bare.length > 45) continue
      const key = wordKey(bare)
      uses.set(key, (uses.get(key) ?? 0) + 1)
      if (/^\p{Lu}/u.test(bare) && !word.sentenceStart && word.run.block !== 'heading') midSentenceNames.add(key)
      candidates.push(word)
    }

    // A page in another language (`cookies.es.md`) is not this dictionary's business.
    if (!isEnglish(tree, context.file.basename)) return
    const dialect: Dialect = context.options.dialect === 'en-GB' ? 'en-GB' : 'en-US'
    const known = new Map<string, boolean>()
    const suggestions = new Map<string, string[]>()
    let spell: ReturnType<typeof dictionary> | undefined
    const unknown: Word[] = []
    const checked = new Set<string>()
    const checkedWords: Word[] = []
    for (const word of candidates) {
      const bare = normalise(word.text)
      const key = wordKey(bare)
      if (skip(bare, key)) continue
      let ok = known.get(bare)
      if (ok === undefined) {
        spell ??= dictionary(dialect)
        ok =
          spell.correct(bare) ||
          inflected(bare, spell) ||
          (context.options.dialect === 'en' && (britishVariant(bare, spell) || dictionary('en-GB').correct(bare)))
        known.set(bare, ok)
      }
      checked.add(bare)
      checkedWords.push(word)
      if (!ok) unknown.push(word)
    }
    // When a quarter of the distinct words are unknown, the page is not in English (or not prose).
    const unknownDistinct = new Set(unknown.map((word) => normalise(word.text)))
    if (checked.size > 0 && unknownDistinct.size / checked.size > 0.25 && checked.size >= 20) return
    // Likewise a paragraph or cell where two in five words are unknown: an address, an imprint in German.
    const perBlock = new Map<object | undefined, {all: number; unknown: number}>()
    for (const word of checkedWords) {
      const count = perBlock.get(word.run.blockNode) ?? {all: 0, unknown: 0}
      count.all++
      perBlock.set(word.run.blockNode, count)
    }
    for (const word of unknown) perBlock.get(word.run.blockNode)!.unknown++
    const foreign = (word: Word) => {
      const count = perBlock.get(word.run.blockNode)!
      return count.all >= 3 && count.unknown / count.all >= 0.4
    }

    const unknownSet = new Set(unknown)
    const position = new Map(words.map((word, index) => [word, index]))
    for (const word of unknown) {
      if (
        foreign(word) ||
        looksLikeName(word, words) ||
        shortCompoundPart(word, context.source) ||
        foreignPhrase(word, unknownSet, words) ||
        addressLine(word, context.source) ||
        definedAbbreviation(word, words, position) ||
        inLatinPhrase(word, context.source)
      ) {
        continue
      }
      const bare = normalise(word.text)
      let list = suggestions.get(bare)
      if (!list) {
        list = suggest(bare, spell!)
        suggestions.set(bare, list)
      }
      // A capital opening a sentence, not one slip from any word, is a name (`Zendesk is …`, `Telefon: …`).
      if (list.length === 0 && word.sentenceStart && word.run.block !== 'heading' && /^\p{Lu}/u.test(bare)) continue
      const range: [number, number] = [word.range[0], word.range[1] - (word.text.length - bare.length)]
      const expected = list.length > 0 ? codeList(list) : 'a word in the dictionary'
      // A word split by markup (`**G**lobaly`) gets no edit: writing over it would drop the markup.
      const plain = word.range[1] - word.range[0] === word.text.length
      context.report({
        reason: `Unexpected unknown word \`${bare}\`, expected ${expected}`,
        range,
        suggestions: plain ? list.map((item) => ({description: `Write \`${item}\``, fix: {range, text: item}})) : [],
        note: list.length === 0 ? 'Add the word to `.policylint-words` or the `words` setting if it is right' : undefined
      })
    }

    function skip(bare: string, key: string): boolean {
      if (accepted.has(key) || policyWords.has(key) || names.has(key)) return true
      if (typoList[key] !== undefined) return true
      // Lower-case ASCII words, nearly all of them: no capital and no other letter, so only the count is left.
      if (/^[a-z'’]+$/.test(bare)) return (uses.get(key) ?? 0) >= repeatedTerm
      // Acronyms and words with inner capitals (`GDPR`, `iPhone`, `YouTube`).
      if (/\p{Lu}/u.test(bare.slice(1))) return true
      if (/^\p{Lu}/u.test(bare) && midSentenceNames.has(key)) return true
      if ((uses.get(key) ?? 0) >= repeatedTerm) return true
      // Words with accents or in other scripts (`für`, `código`) are not this dictionary's business.
      if (/[^A-Za-z'’]/.test(bare)) return true
      return false
    }
  }
})

/**
 * Words split by inline markup with nothing else between the parts are one word: `**G**lobally`, `*T*erms`,
 * `<b>G</b>lobally`. The joined word keeps the source range over the markup; its text is the letters alone.
 */
function joinSplitWords(words: Word[], source: string): Word[] {
  const joined: Word[] = []
  for (const word of words) {
    const previous = joined.at(-1)
    if (previous && previous.run !== word.run && previous.range[1] < word.range[0]) {
      const between = word.range[0] - previous.range[1] > 200 ? '' : source.slice(previous.range[1], word.range[0])
      // Emphasis markers and inline formatting tags only: `first<br>second` is two words.
      if (/^(?:[*_~]|<\/?(?:b|strong|i|em|u|mark|span|s|del|ins|small|font)(?:\s[^<>]*)?>)+$/i.test(between)) {
        joined[joined.length - 1] = {...previous, text: previous.text + word.text, range: [previous.range[0], word.range[1]]}
        continue
      }
    }
    joined.push(word)
  }
  return joined
}

/**
 * The first word of each item of a list of names: five or more items, four in five of them a link and nothing
 * else (`- [Exactag](https://exactag.com/privacy/)`); a few words that end no sentence count too (`- Waystack`).
 * Consent tools and vendor pages list partners so; their names are in no dictionary.
 */
function nameListWords(tree: Root, words: Word[]): Set<Word> {
  const ranges: Array<[number, number]> = []
  walk(tree, (node) => {
    if (node.type !== 'list' || node.children.length < 5) return
    let links = 0
    const items: Array<[number, number]> = []
    for (const item of node.children) {
      const paragraph = item.children.length === 1 && item.children[0].type === 'paragraph' ? item.children[0] : undefined
      const range = nodeRange(paragraph)
      if (!paragraph || !range) continue
      const content = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
      if (content.length === 1 && content[0].type === 'link') {
        links++
        items.push(range)
      } else if (content.length === 1 && content[0].type === 'text' && !/[.!?:;]\s*$/.test(content[0].value) && content[0].value.trim().split(/\s+/).length <= 6) {
        // A name without a link: `- Waystack`, `- BDSK Handels GmbH & Co. KG`.
        items.push(range)
      }
    }
    if (links >= 0.8 * node.children.length) ranges.push(...items)
  })
  const found = new Set<Word>()
  if (ranges.length === 0) return found
  // Both in document order: one pass.
  ranges.sort((a, b) => a[0] - b[0])
  let at = 0
  for (const [start, end] of ranges) {
    while (at < words.length && words[at].range[0] < start) at++
    if (at < words.length && words[at].range[1] <= end) found.add(words[at])
  }
  return found
}

/** A test for words of an MDX `import` or `export` statement, which is code (`import {Callout} from 'nextra/components'`). */
function moduleStatements(source: string): (word: Word) => boolean {
  const blocks = new Map<object | undefined, boolean>()
  return (word) => {
    if (word.run.block !== 'paragraph') return false
    let found = blocks.get(word.run.blockNode)
    if (found === undefined) {
      const range = nodeRange(word.run.blockNode as never)
      found = false
      if (range && /^(?:import|export)\s/.test(source.slice(range[0], range[0] + 7))) {
        const end = source.indexOf('\n', range[0])
        found = /\sfrom\s+['"]|=/.test(source.slice(range[0], end < 0 || end > range[1] ? range[1] : end))
      }
      blocks.set(word.run.blockNode, found)
    }
    return found
  }
}

/**
 * A capitalised word alone on its line in a block that has a number on another line: a town in an address
 * (`153 Harbour Road<br />Ayr<br />KA8 0JG`).
 */
function addressLine(word: Word, source: string): boolean {
  if (!/^\p{Lu}/u.test(word.text) || word.run.block === 'heading') return false
  // Address lines are short: look no further than 40 characters either side.
  const near = source.slice(Math.max(0, word.range[0] - 40), word.range[1] + 40)
  const offset = word.range[0] - Math.max(0, word.range[0] - 40)
  const lineStart = near.lastIndexOf('\n', offset - 1)
  const lineEnd = near.indexOf('\n', offset + word.text.length)
  if ((lineStart < 0 && word.range[0] > 40) || (lineEnd < 0 && word.range[1] + 40 < source.length)) return false
  const line = near.slice(lineStart + 1, lineEnd < 0 ? near.length : lineEnd)
  if (line.replace(/<[^>]*>/g, ' ').replace(/[\s>*_,.\\]+/g, '') !== word.text) return false
  const block = nodeRange(word.run.blockNode as never)
  if (!block || block[1] - block[0] > 2000) return false
  return source
    .slice(block[0], block[1])
    .split('\n')
    .some((other) => /\d/.test(other.replace(/<[^>]*>/g, '')))
}

/** Small words an abbreviation leaves out: `Data Protection Officer`, `right of access`. */
const abbreviationGaps = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', '&'])

/**
 * An abbreviation the text defines by the words before it: `passive collection mechanisms ("pcms")`. The
 * initials of words just before, small words skipped, spell it (a final `s` for a plural).
 */
function definedAbbreviation(word: Word, words: Word[], position: Map<Word, number>): boolean {
  const letters = word.text.toLowerCase().replace(/['’]s$/, '')
  if (letters.length < 2 || letters.length > 6) return false
  const index = position.get(word) ?? 0
  const before = words.slice(Math.max(0, index - 10), index).filter((other) => !abbreviationGaps.has(other.text.toLowerCase()))
  for (const target of letters.endsWith('s') ? [letters, letters.slice(0, -1)] : [letters]) {
    for (let start = 0; start + target.length <= before.length; start++) {
      const initials = before.slice(start, start + target.length).map((other) => other.text.charAt(0).toLowerCase()).join('')
      if (initials === target) return true
    }
  }
  return false
}

/** A word of a Latin or French phrase of legal English (`forum non conveniens`, `force majeure`). */
function inLatinPhrase(word: Word, source: string): boolean {
  const key = wordKey(word.text)
  for (const phrase of latinPhrases) {
    const parts = phrase.split(' ')
    const at = parts.indexOf(key)
    if (at < 0) continue
    // The phrase's words before and after this one, with any spaces or markup between them.
    const pattern = new RegExp(
      parts.map(escapeRegExp).join('[\\s*_]+'),
      'iy'
    )
    const from = Math.max(0, word.range[0] - 40)
    const window = source.slice(from, word.range[1] + 40)
    for (let start = 0; start <= word.range[0] - from; start++) {
      pattern.lastIndex = start
      const match = pattern.exec(window)
      if (match && from + start <= word.range[0] && from + start + match[0].length >= word.range[1]) return true
    }
  }
  return false
}

/** A capitalised word in a table cell, or next to another capitalised word outside headings: a name or an address. */
function looksLikeName(word: Word, words: Word[]): boolean {
  if (!/^\p{Lu}/u.test(word.text) || word.run.block === 'heading') return false
  // A capitalised word in a table cell is most often a vendor or product (`Zendesk`, `Polymorph`).
  if (word.run.block === 'tableCell') return true
  const index = words.indexOf(word)
  const near = [words[index - 1], words[index + 1]].filter((other) => other && other.run === word.run)
  return near.some((other) => /^\p{Lu}/u.test(other.text) && !other.sentenceStart)
}

/**
 * A word in a phrase of another language quoted in English prose: another unknown word at most a word away
 * (`offentlighets- och sekretesslagen`), or capitalised words on both sides (`Beauftragte für Datenschutz und Informationsfreiheit`).
 */
function foreignPhrase(word: Word, unknown: Set<Word>, words: Word[]): boolean {
  const index = words.indexOf(word)
  const near = (offset: number) => (words[index + offset]?.run === word.run ? words[index + offset] : undefined)
  const [before, after] = [near(-1), near(1)]
  // Another unknown word at most one word away.
  if ([near(-2), before, after, near(2)].some((other) => other && unknown.has(other))) return true
  const capitalised = (other: Word | undefined) => other !== undefined && /^\p{Lu}/u.test(other.text) && !other.sentenceStart
  return capitalised(before) && capitalised(after)
}

/** A part of three letters or fewer of a hyphenated compound (`add-ons`, `geo-location`, `pre-ICO`). */
function shortCompoundPart(word: Word, source: string): boolean {
  const hyphen = source.charAt(word.range[0] - 1) === '-' || source.charAt(word.range[1]) === '-'
  return hyphen && word.text.length <= 3
}

/** Plurals, adverbs and agent nouns the dictionary lacks: `immunities`, `identifiably`, `infringers`. */
function inflected(word: string, spell: ReturnType<typeof dictionary>): boolean {
  const lower = word.toLowerCase()
  const stems: string[] = []
  if (/[^s]s$/.test(lower)) stems.push(lower.slice(0, -1))
  if (/ies$/.test(lower)) stems.push(lower.slice(0, -3) + 'y')
  if (/(?:ch|sh|x|s)es$/.test(lower)) stems.push(lower.slice(0, -2))
  if (/ably$/.test(lower)) stems.push(lower.slice(0, -4) + 'able')
  if (/ers?$/.test(lower)) stems.push(lower.replace(/rs?$/, ''))
  return stems.some((stem) => stem.length > 2 && (spell.correct(stem) || (stem.endsWith('er') && spell.correct(stem.slice(0, -2)))))
}

/** Typographic apostrophes made straight; a possessive `'s` or a trailing `'` dropped. */
function normalise(text: string): string {
  if (!text.includes("'") && !text.includes('’')) return text
  return text.replace(/’/g, "'").replace(/'s$/i, '').replace(/'$/, '')
}

/** British spellings whose American form is in the dictionary: `organisation`, `colour`, `centre`, `licence`. */
function britishVariant(word: string, spell: ReturnType<typeof dictionary>): boolean {
  const rules: Array<[RegExp, string]> = [
    [/is(e|es|ed|ing|ation|ations|er|ers|able)$/, 'iz$1'],
    [/ys(e|es|ed|ing|er|ers)$/, 'yz$1'],
    [/our/, 'or'],
    [/tre(s?)$/, 'ter$1'],
    [/ence(s?)$/, 'ense$1'],
    [/ll(ed|ing|er|ers)$/, 'l$1'],
    [/ogue(s?)$/, 'og$1'],
    [/is(ational|ationally|ations?)$/, 'iz$1'],
    [/([^l])l(s|ment|ments)?$/, '$1ll$2'],
    [/programme/, 'program'],
    [/ae/, 'e'],
    [/oe/, 'e']
  ]
  const lower = word.toLowerCase()
  let all = lower
  for (const [pattern, replacement] of rules) {
    if (!pattern.test(lower)) continue
    const variant = lower.replace(pattern, replacement)
    if (spell.correct(variant)) return true
    all = all.replace(pattern, replacement)
  }
  return all !== lower && spell.correct(all)
}

/**
 * Up to three dictionary words one edit away (a letter dropped, added, changed or two swapped), keeping the
 * word's capital. Much cheaper than nspell's own `suggest`, which can take a second on a long word.
 */
function suggest(word: string, spell: ReturnType<typeof dictionary>): string[] {
  const lower = word.toLowerCase()
  const capital = word !== lower
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  const found = new Map<string, number>()
  const consider = (candidate: string, rank: number) => {
    if (candidate.length < 2 || found.has(candidate) || !spell.correct(candidate) || !suggestible(spell, candidate)) return
    // Slips rarely hit the first letter: candidates that keep it come first.
    found.set(candidate, rank + (candidate.charAt(0) === lower.charAt(0) ? 0 : 10))
  }
  // Swapped letters, then a letter missing, a letter too many, a letter wrong.
  for (let i = 0; i < lower.length - 1; i++) consider(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2), 0)
  for (let i = 0; i <= lower.length; i++) for (const c of letters) consider(lower.slice(0, i) + c + lower.slice(i), 1)
  for (let i = 0; i < lower.length; i++) consider(lower.slice(0, i) + lower.slice(i + 1), 2)
  for (let i = 0; i < lower.length; i++) for (const c of letters) if (c !== lower[i]) consider(lower.slice(0, i) + c + lower.slice(i + 1), 3)
  return [...found]
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3)
    .map(([item]) => (capital ? item.charAt(0).toUpperCase() + item.slice(1) : item))
}

/** Parsed `.policylint-words` files by path, re-read when the file changes (the language server lives long). */
const wordsFileCache = new Map<string, {mtimeMs: number; words: string[]}>()

/** Words from `.policylint-words` in `folder` and every folder above it. */
function wordsFiles(folder: string): string[] {
  const found: string[] = []
  let current = folder
  for (;;) {
    const file = path.join(current, '.policylint-words')
    let mtimeMs: number | undefined
    try {
      mtimeMs = fs.statSync(file).mtimeMs
    } catch {
      // No file here.
    }
    if (mtimeMs !== undefined) {
      let entry = wordsFileCache.get(file)
      if (!entry || entry.mtimeMs !== mtimeMs) {
        const words = fs
          .readFileSync(file, 'utf8')
          .split(/\r?\n/)
          .map((line) => line.replace(/#.*/, '').trim())
          .filter(Boolean)
          .map(wordKey)
        entry = {mtimeMs, words}
        wordsFileCache.set(file, entry)
      }
      found.push(...entry.words)
    }
    const parent = path.dirname(current)
    if (parent === current) return found
    current = parent
  }
}
