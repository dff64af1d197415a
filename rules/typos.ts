/** Known misspellings with one correction each, and repeated words (`the the`), fixed with the word's case kept. */
import {typoList} from '../src/data/typos.js'
import {inCookieIdentifiers, isEnglish, matchCase, prose, wordKey, type Word} from '../src/model/words.js'
import {fail, record, stringList} from '../src/options.js'
import {defineRule} from '../src/rule.js'

export interface Options {
  /** Extra misspellings, as `wrong->right` pairs. */
  extra: string[]
  /** Words that are fine repeated (`that that`, `had had`). */
  allowRepeated: string[]
}

const defaults: Options = {extra: [], allowRepeated: ['that', 'had', 'is', 'bye', 'ha', 'no', 'very', 'so']}

export default defineRule<Options>({
  meta: {
    id: 'typos',
    description: 'Known misspellings and repeated words in prose',
    rationale:
      'Policy pages are read by lawyers, regulators and customers; `cokkies` or `the the` in a privacy notice ' +
      'costs trust. This rule only reports words from a curated list of misspellings that have exactly one ' +
      'correction, written for policy language (cookies, consent, processing, third parties), and a word written ' +
      'twice in a row. Both are fixed safely, keeping the case of the word (`Cokkies` becomes `Cookies`). ' +
      'Code, URLs, e-mail addresses, HTML tags and cookie names are not prose and are never checked. ' +
      'For words that are not in the list, see `spelling`.',
    recommended: 'error',
    fix: 'safe'
  },
  options: {
    defaults,
    docs: {
      extra: 'More misspellings, each written `wrong->right` (`["cookiez->cookies"]`).',
      allowRepeated: 'Words that may be written twice in a row (`that that`); replaces the default list.'
    },
    parse(raw) {
      const value = record(raw, 'typos', ['extra', 'allowRepeated'])
      const extra = stringList(value.extra, 'extra', defaults.extra)
      for (const pair of extra) {
        if (!/^[^\s>-][^>]*->[^>]+$/.test(pair)) fail('extra', pair, 'pairs written `wrong->right`')
      }
      return {extra, allowRepeated: stringList(value.allowRepeated, 'allowRepeated', defaults.allowRepeated).map(wordKey)}
    }
  },
  examples: [
    {name: 'valid.md', input: 'We use cookies to remember your privacy preferences.\n'},
    {
      name: 'invalid.md',
      input: '## Which cokkies do we use?\n\nCokkies help us keep the the site secure.\n',
      messages: [
        '1:10-1:17: Unexpected `cokkies`, expected `cookies`',
        '3:1-3:8: Unexpected `Cokkies`, expected `Cookies`',
        '3:25-3:29: Unexpected repeated word `the`, expected it once'
      ],
      fixed: '## Which cookies do we use?\n\nCookies help us keep the site secure.\n'
    },
    {
      name: 'extra.md',
      options: {extra: ['cookiez->cookies']},
      input: 'Our site sets cookiez.\n',
      messages: ['1:15-1:22: Unexpected `cookiez`, expected `cookies`'],
      fixed: 'Our site sets cookies.\n'
    }
  ],
  check(tree, context) {
    // The lists and patterns are English: a page that says it is in another language is left alone.
    if (!isEnglish(tree, context.file.basename)) return
    const list = new Map(Object.entries(typoList))
    for (const pair of context.options.extra) {
      const [wrong, right] = pair.split('->')
      list.set(wordKey(wrong.trim()), right.trim())
    }
    const allowRepeated = new Set(context.options.allowRepeated)
    const inIdentifierCell = inCookieIdentifiers(tree, context.source)
    for (const run of prose(tree, context.source).runs) {
      if (inIdentifierCell([run.start, run.end])) continue
      let previous: Word | undefined
      for (const word of run.words) {
        const key = wordKey(word.text)
        const correction = list.get(key)
        if (correction !== undefined) {
          const text = matchCase(word.text, correction)
          context.report({reason: `Unexpected \`${word.text}\`, expected \`${text}\``, fix: {range: word.range, text}})
        } else if (
          previous &&
          wordKey(previous.text) === key &&
          !allowRepeated.has(key) &&
          // `Bora Bora`, `Baden-Baden`: a capitalised second word is a name, not a slip.
          !/^\p{Lu}/u.test(word.text) &&
          repeated(context.source, previous, word)
        ) {
          context.report({
            reason: `Unexpected repeated word \`${word.text}\`, expected it once`,
            fix: {range: [previous.range[1], word.range[1]], text: ''}
          })
        }
        previous = word
      }
    }
  }
})

/** Two words with nothing but spaces (one line break at most) between them. */
function repeated(source: string, first: Word, second: Word): boolean {
  const gap = source.slice(first.range[1], second.range[0])
  return /^[ \t]*\n?[ \t]*$/.test(gap) && gap.length > 0
}
