/** GFM tables are well formed: no tabs, consistent pipes and padding, a cell count that matches the header. */
import type {Paragraph, RootContent, Table} from 'mdast'
import {visitParents} from 'unist-util-visit-parents'
import {doc} from '../src/example.js'
import type {Range} from '../src/model/source.js'
import {delimiterOutOfShape, delimiterRow, ragged, rowRuns, splitCells, stripQuote} from '../src/model/table-lines.js'
import {tables, type GfmTable} from '../src/model/tables.js'
import {renderTable} from '../src/render/gfm-table.js'
import {defineRule, type NoOptions, type RuleContext} from '../src/rule.js'

export default defineRule({
  meta: {
    id: 'table-format',
    description: 'GFM tables are well formed: no tabs, consistent pipes and padding, as many cells per row as the header',
    rationale:
      'Off in the recommended preset: on real pages it was not tuned on, 2 of 7 of its judged findings were worth a ' +
      "writer's time (`eval/verdicts/holdout-after.tsv`), short of the 85% a rule needs to be on by default. Turn it " +
      "on with one line in the configuration's `plugins`: `[tableFormat, ['error']]` (import it from `policylint/rules`). " +
      'Cookie tables are edited by many hands and copied between tools. Tabs render at different widths in every ' +
      'editor, ragged pipes make a diff of one changed lifetime touch the whole table, and a row with more or fewer ' +
      'cells than the header is silently padded or cut when the page is rendered: a dropped `Provider` cell moves ' +
      'every value after it into the wrong column. Formatting problems are fixed by re-rendering the table with ' +
      'aligned columns, cell content kept verbatim. A row with the wrong number of cells is an error without a ' +
      'fix, since moving data between columns is never safe. A row whose cells are all blank is reported (a value ' +
      'lost in editing, or a spacer that GFM renders as an empty band). Lines that look like a table but are not ' +
      'parsed as one are reported too: the header and delimiter rows disagree, rows that start and end with a ' +
      'pipe have no delimiter row at all, or rows are cut off from the table above by a blank line (GFM renders ' +
      'them as a paragraph of pipes).',
    recommended: 'off',
    fix: 'safe'
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
        | Cookie | Expires |
        | ------ | ------- |
        | \`sid\`  | Session |

        | Cookie | Expires |
        | --- | --- |
        | \`consent\` | 6 months |
      `
    },
    {
      name: 'tabs.md',
      input: doc`
        | Cookie\t| Expires\t|
        |---\t|---\t|
        | \`sid\`\t| Session\t|
      `,
      messages: ['1:1-3:20: Unexpected tab in a table, expected spaces'],
      fixed: doc`
        | Cookie | Expires |
        | ------ | ------- |
        | \`sid\`  | Session |
      `
    },
    {
      name: 'cells.md',
      description: 'A row with an extra cell: the provider was typed into the wrong place. Reported, never moved.',
      input: doc`
        | Cookie | Expires |
        | ------ | ------- |
        | \`_ga\` | Google | 2 years |
      `,
      messages: ['3:1-3:29: Unexpected 3 cells in a row, expected 2 like the header']
    },
    {
      name: 'not-a-table.md',
      input: doc`
        | Cookie | Purpose | Expires |
        | --- | --- |
        | \`sid\` | Sign-in | Session |
      `,
      messages: [
        '1:1-3:30: Unexpected pipe-separated lines that are not a table, expected a delimiter row with as many cells as the header (3, not 2)'
      ]
    },
    {
      name: 'no-delimiter.md',
      description: 'Without a delimiter row, the lines render as one paragraph. A single line with pipes in prose is left alone.',
      input: doc`
        Choose | Accept | or | Reject | in the banner.

        | Cookie | Expires |
        | \`sid\` | Session |
      `,
      messages: [
        '3:1-4:20: Unexpected pipe-separated lines without a delimiter row, expected a delimiter row such as `| --- | --- |` after the header'
      ]
    },
    {
      name: 'empty-row.md',
      input: doc`
        | Cookie | Expires |
        | ------ | ------- |
        | \`sid\`  | Session |
        |        |         |
        | \`lang\` | 1 year  |
      `,
      messages: ['4:1-4:21: Unexpected empty table row, expected a value in at least one cell']
    }
  ],
  check(tree, context) {
    for (const table of tables(tree, context.source)) {
      if (table.kind === 'gfm') checkTable(table, context)
    }
    visitParents(tree, 'paragraph', (node, ancestors) => {
      const siblings = ancestors[ancestors.length - 1].children as RootContent[]
      const previous = siblings[siblings.indexOf(node) - 1]
      checkParagraph(node, context, previous?.type === 'table' ? previous : undefined)
    })
  }
})

