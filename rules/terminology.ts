/** One term, one spelling per document: `third-party` before a noun, `e-mail` or `email`, `website` or `web site`, and the writer's own terms. */
import type {Root} from 'mdast'
import {nodeRange} from '../src/model/source.js'
import {isEnglish, matchCase, prose, type Run} from '../src/model/words.js'
import {fail, record, stringList} from '../src/options.js'
import {defineRule, type RuleContext} from '../src/rule.js'
import {escapeRegExp} from '../src/text.js'

export interface Options {
  /** Preferred spellings: every key (any case) is reported and fixed to its value. */
  terms: Record<string, string>
  /** Built-in groups to leave alone. */
  ignore: string[]
}

const defaults: Options = {terms: {}, ignore: []}

/** Where a compound stands: before a noun (`third-party cookies`), or as a noun or verb (`a third party`, `to log in`). */
type Position = 'modifier' | 'other'

interface CompoundGroup {
  id: string
  /** Matches every spelling; group 1 is the first part, group 2 the separator, group 3 the second part. */
  regex: RegExp
  /** The first part as spelled out (`third`, `log`, `opt`). */
  first: string
  /** What joins the parts in the joined spelling: `third-party`, `login`, `opt-out`. */
  joiner: '-' | ''
  /** Which spelling grammar asks for in a position. */
  grammar: Record<Position, 'joined' | 'open'>
  position(before: string | undefined, after: string | undefined): Position | undefined
}

interface VariantGroup {
  id: string
  regex: RegExp
  /** What must come just before a match for it to count. */
  preceded?: RegExp
  /** The spelling a match is counted as (`email`, `e-mail`). */
  variant(written: string): string
}

const functionWords = new Set(
  'and or nor but to that who whom whose which with is are was were be been may will can has have had for in on at by from as if unless without under does do should must would could might shall acting where when of than via whether'.split(' ')
)

const partyNouns = new Set(
  ('cookie cookies service services provider providers site sites website websites web tool tools vendor vendors content application applications app apps ' +
    'advertiser advertisers advertising ad ads analytics partner partners company companies plugin plugins trackers tracker tracking software platform platforms ' +
    'processor processors subprocessor subprocessors integration integrations link links resource resources script scripts page pages feature features network networks ' +
    'technology technologies product products payment payments social tag tags pixel pixels request requests domain domains library libraries code widget widgets ' +
    'video videos component components organisation organisations organization organizations entity entities recipient recipients seller sellers marketing sharing ' +
    'account accounts controller controllers supplier suppliers contractor contractors data information sources source embed embeds login logins authentication ' +
    'payment service-providers api apis sdk sdks beacons beacon fonts font storage hosting servers server')
    .split(' ')
)

const optNouns = new Set(
  'link links mechanism mechanisms form forms cookie cookies tool tools page pages option options request requests button buttons process choice choices preference preferences signal signals setting settings box checkbox banner facility facilities system systems method methods status rights'.split(' ')
)

const loginNouns = new Set(
  'details credentials page pages screen information data form name names session sessions process button status attempt attempts history time times timestamp timestamps cookie cookies token tokens id ids link links provider providers services service'.split(' ')
)

const verbTriggers = new Set(
  "to can cannot can't may might will would must should could please you we they users also easily simply then and or not".split(' ')
)

