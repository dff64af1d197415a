/** Headings do not end in `.`, `:`, `;` or `,`, ASCII or full-width (questions keep their `?`). */
import type {Heading, PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {doc} from '../src/example.js'
import {prose} from '../src/model/words.js'
import {option} from '../src/options.js'
import {defineRule} from '../src/rule.js'
import {nodeRange} from '../src/model/source.js'
import {parseSnippet} from '../src/model/reparse.js'

/** Words that end in a period as abbreviations: removing it would be wrong. */
const abbreviation = /(?:^|[\s(])(?:etc|inc|ltd|co|corp|jr|sr|vs|no|st|approx|(?:\p{L}\.)+\p{L})$/iu

export default defineRule({
  meta: {
    id: 'heading-punctuation',
    description: 'Headings do not end in punctuation such as `.` or `:`',
    rationale:
      'A heading is a label, not a sentence: "What we collect:" and "Your rights." read as text that lost its ' +
      'paragraph, and the same document rarely ends every heading the same way. Question marks are allowed by ' +
      'default because policies ask questions ("What are cookies?"). The fix removes the punctuation; ' +
      'abbreviations (`etc.`, `Inc.`) and ellipses are left alone. The full-width forms (`。`, `：`, `；`, `，`, `、`) ' +
      'are reported like their ASCII counterparts; `！` and `？`, like `!` and `?`, are not by default. Headings that hold whole sentences or more than ' +
      'twelve words, and clauses lettered like list items (`a.`, `iv.`), are text marked up as headings, which ' +
      'removing a character does not mend: they are not reported.',
    recommended: 'warn',
    fix: 'safe'
  },
  options: {
    characters: option.custom({
      // The full-width and ideographic forms of the same four marks, as CJK text and IME input write them.
      default: '.:;,。．：；，、',
      doc: 'The characters a heading may not end with; add `?` or `!` to forbid those too.',
      accepts: 'a string of punctuation characters like `.:;,`',
      parse(value, fallback, fail) {
        // `null` too means the default.
        const characters = value ?? fallback
        if (typeof characters !== 'string' || characters.length === 0 || /[\s\p{L}\p{N}]/u.test(characters)) return fail()
        return characters
      }
    })
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
      ## What are cookies?

      ## Cookies we use

      **Effective August 20, 2022.**
    `
    },
    {
      name: 'invalid.md',
      input: doc`
        ## Cookies we use:

        We use two kinds of cookies.
      `,
      messages: ['1:18-1:19: Unexpected `:` at the end of a heading, expected no punctuation'],
      fixed: doc`
        ## Cookies we use

        We use two kinds of cookies.
      `
    },
    {
      name: 'questions.md',
      options: {characters: '.:;,?'},
      input: doc`
        # Why do we use cookies?
      `,
      messages: ['1:24-1:25: Unexpected `?` at the end of a heading, expected no punctuation'],
      fixed: doc`
        # Why do we use cookies
      `
    }
  ],
  check(tree, context) {
    const {characters} = context.options
    // A heading that ends in text has a run in the prose model, which the word rules build anyway: its runs give
    // the headings in document order without a walk over every node.
    const seen = new Set<Heading>()
    for (const run of prose(tree, context.source).runs) {
      const heading = run.heading
      if (!heading || seen.has(heading)) continue
      seen.add(heading)
      checkHeading(heading)
    }

    function checkHeading(heading: Heading): void {
      const headingRange = nodeRange(heading)
      const last = lastText(heading)
      const lastRange = nodeRange(last)
      if (!headingRange || !last || !lastRange) return
      // Most headings end in a letter: asked first, before the heading's text is read.
      const written = context.source.slice(lastRange[0], lastRange[1])
      let start = lastRange[1]
      while (start > lastRange[0] && characters.includes(written.charAt(start - 1 - lastRange[0]))) start--
      // An escaped character stays (`\.`), as do ellipses and abbreviations.
      while (start < lastRange[1] && written.charAt(start - 1 - lastRange[0]) === '\\') start++
      if (start === lastRange[1]) return
      const text = toString(heading).trim()
      // Clauses numbered `a.` or `iv.` marked up as headings are list items in disguise, not labels.
      if (/^(?:[ivxlc]+|[a-z])[.)]\s/i.test(text)) return
      if (text.split(/\s+/).length > 12 || /[.;:!?]\s+\S/.test(text.replace(/^[\p{L}\d]{1,4}(?:\.\d+)*\.\s/u, ''))) return
      // Full-width sentence marks need no space after them: `。` inside a heading means a second sentence.
      if (/[。．！？；]\s*\S/u.test(text)) return
      // Only closing markup, a closing `#` sequence or a setext underline may follow the last text.
      const after = context.source.slice(lastRange[1], headingRange[1])
      if (!/^[*_~ \t]*(?:[ \t]+#+[ \t]*)?(?:\r?\n[ \t]*(?:=+|-+)[ \t]*)?$/.test(after)) return
      const before = written.slice(0, start - lastRange[0])
      const removed = written.slice(start - lastRange[0])
      if (/\.\./.test(removed) || /[.…]$/.test(before)) return
      if (removed.startsWith('.') && abbreviation.test(before)) return
      if (before.trim() === '') return
      // Re-parse the heading without the punctuation: it must still be a heading with just that text gone.
      const after2 = context.source.slice(headingRange[0], start) + context.source.slice(lastRange[1], headingRange[1])
      const reparsed = parseSnippet(after2).children[0]
      if (!reparsed || reparsed.type !== 'heading' || toString(reparsed).trim() !== text.slice(0, text.length - removed.length).trim()) {
        context.report({
          reason: `Unexpected \`${removed}\` at the end of a heading, expected no punctuation`,
          range: [start, lastRange[1]],
          note: 'Not fixed: without it the heading would not read back the same'
        })
        return
      }
      context.report({
        reason: `Unexpected \`${removed}\` at the end of a heading, expected no punctuation`,
        fix: {range: [start, lastRange[1]], text: ''}
      })
    }
  }
})

/** The last text of a heading, when the heading ends in text (not code, a link or HTML). */
function lastText(heading: Heading): PhrasingContent | undefined {
  let node: PhrasingContent | undefined = heading.children[heading.children.length - 1]
  while (node && (node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete')) {
    node = node.children[node.children.length - 1]
  }
  return node && node.type === 'text' ? node : undefined
}
