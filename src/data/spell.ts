/**
 * Look-ups over the English dictionaries beyond `correct`: inflections and British spellings the dictionary lacks,
 * and suggestions one edit away.
 */
import {dictionary, suggestible} from './dictionary.js'

type Spell = ReturnType<typeof dictionary>

/**
 * Whether the dictionary knows `word`, an inflection of it, or (for `en`, the American dictionary with British
 * spellings accepted) its British spelling. Loads the dictionary on first use.
 */
export function inDictionary(word: string, dialect: 'en' | 'en-US' | 'en-GB'): boolean {
  const spell = dictionary(dialect === 'en-GB' ? 'en-GB' : 'en-US')
  return spell.correct(word) || inflected(word, spell) || (dialect === 'en' && (britishVariant(word, spell) || dictionary('en-GB').correct(word)))
}

/** Plurals, adverbs and agent nouns the dictionary lacks: `immunities`, `identifiably`, `infringers`. */
export function inflected(word: string, spell: Spell): boolean {
  const lower = word.toLowerCase()
  const stems: string[] = []
  if (/[^s]s$/.test(lower)) stems.push(lower.slice(0, -1))
  if (/ies$/.test(lower)) stems.push(lower.slice(0, -3) + 'y')
  if (/(?:ch|sh|x|s)es$/.test(lower)) stems.push(lower.slice(0, -2))
  if (/ably$/.test(lower)) stems.push(lower.slice(0, -4) + 'able')
  if (/ers?$/.test(lower)) stems.push(lower.replace(/rs?$/, ''))
  return stems.some((stem) => stem.length > 2 && (spell.correct(stem) || (stem.endsWith('er') && spell.correct(stem.slice(0, -2)))))
}

/** British spellings whose American form is in the dictionary: `organisation`, `colour`, `centre`, `licence`. */
export function britishVariant(word: string, spell: Spell): boolean {
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
export function suggest(word: string, spell: Spell): string[] {
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
