/** `--format json`: one array in ESLint's shape, stable across releases (documented in the README). */
import type {VFile} from 'vfile'
import type {TextEdit} from '../rule.js'
import {evidenceOf, filePathOf, inPositionOrder, isFailure, severityOf} from './shared.js'

export interface JsonMessage {
  ruleId: string | null
  source: string | null
  /** 2 = error, 1 = warning. */
  severity: 1 | 2
  message: string
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  fix: TextEdit | null
  /** `safe` (applied by `--fix`) or `unsafe` (by `--fix --unsafe-fixes`) beside a fix; `null` without one. */
  fixTier: 'safe' | 'unsafe' | null
  suggestions: Array<{desc: string; fix: TextEdit}>
  /** The rule's documentation page; `null` for messages that do not come from a rule. */
  url: string | null
  /** More about the finding, such as why no fix was offered; `null` without one. */
  note: string | null
  /** Only on a finding that points at evidence elsewhere in the file (claims-consistency: the contradicting cell). */
  evidence?: {message: string; line: number; column: number; endLine: number | null; endColumn: number | null}
  /** Only on a message saying the file could not be read, parsed or configured. */
  fatal?: true
}

export interface JsonResult {
  filePath: string
  messages: JsonMessage[]
  errorCount: number
  warningCount: number
}

export function toJson(files: readonly VFile[]): JsonResult[] {
  return files.map((file) => {
    const messages = inPositionOrder(file.messages).map((message): JsonMessage => {
      const entry: JsonMessage = {
        ruleId: message.ruleId ?? null,
        source: message.source ?? null,
        severity: severityOf(message),
        message: message.reason,
        line: message.place && 'start' in message.place ? message.place.start.line : (message.line ?? null),
        column: message.place && 'start' in message.place ? message.place.start.column : (message.column ?? null),
        endLine: message.place && 'end' in message.place ? message.place.end.line : null,
        endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
        fix: message.fix ?? null,
        fixTier: message.fix ? (message.fixTier ?? 'safe') : null,
        suggestions: (message.suggestions ?? []).map((suggestion) => ({desc: suggestion.description, fix: suggestion.fix})),
        url: message.url ?? null,
        note: message.note ?? null
      }
      const evidence = evidenceOf(message)
      if (evidence) {
        const {span} = evidence
        entry.evidence = {
          message: evidence.reason,
          line: span.line,
          column: span.column,
          endLine: span.endLine ?? null,
          endColumn: span.endColumn ?? null
        }
      }
      if (isFailure(message)) entry.fatal = true
      return entry
    })
    return {
      filePath: filePathOf(file),
      messages,
      errorCount: messages.filter((message) => message.severity === 2).length,
      warningCount: messages.filter((message) => message.severity === 1).length
    }
  })
}
