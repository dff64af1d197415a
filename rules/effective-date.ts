/** A policy states when it took effect or was last updated, with a date that parses, is not in the future, and is written one way. */
import type {Heading, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {isMap, isScalar, parseDocument} from 'yaml'
import {nodeRange, type Range} from '../src/model/source.js'
import {isEnglish, prose} from '../src/model/words.js'
import {integer, oneOf, record} from '../src/options.js'
import {defineRule, type RuleContext} from '../src/rule.js'
import {monthIndex, monthPattern} from '../src/text.js'

export interface Options {
  /** When a statement is required: `auto` for pages whose title (or file name) names a policy (policy, notice, terms, privacy, cookies). */
  required: 'auto' | 'always' | 'never'
  /** Days after which the latest date is stale; `0` turns the check off. */
  maxAge: number
}

const defaults: Options = {required: 'auto', maxAge: 0}

const month = `(${monthPattern})\\.?`
const day = '(\\d{1,2})(?:st|nd|rd|th)?\\.?'
const year = '((?:19|20)\\d{2})'

type Format = 'iso' | 'month-day-year' | 'day-month-year' | 'month-year' | 'numeric'

interface Found {
  range: Range
  text: string
  format: Format
  date: Date | undefined
  /** `effective` dates may be announced ahead; `updated` dates may not lie in the future. */
  kind: 'effective' | 'updated'
  future: boolean
  /** `Last updated: [DATE]`: a statement whose date is a template placeholder (no-placeholders reports it). */
  placeholder?: true
}

const datePatterns: Array<{format: Format; regex: RegExp}> = [
  {format: 'iso', regex: /^(\d{4})-(\d{2})-(\d{2})(?![\d-])/},
  // A year ends at a non-digit, not at `\\b`: in `_21 March 2018_` the closing underscore is a word character.
  {format: 'month-day-year', regex: new RegExp(`^${month}[ \\t]*,?[ \\t]+${day},?[ \\t]+${year}(?!\\d)`, 'i')},
  {format: 'day-month-year', regex: new RegExp(`^${day}[ \\t]+(?:of[ \\t]+)?${month},?[ \\t]+${year}(?!\\d)`, 'i')},
  {format: 'month-year', regex: new RegExp(`^${month},?[ \\t]+${year}(?!\\d)`, 'i')},
  {format: 'numeric', regex: /^(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})(?!\d)/}
]

// Not `\b`: in `_Last updated_:` the underscores are word characters.
const keyword =
  /(?<![\p{L}\p{N}])(effective(?:[ \t]+date)?|in[ \t]+effect|(?:last|latest)[ \t]+(?:(?:substantive|major|material|significant)[ \t]+)?(?:updated|modified|revised|reviewed|changed|update|revision)|updated|revised|dates[ \t]+from|date[ \t]+of[ \t]+(?:last[ \t]+)?(?:update|revision))(?![\p{L}\p{N}])/giu

const frontMatterKeys = /^(?:date|post[_-]?date|published|updated|last[_-]?updated|last[_-]?update|last[_-]?modified(?:[_-]at)?|lastmod|modified|effective(?:[_-]?date)?|last[_-]?revised)$/i

