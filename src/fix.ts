/** The fix engine: apply the safe edits messages carry, right to left, and re-lint to a fixed point. */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {TextEdit} from './rule.js'

export const maxPasses = 10

/**
 * The edits `--fix` applies: the safe fixes of a file's messages, and with `unsafe` (`--unsafe-fixes`) also the
 * fixes that drop presentation. Suggestions are never among them.
 */
export function safeEdits(messages: readonly VFileMessage[], unsafe = false): TextEdit[] {
  return messages.flatMap((message) => (message.fix && !message.failure && (unsafe || message.fixTier !== 'unsafe') ? [message.fix] : []))
}

/** The unsafe fixes alone: offered in editors, labelled, never applied by "Format Document". */
export function unsafeEdits(messages: readonly VFileMessage[]): TextEdit[] {
  return messages.flatMap((message) => (message.fix && !message.failure && message.fixTier === 'unsafe' ? [message.fix] : []))
}

/**
 * Which edits one pass applies, in document order: sorted by position, an edit that overlaps one already taken
 * waits for the next pass. `--fix` and the language server's formatting both choose with this.
 */
export function chooseEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  const taken: TextEdit[] = []
  let end = -1
  for (const edit of sorted) {
    // Touching edits are fine; two insertions at one point are not (their order would be a guess).
    if (edit.range[0] < end || (edit.range[0] === end && taken.length > 0 && taken[taken.length - 1].range[0] === end)) continue
    taken.push(edit)
    end = edit.range[1]
  }
  return taken
}

/** An edit's replacement with its newlines written as the document (BOM-less `text`) writes them. */
export function newlinesOf(text: string): (replacement: string) => string {
  const crlf = /\r\n/.test(text) && !/(^|[^\r])\n/.test(text)
  return crlf ? (replacement) => replacement.replace(/\r?\n/g, '\r\n') : (replacement) => replacement
}

/**
 * Apply edits to `text` (offsets into the BOM-less text), as `chooseEdits` chooses them. Inserted newlines follow
 * the document's line endings.
 */
export function applyEdits(value: string, edits: readonly TextEdit[]): {text: string; applied: number; taken: TextEdit[]} {
  const bom = value.charCodeAt(0) === 0xfeff ? '\uFEFF' : ''
  const text = bom ? value.slice(1) : value
  const newlines = newlinesOf(text)
  const taken = chooseEdits(edits)
  let result = text
  for (const edit of [...taken].reverse()) {
    result = result.slice(0, edit.range[0]) + newlines(edit.text) + result.slice(edit.range[1])
  }
  return {text: bom + result, applied: taken.length, taken}
}

/** A fix that was applied, for the summary and the dry run's list of tiers. */
export interface AppliedFix {
  ruleId: string
  line: number
  column: number
  tier: 'safe' | 'unsafe'
}

export interface FixOutcome {
  /** The file as last linted: its messages are what remains after fixing. */
  file: VFile
  /** The fixes applied, pass by pass (lines are those of the text each pass fixed). */
  applied: AppliedFix[]
  original: string
  output: string
  passes: number
  /** False when edits were still being made after `maxPasses` passes. */
  converged: boolean
}

/**
 * Fix every file to a fixed point. `lint` re-lints files whose text changed (as new files with `value`
 * set), so configuration is found for each exactly as in the first run.
 */
export async function fixFiles(
  files: readonly VFile[],
  lint: (changed: VFile[]) => Promise<VFile[]>,
  create: (file: VFile, value: string) => VFile,
  unsafe = false
): Promise<FixOutcome[]> {
  const outcomes = files.map((file) => ({
    file,
    applied: [] as AppliedFix[],
    original: String(file.value ?? ''),
    output: String(file.value ?? ''),
    passes: 0,
    converged: true,
    seen: new Set<string>()
  }))
  let pending = outcomes.filter((outcome) => !outcome.file.messages.some((message) => message.fatal && !message.ruleId))
  for (let pass = 1; pass <= maxPasses && pending.length > 0; pass++) {
    const changed: typeof outcomes = []
    for (const outcome of pending) {
      if (outcome.file.messages.some((message) => message.failure)) continue
      const edits = safeEdits(outcome.file.messages, unsafe)
      if (edits.length === 0) continue
      const {text, taken} = applyEdits(outcome.output, edits)
      // An edit that changes nothing, or brings back an earlier text, would loop forever.
      if (text === outcome.output || outcome.seen.has(text)) continue
      for (const message of outcome.file.messages) {
        if (message.fix && taken.includes(message.fix)) {
          outcome.applied.push({ruleId: message.ruleId ?? '', line: message.line ?? 0, column: message.column ?? 0, tier: message.fixTier ?? 'safe'})
        }
      }
      outcome.seen.add(outcome.output)
      outcome.output = text
      outcome.passes = pass
      changed.push(outcome)
    }
    if (changed.length === 0) break
    const relinted = await lint(changed.map((outcome) => create(outcome.file, outcome.output)))
    changed.forEach((outcome, index) => {
      outcome.file = relinted[index]
    })
    pending = changed
  }
  for (const outcome of pending) {
    if (outcome.passes === maxPasses && safeEdits(outcome.file.messages, unsafe).length > 0) outcome.converged = false
  }
  return outcomes.map(({seen, ...outcome}) => outcome)
}
