/** Test helpers: the in-memory linting of src/lint-text.ts, and messages as the fixtures write them. */
import {pinnedNow} from '../src/lint-text.js'

export {fixText, lintText, type LintCase} from '../src/lint-text.js'

/** Tests pin the clock. */
export const testNow = pinnedNow

/** A message as the fixtures write it: `line:column-line:column: reason`. */
export function formatMessage(message: import('vfile-message').VFileMessage): string {
  const place = message.place
  if (place && 'start' in place) {
    return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}: ${message.reason}`
  }
  if (place) return `${place.line}:${place.column}: ${message.reason}`
  return `1:1: ${message.reason}`
}
