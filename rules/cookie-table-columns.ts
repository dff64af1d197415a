/** Cookie tables have the columns readers need, with labelled headers named the same way across the document. */
import {doc} from '../src/example.js'
import {fieldExamples, fieldWords, fields, type Field} from '../src/data/fields.js'
import {lookup, namesOwner, reference} from '../src/data/known-cookies.js'
import {cookieTables} from '../src/model/cookie-shapes.js'
import {cookieRowsByTable, type CookieRow} from '../src/model/cookie-rows.js'
import {introductions} from '../src/model/introductions.js'
import {tables, type CookieTable, type Table} from '../src/model/tables.js'
import {FromSetting, option} from '../src/options.js'
import {defineRule, type OptionsOf, type RuleContext} from '../src/rule.js'
import {listOf} from '../src/text.js'

export type Options = OptionsOf<typeof rule>

const rule = defineRule({
  meta: {
    id: 'cookie-table-columns',
    description: 'Cookie tables have name, purpose, duration and provider (or domain) columns, labelled consistently',
    rationale:
      'Regulators do not prescribe column names, but they agree on what a reader must learn about each cookie: ' +
      'its purpose (ePrivacy Directive, Art. 5(3)), how long it lasts and who else can read it (CJEU Planet49, ' +
      'C-673/17; WP29 WD 02/2013). A cookie table without a duration or provider column leaves that out. Headers ' +
      'are recognised through the synonyms consent tools use (`Expiry`, `Lifespan`, `Retention period`, `Cookie ' +
      'subgroup` …); a `Type` column counts as what its values say. The rule also reports empty header cells and ' +
      'the same field named differently in two tables of one document (`Lifespan` and `Lifespan (Days)`), which ' +
      'usually means the tables were pasted from different tools and their values differ in form too. A provider ' +
      "column is asked for only where the reader cannot tell who sets the cookies: not for a table of the site's own " +
      'cookies, nor where the heading, the sentence introducing the table or the row names the vendor. Tables, runs ' +
      'of record tables (`Name:` / `Expires in:` down the first column, as consent tools export them) and cookie ' +
      'lists are all read.',
    recommended: 'warn',
    fix: 'none'
  },
  options: {
    required: option.strings({
      default: new FromSetting('requiredColumns'),
      doc: 'Fields every cookie table needs: `name`, `provider`, `domain`, `purpose`, `category`, `duration`, `party`, `session`, `storageType`, `privacyLink`; `a|b` accepts either.',
      each: {
        test: (entry) => entry.split('|').every((field) => fields.includes(field as Field)),
        expected: 'fields such as `name`, `purpose`, `duration` or `provider|domain`'
      }
    })
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
        | Cookie | Provider | Purpose | Expires |
        | --- | --- | --- | --- |
        | \`_ga\` | Google | Counts visits | 2 years |
      `
    },
    {
      name: 'invalid.md',
      description: "A vendor's cookie with nothing to say whose it is: the reader needs a provider column.",
      input: doc`
        | Cookie | Purpose |
        | --- | --- |
        | \`sid\` | Keeps you signed in |
        | \`_fbp\` | Measures ads |
      `,
      messages: [
        '1:1-1:21: Unexpected cookie table without duration and provider or domain columns, expected columns such as `Expires` and `Provider`'
      ]
    },
    {
      name: 'own-cookies.md',
      description: "The site's own cookies need no provider column: the provider is the site.",
      input: doc`
        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`sid\` | Keeps you signed in | Session |
      `
    },
    {
      name: 'introduced.md',
      description: 'A vendor named in the sentence that introduces the table, or in the row itself, is provider enough.',
      input: doc`
        Google Analytics sets these cookies:

        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`_ga\` | Counts visits | 2 years |

        Other cookies:

        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`__cf_bm\` | Cloudflare bot detection | 30 minutes |
      `
    },
    {
      name: 'third-party.md',
      description: 'A table introduced as third-party cookies needs to say whose they are.',
      input: doc`
        These third-party cookies are set on our pages:

        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`vuid\` | Video statistics | 2 years |
      `,
      messages: ['3:1-3:31: Unexpected cookie table without a provider or domain column, expected a column such as `Provider`']
    },
    {
      name: 'names.md',
      input: doc`
        | Cookie | Domain | Purpose | Lifespan |
        | --- | --- | --- | --- |
        | \`sid\` | example.com | Sign-in | Session |

        | Cookie | Domain | Purpose | Expiry |
        | --- | --- | --- | --- |
        | \`_ga\` | example.com | Analytics | 2 years |

        | Cookie | Domain | Purpose | Lifespan |
        | --- | --- | --- | --- |
        | \`ads\` | ads.example | Ads | 90 days |
      `,
      messages: ['5:31-5:37: Unexpected header `Expiry` for the duration column, expected `Lifespan` as in the other cookie tables']
    },
    {
      name: 'required.md',
      options: {required: ['name', 'purpose', 'category']},
      input: doc`
        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`sid\` | Keeps you signed in | Session |
      `,
      messages: ['1:1-1:31: Unexpected cookie table without a category column, expected a column such as `Category`']
    }
  ],
  check(tree, context) {
    const cookie = cookieTables(tree, context.source)
    const intro = introductions(tree, context.source)
    const rows = cookieRowsByTable(tree, context.source)
    for (const table of cookie) {
      const missing = context.options.required.filter(
        (entry) =>
          !entry.split('|').some((field) => table.fieldColumns.has(field as Field)) &&
          !(isProviderEntry(entry) && providerEvident(rows.get(table) ?? [], intro(table.range?.[0])))
      )
      if (missing.length === 0 || !table.header?.range) continue
      const names = missing.map((entry) =>
        entry
          .split('|')
          .map((field) => fieldWords[field as Field])
          .join(' or ')
      )
      const list = listOf(names)
      const samples = missing.map((entry) => fieldExamples[entry.split('|')[0] as Field])
      context.report({
        reason:
          `Unexpected cookie table without ${missing.length === 1 ? 'a ' : ''}${list} column${missing.length === 1 ? '' : 's'}, ` +
          `expected ${missing.length === 1 ? 'a column' : 'columns'} such as ${samples.join(' and ')}`,
        range: table.header.range
      })
    }
    for (const table of tables(tree, context.source)) emptyHeaders(table, context)
    // Record tables and lists carry a consent tool's labels, not headers a writer chose: only tables are compared.
    namedAlike(
      cookie.filter((table) => table.kind === 'gfm' || table.kind === 'html'),
      context
    )
  }
})
export default rule

