/** HTML `<table>`s in Markdown: report them and convert them to GFM tables when nothing is lost. */
import {doc} from '../src/example.js'
import {convert, convertRecordRun, type ConvertOptions} from '../src/render/html-table-to-gfm.js'
import {cookieTables} from '../src/model/cookie-shapes.js'
import {tables, type HtmlTable} from '../src/model/tables.js'
import {lineOf} from '../src/model/source.js'
import {option} from '../src/options.js'
import {defineRule, type OptionsOf, type RuleContext} from '../src/rule.js'

export type Options = OptionsOf<typeof rule>

const rule = defineRule({
  meta: {
    id: 'no-html-table',
    description: 'Tables are written as GFM tables, not HTML `<table>`s',
    rationale:
      'An HTML table in a Markdown policy is hard to review and easy to break: a missing `</td>` shifts every ' +
      'column after it, Markdown inside the cells is not rendered, and diffs of cookie lists become unreadable. ' +
      'The fix rewrites the table as an aligned GFM table: `<thead>` (or a first row of `<th>`) becomes the header, ' +
      '`<code>`, `<a>`, `<strong>`/`<b>` and `<em>`/`<i>` become Markdown, `<br>` stays, `|` is escaped, and ' +
      'alignment comes from `align` or `text-align`. Presentational attributes (`class`, `style`, `width`, ' +
      '`border`…) are dropped, and styling-only wrappers (`<div class=\"table-wrapper\">`), `<colgroup>` widths, a ' +
      "visually hidden caption's hiding and `<p>` spacing in cells go with them: those fixes are *unsafe*, applied " +
      'by `--fix --unsafe-fixes` only, because a reader sees the difference. A `<caption>` becomes the paragraph ' +
      'above the table, comments between rows move above it, `<th>` cells in body rows become plain (or bold) cells, ' +
      'a table without a header row gets an empty one (`headerless`), and a table cut by blank lines is read whole. ' +
      'A run of record tables (one `Name:` / `Purpose:` / `Expires in:` table per cookie, as consent tools export ' +
      'them) becomes the one cookie table the page should have had: a row per cookie, a column per label. ' +
      "A list in a cell (`<ul>`/`<ol>`, or a Markdown list after a blank line) is written as HTML on the cell's line, " +
      '`<ul><li>…</li></ul>`, which GFM passes through as the same list: its items converted like any cell, nested ' +
      'lists too, `<ol start>` kept (unsafe only when its items were spaced as paragraphs). ' +
      'A table is reported without a fix when converting it would lose something: `colspan`/`rowspan`, a nested ' +
      'table, other block content in a cell (headings, code blocks, task lists), an `id` or `data-*` attribute, ' +
      'unclosed tags the HTML parser had ' +
      'to repair, or other content in the same HTML block. The fixed table is parsed again and every cell must read back the same. Tables that ' +
      'cannot be converted are reported once per document, at the first of them, with their count and the reason ' +
      'for each; convertible tables are reported (and fixed) one by one.',
    recommended: 'warn',
    fix: 'unsafe'
  },
  options: {
    headerless: option.oneOf({
      values: ['empty-header', 'first-row', 'keep'],
      default: 'empty-header',
      doc: "A table without a header row (`<thead>` or a first row of `<th>`): `'empty-header'` writes an empty header row above its rows (an unsafe fix: the empty row shows), `'first-row'` makes its first row the header, `'keep'` leaves it alone."
    }),
    rowHeaders: option.oneOf({
      values: ['plain', 'bold'],
      default: 'plain',
      doc: "`<th>` cells in body rows become `'plain'` cells or `'bold'` ones (an unsafe fix either way: their look changes)."
    })
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
        | Cookie | Purpose                 | Expires |
        | ------ | ----------------------- | ------- |
        | \`sid\`  | Keeps you signed in     | Session |
      `
    },
    {
      name: 'invalid.md',
      input: doc`
        The cookies we set:

        <table>
          <thead>
            <tr><th>Cookie</th><th>Purpose</th><th align="right">Expires</th></tr>
          </thead>
          <tbody>
            <tr><td><code>sid</code></td><td>Keeps you <strong>signed in</strong></td><td align="right">Session</td></tr>
            <tr><td><code>_ga<br>_gid</code></td><td>Counts visits (see <a href="https://policies.google.com/technologies/cookies">Google</a>)</td><td align="right">2 years<br>24 hours</td></tr>
          </tbody>
        </table>
      `,
      messages: ['3:1-11:9: Unexpected HTML table, expected a GFM table'],
      fixed: doc`
        The cookies we set:

        | Cookie          | Purpose                                                                        |             Expires |
        | --------------- | ------------------------------------------------------------------------------ | ------------------: |
        | \`sid\`           | Keeps you **signed in**                                                        |             Session |
        | \`_ga\`<br>\`_gid\` | Counts visits (see [Google](https://policies.google.com/technologies/cookies)) | 2 years<br>24 hours |
      `
    },
    {
      name: 'design-system.md',
      description:
        'Styling (`class`, a styling-only wrapper, `<colgroup>` widths) is dropped only by an unsafe fix; a caption ' +
        'becomes the paragraph above the table.',
      input: doc`
        <div class="table-wrapper">
        <table class="govuk-table">
          <caption class="govuk-table__caption">Essential cookies</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Expires</th></tr></thead>
          <tbody><tr class="govuk-table__row"><td>cookie_consent</td><td>1 year</td></tr></tbody>
        </table>
        </div>
      `,
      messages: ['1:1-7:7: Unexpected HTML table, expected a GFM table'],
      unsafeFixed: doc`
        Essential cookies

        | Name           | Expires |
        | -------------- | ------- |
        | cookie_consent | 1 year  |
      `
    },
    {
      name: 'colspan.md',
      description: 'A cell spanning two columns has no GFM equivalent, so the table is reported without a fix.',
      input: doc`
        <table>
        <tr><th>Cookie</th><th>Expires</th></tr>
        <tr><td colspan="2">None yet</td></tr>
        </table>
      `,
      messages: ['1:1-4:9: Unexpected HTML table, expected a GFM table']
    },
    {
      name: 'headerless.md',
      options: {headerless: 'first-row'},
      input: doc`
        <table>
        <tr><td>Data</td><td>Kept for</td></tr>
        <tr><td>Logs</td><td>30 days</td></tr>
        </table>
      `,
      messages: ['1:1-4:9: Unexpected HTML table, expected a GFM table'],
      fixed: doc`
        | Data | Kept for |
        | ---- | -------- |
        | Logs | 30 days  |
      `
    }
  ],
  check(tree, context) {
    const reason = 'Unexpected HTML table, expected a GFM table'
    // Tables that cannot be converted are reported once per document: a consent-tool export holds hundreds.
    const refused: Array<{table: HtmlTable; why: string}> = []
    const fixed: Array<{start: number; report: () => void}> = []
    const htmlTables = tables(tree, context.source).filter((table): table is HtmlTable => table.kind === 'html')
    // A run of record tables (one per cookie, as consent tools export them) becomes one cookie table.
    const inRuns = new Set<HtmlTable>()
    for (const group of cookieTables(tree, context.source)) {
      if (group.kind !== 'record') continue
      const outcome = convertRecordRun(group, htmlTables, tree, context)
      if (!outcome || 'refusal' in outcome) continue
      for (const table of outcome.tables) inRuns.add(table)
      const text =
        outcome.tables.length === 1
          ? 'Unexpected HTML record table, expected a GFM table'
          : `Unexpected ${outcome.tables.length} HTML record tables, expected one GFM table`
      fixed.push({
        start: outcome.range[0],
        report: () => context.report({reason: text, fix: {range: outcome.range, text: outcome.text}, unsafe: outcome.unsafe})
      })
    }
    for (const table of htmlTables) {
      if (inRuns.has(table)) continue
      if (!table.range) {
        refused.push({table, why: 'its position in the source is unknown'})
        continue
      }
      const outcome = convert(table, context)
      if ('refusal' in outcome) refused.push({table, why: outcome.refusal})
      else
        fixed.push({
          start: outcome.range[0],
          report: () => context.report({reason, fix: {range: outcome.range, text: outcome.text}, unsafe: outcome.unsafe})
        })
    }
    // Reports stay in document order: the grouped one goes where its first table is.
    fixed.sort((a, b) => a.start - b.start)
    const firstRefused = refused[0]?.table.range?.[0] ?? Infinity
    for (const {start, report} of fixed) if (start < firstRefused) report()
    reportRefused(refused, context, reason)
    for (const {start, report} of fixed) if (start >= firstRefused) report()
  }
})
export default rule

