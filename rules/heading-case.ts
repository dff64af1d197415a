/** Headings are capitalised one way: sentence case or title case, by default the document's majority. */
import type {Heading} from 'mdast'
import {doc} from '../src/example.js'
import {option} from '../src/options.js'
import {defineRule, type OptionsOf, type RuleContext} from '../src/rule.js'
import {proseText, runAt, type ProseText} from '../src/model/prose-text.js'
import {prose, wordKey, type Word} from '../src/model/words.js'

export type Options = OptionsOf<typeof rule>

/** Words title case leaves in lower case. */
const minor = new Set('a an the and but or nor for so yet as at by in of off on per to up via vs with from into onto than if over out'.split(' '))

type Style = 'sentence' | 'title' | 'mixed' | 'neutral'

interface Judged {
  heading: Heading
  words: Word[]
  style: Style
  /** Capitalised words the body writes in lower case: title-case evidence, lowered in sentence case. */
  capitalised: Word[]
  /** Lower-case words that title case capitalises. */
  lower: Word[]
}

const rule = defineRule({
  meta: {
    id: 'heading-case',
    description: 'Headings are capitalised one way: sentence case or title case',
    rationale:
      'A policy whose headings read "What Are Cookies" in one place and "How we use cookies" in the next looks ' +
      "assembled from parts. By default the document's majority decides (no report on a tie, or when fewer than " +
      "two headings make the majority; the one level-1 heading, the document's name, does not count). Only words the " +
      'document itself writes in lower case in its text count as evidence: acronyms, brand names, defined terms ' +
      'and proper nouns that the text capitalises ("Google Analytics", "Personal Data") are left as they are, and ' +
      'so are capitalised words the text never uses. The rewritten heading is offered as a suggestion, because ' +
      'only a writer can tell a name from a word.',
    recommended: 'warn',
    fix: 'suggestion'
  },
  options: {
    style: option.oneOf({
      values: ['sentence', 'title', 'consistent'],
      default: 'consistent',
      doc: "`consistent` follows the document's majority; nothing is reported on a tie."
    })
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
      # Cookie policy

      ## What are cookies?

      Cookies are small files.

      ## How we use cookies

      We use cookies to keep you signed in.
    `
    },
    {
      name: 'invalid.md',
      input: doc`
        ## What are cookies?

        Cookies are small files.

        ## How we use cookies

        We use cookies to keep you signed in.

        ## How To Block Cookies

        You can block cookies in your browser.
      `,
      messages: ['9:4-9:24: Unexpected title case in `How To Block Cookies`, expected sentence case like the 2 other headings']
    },
    {
      name: 'title.md',
      options: {style: 'title'},
      input: doc`
        ## Cookies we use

        We use cookies to remember your choices.
      `,
      messages: ['1:4-1:18: Unexpected sentence case in `Cookies we use`, expected title case']
    }
  ],
  check(tree, context) {
    const {runs} = prose(tree, context.source)
    const byHeading = new Map<Heading, Word[]>()
    // Only the words of headings are looked up in the body: the body's other words need no counting.
    const headingKeys = new Set<string>()
    for (const run of runs) {
      if (!run.heading) continue
      const list = byHeading.get(run.heading) ?? []
      list.push(...run.words)
      byHeading.set(run.heading, list)
      for (const word of run.words) headingKeys.add(wordKey(word.text))
    }
    if (byHeading.size === 0) return

    const lowerInBody = new Map<string, number>()
    const capitalInBody = new Map<string, number>()
    for (const run of runs) {
      if (run.block === 'heading') continue
      for (const word of run.words) {
        if (word.sentenceStart) continue
        const key = wordKey(word.text)
        if (!headingKeys.has(key)) continue
        const map = /^\p{Ll}/u.test(word.text) ? lowerInBody : isCapitalised(word.text) ? capitalInBody : undefined
        if (map) map.set(key, (map.get(key) ?? 0) + 1)
      }
    }
    const common = (key: string) => (lowerInBody.get(key) ?? 0) > (capitalInBody.get(key) ?? 0)

    // Names the text writes with capitals ("Privacy Notice", "User Contributed Content") are not title case.
    // The joined prose (shared with terminology) is asked for only when a heading has two such words in a row.
    let joined: ProseText | undefined
    const body = () => (joined ??= proseText(tree, context.source))
    const titles = [...byHeading.keys()].filter((heading) => heading.depth === 1)

    const judged: Judged[] = []
    for (const [heading, headingWords] of byHeading) {
      if (headingWords.length === 0) continue
      // The one level-1 heading is the document's name.
      if (heading.depth === 1 && titles.length === 1) continue
      // Text marked up as a heading (a clause, a paragraph) is not a heading to recase.
      const written = context.source.slice(headingWords[0].range[0], headingWords[headingWords.length - 1].range[1])
      if (headingWords.length > 12 || /[.;!?]\s+\S/.test(written)) continue
      const named = namedWords(headingWords, body, context.source)
      const capitalised: Word[] = []
      const lower: Word[] = []
      let sentence = 0
      headingWords.forEach((word, index) => {
        if (index === 0 || word.sentenceStart || named.has(word)) return
        // The second part of a compound (`Third-party`) may go either way; a quoted word is mentioned, not used.
        if (/[-“"‘'`]/.test(context.source.charAt(word.range[0] - 1))) return
        const key = wordKey(word.text)
        if (/^\p{Ll}+(?:['’]\p{Ll}+)?$/u.test(word.text)) {
          if (!minor.has(key)) {
            sentence++
            lower.push(word)
          }
        } else if (isCapitalised(word.text) && (common(key) || (minor.has(key) && !capitalInBody.has(key)))) {
          capitalised.push(word)
        }
      })
      let style: Style = sentence > 0 ? (capitalised.length > 0 ? 'mixed' : 'sentence') : capitalised.length > 0 ? 'title' : 'neutral'
      // A heading that opens with a name or an acronym and capitalises the rest is most often a name itself
      // ("Audacity Desktop App", "CCPA Privacy Notice").
      const opener = headingWords[0].text
      if (
        style === 'title' &&
        (/^\p{Lu}{2,}$/u.test(opener) || (isCapitalised(opener) && !common(wordKey(opener)) && capitalInBody.has(wordKey(opener))))
      )
        style = 'neutral'
      judged.push({heading, words: headingWords, style, capitalised, lower})
    }

    let wanted: 'sentence' | 'title'
    let count = 0
    if (context.options.style === 'consistent') {
      const sentence = judged.filter((item) => item.style === 'sentence').length
      const title = judged.filter((item) => item.style === 'title').length
      // A majority of one proves nothing.
      if (sentence === title || Math.max(sentence, title) < 2) return
      wanted = sentence > title ? 'sentence' : 'title'
      count = Math.max(sentence, title)
    } else {
      wanted = context.options.style
    }

    for (const item of judged) {
      if (item.style === 'neutral' || item.style === wanted) continue
      reportHeading(item, wanted, count, context)
    }
  }
})
export default rule

