/** Test helpers: lint a string with one rule (or the preset) in memory, the way the CLI does. */
import remarkParse from 'remark-parse'
import {unified, type PluggableList} from 'unified'
import {VFile} from 'vfile'
import {fixFiles} from '../src/fix.js'
import policylint, {syntax} from '../src/preset.js'
import type {Rule} from '../src/rule.js'

/** Tests pin the clock. */
export const testNow = '2026-11-24T12:00:00Z'

export interface LintCase {
  rule?: Rule<any>
  options?: unknown
  settings?: Record<string, unknown>
  path?: string
}

function processorFor(lintCase: LintCase) {
  const plugins: PluggableList = lintCase.rule
    ? [...syntax, [lintCase.rule, lintCase.options === undefined ? ['error'] : ['error', lintCase.options]]]
    : [policylint]
  return unified()
    .use(remarkParse)
    .use(plugins)
    .data('settings', {policylint: {now: testNow, ...lintCase.settings}})
    .freeze()
}

export async function lintText(value: string, lintCase: LintCase = {}): Promise<VFile> {
  const processor = processorFor(lintCase)
  const file = new VFile({path: lintCase.path ?? 'example.md', value})
  try {
    await processor.run(processor.parse(file), file)
  } catch (error) {
    // A bad option stops the file; the message is already on it.
    if (!file.messages.includes(error as never)) throw error
  }
  return file
}

/** Lint and fix to a fixed point, in memory. */
export async function fixText(value: string, lintCase: LintCase = {}) {
  const first = await lintText(value, lintCase)
  const [outcome] = await fixFiles(
    [first],
    (changed) => Promise.all(changed.map((file) => lintText(String(file.value), lintCase))),
    (file, text) => new VFile({path: file.path, value: text})
  )
  return outcome
}

/** A message as the fixtures write it: `line:column-line:column: reason`. */
export function formatMessage(message: import('vfile-message').VFileMessage): string {
  const place = message.place
  if (place && 'start' in place) {
    return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}: ${message.reason}`
  }
  if (place) return `${place.line}:${place.column}: ${message.reason}`
  return `1:1: ${message.reason}`
}
