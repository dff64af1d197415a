/** Words that are in no English dictionary, with suggestions (never applied by `--fix`). */
import path from 'node:path'
import {doc} from '../src/example.js'
import type {Root} from 'mdast'
import {dictionary} from '../src/data/dictionary.js'
import {policyWords} from '../src/data/policy-words.js'
import {inDictionary, suggest} from '../src/data/spell.js'
import {typoList} from '../src/data/typos.js'
import {joinSplitWords} from '../src/model/joined-words.js'
import {addressLine, definedAbbreviation, foreignPhrase, inLatinPhrase, looksLikeName} from '../src/model/word-roles.js'
import {moduleStatements, mostlyUnknownBlock, nameListWords, shortCompoundPart} from '../src/model/word-roles.js'
import {inCookieIdentifiers, isEnglish, prose, wordKey, type Word} from '../src/model/words.js'
import {option} from '../src/options.js'
import {defineRule, type OptionsOf, type RuleContext} from '../src/rule.js'
import {codeList} from '../src/text.js'
import {wordsFiles} from '../src/data/words-files.js'

export type Options = OptionsOf<typeof rule>

const rule = defineRule({
  meta: {
    id: 'spelling',
    description: 'Words that are in no English dictionary',
    rationale:
      'Off in the recommended preset: on real pages it was not tuned on, 4 of 12 of its judged findings were worth a ' +
      "writer's time (`eval/verdicts/holdout-after.tsv`), short of the 85% a rule needs to be on by default. Turn it " +
      "on with one line in the configuration's `plugins`: `[spelling, ['warn']]` (import it from `policylint/rules`). " +
      "A dictionary check (Hunspell dictionaries through nspell, plus the rarer words of SCOWL and cspell's software " +
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
      "the words in `.policylint-words` files (one a line, in the document's folder or above). The dictionary " +
      'is loaded once, on first use. Suggestions are offered to editors; `--fix` never applies them. Known ' +
      'misspellings with one correction are `typos`, which fixes them.',
    recommended: 'off',
    fix: 'suggestion'
  },
  options: {
    dialect: option.oneOf({
      values: ['en', 'en-US', 'en-GB'],
      default: 'en',
      doc: "`'en'` (American dictionary; British spellings such as `organisation` accepted), `'en-US'`, or `'en-GB'` (British dictionary)."
    }),
    words: option.strings({default: [], doc: 'More words to accept (any case), besides the shared `words` setting and `.policylint-words` files.'})
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
      We use Hotjar to see how visitors use the site. It sets \`_hjid\`; see the GDPR notice.
    `
    },
    {
      name: 'invalid.md',
      input: doc`
        We keep your preferances for a year.
      `,
      messages: ['1:14-1:25: Unexpected unknown word `preferances`, expected `preferences`']
    },
    {
      name: 'british.md',
      options: {dialect: 'en-US'},
      input: doc`
        We organise your data.
      `,
      messages: ['1:4-1:12: Unexpected unknown word `organise`, expected `organize`, `organism`, or `organist`']
    }
  ],
  check(tree, context) {
    // A page in another language (`cookies.es.md`) is not this dictionary's business.
    if (!isEnglish(tree, context.file.basename)) return
    for (const finding of classify(collect(tree, context), context)) report(finding, context)
  }
})

export default rule

/** The prose words worth looking up, with what the document tells about them. */
interface Collected {
  /** Every prose word, words split by markup joined. */
  words: Word[]
  /** The words to look up: not in a cookie-name cell, a list of names or an MDX statement. */
  candidates: Word[]
  /** Uses of each word (by `wordKey`). */
  uses: Map<string, number>
  /** Capitalised words written mid-sentence: names (`Hotjar`, `Matomo`), wherever else they appear. */
  midSentenceNames: Set<string>
  /** Words the settings, the options and `.policylint-words` files accept. */
  accepted: Set<string>
  /** Names in code spans and link targets. */
  names: Set<string>
}

/** An unknown word that is most likely a slip, with up to three suggestions. */
interface Finding {
  word: Word
  bare: string
  suggestions: string[]
}