/** Words of the heading in runs of two or more capitalised words that the body writes the same way. */
function namedWords(words: Word[], body: () => ProseText, source: string): Set<Word> {
  const named = new Set<Word>()
  let index = 0
  while (index < words.length) {
    let end = index
    while (
      end < words.length &&
      /^\p{Lu}/u.test(words[end].text) &&
      (end === index || /^[ \t]+$/.test(source.slice(words[end - 1].range[1], words[end].range[0])))
    )
      end++
    if (end - index >= 2) {
      // Try the longest run first, then shorter ones inside it.
      for (let from = index; from < end - 1; from++) {
        for (let to = end; to > from + 1; to--) {
          if (containsPhrase(body(), words, from, to)) {
            for (const word of words.slice(from, to)) named.add(word)
            break
          }
        }
      }
      index = end
    } else {
      index++
    }
  }
  return named
}

/**
 * Whether the prose outside headings holds `words[from]` to `words[to - 1]` as whole words with spaces between: a
 * fast `indexOf` of the first word, then the others read in place (no phrase string, no regular expression per
 * phrase, and no copy of the text with its spaces collapsed).
 */
function containsPhrase(prose: ProseText, words: Word[], from: number, to: number): boolean {
  const {text} = prose
  const first = words[from].text
  for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    if (/\p{L}/u.test(text.charAt(at - 1))) continue
    let end = at + first.length
    let index = from + 1
    for (; index < to; index++) {
      let next = end
      while (next < text.length && /\s/.test(text.charAt(next))) next++
      if (next === end || !text.startsWith(words[index].text, next)) break
      end = next + words[index].text.length
    }
    if (index === to && !/\p{L}/u.test(text.charAt(end)) && prose.runs[runAt(prose, at)].block !== 'heading') return true
  }
  return false
}

/** `Word` or `Word's`: a capital, then lower case only (not `GDPR`, `iPhone`, `GitHub`). */
function isCapitalised(text: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?$/u.test(text)
}

function reportHeading(item: Judged, wanted: 'sentence' | 'title', count: number, context: RuleContext<Options>): void {
  const first = item.words[0]
  const last = item.words[item.words.length - 1]
  const range: [number, number] = [first.range[0], last.range[1]]
  const written = context.source.slice(range[0], range[1])
  const changes = wanted === 'sentence' ? item.capitalised : item.lower
  let text = written
  for (const word of [...changes].reverse()) {
    const at = word.range[0] - range[0]
    const replaced = wanted === 'sentence' ? word.text.toLowerCase() : word.text.charAt(0).toUpperCase() + word.text.slice(1)
    text = text.slice(0, at) + replaced + text.slice(at + word.text.length)
  }
  const style = item.style === 'mixed' ? 'mixed case' : item.style === 'title' ? 'title case' : 'sentence case'
  const like = count > 0 ? ` like the ${count} other heading${count === 1 ? '' : 's'}` : ''
  const reason = `Unexpected ${style} in \`${written}\`, expected ${wanted} case${like}`
  if (text === written) {
    context.report({reason, range})
    return
  }
  context.report({reason, suggestions: [{description: `Write \`${text}\``, fix: {range, text}}]})
}