const compounds: CompoundGroup[] = [
  {
    id: 'third-party',
    regex: /\b(third|3rd)([ -]?)(part(?:y|ies))\b(?![-'’])/gi,
    first: 'third',
    joiner: '-',
    grammar: {modifier: 'joined', other: 'open'},
    position(_before, after) {
      if (after === undefined || functionWords.has(after)) return 'other'
      if (partyNouns.has(after)) return 'modifier'
      return undefined
    }
  },
  {
    id: 'opt-out',
    regex: /\b(opt)([ -]?)(out|in)\b(?![-'’])/gi,
    first: 'opt',
    joiner: '-',
    grammar: {modifier: 'joined', other: 'open'},
    position(before, after) {
      if (after !== undefined && optNouns.has(after)) return 'modifier'
      if (before !== undefined && verbTriggers.has(before) && (after === undefined || functionWords.has(after))) return 'other'
      return undefined
    }
  },
  {
    id: 'log-in',
    regex: /\b(log)([ -]?)(in)\b(?![-'’])/gi,
    first: 'log',
    joiner: '',
    grammar: {modifier: 'joined', other: 'open'},
    position(before, after) {
      if (after !== undefined && loginNouns.has(after)) return 'modifier'
      if (before !== undefined && verbTriggers.has(before) && (after === undefined || functionWords.has(after))) return 'other'
      return undefined
    }
  }
]

const variants: VariantGroup[] = [
  {id: 'e-mail', regex: /\b(?<!-)e-?mail(?:s|ed|ing)?\b(?!-)/gi, variant: (written) => (written.includes('-') ? 'e-mail' : 'email')},
  {id: 'website', regex: /\bweb[ -]?sites?\b(?!-)/gi, variant: (written) => (/web site/i.test(written) ? 'web site' : /web-site/i.test(written) ? 'web-site' : 'website')},
  {
    id: 'policy-capitals',
    // Only after `this` or `our`, where the name means the document itself (not "the Google Privacy Policy").
    regex: /\b(?:cookie|privacy)\s+(?:policy|notice|statement)\b/gi,
    // A lookbehind here made V8 rescan the text at every position (10 s on 100 KB); test a short window instead.
    preceded: /\b(?:this|our)\s+$/i,
    variant: (written) => (/^[a-z]/.test(written) ? 'lower case' : /\s[A-Z]/.test(written) ? 'Title Case' : 'Sentence case')
  }
]

const groupIds = [...compounds.map((group) => group.id), ...variants.map((group) => group.id), 'document-name']

export default defineRule<Options>({
  meta: {
    id: 'terminology',
    description: 'One term, one spelling per document',
    rationale:
      'A policy that says "third party cookies" in a heading and "third-party cookies" in the text, or "e-mail" ' +
      'here and "email" there, reads as careless, and a reader may wonder whether two spellings mean two things. ' +
      'Built-in groups: ' + groupIds.map((id) => '`' + id + '`').join(', ') + '. Compounds follow their role: ' +
      '"third-party cookies" before a noun but "a third party" as a noun; "to log in" as a verb but "login details". ' +
      'They are only reported in a document that writes the compound more than one way (one that always writes ' +
      '"third party cookies" is consistent, if unhyphenated), and only where the role is clear from the next word. ' +
      'Spellings such as `email` and ' +
      '`website` follow the document\'s majority (no report on a tie); `this Cookie Policy` and `our cookie policy` ' +
      'are one name and are capitalised one way (each document\'s name compared with itself: `our Cookie Policy` on a privacy page is left alone). The document\'s own name is written one way: a page titled ' +
      '"Cookie Policy" that calls itself "this Cookies Policy", or "Terms of Service" and "these Terms of Use", is ' +
      'reported (`document-name`). Only the title and the names after `this` or `these` count as the page\'s own ' +
      'name: "our Cookie Policy" on a privacy page names another document and is never made to match. ' +
      'Your own preferences go in `terms` and always win.',
    recommended: 'warn',
    fix: 'safe'
  },
  options: {
    defaults,
    docs: {
      terms: 'Preferred spellings, e.g. `{"web site": "website", "cookie policy": "Cookie Policy"}`; a group whose spellings appear here is left to `terms`.',
      ignore: 'Built-in groups to leave alone: ' + groupIds.map((id) => '`' + id + '`').join(', ') + '.'
    },
    parse(raw) {
      const value = record(raw, 'terminology', ['terms', 'ignore'])
      const terms = value.terms ?? {}
      if (typeof terms !== 'object' || terms === null || Array.isArray(terms) || !Object.values(terms).every((item) => typeof item === 'string')) {
        fail('terms', terms, 'an object of preferred spellings like `{"web site": "website"}`')
      }
      const ignore = stringList(value.ignore, 'ignore', defaults.ignore)
      for (const id of ignore) if (!groupIds.includes(id)) fail('ignore', id, groupIds.map((g) => '`' + g + '`').join(', '))
      return {terms: {...(terms as Record<string, string>)}, ignore}
    }
  },
  examples: [
    {name: 'valid.md', input: '## Third-party cookies\n\nWe share data with a third party only when third-party cookies are allowed.\n'},
    {
      name: 'invalid.md',
      input: '## Third party cookies\n\nOur site sets third-party cookies. Each third-party cookie is listed below.\n',
      messages: ['1:4-1:15: Unexpected `Third party` before a noun, expected `Third-party`'],
      fixed: '## Third-party cookies\n\nOur site sets third-party cookies. Each third-party cookie is listed below.\n'
    },
    {
      name: 'majority.md',
      input: 'Write to us by e-mail. We answer every e-mail within a week; email us any time.\n',
      messages: ['1:62-1:67: Unexpected `email`, expected `e-mail` like the 2 other uses in this document'],
      fixed: 'Write to us by e-mail. We answer every e-mail within a week; e-mail us any time.\n'
    },
    {
      name: 'document-name.md',
      input: '# Cookie Policy\n\nThis Cookie Policy lists our cookies. We may update this Cookies Policy.\n',
      messages: ['3:58-3:72: Unexpected `Cookies Policy` as the name of this document, expected `Cookie Policy` like its title']
    },
    {
      name: 'terms.md',
      options: {terms: {'web site': 'website'}},
      input: 'This web site uses cookies.\n',
      messages: ['1:6-1:14: Unexpected `web site`, expected `website`'],
      fixed: 'This website uses cookies.\n'
    }
  ],
  check(tree, context) {
    // The lists and patterns are English: a page that says it is in another language is left alone.
    if (!isEnglish(tree, context.file.basename)) return
    const {runs} = prose(tree, context.source)
    const configured = Object.entries(context.options.terms)
    const covered = new Set(configured.flatMap(([from, to]) => [normal(from), normal(to)]))
    const ignore = new Set(context.options.ignore)

    for (const [from, to] of configured) checkTerm(runs, from, to, context)
    for (const group of compounds) {
      if (ignore.has(group.id) || [...covered].some((term) => term.startsWith(group.first))) continue
      checkCompound(runs, group, context)
    }
    for (const group of variants) {
      if (ignore.has(group.id)) continue
      checkVariants(runs, group, covered, context)
    }
    // A name set in `terms` is the user's call.
    const namesConfigured = configured.some(([from, to]) => new RegExp(documentName.source, 'i').test(from + '\n' + to))
    if (!ignore.has('document-name') && !namesConfigured) checkDocumentName(tree, runs, context)
  }
})

/** Spelling-insensitive key: lower case, hyphens and spaces dropped. */
function normal(value: string): string {
  return value.toLowerCase().replace(/[\s-]+/g, '')
}

interface Occurrence {
  run: Run
  start: number
  end: number
  written: string
}

function* matches(runs: Run[], regex: RegExp, proseOnly = false): Generator<Occurrence & {match: RegExpMatchArray}> {
  for (const run of runs) {
    // Link text and headings follow their own capitals (a title, a title-case heading).
    if (proseOnly && (run.inLink || run.block === 'heading')) continue
    for (const match of run.text.matchAll(regex)) {
      const start = run.start + match.index!
      yield {run, start, end: start + match[0].length, written: match[0], match}
    }
  }
}

function checkTerm(runs: Run[], from: string, to: string, context: RuleContext<Options>): void {
  const caseOnly = from.toLowerCase() === to.toLowerCase()
  const pattern = from.trim().split(/\s+/).map(escapeRegExp).join('\\s+')
  const regex = new RegExp(`(?<![\\p{L}\\p{N}-])${pattern}(?![\\p{L}\\p{N}]|-[\\p{L}])`, 'giu')
  for (const found of matches(runs, regex)) {
    if (found.written === to) continue
    if (caseOnly && found.written.replace(/\s+/g, ' ') === to) continue
    const text = caseOnly ? to : matchCase(found.written, to)
    if (text === found.written) continue
    context.report({reason: `Unexpected \`${found.written}\`, expected \`${text}\``, fix: {range: [found.start, found.end], text}})
  }
}

interface Compound extends Occurrence {
  match: RegExpMatchArray
  position: Position | undefined
  form: 'joined' | 'open'
  /** Written as the group's own spelling of its form (not `3rd party`, `log-in`, `thirdparty`). */
  canonical: boolean
}

function checkCompound(runs: Run[], group: CompoundGroup, context: RuleContext<Options>): void {
  const all: Compound[] = []
  for (const occurrence of matches(runs, group.regex)) {
    const {match, run} = occurrence
    const before = wordBefore(run.text, match.index!)
    const after = wordAfter(run, match.index! + match[0].length, context.source)
    let position = /^parties$/i.test(match[3]) ? 'other' : group.position(before, after)
    // `the third-party, example.net domain`, `opt-in and opt-out forms`: one of several modifiers of a later noun.
    if (position === 'other' && !/^parties$/i.test(match[3]) && sharesNoun(run.text, match.index! + match[0].length)) position = undefined
    const separator = match[2]
    const form = separator === ' ' || /\s/.test(separator) ? 'open' : 'joined'
    const canonical = match[1].toLowerCase() === group.first && separator === (form === 'open' ? ' ' : group.joiner)
    all.push({...occurrence, position, form, canonical})
  }
  // Grammar decides the spelling, but only where the document writes the compound more than one way.
  const spellings = new Set(all.map((item) => (item.canonical ? item.form : 'other')))
  if (spellings.size < 2) return
  for (const item of all) {
    if (!item.position) continue
    const wanted = group.grammar[item.position]
    if (item.form === wanted && item.canonical) continue
    const second = item.match[3].toLowerCase()
    const text = compoundCase(item.match, group.first, wanted === 'joined' ? group.joiner : ' ', second)
    if (text === item.written) continue
    const where = item.position === 'modifier' ? 'before a noun' : group.id === 'third-party' ? 'as a noun' : 'as a verb'
    const other = all.find((candidate) => candidate.form === wanted && candidate.canonical)
    context.report({
      reason: `Unexpected \`${item.written}\` ${where}, expected \`${text}\``,
      fix: {range: [item.start, item.end], text},
      cause: other ? context.evidence(`\`${other.written}\` is used here`, [other.start, other.end]) : undefined
    })
  }
}

function checkVariants(runs: Run[], group: VariantGroup, covered: Set<string>, context: RuleContext<Options>): void {
  const capitals = group.id === 'policy-capitals'
  const found = [...matches(runs, group.regex, capitals)]
    .filter((item) => !group.preceded || group.preceded.test(item.run.text.slice(Math.max(0, item.match.index! - 20), item.match.index)))
    .filter((item) => !capitals || item.written !== item.written.toUpperCase())
    .map((item) => ({...item, variant: group.variant(item.written)}))
  if (!capitals && found.some((item) => covered.has(normal(item.variant)))) return
  if (capitals && found.some((item) => covered.has(normal(item.written)))) return
  if (capitals) {
    // `our Cookie Policy` on a privacy page is another document's title: each document's name is compared with
    // itself only, never made to follow how the page writes its own name.
    const kinds = new Map<string, typeof found>()
    for (const item of found) {
      const kind = item.written.slice(0, 4).toLowerCase()
      kinds.set(kind, [...(kinds.get(kind) ?? []), item])
    }
    for (const items of kinds.values()) reportMinority(items, capitals, context)
    return
  }
  reportMinority(found, capitals, context)
}

function reportMinority(found: Array<Occurrence & {match: RegExpMatchArray; variant: string}>, capitals: boolean, context: RuleContext<Options>): void {
  const counts = new Map<string, number>()
  for (const item of found) counts.set(item.variant, (counts.get(item.variant) ?? 0) + 1)
  const ranked = [...counts].sort((a, b) => b[1] - a[1])
  if (ranked.length < 2 || ranked[0][1] === ranked[1][1]) return
  const [preferred, count] = ranked[0]
  const example = found.find((item) => item.variant === preferred)!
  for (const item of found) {
    if (item.variant === preferred) continue
    const text = capitals ? recase(item.written, example.written) : respell(item.written, preferred, opensSentence(item))
    if (text === item.written) continue
    context.report({
      reason: `Unexpected \`${item.written}\`, expected \`${text}\` like the ${count} other use${count === 1 ? '' : 's'} in this document`,
      fix: {range: [item.start, item.end], text},
      cause: context.evidence(`\`${example.written}\` is used here`, [example.start, example.end])
    })
  }
}

/** Spell a compound with the case of each written part (`Third Party` -> `Third-Party`, `THIRD PARTY` -> `THIRD-PARTY`). */
function compoundCase(match: RegExpMatchArray, first: string, joiner: string, second: string): string {
  if (/[A-Z]/.test(match[0]) && match[0] === match[0].toUpperCase()) return (first + joiner + second).toUpperCase()
  const capital = (word: string, like: string) => (/^[A-Z]/.test(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word)
  const head = capital(first, /^\d/.test(match[1]) ? match[3] : match[1])
  return head + joiner + (joiner === '' ? second : capital(second, match[3]))
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

/** Copy the capitals of `model` word by word onto `written`. */
function recase(written: string, model: string): string {
  const words = written.split(/(\s+)/)
  const modelWords = model.split(/\s+/)
  let index = 0
  return words
    .map((part) => {
      if (/^\s+$/.test(part)) return part
      const like = modelWords[index++] ?? part
      return /^[A-Z]/.test(like) ? part.charAt(0).toUpperCase() + part.slice(1).toLowerCase() : part.toLowerCase()
    })
    .join('')
}

/** The lower-case word just before `index` in a run, with nothing but spaces between. */
function wordBefore(text: string, index: number): string | undefined {
  // A bounded window keeps this linear: the regex is tried at every start of what it is given.
  const match = /([\p{L}'’]+)[ \t]+$/u.exec(text.slice(Math.max(0, index - 80), index))
  return match ? match[1].toLowerCase() : undefined
}

/**
 * The lower-case word after `index` in a run; `undefined` when punctuation or the end of the block follows;
 * `''` when something else follows (a link, code, a number), which no position can be read from.
 */
function wordAfter(run: Run, index: number, source: string): string | undefined {
  const rest = run.text.slice(index)
  const word = /^[ \t]+(?:\n[ \t]*)?([\p{L}][\p{L}'’-]*)/u.exec(rest)
  if (word) return word[1].toLowerCase().replace(/-.*/, '')
  if (/^[ \t]*[.,;:!?)]/.test(rest)) return undefined
  if (/^[ \t]*\S/.test(rest)) return ''
  // The run ends here: look at the source after it (markup, then a line end, cell end or HTML tag).
  const after = source.slice(run.end, run.end + 40)
  if (/^[*_~`]*[ \t]*(?:$|\r?\n|\||<\/)/.test(after) || /^[*_~]*[.,;:!?)]/.test(after)) return undefined
  return ''
}

const determiners = new Set('a an the this that these those its their our your his her we you they it which who whom whose such any each every some no'.split(' '))
const modifiedNouns = new Set([...partyNouns, ...optNouns, ...loginNouns])

/**
 * Whether a compound followed by a comma (`third-party, example.net domain`) or by `and`/`or` and another
 * modifier (`third-party and first-party cookies`) shares the noun that comes after: it is then a modifier.
 * A determiner on the way (`a third-party, and its partners`) makes it a noun again.
 */
function sharesNoun(text: string, index: number): boolean {
  const rest = text.slice(index, index + 120)
  const joint = /^[ \t]*(?:,[ \t\n]*(?:(?:and|or)[ \t\n]+)?|[ \t\n]+(?:and|or|nor)[ \t\n]+)/i.exec(rest)
  if (!joint) return false
  const clause = rest.slice(joint[0].length).split(/[.;:!?()]/)[0]
  const words = [...clause.matchAll(/[\p{L}][\p{L}'’-]*/gu)].map((word) => word[0].toLowerCase()).slice(0, 4)
  if (words.length === 0) return false
  // After `and`/`or`, only another modifier (`first-party`, `own`) joins; anything else may be a second noun.
  if (!joint[0].includes(',') && !/-|^(?:first|own|1st|other)$/.test(words[0])) return false
  for (const word of words) {
    if (determiners.has(word)) return false
    if (modifiedNouns.has(word) || modifiedNouns.has(word.replace(/^.*-/, ''))) return true
  }
  return false
}

/** Names a policy page gives itself, by kind; `Terms` alone is a defined short form and is left out. */
const documentName =
  /\b(cookies?\s+(?:policy|notice|statement)|privacy\s+(?:policy|notice|statement)|terms\s+(?:of\s+(?:service|use)|(?:and|&)\s+conditions)|service\s+terms|conditions\s+of\s+use|user\s+agreement)\b/gi

function nameKind(name: string): string {
  return /^cookie/i.test(name) ? 'cookie' : /^privacy/i.test(name) ? 'privacy' : 'terms'
}

function nameKey(name: string): string {
  return name.toLowerCase().replace(/&/g, 'and').replace(/\s+/g, ' ')
}

interface NameUse {
  written: string
  start: number
  end: number
  title: boolean
}

/**
 * The page's own name written two ways: the title (front matter or first heading) and the names after `this` or
 * `these`, of the kind the title names. The name most used wins, the title on a tie; a title in the minority is
 * reported once, the other uses each.
 */
function checkDocumentName(tree: Root, runs: Run[], context: RuleContext<Options>): void {
  let title: NameUse | undefined
  const yaml = tree.children.find((node) => node.type === 'yaml')
  const yamlRange = nodeRange(yaml)
  if (yaml && 'value' in yaml && yamlRange) {
    const line = /^title:[ \t]*["']?(.*?)["']?[ \t]*$/m.exec(context.source.slice(yamlRange[0], yamlRange[1]))
    const name = line ? new RegExp(documentName.source, 'i').exec(line[1]) : null
    if (line && name) {
      const start = yamlRange[0] + line.index + line[0].indexOf(line[1]) + name.index
      title = {written: name[0], start, end: start + name[0].length, title: true}
    }
  }
  if (!title) {
    const heading = runs.find((run) => run.block === 'heading' && run.heading?.depth === 1) ?? runs.find((run) => run.block === 'heading')
    const name = heading ? new RegExp(documentName.source, 'i').exec(heading.text) : null
    if (heading && name) title = {written: name[0], start: heading.start + name.index, end: heading.start + name.index + name[0].length, title: true}
  }
  const uses: NameUse[] = []
  for (const run of runs) {
    for (const match of run.text.matchAll(documentName)) {
      const start = run.start + match.index!
      if (title && start === title.start) continue
      if (!/\b(?:this|these)\s+$/i.test(run.text.slice(Math.max(0, match.index! - 12), match.index))) continue
      if (anotherDocument(run.text, match.index!, match[0])) continue
      uses.push({written: match[0], start, end: start + match[0].length, title: false})
    }
  }
  // The page's kind comes from its title, or else from the kind it most often calls itself.
  const kinds = new Map<string, number>()
  for (const use of uses) kinds.set(nameKind(use.written), (kinds.get(nameKind(use.written)) ?? 0) + 1)
  const kind = title ? nameKind(title.written) : [...kinds].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (!kind) return
  const own = [...(title ? [title] : []), ...uses.filter((use) => nameKind(use.written) === kind)]
  const counts = new Map<string, number>()
  for (const use of own) counts.set(nameKey(use.written), (counts.get(nameKey(use.written)) ?? 0) + 1)
  if (counts.size < 2) return
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (title && a[0] === nameKey(title.written) ? -1 : title && b[0] === nameKey(title.written) ? 1 : 0))
  const [preferred, count] = ranked[0]
  if (ranked[1][1] === count && !(title && nameKey(title.written) === preferred)) return
  const examples = own.filter((use) => nameKey(use.written) === preferred)
  const example = examples.find((use) => use.written !== use.written.toUpperCase()) ?? examples[0]
  const like = example.title ? 'like its title' : `like the ${count} other use${count === 1 ? '' : 's'} in this document`
  for (const use of own) {
    if (nameKey(use.written) === preferred) continue
    const text = nameCase(example.written, use.written)
    const written = use.written.replace(/\s+/g, ' ')
    context.report({
      reason: `Unexpected \`${written}\` as the name of this document, expected \`${text}\` ${like}`,
      range: [use.start, use.end],
      suggestions: [{description: `Write \`${text}\``, fix: {range: [use.start, use.end], text}}],
      cause: context.evidence(`\`${example.written}\` is used here`, [example.start, example.end])
    })
  }
}

/**
 * Whether `this Privacy Notice` names a part of the page or a second document: a qualified name (`this Privacy
 * Notice for California Residents`), or one set against another name of its kind in the same sentence (`This
 * Privacy Notice supplements our Privacy Policy`).
 */
function anotherDocument(text: string, index: number, name: string): boolean {
  const after = text.slice(index + name.length, index + name.length + 200)
  // An audience narrows the name to a part (`for California Residents`, `for job applicants`); a company does not
  // (`This Privacy Notice for Example Ltd`).
  if (/^[ \t]+(?:for|to|applicable[ \t]+to)[ \t]+(?:(?:our|all|the)[ \t]+)?(?:[\p{L}-]+[ \t]+)?(?:residents|applicants|candidates|employees|users|customers|children|consumers|staff|members|visitors|patients|students|contractors)\b/iu.test(after)) return true
  const sentence = text.slice(Math.max(0, index - 200), index).split(/[.!?]\s/).pop() + ' ' + after.split(/[.!?](?:\s|$)/)[0]
  for (const other of sentence.matchAll(documentName)) {
    // Another name of the kind, not itself introduced by `this` (`our Privacy Policy`, `the Privacy Policy`).
    const before = sentence.slice(Math.max(0, other.index! - 12), other.index)
    if (nameKind(other[0]) === nameKind(name) && nameKey(other[0]) !== nameKey(name) && !/\b(?:this|these)\s+$/i.test(before)) return true
  }
  return false
}

/** The preferred name in the case the written one uses (lower case, capitals, or Title Case). */
function nameCase(preferred: string, written: string): string {
  if (written === written.toLowerCase()) return preferred.toLowerCase()
  if (written === written.toUpperCase()) return preferred.toUpperCase()
  return preferred.toLowerCase().replace(/(^|\s)(?!(?:of|and)\b)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
}