function reportRefused(refused: Array<{table: HtmlTable; why: string}>, context: RuleContext<Options>, reason: string): void {
  if (refused.length === 0) return
  const [first, second] = refused
  const where = first.table.range ? {range: first.table.range} : {node: first.table.node}
  if (refused.length === 1) {
    context.report({reason, ...where, note: 'Not fixed: ' + first.why})
    return
  }
  const byReason = new Map<string, number[]>()
  for (const {table, why} of refused) {
    const start = table.range?.[0]
    const line = start === undefined ? (table.node.position?.start.line ?? 0) : lineOf(context.source, start)
    byReason.set(why, [...(byReason.get(why) ?? []), line])
  }
  const lines = [...byReason].map(([why, at]) => `- ${why} (${at.length === 1 ? 'line' : 'lines'} ${listLines(at)})`)
  context.report({
    reason: `Unexpected ${refused.length} HTML tables that cannot be converted, expected GFM tables`,
    ...where,
    note: `Not fixed: ${refused.length} tables keep something a GFM table cannot hold:\n` + lines.join('\n'),
    cause: second.table.range ? context.evidence('Another HTML table that cannot be converted: ' + second.why, second.table.range) : undefined
  })
}

function listLines(lines: number[]): string {
  const shown = lines.slice(0, 20).join(', ')
  return lines.length > 20 ? `${shown} and ${lines.length - 20} more` : shown
}
