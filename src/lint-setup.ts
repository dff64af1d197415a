/**
 * What both ways of linting files share: direct.ts (named files with no configuration, without unified-engine) and
 * engine.ts (everything else, with it). Their options, the processor each file's copy starts from, the `--observed`
 * files added to a configuration, and the count of configurations that set only `settings`.
 */
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {VFile} from 'vfile'

export interface ConfigOptions {
  cwd: string
  /** A configuration file to use instead of searching for one. */
  configPath?: string
  /** Whether to look for `.remarkrc*` and `package.json#remarkConfig`; without one the embedded default applies. */
  detectConfig: boolean
  /** `--observed FILE`: observed-cookie files (absolute paths), added to every configuration's `observedCookies`. */
  observed?: string[]
}

export interface LintOptions extends ConfigOptions {
  /** Paths, folders, globs, or files with `value` already set (those are not read again). */
  files: Array<string | VFile>
}

/** How many configurations set only `settings` and got the preset added (engine.ts counts them; remark-cli would lint nothing with them). */
export const settingsOnlyConfigs = {count: 0}

/** A configuration with the `--observed` files added to its shared `observedCookies`. */
export function withObserved(value: unknown, observed: string[] | undefined): unknown {
  if (!observed || observed.length === 0 || !value || typeof value !== 'object') return value
  const config = value as {settings?: {policylint?: {observedCookies?: unknown}}}
  const shared = config.settings?.policylint ?? {}
  const existing =
    shared.observedCookies === undefined ? [] : Array.isArray(shared.observedCookies) ? shared.observedCookies : [shared.observedCookies]
  return {...config, settings: {...config.settings, policylint: {...shared, observedCookies: [...existing, ...observed]}}}
}

/** The processor unified-engine copies for each file (direct.ts copies it the same way). */
export const baseProcessor = unified().use(remarkParse).use(remarkStringify).freeze()
