/** `no-html-table` loses no word: every converted cell reads back the same text; every other table says why. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import * as cheerio from 'cheerio'
import type {List, Root, RootContent, Table} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {test} from 'uvu'
import noHtmlTable from '../rules/no-html-table.js'
import {fixText, lintText} from './lint-helpers.js'
import {hasShared, root, shared} from './paths.js'
import {unlessMissing} from './skip.js'

const gfm = unified().use(remarkParse).use(remarkGfm)

/** Words of an HTML cell, read with cheerio on its own (a `<br>`, or the edge of a paragraph or a list item, separates words). */
function htmlWords(html: string, index = 0): string[][][] {
  const $ = cheerio.load(html, null, false)
  $('br').replaceWith(' ')
  $('ul, ol, li, p').before(' ').after(' ')
  return $('table')
    .eq(index)
    .find('tr')
    .toArray()
    .map((row) =>
      $(row)
        .children('td, th')
        .toArray()
        .map((cell) => words($(cell).text()))
    )
}

/** Words of a GFM cell as remark-gfm parses it (a `<br>` or a list's tag, which starts a line, separates words). */
function cellText(node: RootContent): string {
  if (node.type === 'html') return /^<br\s*\/?>$/i.test(node.value) || /^<\/?(?:ul|ol|li)(?=[\s>])/i.test(node.value) ? ' ' : ''
  if ('value' in node) return node.value
  if ('children' in node) return (node.children as RootContent[]).map(cellText).join('')
  return ''
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean)
}

function allTables(node: Root | RootContent): Table[] {
  if (node.type === 'table') return [node]
  return 'children' in node ? (node.children as RootContent[]).flatMap(allTables) : []
}

/**
 * The source of a fixed range as GitHub renders it: Markdown between its HTML blocks (a cell's content after a
 * blank line) becomes its text, so its words compare with the converted cell's.
 */
function rendered(source: string, range: [number, number]): string {
  const tree = gfm.parse(source) as Root
  let out = ''
  let at = range[0]
  let quoted = false
  const visit = (node: Root | RootContent) => {
    const start = node.position!.start.offset!
    const end = node.position!.end.offset!
    if (end <= range[0] || start >= range[1]) return
    // A Markdown list inside a cell renders as an HTML list there.
    if (node.type === 'list' && start >= range[0] && end <= range[1]) {
      out += source.slice(at, start) + listHtml(node)
      at = end
      return
    }
    if (node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      if (node.type === 'blockquote') quoted = true
      for (const child of node.children) visit(child)
      return
    }
    // An indented tag after a blank line is a code block to Markdown and still HTML to the table.
    if (start < range[0] || end > range[1] || node.type === 'html' || (node.type === 'code' && /^\s*</.test(node.value))) return
    out += source.slice(at, start) + cellText(node).replace(/&/g, '&amp;').replace(/</g, '&lt;')
    at = end
  }
  visit(tree)
  out += source.slice(at, range[1])
  // In a block quote every line carries its `>`, which is not the table's.
  return quoted ? out.replace(/^[ \t]*>/gm, '') : out
}

/** A Markdown list as HTML: its items' paragraphs as text, nested lists alike. */
function listHtml(list: List): string {
  const items = list.children.map(
    (item) =>
      '<li>' +
      item.children
        .map((child) => (child.type === 'list' ? listHtml(child) : ' ' + cellText(child).replace(/&/g, '&amp;').replace(/</g, '&lt;') + ' '))
        .join('') +
      '</li>'
  )
  return `<${list.ordered ? 'ol' : 'ul'}>${items.join('')}</${list.ordered ? 'ol' : 'ul'}>`
}

interface Outcome {
  converted: number
  refused: Map<string, number>
}

/** Apply each table's fix alone and compare the cells' words with the original HTML's. */
async function checkDocument(name: string, input: string, outcome: Outcome, options?: unknown): Promise<void> {
  const file = await lintText(input, {rule: noHtmlTable, options})
  const source = input.replace(/^\uFEFF/, '')
  for (const message of file.messages) {
    if (!message.fix) {
      assert.match(message.note ?? '', /^Not fixed: /, `${name}: a table left alone says why`)
      // Several refused tables are one message: one note line per reason, with the tables' lines.
      const [head, ...grouped] = message.note!.slice('Not fixed: '.length).split('\n')
      const reasons =
        grouped.length === 0
          ? [[head, 1] as const]
          : grouped.map((line) => {
              const match = /^- (.*) \(lines? ([^)]*)\)$/.exec(line)
              assert.ok(match, `${name}: a grouped refusal names its lines: ${line}`)
              const more = /and (\d+) more$/.exec(match[2])
              return [match[1], match[2].split(',').length + (more ? Number(more[1]) : 0)] as const
            })
      for (const [reason, count] of reasons) outcome.refused.set(reason, (outcome.refused.get(reason) ?? 0) + count)
      continue
    }
    const {range, text} = message.fix
    const original = rendered(source, range)
    const fixed = source.slice(0, range[0]) + text + source.slice(range[1])
    const tree = gfm.parse(fixed) as Root
    if (/record table/.test(message.reason)) {
      checkRecordRun(name, original, tree, range[0])
      outcome.converted++
      continue
    }
    // In a list item or block quote the table is nested.
    const table = allTables(tree).find((node) => node.position!.start.offset! >= range[0] && node.position!.start.offset! <= range[0] + text.length)
    assert.ok(table, `${name}: the fix produced a GFM table at ${message.line}:${message.column}`)
    // The converted table is the one after the HTML tables the fix keeps before it (two tables may share an HTML block).
    const kept = (text.slice(0, Math.max(0, text.search(/^\|/m))).match(/<table[\s>]/gi) ?? []).length
    const expected = htmlWords(original, kept).filter((row) => row.length > 0)
    let actual = table.children.map((row) => row.children.map((cell) => words(cellText(cell))))
    // A table without a header row gets an empty one (`headerless: 'empty-header'`): it holds no words.
    if (actual.length === expected.length + 1 && actual[0].every((cell) => cell.length === 0)) actual = actual.slice(1)
    assert.equal(actual.length, expected.length, `${name}: same number of rows`)
    for (const [rowIndex, row] of expected.entries()) {
      for (const [cellIndex, cell] of row.entries()) {
        assert.deepEqual(actual[rowIndex][cellIndex], cell, `${name}: row ${rowIndex + 1}, cell ${cellIndex + 1} keeps its words`)
      }
      for (const extra of actual[rowIndex].slice(row.length)) assert.deepEqual(extra, [], `${name}: padding cells are empty`)
    }
    outcome.converted++
  }
  // Fixing the whole document (unsafe fixes too) converts every fixable table and settles.
  const all = await fixText(input, {rule: noHtmlTable, options}, true)
  assert.ok(all.converged, `${name}: fixing settles`)
  const after = await lintText(all.output, {rule: noHtmlTable, options})
  assert.ok(
    after.messages.every((message) => !message.fix),
    `${name}: no fixable table remains`
  )
}