function isProviderEntry(entry: string): boolean {
  return entry.split('|').every((field) => field === 'provider' || field === 'domain')
}

/**
 * Who sets the cookies is evident without a provider column when the table lists only the site's own cookies
 * (no known vendor cookie, no party cell says third party, the introduction does not speak of third parties),
 * or when each known vendor cookie's vendor is named in its row or in the heading or sentence that introduces
 * the table ("Google Analytics sets these cookies:").
 */
function providerEvident(rows: CookieRow[], introduction: string): boolean {
  const intro = introduction.toLowerCase()
  let vendors = 0
  for (const {row, partyCell, nameCell, names} of rows) {
    if (/\b(third|3rd)\b/i.test(partyCell?.text ?? '')) return false
    const rowText = row.cells
      .filter((cell) => cell !== nameCell)
      .map((cell) => cell.text)
      .join(' ')
      .toLowerCase()
    for (const name of names) {
      const known = lookup(reference(), name)
      if (!known) continue
      vendors++
      // The vendor named in the row (`Cloudflare Bot Management`) or above the table tells the reader who sets it.
      if (!namesOwner(intro, known.owner) && !namesOwner(rowText, known.owner)) return false
    }
  }
  return vendors > 0 || !/\bthird[- ]part(y|ies)\b/.test(intro)
}

function emptyHeaders(table: Table, context: RuleContext<Options>): void {
  const cells = table.header?.cells ?? []
  // A header of empty cells is a deliberate "no header" table; one empty cell among labelled ones is a gap.
  if (cells.every((cell) => cell.text === '')) return
  for (const [index, cell] of cells.entries()) {
    if (cell.text !== '' || !cell.range) continue
    const hasValues = table.rows.some((row) => (row.cells[index]?.text ?? '') !== '')
    if (!hasValues && !table.cookie) continue
    context.report({reason: `Unexpected empty header for column ${index + 1}, expected a label`, range: cell.range})
  }
}

/** The same field named differently across the document's cookie tables: report the minority names. */
function namedAlike(cookie: CookieTable[], context: RuleContext<Options>): void {
  const byField = new Map<Field, Array<{table: CookieTable; header: string; index: number}>>()
  for (const table of cookie) {
    for (const [field, index] of table.fieldColumns) {
      const header = table.columns[index].header.replace(/\s+/g, ' ').trim()
      const list = byField.get(field) ?? []
      list.push({table, header, index})
      byField.set(field, list)
    }
  }
  for (const [field, uses] of byField) {
    const counts = new Map<string, number>()
    for (const use of uses) counts.set(use.header.toLowerCase(), (counts.get(use.header.toLowerCase()) ?? 0) + 1)
    if (counts.size < 2) continue
    const sorted = [...counts].sort((a, b) => b[1] - a[1])
    // A tie has no majority: the first table's name is the one to follow.
    const preferred = sorted[0][1] === sorted[1][1] ? uses[0].header.toLowerCase() : sorted[0][0]
    const shown = uses.find((use) => use.header.toLowerCase() === preferred)!.header
    for (const use of uses) {
      if (use.header.toLowerCase() === preferred) continue
      const cell = use.table.header!.cells[use.index]
      const range = cell.contentRange ?? cell.range
      if (!range) continue
      context.report({
        reason: `Unexpected header \`${use.header}\` for the ${fieldWords[field]} column, expected \`${shown}\` as in the other cookie tables`,
        range,
        severity: 'warning'
      })
    }
  }
}
