/**
 * Rule options declared once (`option.*` specs, from which `defineRule` derives the parser, the docs and the type)
 * and the small validators they and the shared settings use; each throws an `OptionError` that names the option.
 */
import type {SharedSettings} from './settings.js'
import {codeList, listOf} from './text.js'

/** A bad option value: the message names the option, the value and what was expected. */
export class OptionError extends Error {
  override name = 'OptionError'
}

/** Render a value the way messages quote it: in backticks, JSON for non-strings. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return '`' + text + '`'
}

export function fail(name: string, value: unknown, expected: string): never {
  throw new OptionError(`Unexpected value ${show(value)} for \`${name}\`, expected ${expected}`)
}

/** Check that `raw` is an object (or nothing) with only `allowed` keys. */
export function record(raw: unknown, ruleId: string, allowed: readonly string[]): Record<string, unknown> {
  if (raw === undefined || raw === null) return {}
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new OptionError(`Unexpected options ${show(raw)} for \`${ruleId}\`, expected an object`)
  }
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      const list = allowed.length > 0 ? allowed.map((k) => '`' + k + '`').join(', ') : 'no options'
      throw new OptionError(`Unexpected option \`${key}\` for \`${ruleId}\`, expected ${list}`)
    }
  }
  return raw as Record<string, unknown>
}

export function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  return fail(name, value, codeList(allowed))
}

/** "`a` or `b`", "`a`, `b`, or `c`": the values of a `one of` option, for the docs. */
function choices(allowed: readonly string[]): string {
  return listOf(
    allowed.map((value) => '`' + value + '`'),
    'or',
    allowed.length > 2
  )
}

const booleans = '`true` or `false`'
const strings = 'a list of strings'
const wholeNumber = (min: number) => `a whole number of at least ${min}`

export function boolean(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value === 'boolean') return value
  return fail(name, value, booleans)
}

export function stringList(value: unknown, name: string, fallback: readonly string[]): string[] {
  if (value === undefined) return [...fallback]
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...value]
  return fail(name, value, strings)
}

/** A whole number, at least `min`. */
export function integer(value: unknown, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value
  return fail(name, value, wholeNumber(min))
}

/** A default taken from a shared setting (`settings.policylint`); `T` is the setting's type. */
class SettingDefault<T> {
  constructor(readonly setting: keyof SharedSettings) {}
  /** Type only: an option of type `T` accepts this default. */
  declare readonly settingType?: T
}

/**
 * `new FromSetting('linkStyle')`: a default taken from a shared setting, so one setting configures several rules.
 * Only a setting of the option's type type-checks. (Typed by this signature, so that `Default` does not refer to
 * `SharedSettings`, which the settings derive from specs built with these same builders.)
 */
export const FromSetting: new <Key extends keyof SharedSettings>(setting: Key) => SettingDefault<SharedSettings[Key]> = SettingDefault
export type FromSetting<T = unknown> = SettingDefault<T>

/** A default computed each time options are parsed (the clock's date), not fixed when it is declared. */
export class Computed<T> {
  constructor(readonly compute: () => T) {}
}

/** The default of an option: a value, the shared setting it comes from, or one computed at parse time. */
export type Default<T> = T | FromSetting<T> | Computed<T>

/**
 * One option, declared once: `defineRule` derives the parser, the docs and the option's type from it. Build one
 * with `option.oneOf`, `option.boolean`, `option.strings`, `option.integer` or, for the few complex ones,
 * `option.custom`.
 */
export interface OptionSpec<T = unknown> {
  kind: 'one of' | 'boolean' | 'strings' | 'integer' | 'custom'
  /** One line, rendered into the docs. */
  doc: string
  default: Default<T>
  /** What the option accepts, in the words its error message uses (`` `true` or `false` ``); shown in the docs. */
  accepts: string
  /** The given value (`undefined` when absent) to the resolved one; throws an `OptionError` naming `name`. */
  parse(value: unknown, fallback: T, name: string): T
}