/** A run of record tables: every value keeps its words, in the same order, as the body of one table. */
function checkRecordRun(name: string, original: string, tree: Root, start: number): void {
  const $ = cheerio.load(original, null, false)
  $('br').replaceWith(' ')
  const values = $('table')
    .toArray()
    .flatMap((table) =>
      $(table)
        .find('tr')
        .toArray()
        .map((row) => words($(row).children('td, th').eq(1).text()))
    )
    .flat()
  const labels = $('table')
    .find('tr')
    .toArray()
    .map((row) => $(row).children('td, th').eq(0).text().replace(/:\s*$/, '').trim())
  const table = tree.children.find((node): node is Table => node.type === 'table' && node.position!.start.offset! >= start)
  assert.ok(table, `${name}: the record tables became a GFM table`)
  const [head, ...body] = table.children
  const header = head.children.map((cell) => cellText(cell).trim())
  for (const label of labels) assert.ok(header.includes(label), `${name}: the label \`${label}\` is a column`)
  // Row by row, cells in the header's order: compare the words as a sorted list, since columns follow first-seen labels.
  const kept = body.flatMap((row) => row.children.flatMap((cell) => words(cellText(cell))))
  assert.deepEqual([...kept].sort(), [...values].sort(), `${name}: every value keeps its words`)
}

test('fixtures: every converted cell keeps its words', async () => {
  const outcome: Outcome = {converted: 0, refused: new Map()}
  const folder = path.join(root, 'fixtures', 'no-html-table')
  for (const name of fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md') && !name.endsWith('.unsafe-fixed.md'))) {
    const optionsFile = path.join(folder, name.replace(/\.md$/, '.options.json'))
    const options = fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : undefined
    await checkDocument(name, fs.readFileSync(path.join(folder, name), 'utf8'), outcome, options)
  }
  assert.ok(outcome.converted >= 2, 'some fixture tables are converted')
  assert.ok(outcome.refused.size >= 8, 'the refusals are covered')
})

unlessMissing(test, !hasShared && '../shared is absent (seeds and corpus)')(
  'seeds and corpus: every HTML table is converted with its words or left alone with a reason',
  async () => {
    const outcome: Outcome = {converted: 0, refused: new Map()}
    const files = [
      ...fs.readdirSync(path.join(shared, 'corpus')).map((name) => path.join(shared, 'corpus', name)),
      ...fs.readdirSync(path.join(shared, 'seeds')).map((name) => path.join(shared, 'seeds', name))
    ]
    for (const file of files) await checkDocument(path.basename(file), fs.readFileSync(file, 'utf8'), outcome)
    if (process.env.POLICYLINT_REPORT) {
      console.log(`\n  HTML tables converted: ${outcome.converted}`)
      for (const [reason, count] of outcome.refused) console.log(`  left alone (${count}): ${reason}`)
    }
    assert.ok(outcome.converted > 0)
  }
)

const convivio = path.join(shared, 'seeds', '002_1fc46af3569a394d.txt')
unlessMissing(test, !(hasShared && fs.existsSync(convivio)) && '../shared/seeds is absent')(
  'seed 002 (Convivio): the HTML table becomes a GFM table with code spans joined by `<br>`',
  async () => {
    const file = convivio
    const input = fs.readFileSync(file, 'utf8')
    const outcome = await fixText(input, {rule: noHtmlTable})
    assert.ok(!/<table/i.test(outcome.output), 'no HTML table is left')
    const tree = gfm.parse(outcome.output) as Root
    const tables = tree.children.filter((node): node is Table => node.type === 'table')
    assert.equal(tables.length, 1)
    const [head, ...rows] = tables[0].children
    assert.deepEqual(
      head.children.map((cell) => cellText(cell)),
      ['Name', 'Type', 'Purpose']
    )
    assert.equal(rows.length, 5)
    assert.match(outcome.output, /\| `__utma`<br>`_ga`<br>`_gali`<br>`_gid`<br>`_gat_microcdn` +\|/)
    const again = await fixText(outcome.output, {rule: noHtmlTable})
    assert.equal(again.output, outcome.output, 'the fixed document is a fixed point')
  }
)

test.run()
