/**
 * `stylish`: vfile-reporter's layout (file, then `place severity reason rule source`, with `[cause]`, `[url]` and
 * `[note]`), wrapped to the terminal's width: a reason that does not fit continues under itself, and the rule goes
 * to the end of its last line or, when that is full, to a line of its own. No line is padded past the width.
 * vfile-reporter measures every cell with string-width, which took 11 of 14 seconds on the benchmark's 1,000 files;
 * this measures ASCII with `.length` and only other text character by character.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {filePathOf, inPositionOrder} from './shared.js'

declare module 'vfile' {
  interface DataMap {
    /** Set by `--fix-dry-run` on a file it changed: the report's positions are in the fixed text. */
    fixedPositions: boolean
  }
}

/** The width when the output is not a terminal or the terminal does not say. */
export const defaultWidth = 80

export interface StylishOptions {
  color: boolean
  /** Columns to wrap to (the terminal's); `defaultWidth` when absent. */
  width?: number
}

export function stylish(files: readonly VFile[], options: StylishOptions): string {
  const width = options.width && options.width > 0 ? Math.floor(options.width) : defaultWidth
  const paint = (code: string, text: string) => (options.color && text ? `\u001B[${code}m${text}\u001B[39m` : text)
  const bold = (text: string) => (options.color ? `\u001B[1m${text}\u001B[22m` : text)
  const out: string[] = []
  let errors = 0
  let warnings = 0
  for (const file of files) {
    if (file.messages.length === 0) continue
    if (out.length > 0) out.push('')
    out.push(options.color ? `\u001B[4m${filePathOf(file)}\u001B[24m` : filePathOf(file))
    if (file.data.fixedPositions) out.push(paint('2', 'Positions are in the fixed text'))
    const rows = inPositionOrder(file.messages).map((message) => {
      const error = message.fatal === true
      if (error) errors++
      else warnings++
      return {
        message,
        place: placeOf(message),
        severity: error ? 'error' : 'warning',
        rule: message.ruleId ?? '',
        source: message.source ?? '',
        reason: firstLine(message.reason)
      }
    })
    const widest = (values: string[]) => Math.max(0, ...values.map(textWidth))
    const placeWidth = widest(rows.map((row) => row.place))
    const severityWidth = widest(rows.map((row) => row.severity))
    const indent = placeWidth + 1 + severityWidth + 1
    // Reasons wrap within what the place and severity leave.
    const available = Math.max(width - indent, 20)
    // When every finding fits on one line, rule ids line up after the longest reason, as in vfile-reporter;
    // otherwise each rule follows its reason, or takes a line of its own when the reason's last line is full.
    const ruleWidth = widest(rows.map((row) => row.rule))
    const reasonWidth = widest(rows.map((row) => row.reason))
    const aligned = reasonWidth + 1 + widest(rows.map((row) => (row.source ? row.rule.padEnd(ruleWidth) + ' ' + row.source : row.rule))) <= available
    for (const row of rows) {
      const tail = row.source ? (aligned ? row.rule.padEnd(ruleWidth) : row.rule) + ' ' + row.source : row.rule
      const lines = aligned ? [row.reason + ' '.repeat(reasonWidth - textWidth(row.reason))] : wrap(row.reason, available)
      // Two spaces between a wrapped reason and its rule, so that the rule does not read as the reason's last word.
      const gap = aligned ? ' ' : '  '
      const ownLine = tail !== '' && textWidth(lines[lines.length - 1]) + gap.length + textWidth(tail) > available
      const severity = row.severity.padEnd(severityWidth)
      const head = row.place.padEnd(placeWidth) + ' ' + (row.severity === 'error' ? paint('31', severity) : paint('33', severity)) + ' '
      lines.forEach((text, line) => {
        const withTail = line === lines.length - 1 && !ownLine ? text + gap + paint('2', tail) : text
        out.push(((line === 0 ? head : ' '.repeat(indent)) + withTail).trimEnd())
      })
      if (ownLine) out.push(' '.repeat(indent) + paint('2', tail))
      // The evidence behind a finding (the table cell a claim contradicts), as vfile-reporter shows it.
      const cause = row.message.cause as VFileMessage | undefined
      if (cause && typeof cause === 'object' && 'reason' in cause) {
        const text = [placeOf(cause), firstLine(cause.reason)].filter(Boolean).join(' ')
        out.push('  ' + bold('[cause]') + ':', ...wrap(text, width - 4).map((part) => '    ' + part))
      }
      // A URL cannot be broken: it keeps its own line whatever its length.
      if (row.message.url) out.push('  ' + bold('[url]') + ':', '    ' + row.message.url)
      if (row.message.note) {
        out.push(
          '  ' + bold('[note]') + ':',
          ...row.message.note.split(/\r?\n/).flatMap((text) => wrap(text, width - 4).map((part) => ('    ' + part).trimEnd()))
        )
      }
    }
  }
  if (errors + warnings === 0) return ''
  const parts = [
    errors ? paint('31', '✖') + ` ${errors} ${errors === 1 ? 'error' : 'errors'}` : '',
    warnings ? paint('33', '⚠') + ` ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''
  ].filter(Boolean)
  const total = errors + warnings
  out.push('', errors && warnings ? `${total} messages (${parts.join(', ')})` : parts[0])
  return out.join('\n') + '\n'
}

/**
 * Break `text` at spaces into lines of at most `max` columns. A word longer than that (a URL, a long code span)
 * keeps a line of its own rather than being cut.
 */
export function wrap(text: string, max: number): string[] {
  if (textWidth(text) <= max) return [text]
  const lines: string[] = []
  let line = ''
  let lineWidth = 0
  for (const word of text.split(' ')) {
    const wordWidth = textWidth(word)
    if (line && lineWidth + 1 + wordWidth > max) {
      lines.push(line)
      line = word
      lineWidth = wordWidth
    } else if (line) {
      line += ' ' + word
      lineWidth += 1 + wordWidth
    } else {
      line = word
      lineWidth = wordWidth
    }
  }
  lines.push(line)
  return lines
}

const printableAscii = /^[\u0020-\u007E]*$/
const zeroWidth = /[\p{Mn}\p{Me}\p{Cf}\u200B\uFE00-\uFE0F]/u
const wide =
  /[\p{Extended_Pictographic}\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u

/** Terminal columns: wide (CJK, emoji) characters take two, combining marks none. */
export function textWidth(text: string): number {
  if (printableAscii.test(text)) return text.length
  let columns = 0
  for (const character of text) columns += zeroWidth.test(character) ? 0 : wide.test(character) ? 2 : 1
  return columns
}

function placeOf(message: VFileMessage): string {
  const place = message.place
  if (!place) return ''
  if ('start' in place) return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
  return `${place.line}:${place.column}`
}

function firstLine(text: string): string {
  const index = text.indexOf('\n')
  return index === -1 ? text : text.slice(0, index)
}