function collect(tree: Root, context: RuleContext<Options>): Collected {
  const {words: proseWords, names} = prose(tree, context.source)
  const words = joinSplitWords(proseWords, context.source)
  const inIdentifierCell = inCookieIdentifiers(tree, context.source)
  const accepted = new Set<string>([...context.settings.words, ...context.options.words].map(wordKey))
  if (context.settings.readWordsFile && context.file.path) {
    for (const word of wordsFiles(path.resolve(context.file.cwd, context.file.dirname ?? '.'))) accepted.add(word)
  }
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
  return {words, candidates, uses, midSentenceNames, accepted, names}
}

/** The unknown words that are slips: none on a page or in a block mostly unknown, none that is rightly a name or the like. */
function classify(collected: Collected, context: RuleContext<Options>): Finding[] {
  const {words} = collected
  const {unknown, checked, checkedWords} = lookUp(collected, context)
  // When a quarter of the distinct words are unknown, the page is not in English (or not prose).
  const unknownDistinct = new Set(unknown.map((word) => normalise(word.text)))
  if (checked.size > 0 && unknownDistinct.size / checked.size > 0.25 && checked.size >= 20) return []
  const foreign = mostlyUnknownBlock(checkedWords, unknown)

  const suggestions = new Map<string, string[]>()
  const findings: Finding[] = []
  const unknownSet = new Set(unknown)
  // Made when a word first gets that far: most unknown words are settled before.
  let position: Map<Word, number> | undefined
  for (const word of unknown) {
    if (
      foreign(word) ||
      looksLikeName(word, words) ||
      shortCompoundPart(word, context.source) ||
      foreignPhrase(word, unknownSet, words) ||
      addressLine(word, context.source) ||
      definedAbbreviation(word, words, (position ??= new Map(words.map((word, index) => [word, index])))) ||
      inLatinPhrase(word, context.source)
    ) {
      continue
    }
    const bare = normalise(word.text)
    let list = suggestions.get(bare)
    if (!list) {
      list = suggest(bare, dictionary(context.options.dialect === 'en-GB' ? 'en-GB' : 'en-US'))
      suggestions.set(bare, list)
    }
    // A capital opening a sentence, not one slip from any word, is a name (`Zendesk is …`, `Telefon: …`).
    if (list.length === 0 && word.sentenceStart && word.run.block !== 'heading' && /^\p{Lu}/u.test(bare)) continue
    findings.push({word, bare, suggestions: list})
  }
  return findings
}

function report({word, bare, suggestions: list}: Finding, context: RuleContext<Options>): void {
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

/** The candidates the dictionary does not know, after the words skipped without a look-up. */
function lookUp(collected: Collected, context: RuleContext<Options>) {
  const known = new Map<string, boolean>()
  const unknown: Word[] = []
  const checked = new Set<string>()
  const checkedWords: Word[] = []
  for (const word of collected.candidates) {
    const bare = normalise(word.text)
    if (skip(bare, wordKey(bare), collected)) continue
    let ok = known.get(bare)
    if (ok === undefined) {
      ok = inDictionary(bare, context.options.dialect)
      known.set(bare, ok)
    }
    checked.add(bare)
    checkedWords.push(word)
    if (!ok) unknown.push(word)
  }
  return {unknown, checked, checkedWords}
}

/** A word used this often in one document is a term the writer means, not a slip. */
const repeatedTerm = 3

/** Words accepted without a look-up. */
function skip(bare: string, key: string, {accepted, names, uses, midSentenceNames}: Collected): boolean {
  if (accepted.has(key) || policyWords.has(key) || names.has(key)) return true
  if (typoKeys.has(key)) return true
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

/**
 * The keys of the typos list, as a set: indexing the list with a fresh string interns the string first, for every
 * word. `constructor` too, which `typoList[key] !== undefined` found on the object's prototype.
 */
const typoKeys: ReadonlySet<string> = new Set([...Object.keys(typoList), 'constructor'])

/** Typographic apostrophes made straight; a possessive `'s` or a trailing `'` dropped. */
function normalise(text: string): string {
  if (!hasApostrophe(text)) return text
  return text.replace(/’/g, "'").replace(/'s$/i, '').replace(/'$/, '')
}

function hasApostrophe(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 39 || code === 0x2019) return true
  }
  return false
}
