/**
 * The source lines of GFM tables, and lines that look like them: where the separating pipes are, the cells a line
 * splits into, whether a table's pipes and padding are aligned, whether a line reads as a table row, and the runs of
 * such lines in a paragraph.
 */

/** Positions of the pipes that separate cells (not escaped). */
export function pipes(line: string): number[] {
  const found: number[] = []
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '\\') index++
    else if (line[index] === '|') found.push(index)
  }
  return found
}

/**
 * Ragged: pipes used unevenly (some rows with outer pipes, some without), or a row that is neither aligned with
 * the header (same pipe positions) nor compact (every cell padded by one space, or by none). The delimiter row
 * may take any shape GFM accepts.
 */
export function ragged(lines: string[]): boolean {
  const trimmed = lines.map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
  const leading = trimmed.map((line) => line.startsWith('|'))
  const trailing = trimmed.map((line) => line.endsWith('|') && !line.endsWith('\\|'))
  if (new Set(leading).size > 1 || new Set(trailing).size > 1) return true
  const framed = trimmed.map((line, index) => (leading[index] ? '' : '| ') + line + (trailing[index] ? '' : ' |'))
  const header = pipes(framed[0]).join(',')
  const spaced = (cell: string) => /^ {1,2}$/.test(cell) || /^ [^ ](.*[^ ])? $/.test(cell)
  const tight = (cell: string) => cell === '' || /^[^ ](.*[^ ])?$/.test(cell)
  const rows = framed.filter((_, index) => index !== 1)
  const fits = (test: (cell: string) => boolean) => rows.every((line) => pipes(line).join(',') === header || splitCells(line).every(test))
  return !(fits(spaced) || fits(tight))
}

/** In a table whose other rows are aligned, a delimiter row that is neither aligned nor uniformly compact. */
export function delimiterOutOfShape(lines: string[]): boolean {
  if (lines.length < 3) return false
  const trimmed = lines.map((line) => line.trim())
  const header = pipes(trimmed[0]).join(',')
  if (!trimmed.every((line, index) => index === 1 || pipes(line).join(',') === header)) return false
  const delimiter = trimmed[1]
  if (pipes(delimiter).join(',') === header) return false
  const cells = splitCells(delimiter.startsWith('|') ? delimiter : '| ' + delimiter + ' |')
  return !(cells.every((cell) => /^:?-+:?$/.test(cell)) || cells.every((cell) => /^ :?-+:? $/.test(cell)))
}

/** The cells of a line, split at its unescaped pipes; what is outside leading and trailing pipes dropped. */
export function splitCells(line: string): string[] {
  const positions = pipes(line)
  const cells: string[] = []
  let start = 0
  for (const position of positions) {
    cells.push(line.slice(start, position))
    start = position + 1
  }
  cells.push(line.slice(start))
  // Drop the outside of leading and trailing pipes.
  if (line.startsWith('|')) cells.shift()
  if (line.endsWith('|') && !line.endsWith('\\|')) cells.pop()
  return cells
}

/** A GFM delimiter row: `| --- | :-: |`. */
export const delimiterRow = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/

/** A line's content without block quote markers. */
export function stripQuote(line: string): string {
  return line.replace(/^(?:[ \t]*>)+/, '')
}

/** A line that reads as a table row: it starts and ends with a pipe and holds at least two cells. */
export function rowLike(line: string): boolean {
  const content = stripQuote(line).trim()
  return content.startsWith('|') && content.endsWith('|') && !content.endsWith('\\|') && splitCells(content).length >= 2
}

/** Consecutive lines of a paragraph that read as table rows. */
export interface RowRun {
  /** From the first row's first pipe to the end of the last row's text. */
  range: [number, number]
  /** The first row's cells. */
  cells: number
  rows: number
  /** The run starts at the paragraph's first line. */
  first: boolean
}

/** The runs of row-like lines among a paragraph's lines (split from `source` at `start`), in order. */
export function* rowRuns(lines: readonly string[], start: number, source: string): Generator<RowRun> {
  let offset = start
  let run: RowRun | undefined
  for (const [index, line] of lines.entries()) {
    const lineStart = offset
    // `split` dropped the line ending: `\r\n` or `\n`.
    offset += line.length + (source.charAt(offset + line.length) === '\r' ? 2 : 1)
    if (rowLike(line)) {
      const end = lineStart + line.trimEnd().length
      if (!run) {
        const cells = splitCells(stripQuote(line).trim()).length
        run = {range: [lineStart + (line.length - stripQuote(line).trimStart().length), end], cells, rows: 0, first: index === 0}
      }
      run.range[1] = end
      run.rows++
      if (index < lines.length - 1) continue
    }
    if (run) yield run
    run = undefined
  }
}
