/**
 * The language server's processor: remark-parse and a compiler that returns the document unchanged (so nothing
 * is ever rewritten by remark-stringify), plus the plugin the server adds to every configuration: the embedded
 * preset when the configuration brings no plugins, and a recorder of each document's safe edits for formatting.
 */
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {TextEdit as LspTextEdit} from 'vscode-languageserver'
import {applyEdits, chooseEdits, newlinesOf, safeEdits, unsafeEdits} from '../fix.js'
import policylint from '../preset.js'
import type {TextEdit} from '../rule.js'

declare module 'vfile' {
  interface DataMap {
    /** Set by unified-language-server on the files it lints. */
    lspDocumentUri: string
  }
}

export interface LintRecord {
  /** The text that was linted (with its BOM, if any). */
  text: string
  /** Safe edits, offsets into the BOM-less text. */
  edits: TextEdit[]
  /** Unsafe edits (they drop presentation): offered as labelled quick fixes, never applied by formatting. */
  unsafeEdits: TextEdit[]
}

/** The last lint of each open document, by URI: what "Format Document" applies. */
export const latest = new Map<string, LintRecord>()

/** The compiler: formatting applies the safe fixes as edits (see server.ts), never a re-serialised document. */
function policylintLanguageServerBase(this: Processor) {
  this.compiler = (_tree, file) => String(file.value ?? '')
}

/** Marks where the processor's own plugins end and the configuration's begin, in every copy of the processor. */
const baseName = policylintLanguageServerBase.name

const processor = unified().use(remarkParse).use(policylintLanguageServerBase).freeze()

export default processor

/**
 * Given to unified-engine as `plugins`, so it comes after the configuration's own plugins.
 * Without configured plugins (no configuration file, as for the CLI, or one with settings only) the embedded
 * preset applies; then each document's safe edits are recorded once every rule has run.
 */
export function policylintLanguageServer(this: Processor): undefined {
  const own = this.attachers.findIndex(([plugin]) => plugin.name === baseName)
  const configured = this.attachers.slice(own + 1).some(([plugin]) => plugin !== policylintLanguageServer)
  if (!configured) this.use(policylint)
  this.use(recordSafeEdits)
}

function recordSafeEdits() {
  return (_tree: Root, file: VFile) => {
    const uri = file.data.lspDocumentUri
    if (uri) latest.set(uri, {text: String(file.value ?? ''), edits: safeEdits(file.messages), unsafeEdits: unsafeEdits(file.messages)})
    for (const message of file.messages) showEvidence(message)
  }
}

/**
 * unified-language-server appends a message's `cause.stack` to the diagnostic, which for evidence (a message
 * pointing elsewhere in the document) is empty: put the evidence and where it is in the note instead.
 */
function showEvidence(message: VFileMessage): void {
  const cause = message.cause
  if (!(cause instanceof Object) || !('reason' in cause) || typeof cause.reason !== 'string') return
  const evidence = cause as VFileMessage
  const place = evidence.place
  const at = place ? ('start' in place ? place.start : place) : undefined
  const line = at && at.line ? ` (line ${at.line}, column ${at.column})` : ''
  message.note = (message.note ? message.note + '\n' : '') + evidence.reason + line
  message.cause = undefined
}

/**
 * The LSP edits that turn `text` into `applyEdits(text, edits)`: the edits `chooseEdits` takes (overlapping ones
 * wait for the next format), one per fix.
 */
export function formattingEdits(text: string, edits: readonly TextEdit[]): LspTextEdit[] {
  if (edits.length === 0 || applyEdits(text, edits).text === text) return []
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const newlines = newlinesOf(text.slice(bom))
  const positions = positionsOf(text)
  return chooseEdits(edits).map((edit) => ({
    range: {start: positions(edit.range[0] + bom), end: positions(edit.range[1] + bom)},
    newText: newlines(edit.text)
  }))
}

/** Offsets to LSP positions (0-based lines, UTF-16 characters; `\r\n`, `\n` and `\r` end lines). */
function positionsOf(text: string): (offset: number) => {line: number; character: number} {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 13 && text.charCodeAt(index + 1) === 10) continue
    if (code === 10 || code === 13) starts.push(index + 1)
  }
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (starts[middle] <= offset) low = middle
      else high = middle - 1
    }
    return {line: low, character: offset - starts[low]}
  }
}

/**
 * Keys (`range=text`) of the safe fixes in a recorded lint: a quick fix is marked preferred (applied by editors'
 * "auto fix" commands) only when it is one of these, never when it is a suggestion.
 */
export function safeFixKeys(record: LintRecord, edits: readonly TextEdit[] = record.edits): Set<string> {
  const bom = record.text.charCodeAt(0) === 0xfeff ? 1 : 0
  const positions = positionsOf(record.text)
  return new Set(edits.map((edit) => rangeKey({start: positions(edit.range[0] + bom), end: positions(edit.range[1] + bom)}, edit.text)))
}

export function rangeKey(range: {start: {line: number; character: number}; end: {line: number; character: number}}, text: string): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}=${text}`
}
