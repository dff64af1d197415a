/**
 * Dates as policies write them: ISO 8601 (`2024-05-01`), `May 1, 2024`, `1st May 2024`, `May 2024` and numeric
 * `01/05/2024` (day first unless that cannot be). English month names, full or abbreviated.
 */
import {monthIndex, monthPattern} from '../text.js'

const month = `(${monthPattern})\\.?`
const day = '(\\d{1,2})(?:st|nd|rd|th)?\\.?'
const year = '((?:19|20)\\d{2})'

export type Format = 'iso' | 'month-day-year' | 'day-month-year' | 'month-year' | 'numeric'

const datePatterns: Array<{format: Format; regex: RegExp}> = [
  {format: 'iso', regex: /^(\d{4})-(\d{2})-(\d{2})(?![\d-])/},
  // A year ends at a non-digit, not at `\\b`: in `_21 March 2018_` the closing underscore is a word character.
  {format: 'month-day-year', regex: new RegExp(`^${month}[ \\t]*,?[ \\t]+${day},?[ \\t]+${year}(?!\\d)`, 'i')},
  {format: 'day-month-year', regex: new RegExp(`^${day}[ \\t]+(?:of[ \\t]+)?${month},?[ \\t]+${year}(?!\\d)`, 'i')},
  {format: 'month-year', regex: new RegExp(`^${month},?[ \\t]+${year}(?!\\d)`, 'i')},
  {format: 'numeric', regex: /^(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})(?!\d)/}
]

/** A date at the start of `text`: its format, its length, and the day it means (nothing when it is not a real day). */
export function parseDate(text: string): {format: Format; length: number; date: Date | undefined} | undefined {
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