/** A rule's options: name → spec, in the order the docs list them and messages name them. */
export type OptionsSpec = Record<string, OptionSpec<any>>

/** The TypeScript type of the options a spec declares (a rule's own: `OptionsOf<typeof rule>` in `rule.ts`). */
export type OptionsFromSpec<Spec> = {[Name in keyof Spec]: Spec[Name] extends OptionSpec<infer T> ? T : never}

interface Declared<T> {
  default: Default<T>
  doc: string
}

/** Options, declared once each. */
export const option = {
  /** One of a few strings. */
  oneOf<const V extends string>(spec: Declared<NoInfer<V>> & {values: readonly V[]}): OptionSpec<V> {
    return {...spec, kind: 'one of', accepts: choices(spec.values), parse: (value, fallback, name) => oneOf(value, name, spec.values, fallback)}
  },
  boolean(spec: Declared<boolean>): OptionSpec<boolean> {
    return {...spec, kind: 'boolean', accepts: booleans, parse: (value, fallback, name) => boolean(value, name, fallback)}
  },
  /**
   * A list of strings. `each` checks every item, the default's too (a bad one is named with `expected`);
   * `normalize` rewrites every item, the default's too.
   */
  strings(
    spec: Declared<string[]> & {each?: {test(item: string): boolean; expected: string}; normalize?(item: string): string}
  ): OptionSpec<string[]> {
    const {each, normalize} = spec
    return {
      ...spec,
      kind: 'strings',
      accepts: each ? 'a list of ' + each.expected : strings,
      parse(value, fallback, name) {
        const list = stringList(value, name, fallback)
        if (each) for (const item of list) if (!each.test(item)) fail(name, item, each.expected)
        return normalize ? list.map(normalize) : list
      }
    }
  },
  /** A whole number, at least `min` (0 unless given). */
  integer(spec: Declared<number> & {min?: number}): OptionSpec<number> {
    return {...spec, kind: 'integer', accepts: wholeNumber(spec.min ?? 0), parse: (value, fallback, name) => integer(value, name, fallback, spec.min)}
  },
  /**
   * Anything else: `accepts` says what it takes (docs and messages); `parse` gets the given value (`undefined` when
   * absent) and the default, and on a bad value calls `fail()`, or `fail(expected)` to say more than `accepts`, or
   * `failItem(item)` to quote one bad item of a list rather than the whole value.
   */
  custom<T>(
    spec: Declared<T> & {
      accepts: string
      parse(value: unknown, fallback: T, fail: (expected?: string) => never, failItem: (item: unknown, expected?: string) => never): T
    }
  ): OptionSpec<T> {
    return {
      ...spec,
      kind: 'custom',
      parse: (value, fallback, name) =>
        spec.parse(
          value,
          fallback,
          (expected = spec.accepts) => fail(name, value, expected),
          (item, expected = spec.accepts) => fail(name, item, expected)
        )
    }
  }
}

/** The default of one option under `settings` (absent while the shared settings themselves are parsed). */
export function defaultOf<T>(spec: OptionSpec<T>, settings?: SharedSettings): T {
  if (spec.default instanceof Computed) return spec.default.compute()
  if (!(spec.default instanceof FromSetting)) return spec.default
  if (!settings) throw new Error(`A shared setting cannot default to the shared setting \`${spec.default.setting}\``)
  return settings[spec.default.setting] as T
}

/**
 * Parse raw options by their spec (a rule's, named `ruleId`, or the shared settings'): unknown keys first, then
 * each option in declared order.
 */
export function parseOptions<Spec extends OptionsSpec>(spec: Spec, raw: unknown, ruleId: string, settings?: SharedSettings): OptionsFromSpec<Spec> {
  const value = record(raw, ruleId, Object.keys(spec))
  const options: Record<string, unknown> = {}
  for (const [name, item] of Object.entries(spec)) options[name] = item.parse(value[name], defaultOf(item, settings), name)
  return options as OptionsFromSpec<Spec>
}
