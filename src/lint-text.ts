/** Lint (and fix) a string in memory with one rule or the preset: used by the rule docs and the tests. */
import remarkParse from 'remark-parse'
import {unified, type PluggableList} from 'unified'
import {VFile} from 'vfile'
import {fixFiles} from './fix.js'
import policylint, {syntax} from './preset.js'
import type {Rule} from './rule.js'

/** Tests and the rule docs pin the clock, so date rules give the same output every day. */
export const pinnedNow = '2026-11-24T12:00:00Z'

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
    .data('settings', {policylint: {now: pinnedNow, ...lintCase.settings}})
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

/** Lint and fix to a fixed point, in memory; `unsafe` also applies unsafe fixes (`--unsafe-fixes`). */
export async function fixText(value: string, lintCase: LintCase = {}, unsafe = false) {
  const first = await lintText(value, lintCase)
  const [outcome] = await fixFiles(
    [first],
    (changed) => Promise.all(changed.map((file) => lintText(String(file.value), lintCase))),
    (file, text) => new VFile({path: file.path, value: text}),
    unsafe
  )
  return outcome
}