function checkTable(table: GfmTable, context: RuleContext<NoOptions>): void {
  const {node} = table
  const range = table.range
  if (!range) return
  const width = node.align?.length ?? table.header?.cells.length ?? 0
  let miscounted = false
  let templated = false
  const runs: Array<{count: number; range: Range; rows: number; next: number}> = []
  for (const [index, row] of table.rows.entries()) {
    // A template tag on its own line (`{% endif %}`) is gone before Markdown is rendered.
    if (row.cells.length === 1 && /^(\{%.*%\}|\{\{.*\}\})$/.test(row.cells[0].text)) {
      templated = true
      continue
    }
    // A row of blank cells reads as a gap in the table: a value lost in editing, or a spacer GFM cannot style.
    if (row.cells.length === width && width > 0 && row.range && row.cells.every((cell) => cell.text.trim() === '')) {
      context.report({
        reason: 'Unexpected empty table row, expected a value in at least one cell',
        range: row.range,
        severity: 'warning',
        note: 'Not fixed: fill the row in or delete it'
      })
    }
    if (row.cells.length !== width && row.range) {
      miscounted = true
      // Consecutive rows with the same wrong count are one mistake: usually one cell written over several lines.
      const last = runs[runs.length - 1]
      if (last && last.count === row.cells.length && last.next === index) {
        last.range = [last.range[0], row.range[1]]
        last.rows++
        last.next = index + 1
      } else {
        runs.push({count: row.cells.length, range: row.range, rows: 1, next: index + 1})
      }
    }
  }
  for (const run of runs) {
    const cells = `${run.count} cell${run.count === 1 ? '' : 's'}`
    context.report({
      reason:
        run.rows === 1
          ? `Unexpected ${cells} in a row, expected ${width} like the header`
          : `Unexpected ${cells} in ${run.rows} consecutive rows, expected ${width} like the header`,
      range: run.range,
      note:
        run.rows === 1
          ? 'Not fixed: moving data between columns is never safe'
          : 'Not fixed: moving data between columns is never safe. A GFM row is one line: a cell written over several lines needs `<br>` between them'
    })
  }
  // Templates (Liquid, Jinja) own such tables: the Markdown is what remains after they run.
  if (templated) return
  const text = context.source.slice(range[0], range[1])
  const lines = text.split(/\r?\n/)
  let reason: string | undefined
  if (text.includes('\t')) reason = 'Unexpected tab in a table, expected spaces'
  else if (ragged(lines)) reason = 'Unexpected ragged table, expected aligned pipes and padding'
  else if (delimiterOutOfShape(lines)) reason = 'Unexpected delimiter row out of shape, expected it aligned with the header'
  if (!reason) return
  const severity = 'warning' as const
  const parent = table.ancestors[table.ancestors.length - 1]
  const lineStart = context.source.lastIndexOf('\n', range[0] - 1) + 1
  // Re-rendering would move data: the cell-count errors come first.
  if (miscounted) return
  if (parent.type !== 'root' || context.source.slice(lineStart, range[0]).trim() !== '' || lineStart !== range[0]) {
    context.report({reason, range, severity, note: 'Not fixed: the table is indented or inside a list item or block quote'})
    return
  }
  const rendered = renderTable(table, context.source)
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  if (!rendered) {
    context.report({reason, range, severity, note: 'Not fixed: the re-rendered table would not read back the same'})
    return
  }
  context.report({reason, severity, fix: {range, text: rendered.replace(/\n/g, eol)}})
}

/** A paragraph whose first lines look like a table header and delimiter row that GFM rejected. */
function checkParagraph(node: Paragraph, context: RuleContext<NoOptions>, tableAbove: Table | undefined): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  const lines = context.source.slice(start, end).split(/\r?\n/)
  if (!lines.some((line) => delimiterRow.test(stripQuote(line)) && line.includes('|'))) {
    checkMissingDelimiter(lines, start, context, tableAbove)
    return
  }
  if (lines.length < 2) return
  const [head, delimiter] = lines
  if (!/^\s*\|/.test(head) || !delimiterRow.test(delimiter) || !delimiter.includes('|')) return
  const headCells = splitCells(head.trim()).length
  const delimiterCells = splitCells(delimiter.trim()).length
  if (headCells === delimiterCells) return
  context.report({
    reason: `Unexpected pipe-separated lines that are not a table, expected a delimiter row with as many cells as the header (${headCells}, not ${delimiterCells})`,
    node
  })
}

/**
 * Two or more lines that read as table rows in a paragraph without a delimiter row: GFM renders them as one
 * paragraph of pipes. Reported at the first run of such lines.
 */
function checkMissingDelimiter(lines: string[], start: number, context: RuleContext<NoOptions>, tableAbove: Table | undefined): void {
  const width = tableAbove?.align?.length
  for (const run of rowRuns(lines, start, context.source)) {
    // Rows right under a table with as many columns were cut off from it by a blank line.
    if (run.first && width !== undefined && width === run.cells) {
      context.report({
        reason: `Unexpected table row${run.rows === 1 ? '' : 's'} cut off from the table above, expected no blank line between the rows of a table`,
        range: run.range,
        note: 'A blank line ends a GFM table: the rows after it render as a paragraph of text and pipes'
      })
      return
    }
    if (run.rows >= 2) {
      const delimiter = '| ' + Array.from({length: run.cells}, () => '---').join(' | ') + ' |'
      context.report({
        reason: `Unexpected pipe-separated lines without a delimiter row, expected a delimiter row such as \`${delimiter}\` after the header`,
        range: run.range,
        note: 'Without a delimiter row the lines are not a table: they render as one paragraph of text and pipes'
      })
      return
    }
  }
}
