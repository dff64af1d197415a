/** Template text left in prose: `{{company}}`, `[Company Name]`, `\[insert …\]`, `WEBSITE NAME` slots, `lorem ipsum`, `TODO`, `TBD`, `____`, and empty contact fields (`Email:`). */
import {doc} from '../src/example.js'
import {functionWord, instruction, slotWord, slotWordInCapitals} from '../src/data/template-slots.js'
import {emptyFields} from '../src/model/contact-fields.js'
import {prose, type Run} from '../src/model/words.js'
import {option} from '../src/options.js'
import type {Range} from '../src/model/source.js'
import {defineRule} from '../src/rule.js'

export default defineRule({
  meta: {
    id: 'no-placeholders',
    description: 'Template text left in prose',
    rationale:
      'Policy pages are often started from a template. A published page that still says `[Company Name]`, ' +
      '`{{ email }}`, `WEBSITE NAME`, `[insert details]`, `TODO` or `lorem ipsum` tells readers and regulators ' +
      'that nobody read it, and a notice that does not name the controller may not be a valid notice at all. ' +
      'Template expressions a site generator renders (`{{ page.title }}`, `{{ .Site.Title }}`, `{% … %}`, ' +
      '`<%= … %>`, Hugo shortcodes `{{< ref … >}}`), code, link targets, headings written in capitals and legal ' +
      'paragraphs in capitals are left alone; a bare `{{ name }}` is taken as rendered when the page uses other ' +
      'template syntax. Brackets escaped for Markdown (`\\[insert email\\]`) are read like plain ones. In a ' +
      'contact block (two or more lines such as `Email:`, `Phone:`, `Address:`), a label with nothing after it is ' +
      'a field left empty; a label followed by its value or a list on the next line, and lead-ins that end in a ' +
      'colon (`The cookies we use:`), are not. There is no fix: only the writer knows what the slot stands for.',
    recommended: 'error',
    fix: 'none'
  },
  options: {
    allow: option.strings({default: [], doc: 'Placeholder texts to accept, as written in the document (`["[TBD]"]`); compared without case.'})
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
      Example Ltd uses cookies to keep you signed in. Contact us at privacy@example.com.
    `
    },
    {
      name: 'invalid.md',
      input: doc`
        This policy explains how [Company Name] uses cookies on {{website}}.

        Contact: TBD
      `,
      messages: [
        '1:26-1:40: Unexpected placeholder `[Company Name]`, expected the text it stands for',
        '1:57-1:68: Unexpected placeholder `{{website}}`, expected the text it stands for',
        '3:10-3:13: Unexpected placeholder `TBD`, expected the text it stands for'
      ]
    },
    {
      name: 'generator.md',
      description: 'Expressions a site generator renders are not placeholders.',
      input: doc`
        # {{ page.title }}

        This notice was last updated on {{ page.last_modified_at | date: "%B %d, %Y" }}.
      `
    },
    {
      name: 'empty-fields.md',
      description: 'A contact block whose fields were never filled in; a label with its value on the next line is fine.',
      input: doc`
        ## Contact us

        Email:
        Phone:
        Address:
        1 High Street, Exampletown
      `,
      messages: [
        '3:1-3:7: Unexpected empty field `Email:`, expected a value after the label',
        '4:1-4:7: Unexpected empty field `Phone:`, expected a value after the label'
      ]
    },
    {
      name: 'allow.md',
      options: {allow: ['TBD']},
      input: doc`
        Retention periods for the new service are TBD and will be listed here.
      `
    }
  ],
  check(tree, context) {
    const allow = new Set(context.options.allow.map((text) => text.toLowerCase()))
    const seen = new Set<number>()
    const report = (range: Range) => {
      const text = context.source.slice(range[0], range[1])
      if (allow.has(text.toLowerCase()) || seen.has(range[0])) return
      seen.add(range[0])
      context.report({reason: `Unexpected placeholder \`${text.replace(/\s+/g, ' ')}\`, expected the text it stands for`, range})
    }
    // Asked once, and only of a page with a bare `{{ name }}`: most pages have none.
    let rendered: boolean | undefined
    const usesRenderedTemplates = () => (rendered ??= usesTemplates(context.source))
    for (const run of prose(tree, context.source).runs) {
      for (const range of placeholders(run, context.source, usesRenderedTemplates)) report(range)
    }
    for (const field of emptyFields(tree, context.source)) {
      if (allow.has(field.label.toLowerCase())) continue
      context.report({reason: `Unexpected empty field \`${field.label}\`, expected a value after the label`, range: field.range})
    }
  }
})

