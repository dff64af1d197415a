/** A GFM table re-rendered with aligned columns, each cell's content verbatim: the fix of `table-format`. */
import {markdownTable} from 'markdown-table'
import type {GfmTable} from '../model/tables.js'
import {splitCells} from '../model/table-lines.js'

/** The table re-rendered with markdown-table, each cell's content verbatim; undefined when that cannot be done. */
export function renderTable(table: GfmTable, source: string): string | undefined {
  const rows: string[][] = []
  for (const row of [table.header!, ...table.rows]) {
    const cells: string[] = []
    for (const cell of row.cells) {
      if (!cell.contentRange) {
        if ((cell.children ?? []).length > 0) return undefined
        cells.push('')
        continue
      }
      const content = source.slice(cell.contentRange[0], cell.contentRange[1])
      if (/[\r\n]/.test(content)) return undefined
      cells.push(content.replace(/\t/g, ' '))
    }
    rows.push(cells)
  }
  const align = (table.node.align ?? []).map((a) => (a === 'left' ? 'l' : a === 'right' ? 'r' : a === 'center' ? 'c' : ''))
  const markdown = markdownTable(rows, {align})
  return readsBack(rows, align, markdown) ? markdown : undefined
}

/**
 * The rendered table splits into exactly the cells it was given, with the given alignment. GFM splits a row at
 * its unescaped pipes before any inline parsing, so identical cell strings parse to identical content; checking
 * the strings keeps this linear where re-parsing a big table with micromark costs as much as the document did.
 */
function readsBack(rows: string[][], align: string[], markdown: string): boolean {
  const lines = markdown.split('\n')
  if (lines.length !== rows.length + 1) return false
  const delimiter = splitCells(lines[1]).map((cell) => cell.trim())
  const expectedDelimiter = align.map((a) => (a === 'l' ? /^:-+$/ : a === 'r' ? /^-+:$/ : a === 'c' ? /^:-+:$/ : /^-+$/))
  if (delimiter.length !== rows[0].length || !delimiter.every((cell, index) => (expectedDelimiter[index] ?? /^-+$/).test(cell))) {
    return false
  }
  return rows.every((cells, index) => {
    const line = lines[index === 0 ? 0 : index + 1]
    if (!line.startsWith('|')) return false
    const written = splitCells(line).map((cell) => cell.trim())
    return written.length === cells.length && written.every((cell, cellIndex) => cell === cells[cellIndex].trim())
  })
}
