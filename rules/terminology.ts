/** One term, one spelling per document: `third-party` before a noun, `e-mail` or `email`, `website` or `web site`, and the writer's own terms. */
import {doc} from '../src/example.js'
import {compounds, documentName, groupIds, variants, type VariantGroup} from '../src/data/terminology.js'
import {proseText, type ProseText} from '../src/model/prose-text.js'
import {isEnglish, matchCase} from '../src/model/words.js'
import {option} from '../src/options.js'
import {defineRule, type OptionsOf, type RuleContext} from '../src/rule.js'
import {escapeRegExp} from '../src/text.js'
import {checkCompound} from './terminology/compounds.js'
import {checkDocumentName} from './terminology/document-name.js'
import {matches, normal, reportMinority, type Match, type Occurrence} from './terminology/matches.js'
import {checkPolicyCapitals} from './terminology/policy-capitals.js'

export type Options = OptionsOf<typeof rule>

const rule = defineRule({
  meta: {
    id: 'terminology',
    description: 'One term, one spelling per document',
    rationale:
      'A policy that says "third party cookies" in a heading and "third-party cookies" in the text, or "e-mail" ' +
      'here and "email" there, reads as careless, and a reader may wonder whether two spellings mean two things. ' +
      'Built-in groups: ' +
      groupIds.map((id) => '`' + id + '`').join(', ') +
      '. Compounds follow their role: ' +
      '"third-party cookies" before a noun but "a third party" as a noun; "to log in" as a verb but "login details". ' +
      'They are only reported in a document that writes the compound more than one way (one that always writes ' +
      '"third party cookies" is consistent, if unhyphenated), and only where the role is clear from the next word. ' +
      'Spellings such as `email` and ' +
      "`website` follow the document's majority (no report on a tie); `this Cookie Policy` and `our cookie policy` " +
      "are one name and are capitalised one way (each document's name compared with itself: `our Cookie Policy` on a privacy page is left alone). The document's own name is written one way: a page titled " +
      '"Cookie Policy" that calls itself "this Cookies Policy", or "Terms of Service" and "these Terms of Use", is ' +
      "reported (`document-name`). Only the title and the names after `this` or `these` count as the page's own " +
      'name: "our Cookie Policy" on a privacy page names another document and is never made to match. ' +
      'Your own preferences go in `terms` and always win.',
    recommended: 'warn',
    fix: 'safe'
  },
  options: {
    terms: option.custom<Record<string, string>>({
      default: {},
      doc: 'Preferred spellings: every key (any case) is reported and fixed to its value, e.g. `{"cookie policy": "Cookie Policy"}`; a group whose spellings appear here is left to `terms`.',
      accepts: 'an object of preferred spellings like `{"web site": "website"}`',
      parse(value, fallback, fail) {
        // `null` too means the default.
        const terms = value ?? fallback
        if (typeof terms !== 'object' || terms === null || Array.isArray(terms) || !Object.values(terms).every((item) => typeof item === 'string')) {
          return fail()
        }
        return {...(terms as Record<string, string>)}
      }
    }),
    ignore: option.strings({
      default: [],
      doc: 'Built-in groups to leave alone.',
      each: {test: (id) => groupIds.includes(id), expected: groupIds.map((g) => '`' + g + '`').join(', ')}
    })
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
      ## Third-party cookies

      We share data with a third party only when third-party cookies are allowed.
    `
    },
    {
      name: 'invalid.md',
      input: doc`
        ## Third party cookies

        Our site sets third-party cookies. Each third-party cookie is listed below.
      `,
      messages: ['1:4-1:15: Unexpected `Third party` before a noun, expected `Third-party`'],
      fixed: doc`
        ## Third-party cookies

        Our site sets third-party cookies. Each third-party cookie is listed below.
      `
    },
    {
      name: 'majority.md',
      input: doc`
        Write to us by e-mail. We answer every e-mail within a week; email us any time.
      `,
      messages: ['1:62-1:67: Unexpected `email`, expected `e-mail` like the 2 other uses in this document'],
      fixed: doc`
        Write to us by e-mail. We answer every e-mail within a week; e-mail us any time.
      `
    },
    {
      name: 'document-name.md',
      input: doc`
        # Cookie Policy

        This Cookie Policy lists our cookies. We may update this Cookies Policy.
      `,
      messages: ['3:58-3:72: Unexpected `Cookies Policy` as the name of this document, expected `Cookie Policy` like its title']
    },
    {
      name: 'terms.md',
      options: {terms: {'web site': 'website'}},
      input: doc`
        This web site uses cookies.
      `,
      messages: ['1:6-1:14: Unexpected `web site`, expected `website`'],
      fixed: doc`
        This website uses cookies.
      `
    }
  ],
  check(tree, context) {
    // The lists and patterns are English: a page that says it is in another language is left alone.
    if (!isEnglish(tree, context.file.basename)) return
    // Each pattern scans the prose once, not once per run.
    const text = proseText(tree, context.source)
    const configured = Object.entries(context.options.terms)
    const covered = new Set(configured.flatMap(([from, to]) => [normal(from), normal(to)]))
    const ignore = new Set(context.options.ignore)

    for (const [from, to] of configured) checkTerm(text, from, to, context)
    for (const group of compounds) {
      if (ignore.has(group.id) || [...covered].some((term) => term.startsWith(group.first))) continue
      checkCompound(text, group, context)
    }
    for (const group of variants) {
      if (ignore.has(group.id)) continue
      checkVariants(text, group, covered, context)
    }
    if (!ignore.has('policy-capitals')) checkPolicyCapitals(text, covered, context)
    // A name set in `terms` is the user's call.
    const namesConfigured = configured.some(([from, to]) => new RegExp(documentName.source, 'i').test(from + '\n' + to))
    if (!ignore.has('document-name') && !namesConfigured) checkDocumentName(tree, text, context)
  }
})
export default rule

function checkTerm(text: ProseText, from: string, to: string, context: RuleContext<Options>): void {
  const caseOnly = from.toLowerCase() === to.toLowerCase()
  const pattern = from.trim().split(/\s+/).map(escapeRegExp).join('\\s+')
  const regex = new RegExp(`(?<![\\p{L}\\p{N}-])${pattern}(?![\\p{L}\\p{N}]|-[\\p{L}])`, 'giu')
  for (const found of matches(text, regex)) {
    if (found.written === to) continue
    if (caseOnly && found.written.replace(/\s+/g, ' ') === to) continue
    const text = caseOnly ? to : matchCase(found.written, to)
    if (text === found.written) continue
    context.report({reason: `Unexpected \`${found.written}\`, expected \`${text}\``, fix: {range: [found.start, found.end], text}})
  }
}

