/** Known misspellings with one correction each, repeated words and phrases (`the the`, `on the on the`), and two determiners in a row (`the this`). */
import {doc} from '../src/example.js'
import {typoList} from '../src/data/typos.js'
import {inCookieIdentifiers, isEnglish, matchCase, prose, wordKey, type Word} from '../src/model/words.js'
import {option} from '../src/options.js'
import {defineRule} from '../src/rule.js'

export default defineRule({
  meta: {
    id: 'typos',
    description: 'Known misspellings, repeated words and phrases, and doubled determiners in prose',
    rationale:
      'Policy pages are read by lawyers, regulators and customers; `cokkies` or `the the` in a privacy notice ' +
      'costs trust. This rule only reports words from a curated list of misspellings that have exactly one ' +
      'correction, written for policy language (cookies, consent, processing, third parties), and a word written ' +
      'twice in a row, or a phrase of two or three words written twice (`on the on the`). These are fixed ' +
      'safely, keeping the case of the word (`Cokkies` becomes `Cookies`). Two determiners in a row (`the this`, ' +
      '`our the`) are reported with both readings offered as suggestions, since only the writer knows which ' +
      'was meant; `that the` and `is this the` are sound English and are left alone. ' +
      'Code, URLs, e-mail addresses, HTML tags and cookie names are not prose and are never checked. ' +
      'For words that are not in the list, see `spelling`.',
    recommended: 'error',
    fix: 'safe'
  },
  options: {
    extra: option.strings({
      default: [],
      doc: 'More misspellings (`["cookiez->cookies"]`).',
      each: {test: (pair) => /^[^\s>-][^>]*->[^>]+$/.test(pair), expected: 'pairs written `wrong->right`'}
    }),
    allowRepeated: option.strings({
      default: ['that', 'had', 'is', 'bye', 'ha', 'no', 'very', 'so'],
      doc: 'Words that may be written twice in a row (`that that`); replaces the default list.',
      normalize: wordKey
    })
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
      We use cookies to remember your privacy preferences.
    `
    },
    {
      name: 'invalid.md',
      input: doc`
        ## Which cokkies do we use?

        Cokkies help us keep the the site secure.
      `,
      messages: [
        '1:10-1:17: Unexpected `cokkies`, expected `cookies`',
        '3:1-3:8: Unexpected `Cokkies`, expected `Cookies`',
        '3:25-3:29: Unexpected repeated word `the`, expected it once'
      ],
      fixed: doc`
        ## Which cookies do we use?

        Cookies help us keep the site secure.
      `
    },
    {
      name: 'phrases.md',
      input: doc`
        Settings are stored on the on the device. We may share the this data with processors.
      `,
      messages: [
        '1:27-1:34: Unexpected repeated phrase `on the`, expected it once',
        '1:56-1:64: Unexpected `the this`, expected one of `the` or `this`'
      ],
      fixed: doc`
        Settings are stored on the device. We may share the this data with processors.
      `
    },
    {
      name: 'extra.md',
      options: {extra: ['cookiez->cookies']},
      input: doc`
        Our site sets cookiez.
      `,
      messages: ['1:15-1:22: Unexpected `cookiez`, expected `cookies`'],
      fixed: doc`
        Our site sets cookies.
      `
    }
  ],
  check(tree, context) {
    // The lists and patterns are English: a page that says it is in another language is left alone.
    if (!isEnglish(tree, context.file.basename)) return
    let list = defaultList
    if (context.options.extra.length > 0) {
      const withExtra = new Map(defaultList)
      for (const pair of context.options.extra) {
        const [wrong, right] = pair.split('->')
        withExtra.set(wordKey(wrong.trim()), right.trim())
      }
      list = withExtra
    }
    const allowRepeated = new Set(context.options.allowRepeated)
    const inIdentifierCell = inCookieIdentifiers(tree, context.source)
    // Each word's key, asked once: a word is compared with its neighbours several times.
    const keys: string[] = []
    for (const run of prose(tree, context.source).runs) {
      if (inIdentifierCell([run.start, run.end])) continue
      const words = run.words
      keys.length = 0
      for (const word of words) keys.push(wordKey(word.text))
      // Words already covered by a reported repeated phrase.
      let coveredUntil = -1
      for (let index = 0; index < words.length; index++) {
        const word = words[index]
        const previous = index > 0 ? words[index - 1] : undefined
        const key = keys[index]
        const correction = list.get(key)
        if (correction !== undefined) {
          const text = matchCase(word.text, correction)
          context.report({reason: `Unexpected \`${word.text}\`, expected \`${text}\``, fix: {range: word.range, text}})
          continue
        }
        if (index <= coveredUntil) continue
        if (
          previous &&
          keys[index - 1] === key &&
          !allowRepeated.has(key) &&
          // `Bora Bora`, `Baden-Baden`: a capitalised second word is a name, not a slip.
          !/^\p{Lu}/u.test(word.text) &&
          repeated(context.source, previous, word)
        ) {
          context.report({
            reason: `Unexpected repeated word \`${word.text}\`, expected it once`,
            fix: {range: [previous.range[1], word.range[1]], text: ''}
          })
          continue
        }
        const length = repeatedPhrase(context.source, words, keys, index, allowRepeated)
        if (length > 0) {
          const first = words.slice(index, index + length)
          const second = words.slice(index + length, index + 2 * length)
          const phrase = context.source.slice(second[0].range[0], second[length - 1].range[1])
          context.report({
            reason: `Unexpected repeated phrase \`${phrase}\`, expected it once`,
            fix: {range: [first[length - 1].range[1], second[length - 1].range[1]], text: ''}
          })
          coveredUntil = index + 2 * length - 1
          continue
        }
        if (previous && doubleDeterminer(context.source, words, keys, index)) {
          const both = `${previous.text} ${word.text}`
          context.report({
            reason: `Unexpected \`${both}\`, expected one of \`${previous.text}\` or \`${word.text}\``,
            range: [previous.range[0], word.range[1]],
            suggestions: [
              {description: `Write \`${word.text}\``, fix: {range: [previous.range[0], word.range[1]], text: matchCase(previous.text, word.text)}},
              {description: `Write \`${previous.text}\``, fix: {range: [previous.range[0], word.range[1]], text: previous.text}}
            ]
          })
        }
      }
    }
  }
})