/**
 * Template syntax a site generator renders (Liquid tags, dotted or filtered expressions, Hugo shortcodes): on
 * such a page a bare `{{ name }}` is a variable too.
 */
function usesTemplates(source: string): boolean {
  return /\{%[\s\S]*?%\}|\{\{[<%]|\{\{[^{}]*[.|(][^{}]*\}\}/.test(source)
}

/**
 * What every placeholder needs in its run: a brace, a bracket, `___`, two capitals in a row (`TBD`, `WEBSITE
 * NAME`) or `lorem`. Most runs have none, and are done with one test instead of a dozen.
 */
const anyPlaceholder = /[{[]|___|[A-Z]{2}|[Ll][Oo][Rr][Ee][Mm]/
const none: readonly Range[] = []

function placeholders(run: Run, source: string, rendered: () => boolean): readonly Range[] {
  const written = source.slice(run.start, run.end)
  if (!anyPlaceholder.test(written)) return none
  const found: Range[] = []
  const blank = (value: string) => value.replace(/[^\n]/g, ' ')
  // Server-side templates (`<%= … %>`, `{% … %}`) are rendered, not left over.
  const raw = written.includes('<%') || written.includes('{%') ? written.replace(/<%[\s\S]*?%>|\{%[\s\S]*?%\}/g, blank) : written
  const at = (index: number, length: number) => found.push([run.start + index, run.start + index + length])

  if (raw.includes('{{')) {
    for (const match of raw.matchAll(/\{\{([^{}]*)\}\}/g)) {
      // `{{ page.title }}`, `{{ .Site.Title }}`, `{{ x | date }}`, `{{ t("key") }}`: expressions a generator renders.
      if (/[.|(]/.test(match[1])) continue
      // `{{< ref "cookies" >}}`, `{{% notice %}}`: Hugo shortcodes.
      if (/^[<%]/.test(match[1])) continue
      if (rendered()) continue
      at(match.index!, match[0].length)
    }
  }

  if (raw.includes('[')) {
    // `\[insert email\]`: brackets escaped so Markdown shows them, as converters and some editors write them.
    if (raw.includes('\\[')) {
      for (const match of raw.matchAll(/(?<![\p{L}\p{N}%\]])\\\[((?:[^[\]\n\\]|\\[^[\]]){2,60})\\\](?![(:])/gu)) {
        if (bracketSlot(match[1].replace(/\\(.)/g, '$1').trim())) at(match.index!, match[0].length)
      }
    }
    for (const match of raw.matchAll(/(?<![\p{L}\p{N}%\]\\])\[([^[\]\n]{2,60})\](?![([:])/gu)) {
      if (bracketSlot(match[1].trim())) at(match.index!, match[0].length)
    }
  }

  // Masked text: URLs, code-like tokens and template expressions are blank already.
  const text = run.text
  for (const match of text.matchAll(/\blorem ipsum\b(?:\s+dolor\b(?:\s+sit\s+amet\b)?)?/gi)) at(match.index!, match[0].length)
  // `TODO`, `TBD`, `TBC`, `FIXME` and slots in capitals all have two capitals in a row.
  if (/[A-Z]{2}/.test(text)) {
    for (const match of text.matchAll(/(?<![\p{L}\p{N}-])(?:TODO|TBD|TBC|FIXME)(?![\p{L}\p{N}-])/gu)) {
      if (!insideFound(found, run.start + match.index!)) at(match.index!, match[0].length)
    }
  }
  if (raw.includes('___')) {
    for (const match of raw.matchAll(/(?<![\p{L}\p{N}_\\])_{3,}(?![\p{L}\p{N}_])/gu)) at(match.index!, match[0].length)
  }

  if (run.block !== 'heading') {
    for (const range of capitalSlots(text, raw)) {
      if (!insideFound(found, run.start + range[0])) at(range[0], range[1] - range[0])
    }
  }

  return found.sort((a, b) => a[0] - b[0])
}

function insideFound(found: Range[], offset: number): boolean {
  return found.some(([start, end]) => offset >= start && offset < end)
}

/** What a bracketed slot holds: an instruction, capitals (`[DATE]`), or a few words that name a slot (`[Company Name]`). */
function bracketSlot(content: string): boolean {
  if (!/\p{L}/u.test(content) || /^[xX ]$/.test(content) || /^\^/.test(content)) return false
  // Cloudflare's e-mail obfuscation leaves `[email protected]` where an address was.
  if (/^email\s+protected$/i.test(content)) return false
  if (instruction.test(content) && content.split(/\s+/).length <= 8) return true
  const words = content.split(/[\s/]+/).filter(Boolean)
  if (words.length > 5) return false
  if (!words.every((word) => /^[\p{L}'’-]+$/u.test(word))) return false
  const letters = content.replace(/[^\p{L}]/gu, '')
  if (letters.length >= 3 && letters === letters.toUpperCase()) return true
  const named = words.some((word) => slotWord.test(word))
  const uniformCase =
    words.every((word) => /^\p{Lu}/u.test(word) || word === 'of' || word === 'or') || words.every((word) => word === word.toLowerCase())
  return named && uniformCase
}

const slotCandidate = /[\p{L}'’-]+/gu

/**
 * Two or more words in capitals, one of them naming a slot (`WEBSITE NAME`, `DOMAIN ADDRESS`), in a sentence
 * otherwise written in lower case: capitals in headings and in legal paragraphs written in capitals are not slots.
 */
function capitalSlots(text: string, raw: string): Range[] {
  const result: Range[] = []
  // A group needs a slot word in capitals (`NAME`, `E-MAIL`): most prose has none, and needs no more work.
  if (!slotWordInCapitals.test(text)) return result
  const letters = text.replace(/[^\p{L}]/gu, '')
  if (!letters) return result
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length
  if (upper / letters.length > 0.5) return result
  // Read word by word, in groups of words in capitals: no object for every word of a long paragraph.
  const group: RegExpExecArray[] = []
  const close = () => {
    if (group.length === 0) return
    if (
      group.length >= 2 &&
      // A slot is a short noun phrase (`WEBSITE NAME`, `COMPANY REGISTERED ADDRESS`); longer runs of capitals, or
      // ones that open with a function word (`OR OWNER`, `WITH SUCH SERVICE PROVIDERS`), are emphasis or a quoted title.
      group.length <= 4 &&
      !functionWord.test(group[0][0]) &&
      group.some((word) => word[0].length >= 4 && slotWord.test(word[0]))
    ) {
      const last = group[group.length - 1]
      result.push([group[0].index, last.index + last[0].length])
    }
    group.length = 0
  }
  slotCandidate.lastIndex = 0
  for (let word = slotCandidate.exec(text); word; word = slotCandidate.exec(text)) {
    if (!isCaps(word[0])) {
      close()
      continue
    }
    const last = group[group.length - 1]
    // Joined by spaces in the source too: `SERVER\_NAME` is an escaped identifier, not two words.
    if (last && !/^[ \t]+$/.test(raw.slice(last.index + last[0].length, word.index))) close()
    group.push(word)
  }
  close()
  return result
}

/** A word of two letters or more, all in capitals. */
function isCaps(word: string): boolean {
  // Most words open in lower case, and are not in capitals.
  const first = word.charCodeAt(0)
  if (first >= 97 && first <= 122) return false
  return word.replace(/[^\p{L}]/gu, '').length >= 2 && word === word.toUpperCase()
}
