/** What every output format needs from a message: where it is, how severe, which rule, which file, and whether it is a failure. */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {messageSource} from '../rule.js'

export interface Span {
  line: number
  column: number
  endLine?: number
  endColumn?: number
}

/** The message's place, 1-based; nothing when it has none. */
export function spanOf(message: VFileMessage): Span | undefined {
  const place = message.place
  if (place && 'start' in place) {
    if (!place.start.line) return undefined
    return {line: place.start.line, column: place.start.column, endLine: place.end.line, endColumn: place.end.column}
  }
  if (place && place.line) return {line: place.line, column: place.column}
  if (message.line) return {line: message.line, column: message.column ?? 1}
  return undefined
}

export type Level = 'error' | 'warning' | 'note'

/** `fatal: true` is an error, `false` a warning, anything else (`file.info`) a note. */
export function levelOf(message: VFileMessage): Level {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note'
}

/** policylint rules by their id; other plugins' rules (remark-lint's) as `source:ruleId`. */
export function ruleName(message: VFileMessage): string | undefined {
  if (!message.ruleId) return undefined
  return !message.source || message.source === messageSource ? message.ruleId : message.source + ':' + message.ruleId
}

/** The evidence a finding points at (`cause`: the table cell a claim contradicts), when it is a placed message. */
export function evidenceOf(message: VFileMessage): {reason: string; span: Span} | undefined {
  const cause = message.cause
  if (!cause || typeof cause !== 'object' || !('reason' in cause)) return undefined
  const span = spanOf(cause as VFileMessage)
  return span ? {reason: String((cause as VFileMessage).reason), span} : undefined
}

/**
 * By start, then end, as vfile-reporter orders them; messages without a place first. Every format lists a file's
 * messages in this order, so a report reads top to bottom whatever order the rules ran in.
 */
export function byPosition(a: VFileMessage, b: VFileMessage): number {
  const points = (message: VFileMessage) => {
    const span = spanOf(message)
    if (!span) return [0, 0, 0, 0]
    return [span.line, span.column, span.endLine ?? span.line, span.endColumn ?? span.column]
  }
  const [left, right] = [points(a), points(b)]
  for (let index = 0; index < 4; index++) if (left[index] !== right[index]) return left[index] - right[index]
  return 0
}

/** A file's messages in position order (a sorted copy; `file.messages` is left as it is). */
export function inPositionOrder(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort(byPosition)
}

/** Whether a message means the file could not be processed, rather than a finding in it. */
export function isFailure(message: VFileMessage): boolean {
  return message.failure === true || (message.fatal === true && !message.ruleId)
}

export function severityOf(message: VFileMessage): 1 | 2 {
  return message.fatal === true ? 2 : 1
}

export function filePathOf(file: VFile): string {
  return file.path ? path.relative(file.cwd, path.resolve(file.cwd, file.path)) || file.path : '<stdin>'
}