/** Two words with nothing but spaces (one line break at most) between them. */
function repeated(source: string, first: Word, second: Word): boolean {
  const gap = source.slice(first.range[1], second.range[0])
  return /^[ \t]*\n?[ \t]*$/.test(gap) && gap.length > 0
}

/**
 * The length (2 or 3 words) of a phrase starting at `index` that is written twice back to back (`on the on
 * the`), or 0. Names (`New York New York`), chants of allowed words (`ha ha ha ha`) and one word said four
 * times (a repeated word, reported as such) are not counted.
 */
function repeatedPhrase(source: string, words: readonly Word[], keys: readonly string[], index: number, allowRepeated: ReadonlySet<string>): number {
  for (let length = 3; length >= 2; length--) {
    if (index + 2 * length > words.length) continue
    // Most words differ from the one `length` words on: no phrase, decided without building one.
    if (keys[index] === keys[index + length] && writtenTwice(source, words, keys, index, length, allowRepeated)) return length
  }
  return 0
}

/**
 * Whether the `length` words from `index` are written again right after them. Apart from repeatedPhrase, which
 * is called for every word: the closures here would cost it a context object per call.
 */
function writtenTwice(
  source: string,
  words: readonly Word[],
  wordKeys: readonly string[],
  index: number,
  length: number,
  allowRepeated: ReadonlySet<string>
): boolean {
  const span = words.slice(index, index + 2 * length)
  const keys = wordKeys.slice(index, index + 2 * length)
  let same = true
  for (let at = 0; at < length && same; at++) same = keys[at] === keys[at + length]
  if (!same) return false
  const phrase = keys.slice(0, length)
  if (new Set(phrase).size === 1) return false
  if (phrase.every((key) => allowRepeated.has(key))) return false
  // `from time to time to`, `step by step by`: a noun twice around a linking word is an idiom (`time to
  // time`, `side by side`), and the words after it only look like a second copy.
  if (length === 2 && idiomLinks.has(phrase[1])) return false
  // `cookies and pixels and pixels`, `A or B or B`: a list that ends where it began, not a phrase written twice.
  if (/^(?:and|or|nor|but)$/.test(phrase[0])) return false
  // Written the same way both times (only the first letter may differ, for a sentence start): `Cookies and
  // COOKIES and cookies` names a word in three cases, on purpose.
  const written = (word: Word, at: number) => (at === 0 ? word.text.slice(1) : word.text)
  if (span.slice(0, length).some((word, at) => written(word, at) !== written(span[length + at], at))) return false
  // A capital in the second copy is a name or a title (`Walla Walla`, `New York New York`).
  if (span.slice(length).some((word) => /^\p{Lu}/u.test(word.text))) return false
  let joined = true
  for (let at = 1; at < span.length && joined; at++) joined = repeated(source, span[at - 1], span[at])
  return joined
}

/** The curated list, built once: a page's own `extra` pairs go into a copy. */
const defaultList: ReadonlyMap<string, string> = new Map(Object.entries(typoList))

const idiomLinks = new Set(['to', 'by', 'after', 'upon', 'for', 'in', 'and'])

/** Articles and possessives that open a noun phrase: two in a row (`the this`, `a the`, `our the`) is a slip. */
const leadingDeterminers = new Set(['the', 'a', 'an', 'our', 'your', 'their', 'my'])
// `this`, `that`, `these`, `those` may come first in sound English (`is this the page`, `so that the`,
// `to those the law protects`), so they are only reported second.
const followingDeterminers = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'their', 'my'])
/** Words after a lone `a` that make it Latin or French, not an article (`the a priori case`). */
const foreignAfterA = new Set(['priori', 'posteriori', 'fortiori', 'la', 'propos'])

function doubleDeterminer(source: string, words: readonly Word[], keys: readonly string[], index: number): boolean {
  const first = words[index - 1]
  const second = words[index]
  const firstKey = keys[index - 1]
  const secondKey = keys[index]
  if (firstKey === secondKey || !leadingDeterminers.has(firstKey) || !followingDeterminers.has(secondKey)) return false
  // `the A record`, `our A/B tests`: a capital second word is a letter or a name.
  if (second.text !== secondKey) return false
  if (first.text !== firstKey && !(first.sentenceStart && first.text.slice(1) === firstKey.slice(1))) return false
  if (!repeated(source, first, second) || /\n/.test(source.slice(first.range[1], second.range[0]))) return false
  const after = source.charAt(second.range[1])
  // `the a-team`, `the "a" in cat`, `an an.` quoted or hyphenated letters.
  if (/[-'’"”\w]/.test(after)) return false
  const next = words[index + 1]
  if (secondKey === 'a' && next && foreignAfterA.has(keys[index + 1])) return false
  return true
}
