/** The fix engine: apply the safe edits messages carry, right to left, and re-lint to a fixed point. */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {TextEdit} from './rule.js'

export const maxPasses = 10

/** The safe edits of a file's messages (rules only attach `fix` when their `meta.fix` is `safe`). */
export function safeEdits(messages: readonly VFileMessage[]): TextEdit[] {
  return messages.flatMap((message) => (message.fix && !message.failure ? [message.fix] : []))
}

/**
 * Apply edits to `text` (offsets into the BOM-less text): sorted by position, an edit that overlaps one
 * already taken waits for the next pass. Inserted newlines follow the document's line endings.
 */
export function applyEdits(value: string, edits: readonly TextEdit[]): {text: string; applied: number} {
  const bom = value.charCodeAt(0) === 0xfeff ? '\uFEFF' : ''
  const text = bom ? value.slice(1) : value
  const crlf = /\r\n/.test(text) && !/(^|[^\r])\n/.test(text)
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  const taken: TextEdit[] = []
  let end = -1
  for (const edit of sorted) {
    // Touching edits are fine; two insertions at one point are not (their order would be a guess).
    if (edit.range[0] < end || (edit.range[0] === end && taken.length > 0 && taken[taken.length - 1].range[0] === end)) continue
    taken.push(edit)
    end = edit.range[1]
  }
  let result = text
  for (const edit of taken.reverse()) {
    const replacement = crlf ? edit.text.replace(/\r?\n/g, '\r\n') : edit.text
    result = result.slice(0, edit.range[0]) + replacement + result.slice(edit.range[1])
  }
  return {text: bom + result, applied: taken.length}
}

export interface FixOutcome {
  /** The file as last linted: its messages are what remains after fixing. */
  file: VFile
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
  create: (file: VFile, value: string) => VFile
): Promise<FixOutcome[]> {
  const outcomes = files.map((file) => ({file, original: String(file.value ?? ''), output: String(file.value ?? ''), passes: 0, converged: true, seen: new Set<string>()}))
  let pending = outcomes.filter((outcome) => !outcome.file.messages.some((message) => message.fatal && !message.ruleId))
  for (let pass = 1; pass <= maxPasses && pending.length > 0; pass++) {
    const changed: typeof outcomes = []
    for (const outcome of pending) {
      if (outcome.file.messages.some((message) => message.failure)) continue
      const edits = safeEdits(outcome.file.messages)
      if (edits.length === 0) continue
      const {text} = applyEdits(outcome.output, edits)
      // An edit that changes nothing, or brings back an earlier text, would loop forever.
      if (text === outcome.output || outcome.seen.has(text)) continue
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
    if (outcome.passes === maxPasses && safeEdits(outcome.file.messages).length > 0) outcome.converged = false
  }
  return outcomes.map(({seen, ...outcome}) => outcome)
}
