/** Well-known cookies are described as their vendors set them: lifetime, spelling, category, still in use. */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {doc} from '../src/example.js'
import {formatSeconds, secondsOf, unitSeconds, type Unit} from '../src/values/duration.js'
import {looseKey, lookup, reference, type KnownCookie, type Reference} from '../src/data/known-cookies.js'
import {cookieRowsByTable, type CookieRow, type Lifetime} from '../src/model/cookie-rows.js'
import {fieldCell} from '../src/model/tables.js'
import {option} from '../src/options.js'
import {defineRule, type OptionsOf, type RuleContext} from '../src/rule.js'

export type Options = OptionsOf<typeof rule>

const rule = defineRule({
  meta: {
    id: 'known-cookies',
    description:
      'Well-known cookies (Google Analytics, Hotjar, Cloudflare, Pardot, HubSpot, Meta, Google Ads) are described as their vendors set them',
    rationale:
      'Cookie tables copy names and lifetimes from consent tools and other sites, and errors travel with them: ' +
      '`_gid` declared as `0` days (it lives 24 hours), `_utma` for `__utma`, `__cfduid` listed years after ' +
      'Cloudflare stopped setting it (10 May 2021), or Google Analytics cookies filed under "strictly necessary" ' +
      '(the EDPB cookie banner taskforce, January 2023, found controllers doing exactly that). The rule compares ' +
      'rows with a small table of well-known cookies written by the project from vendor documentation (each entry ' +
      'names its source) and warns, since vendors change lifetimes. Point `openCookieDatabase` at a copy of the ' +
      'Open Cookie Database (Apache-2.0) to extend the table; the curated entries take precedence, and lifetimes ' +
      'from the database are compared with a wider tolerance because it has known errors.',
    recommended: 'warn',
    fix: 'none'
  },
  options: {
    openCookieDatabase: option.custom({
      default: '',
      doc: 'Path to a copy of `open-cookie-database.csv` or `.json`; the default uses the built-in table only.',
      accepts: 'a path to an Open Cookie Database file',
      parse(value, fallback, fail) {
        if (value === undefined || value === '') return fallback
        if (typeof value !== 'string') return fail()
        try {
          reference(value)
        } catch {
          return fail('a readable Open Cookie Database file (CSV or JSON)')
        }
        return value
      }
    })
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`_ga\` | Tells visitors apart | 2 years |
        | \`_gid\` | Tells visitors apart | 24 hours |
      `
    },
    {
      name: 'invalid.md',
      input: doc`
        ## Strictly necessary cookies

        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`_gid\` | Tells visitors apart | Session |
        | \`_utma\` | Counts visits | 2 years |
        | \`__cfduid\` | Speeds up the site | 30 days |
      `,
      messages: [
        '5:3-5:9: Unexpected analytics cookie `_gid` under `Strictly necessary cookies`, expected it in a consent category such as analytics (Google Analytics)',
        '5:35-5:42: Unexpected lifetime `Session` for `_gid`, expected about `24 hours` (Google Analytics)',
        '6:3-6:10: Unexpected cookie name `_utma`, expected `__utma` (Google Analytics)',
        '7:3-7:13: Unexpected `__cfduid`, expected it removed from the table: Cloudflare stopped setting it on 10 May 2021'
      ]
    },
    {
      name: 'database.md',
      options: {openCookieDatabase: ''},
      input: doc`
        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`_gat_UA-*\` | Limits the request rate | 1 minute |
      `
    }
  ],
  check(tree, context) {
    const known = reference(context.options.openCookieDatabase || undefined)
    const headings = headingsAbove(tree)
    for (const [table, rows] of cookieRowsByTable(tree, context.source)) {
      const heading = headings(table.range?.[0])
      for (const row of rows) checkRow(row, known, heading, context)
    }
  }
})
export default rule