function checkVariants(text: ProseText, group: VariantGroup, covered: Set<string>, context: RuleContext<Options>): void {
  const found: Array<Match & {variant: string}> = []
  for (const item of matches(text, group.regex)) found.push(Object.assign(item, {variant: group.variant(item.written)}))
  if (found.some((item) => covered.has(normal(item.variant)))) return
  reportMinority(found, (item, example) => respell(item.written, example.variant, opensSentence(item)), context)
}

/** Write `written` with the preferred spelling, keeping its case and ending (`Emails` -> `E-mails`). */
function respell(written: string, preferred: string, capital: boolean): string {
  const ending = /(?:s|ed|ing)$/i.exec(written.replace(/^(?:e-?mail|web[ -]?site)/i, ''))?.[0] ?? ''
  const upper = written === written.toUpperCase()
  const text = preferred + ending.toLowerCase()
  // `each Web site` becomes `each website`: a capital is kept only where a sentence or heading starts.
  return upper ? text.toUpperCase() : capital ? matchCase(written, text) : text
}

/** Whether an occurrence starts a sentence, a heading, a list item or a cell (where a capital belongs). */
function opensSentence(item: Occurrence): boolean {
  if (item.run.block === 'heading') return true
  const word = item.run.words.find((candidate) => candidate.range[0] === item.start)
  return word ? word.sentenceStart : false
}
