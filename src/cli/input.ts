/** Input that cannot be linted as text: binary files and invalid UTF-8 are failures that name the problem. */
import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'

/** Why a file's bytes are not a text document, or nothing when they are. */
export function unreadableReason(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return 'it looks binary (it holds NUL bytes)'
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    const at = firstInvalidByte(bytes)
    return `it is not valid UTF-8 (first bad byte at offset ${at})`
  }
  return undefined
}

function firstInvalidByte(bytes: Uint8Array): number {
  // Binary search on the longest prefix that decodes; a cut inside a character still decodes as invalid.
  const decoder = new TextDecoder('utf-8', {fatal: true})
  let low = 0
  let high = bytes.length
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    try {
      decoder.decode(bytes.subarray(0, middle))
      low = middle
    } catch {
      high = middle - 1
    }
  }
  return low
}

/**
 * unified-engine reads files as UTF-8 and silently replaces bad bytes; check the files where that could
 * have happened and turn them into failures, so nothing is linted or fixed from a mangled reading.
 */
export function markUnreadable(file: VFile): void {
  const value = String(file.value ?? '')
  if (!value.includes('\u0000') && !value.includes('\uFFFD')) return
  let reason: string | undefined
  if (file.path && fs.existsSync(path.resolve(file.cwd, file.path)) && !file.data.fromStdin) {
    reason = unreadableReason(fs.readFileSync(path.resolve(file.cwd, file.path)))
  } else if (value.includes('\u0000')) {
    reason = 'it looks binary (it holds NUL bytes)'
  }
  if (!reason) return
  file.messages.length = 0
  const message = file.message(`Cannot lint file: ${reason}`)
  message.fatal = true
}

/** Refuse files over the size limit before parsing them: no policy page is that large, and parsing would take minutes. */
export function markOversized(file: VFile, maxBytes: number): void {
  const size = Buffer.byteLength(String(file.value ?? ''))
  if (size <= maxBytes) return
  const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1) + ' MB'
  file.messages.length = 0
  const message = file.message(`Cannot lint file: it is ${megabytes(size)}, over the ${megabytes(maxBytes)} limit (\`--max-file-size\`)`)
  message.fatal = true
}

/** Turn the engine's "Cannot process file" and its stack into one line that says what happened. */
export function clarifyFailure(file: VFile): void {
  for (const message of file.messages) {
    if (message.fatal !== true || message.ruleId || !(message.cause instanceof Error)) continue
    const cause = message.cause
    if (message.reason === 'Cannot process file') {
      message.reason =
        cause instanceof RangeError && /call stack/.test(cause.message)
          ? 'Cannot process file: its structure nests too deeply to parse (Maximum call stack size exceeded)'
          : `Cannot process file: ${cause.message}${moduleTypeHint(cause) ?? ''}`
    }
    message.message = message.reason
    message.cause = undefined
  }
}

/**
 * A `.remarkrc.js` written as an ES module (`import`, `export default`, as remark's docs show) in a folder whose
 * package.json has no `"type": "module"` (what `npm init -y` writes) fails with a bare "Cannot parse file": say why,
 * and how to fix it.
 */
function moduleTypeHint(error: Error): string | undefined {
  let file: string | undefined
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    file ??=
      /^Cannot (?:parse|parse given|import) file `([^`]+\.js)`/.exec(cause.message)?.[1] ?? /^Cannot import `([^`]+\.js)`/.exec(cause.message)?.[1]
    const esmSyntax =
      cause instanceof SyntaxError && /Cannot use import statement outside a module|Unexpected token 'export'|import\.meta/.test(cause.message)
    if (esmSyntax && file) {
      const renamed = path.basename(file).replace(/\.js$/, '.mjs')
      return `: it uses \`import\`/\`export\` but its folder is CommonJS (no \`"type": "module"\` in package.json); rename it to \`${renamed}\` or add \`"type": "module"\` to package.json`
    }
  }
  return undefined
}