function checkRow(row: CookieRow, known: Reference, heading: string | undefined, context: RuleContext<Options>): void {
  const {nameRange, lifetimes: durations} = row
  if (!nameRange) return
  const names = row.names.filter((name) => !/\s/.test(name))
  const category = fieldCell(row.table, row.row, 'category')?.text || heading
  for (const [index, name] of names.entries()) {
    const entry = lookup(known, name)
    if (!entry) {
      const near = known.loose.get(looseKey(name))
      if (near && near.name !== name && !known.exact.has(name)) {
        context.report({reason: `Unexpected cookie name \`${name}\`, expected \`${near.name}\` (${near.owner})`, range: nameRange})
      }
      continue
    }
    if (entry.deprecated && context.now >= new Date(entry.deprecated.since)) {
      context.report({reason: `Unexpected \`${name}\`, expected it removed from the table: ${entry.deprecated.note}`, range: nameRange})
      // A retired cookie's row is to be removed, not corrected: its category and lifetime are not worth a word.
      continue
    }
    if (
      category &&
      (entry.category === 'analytics' || entry.category === 'marketing') &&
      /necessary|essential|required|technical/i.test(category) &&
      !/not (strictly )?necessary|non-?essential/i.test(category)
    ) {
      context.report({
        reason: `Unexpected ${entry.category} cookie \`${name}\` under \`${category.replace(/\n/g, ' ')}\`, expected it in a consent category such as ${entry.category} (${entry.owner})`,
        range: nameRange
      })
    }
    const declared = durations.length === names.length ? durations[index] : durations.length === 1 ? durations[0] : undefined
    if (declared !== undefined && row.durationRange) checkLifetime(name, declared, row.unit, entry, row.durationRange, context)
  }
}

function checkLifetime(
  name: string,
  {text: declared, duration: parsed}: Lifetime,
  headerUnit: Unit | undefined,
  entry: KnownCookie,
  range: [number, number],
  context: RuleContext<Options>
): void {
  if (entry.lifetime === undefined) return
  let seconds: number | undefined
  let slack = 1
  if (parsed.kind === 'session') seconds = 0
  else if (parsed.kind === 'duration' && !parsed.session) seconds = parsed.max
  else if (parsed.kind === 'bare' && headerUnit) {
    seconds = secondsOf(parsed.number!, headerUnit)
    // Consent tools round down to whole units: `0` days is anything under a day.
    slack = unitSeconds[headerUnit]
  }
  if (seconds === undefined) return
  const [min, max] = typeof entry.lifetime === 'number' ? [entry.lifetime, entry.lifetime] : entry.lifetime
  const tolerance = entry.origin === 'curated' ? 2 : 4
  let wrong: boolean
  if (max === 0) wrong = seconds > unitSeconds.day
  // `0` days from a consent tool means under a day: wrong only for a cookie that lives a day or more.
  else if (parsed.kind === 'bare' && parsed.number === 0) wrong = min >= slack
  else if (seconds === 0) wrong = max >= unitSeconds.day
  else wrong = seconds < min / tolerance || seconds > max * tolerance
  if (!wrong) return
  const expected =
    min === max ? (max === 0 ? 'a session cookie' : `about \`${formatSeconds(max)}\``) : `\`${formatSeconds(min)}\` to \`${formatSeconds(max)}\``
  const written = parsed.kind === 'bare' && headerUnit ? `\`${declared}\` ${headerUnit}s` : `\`${declared}\``
  context.report({reason: `Unexpected lifetime ${written} for \`${name}\`, expected ${expected} (${entry.owner})`, range})
}

/** The text of the nearest heading above each top-level table (GFM table or HTML node). */
/** The text of the last top-level heading before an offset: a table's category when it has no column for one. */
function headingsAbove(tree: Root): (offset: number | undefined) => string | undefined {
  const headings: Array<{start: number; text: string}> = []
  for (const node of tree.children) {
    if (node.type === 'heading' && node.position) headings.push({start: node.position.start.offset!, text: toString(node).trim()})
  }
  return (offset) => (offset === undefined ? undefined : headings.filter((heading) => heading.start < offset).pop()?.text)
}
