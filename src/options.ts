/** Small validators for rule options and shared settings; each throws an `OptionError` that names the option. */
import {codeList} from './text.js'

/** A bad option value: the message names the option, the value and what was expected. */
export class OptionError extends Error {
  override name = 'OptionError'
}

/** Render a value the way messages quote it: in backticks, JSON for non-strings. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)
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

export function boolean(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value === 'boolean') return value
  return fail(name, value, '`true` or `false`')
}

export function stringList(value: unknown, name: string, fallback: readonly string[]): string[] {
  if (value === undefined) return [...fallback]
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...value]
  return fail(name, value, 'a list of strings')
}

/** A whole number, at least `min`. */
export function integer(value: unknown, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value
  return fail(name, value, `a whole number of at least ${min}`)
}