export default defineRule<Options>({
  meta: {
    id: 'effective-date',
    description: 'A policy states when it took effect or was last updated, with a valid, past, consistently written date',
    rationale:
      'Off in the recommended preset: on real pages it was not tuned on, 14 of 17 of its judged findings were worth a ' +
      'writer\'s time (`eval/verdicts/holdout-final.tsv`), short of the 85% a rule needs to be on by default. Turn it ' +
      'on with one line in the configuration\'s `plugins`: `[effectiveDate, [\'error\']]` (import it from `policylint/rules`). ' +
      'Readers, regulators and courts ask which version of a policy applied on a given day. A policy page should ' +
      'say when it took effect or was last updated (`Effective August 20, 2022`, `Last updated: 2023-01-05`, or ' +
      'a `last_updated` key in the front matter). The date must parse (common English formats and ISO 8601), an ' +
      '`updated` or `modified` date must not lie in the future (an `effective` date announced with `will` may), ' +
      'and one document writes its dates one way. With `maxAge`, a policy not updated for that many days is ' +
      'reported as stale. By default only pages whose title (or, without one, file name) names a policy (`Cookie policy`, ' +
      '`Privacy notice`, `Terms of use`, `How we use cookies`) must carry a date; a section kept in its own file ' +
      '(`Marketing cookies`) or a page that only mentions policies (`Policy templates`) need not. A date may also ' +
      'stand alone under a `Status`, `Version` or `Date` line, or alone on its line near the top or bottom of the ' +
      'page (`March 3, 2021`, `_21 March 2018_`); emphasis around a date and HTML around a statement ' +
      '(`<p><em>Last updated:</em> <time>…</time></p>`) are markup. Dates in code spans are examples, not statements. ' +
      'A missing date and a second date format are ' +
      'warnings; an impossible date, an `updated` date in the future and (with `maxAge`) a stale policy are ' +
      'errors. `Last updated: [DATE]` is left to `no-placeholders`. The clock is `settings.policylint.now`, so ' +
      'results are reproducible.',
    recommended: 'off',
    fix: 'none'
  },
  options: {
    defaults,
    docs: {
      required: '`auto` (default): pages whose title (or, without one, file name) names a policy (policy, notice, terms, privacy, cookies) need a date; `always`; `never`.',
      maxAge: 'Report a policy whose latest date is more than this many days old; `0` (default) turns it off.'
    },
    parse(raw) {
      const value = record(raw, 'effective-date', ['required', 'maxAge'])
      return {
        required: oneOf(value.required, 'required', ['auto', 'always', 'never'], defaults.required),
        maxAge: integer(value.maxAge, 'maxAge', defaults.maxAge)
      }
    }
  },
  examples: [
    {name: 'valid.md', input: '# Cookie policy\n\nLast updated: March 3, 2025\n\nWe use a few cookies.\n'},
    {
      name: 'missing.md',
      input: '# Privacy notice\n\nWe collect your e-mail address when you sign up.\n',
      messages: ['1:1-1:17: Unexpected policy without an effective or last-updated date, expected a line such as `Last updated: January 31, 2026`']
    },
    {
      name: 'invalid.md',
      settings: {now: '2026-01-31'},
      input: '# Cookie policy\n\nEffective 2025-02-30. Last updated on 2027-03-03.\n',
      messages: [
        '3:11-3:21: Unexpected date `2025-02-30`, expected a real date such as `2026-01-31` or `January 31, 2026`',
        '3:39-3:49: Unexpected date `2027-03-03` in the future, expected one on or before `2026-01-31`'
      ]
    },
    {
      name: 'max-age.md',
      options: {maxAge: 365},
      settings: {now: '2026-01-31'},
      input: '# Terms of service\n\nLast updated: 2024-06-01\n',
      messages: ['3:15-3:25: Unexpected last update `2024-06-01`, 609 days ago, expected one within `maxAge` (365 days)']
    }
  ],
  check(tree, context) {
    // The phrases and month names are English.
    if (!isEnglish(tree, context.file.basename)) return
    const found = [...frontMatterDates(tree, context), ...bodyDates(tree, context)]
    const now = context.now
    const nowKey = now.toISOString().slice(0, 10)

    if (found.length === 0) {
      if (context.options.required === 'never') return
      if (context.options.required === 'auto' && !isPolicy(tree, context)) return
      const range = titleRange(tree, context)
      if (!range) return
      // The page may be a fragment of a policy, or dated where the linter cannot see (a CMS field): a warning.
      context.report({
        reason: 'Unexpected policy without an effective or last-updated date, expected a line such as `Last updated: January 31, 2026`',
        range,
        severity: 'warning'
      })
      return
    }

    for (const item of found) {
      if (item.placeholder) continue
      if (!item.date) {
        context.report({reason: `Unexpected date \`${item.text}\`, expected a real date such as \`2026-01-31\` or \`January 31, 2026\``, range: item.range})
      } else if (item.date.getTime() > now.getTime() + 86_400_000 && !(item.kind === 'effective' && item.future)) {
        context.report({reason: `Unexpected date \`${item.text}\` in the future, expected one on or before \`${nowKey}\``, range: item.range})
      }
    }

    // One way of writing dates in the prose (front matter is YAML, always ISO).
    const body = found.filter((item) => item.date && !('frontMatter' in item) && !item.placeholder)
    const first = body[0]
    if (first) {
      for (const item of body.slice(1)) {
        if (item.format !== first.format) {
          context.report({
            reason: `Unexpected date format \`${item.text}\`, expected the format of \`${first.text}\``,
            range: item.range,
            cause: context.evidence('The first date is written here', first.range),
            severity: 'warning'
          })
        }
      }
    }

    if (context.options.maxAge > 0) {
      const dated = found.filter((item) => item.date && item.date.getTime() <= now.getTime() + 86_400_000)
      const latest = dated.sort((a, b) => b.date!.getTime() - a.date!.getTime())[0]
      if (latest) {
        const age = Math.floor((now.getTime() - latest.date!.getTime()) / 86_400_000)
        if (age > context.options.maxAge) {
          context.report({
            reason: `Unexpected last update \`${latest.text}\`, ${age} days ago, expected one within \`maxAge\` (${context.options.maxAge} days)`,
            range: latest.range
          })
        }
      }
    }
  }
})

/** Where a missing date is reported: the title (first-level heading, front matter `title`), else the first heading or block. */
function titleRange(tree: Root, context: RuleContext<Options>): Range | undefined {
  const headings = tree.children.filter((child): child is Heading => child.type === 'heading')
  const h1 = headings.find((child) => child.depth === 1)
  if (h1) return nodeRange(h1)
  const yaml = tree.children.find((child) => child.type === 'yaml')
  const at = nodeRange(yaml)
  if (at) {
    const title = /^title[ \t]*:.*$/m.exec(context.source.slice(at[0], at[1]))
    if (title) return [at[0] + title.index, at[0] + title.index + title[0].trimEnd().length]
  }
  return nodeRange(headings[0]) ?? nodeRange(tree.children.find((child) => child.type !== 'yaml' && (child.type as string) !== 'toml')) ?? at
}

/**
 * Whether the page is a policy: by its title (front matter `title`, or its first top-level heading) when it has
 * one, else by its file name. The title wins: `known-cookies.md` titled `Known cookies rule` is no policy.
 */
function isPolicy(tree: Root, context: RuleContext<Options>): boolean {
  const titles: string[] = []
  const yaml = tree.children.find((child) => child.type === 'yaml')
  const title = yaml && 'value' in yaml ? /^title[ \t]*:(.*)$/m.exec(String(yaml.value)) : null
  if (title && title[1].trim()) titles.push(title[1].trim().replace(/^(["'])(.*)\1$/, '$2'))
  const headings = tree.children.filter((child): child is Heading => child.type === 'heading')
  const heading = headings.find((child) => child.depth === 1) ?? headings.find((child) => child.depth === 2)
  if (heading) titles.push(toString(heading))
  if (titles.length > 0) return titles.some((text) => namesPolicy(text))
  return namesPolicy((context.file.stem ?? '').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/[-_.\s]+/g, ' '))
}

// The kind of page is the head of the title: `Cookie policy`, `Terms of use`, `How we use cookies`, `Privacy at
// Acme`, not `Policy documents`, `Glossary of terms`, `Privacy-preserving analytics` or `Marketing cookies` (a
// section of a cookie policy, often kept in its own file).
const policyWord = /(?<![\p{L}\p{N}-])(?<before>[\p{L}-]+[ \t]+)?(?<word>policy|notice|terms|privacy|data[ \t]+protection|cookies?|conditions(?=[ \t]+of[ \t]+(?:use|sale|service)))(?![\p{L}\p{N}-])/giu
const policyEnd =
  /^(?:[ \t]*$|[ \t]*[|:([,/]|[ \t]+[-–—][ \t]|[ \t]+(?:of|for|on|and|&|at|in|to|by|statement|policy|notice|information|declaration|conditions)(?![\p{L}\p{N}])|[ \t]+[a-z]{2}(?:[ -][a-z]{2})?[ \t]*$)/iu
const cookieCategory =
  /^(?:essential|necessary|functional|functionality|performance|analytics?|analytical|marketing|advertising|targeting|preferences?|statistics|statistical|tracking|session|persistent|media|party|first-party|third-party|social)[ \t]+$/i

function namesPolicy(title: string): boolean {
  const text = title.replace(/[*_`]/g, ' ').trim()
  for (const match of text.matchAll(policyWord)) {
    const {before = '', word} = match.groups!
    if (!policyEnd.test(text.slice(match.index! + match[0].length))) continue
    if (/^cookies?$/i.test(word) && cookieCategory.test(before)) continue
    if (/^terms$/i.test(word) && /^of[ \t]+$/i.test(before)) continue
    return true
  }
  return false
}

function frontMatterDates(tree: Root, context: RuleContext<Options>): Array<Found & {frontMatter: true}> {
  const toml = tree.children.find((child) => (child.type as string) === 'toml') as {value: string} | undefined
  if (toml) return tomlDates(toml, tree, context)
  const node = tree.children.find((child) => child.type === 'yaml')
  if (!node || node.type !== 'yaml') return []
  const at = nodeRange(node)
  if (!at) return []
  const start = context.source.indexOf(node.value, at[0] + 3)
  const document = parseDocument(node.value, {uniqueKeys: false})
  if (document.errors.length > 0 || !isMap(document.contents)) return []
  const result: Array<Found & {frontMatter: true}> = []
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !frontMatterKeys.test(String(pair.key.value)) || !isScalar(pair.value) || !pair.value.range) continue
    const text = String(pair.value.value ?? '')
    if (!/\d/.test(text)) continue
    const range: Range = [start + pair.value.range[0], start + pair.value.range[1]]
    const parsed = parseDate(text.trim())
    result.push({
      range,
      text,
      format: parsed?.format ?? 'iso',
      date: parsed?.date,
      kind: /effective/i.test(String(pair.key.value)) ? 'effective' : 'updated',
      future: false,
      frontMatter: true
    })
  }
  return result
}

/** `date = 2024-05-01` / `lastmod = '2024-05-01T10:00:00Z'` in TOML front matter (`+++`), as Hugo writes it. */
function tomlDates(node: {value: string}, tree: Root, context: RuleContext<Options>): Array<Found & {frontMatter: true}> {
  const at = nodeRange(node as never)
  if (!at) return []
  const start = context.source.indexOf(node.value, at[0] + 3)
  const result: Array<Found & {frontMatter: true}> = []
  for (const line of node.value.matchAll(/^[ \t]*([A-Za-z_-]+)[ \t]*=[ \t]*["']?(\d{4}-\d{2}-\d{2}[^"'\n]*)["']?[ \t]*$/gm)) {
    if (!frontMatterKeys.test(line[1])) continue
    const text = line[2].trim()
    const offset = start + line.index! + line[0].indexOf(line[2])
    const parsed = parseDate(text)
    result.push({
      range: [offset, offset + text.length],
      text,
      format: parsed?.format ?? 'iso',
      date: parsed?.date,
      kind: /effective/i.test(line[1]) ? 'effective' : 'updated',
      future: false,
      frontMatter: true
    })
  }
  return result
}

function bodyDates(tree: Root, context: RuleContext<Options>): Found[] {
  // Blocks, not runs: `_Last updated_: May 1, 2024` is split over several text nodes.
  const blocks = new Map<object, Range>()
  const htmlBlocks = new Set<object>()
  for (const run of prose(tree, context.source).runs) {
    if (run.block === 'tableCell') continue
    const key = run.blockNode ?? run
    if (run.block === 'html') htmlBlocks.add(key)
    const range = blocks.get(key)
    if (range) range[1] = Math.max(range[1], run.end)
    else blocks.set(key, [run.start, run.end])
  }
  // Code spans are examples (`Last updated: 2023-01-05`), not statements; inline HTML is markup
  // (`<time datetime="…">`). Blanked with spaces, so offsets still index into the source.
  const hidden: Range[] = []
  visit(tree, (node, _, parent) => {
    if (node.type === 'inlineCode' || (node.type === 'html' && (parent?.type === 'paragraph' || parent?.type === 'heading'))) {
      const range = nodeRange(node)
      if (range) hidden.push(range)
    }
  })
  let source = context.source
  if (hidden.length > 0) {
    const parts: string[] = []
    let at = 0
    for (const [from, to] of hidden.sort((a, b) => a[0] - b[0])) {
      if (from < at) continue
      parts.push(context.source.slice(at, from), ' '.repeat(to - from))
      at = to
    }
    source = parts.join('') + context.source.slice(at)
  }
  const result: Found[] = []
  let previous = ''
  const list = [...blocks]
  for (const [index, [key, [start, end]]] of list.entries()) {
    // The tags of an HTML block (`<p><em>Last updated:</em> <time>…</time></p>`) are markup between its texts.
    const html = htmlBlocks.has(key)
    const text = html ? source.slice(start, end).replace(/<[^>]*>/g, (tag) => tag.replace(/[^\n]/g, ' ')) : source.slice(start, end)
    const standalone = standaloneDate(text, previous)
    previous = text
    if (standalone) {
      const at = start + standalone.offset
      result.push({range: [at, at + standalone.length], text: text.slice(standalone.offset, standalone.offset + standalone.length), format: standalone.format, date: standalone.date, kind: 'updated', future: false})
      continue
    }
    const alone = index < 4 || index >= list.length - 3 ? dateLine(text, html) : undefined
    if (alone) {
      const at = start + alone.offset
      // Without a label the date may be the day the policy takes effect: one ahead of today is not reported.
      result.push({range: [at, at + alone.length], text: text.slice(alone.offset, alone.offset + alone.length), format: alone.format, date: alone.date, kind: 'effective', future: true})
    }
    for (const match of text.matchAll(keyword)) {
      let at = match.index! + match[0].length
      const gap = /^[\s*_:,–—-]*(?:date[\s*_:]*)?(?:(?:on|as[ \t]+of|from|since|at)[\s*_:]+)?[\s*_]*/i.exec(text.slice(at))![0]
      at += gap.length
      let rest = text.slice(at, at + 40)
      let parsed = parseDate(rest)
      // `The last substantive update to this page (…) was on 2019-09-30`: the date closes the sentence.
      if (!parsed && /^(?:last|latest)/i.test(match[0])) {
        const later = /^[^\n]{0,160}?\b(?:was|is|on|dated)[\s*_:]+(?:on[\s*_:]+)?/i.exec(text.slice(at))
        const candidate = later ? parseDate(text.slice(at + later[0].length, at + later[0].length + 40)) : undefined
        if (later && candidate?.date) {
          at += later[0].length
          rest = text.slice(at, at + 40)
          parsed = candidate
        }
      }
      const before = text.slice(Math.max(0, match.index! - 30), match.index!)
      const kind = /effect/i.test(match[0]) ? 'effective' : 'updated'
      const future = /\b(?:will|shall|becomes?|comes?|takes?)\b[^.]*$/i.test(before) || /\bwill\b/i.test(before)
      if (parsed) {
        result.push({range: [start + at, start + at + parsed.length], text: rest.slice(0, parsed.length), format: parsed.format, date: parsed.date, kind, future})
      } else if (placeholder.test(rest)) {
        result.push({range: [start + at, start + at], text: '', format: 'iso', date: undefined, kind, future, placeholder: true})
      } else {
        // Something after the keyword that tries to be a date: digits and a year, or a month name, before the sentence ends.
        const attempt = /^(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|[\p{L}]+\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}|\d{1,2}(?:st|nd|rd|th)?\.?[ \t]+[\p{L}]+,?[ \t]+\d{4})/iu.exec(rest)
        if (attempt && /\d{4}/.test(attempt[0])) {
          result.push({range: [start + at, start + at + attempt[0].length], text: attempt[0], format: 'numeric', date: undefined, kind, future})
        }
      }
    }
  }
  return result.sort((a, b) => a.range[0] - b.range[0])
}

// `[DATE]`, `{{ date }}`, `___`, `XX/XX/XXXX`, `DD/MM/YYYY`.
const placeholder = /^(?:\[[^\]\n]{1,40}\]|\{\{?[^}\n]{1,40}\}\}?|_{3,}|X{2,}|(?:DD|MM|YYYY)\b)/

// A paragraph that is nothing but a date, under `Status of this notice`, `Version` or `Date`.
const standaloneLead = /(?<![\p{L}\p{N}])(?:status|version|dated?|valid(?:ity)?|effective|updated|modified|revised)(?![\p{L}\p{N}])/iu

function standaloneDate(text: string, previous: string): {offset: number; length: number; format: Format; date: Date | undefined} | undefined {
  if (!standaloneLead.test(previous) || previous.length > 120) return undefined
  const offset = /^[ \t*_]*/.exec(text)![0].length
  const parsed = parseDate(text.slice(offset))
  if (!parsed || !/^[ \t*_.]*$/.test(text.slice(offset + parsed.length))) return undefined
  return {offset, ...parsed}
}

/**
 * A line that is nothing but a date (`March 3, 2021`, `_21 March 2018_`), in one of the first or last blocks of
 * the page, where a policy states its date without a label. In an HTML block only its first and last lines count.
 */
function dateLine(text: string, html: boolean): {offset: number; length: number; format: Format; date: Date | undefined} | undefined {
  const lines = text.split('\n')
  let offset = 0
  for (const [index, line] of lines.entries()) {
    if (!html || index < 5 || index >= lines.length - 5) {
      const lead = /^[ \t>*_]*/.exec(line)![0].length
      const parsed = parseDate(line.slice(lead))
      // Only a full date: `March 2021` alone is more often a heading of a changelog than a statement.
      if (parsed && parsed.format !== 'month-year' && /^[ \t*_.]*$/.test(line.slice(lead + parsed.length))) return {offset: offset + lead, ...parsed}
    }
    offset += line.length + 1
  }
  return undefined
}

/** A date at the start of `text`: its format, its length, and the day it means (nothing when it is not a real day). */
function parseDate(text: string): {format: Format; length: number; date: Date | undefined} | undefined {
  for (const {format, regex} of datePatterns) {
    const match = regex.exec(text)
    if (!match) continue
    let y: number
    let m: number
    let d: number
    if (format === 'iso') [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
    else if (format === 'month-day-year') [y, m, d] = [Number(match[3]), monthIndex(match[1]), Number(match[2])]
    else if (format === 'day-month-year') [y, m, d] = [Number(match[3]), monthIndex(match[2]), Number(match[1])]
    else if (format === 'month-year') [y, m, d] = [Number(match[2]), monthIndex(match[1]), 1]
    else {
      const [a, b] = [Number(match[1]), Number(match[2])]
      y = Number(match[3])
      // Day first unless that cannot be (`10/29/2025`); ambiguous dates are read day first.
      ;[d, m] = a > 12 || b <= 12 ? [a, b] : [b, a]
    }
    return {format, length: match[0].replace(/[.,\s]+$/, '').length, date: realDate(y, m, d)}
  }
  return undefined
}

function realDate(y: number, m: number, d: number): Date | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined
}
