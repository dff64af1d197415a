/** Settings several rules share, read once from `settings.policylint` in the configuration. */
import {boolean, oneOf, OptionError, record, show, stringList} from './options.js'

export interface SharedSettings {
  /** The site's own domains, used to tell first-party from third-party. */
  siteDomains: string[]
  /** The preferred link style, the default of `link-style`'s `style`. */
  linkStyle: 'markdown' | 'html' | 'consistent'
  /** Extra words the spelling rules accept. */
  words: string[]
  /** Fields every cookie table must have. */
  requiredColumns: string[]
  /** The clock date rules compare with: tests pin it, the CLI uses the real time. */
  now: Date
  /** Whether a `.policylint-words` file next to documents is read. */
  readWordsFile: boolean
  /**
   * What a browser observed on the site: paths of HAR, Playwright/Puppeteer JSON or cookies.txt files (relative to
   * the working folder), or inline records `{name, domain, lifetime}` (lifetime as `1 year` or `session`).
   */
  observedCookies: Array<string | InlineObservedCookie>
}

export interface InlineObservedCookie {
  name: string
  domain: string
  lifetime?: string
}

export const settingKeys = ['siteDomains', 'linkStyle', 'words', 'requiredColumns', 'now', 'readWordsFile', 'observedCookies'] as const

/** Parse the `policylint` settings object; a bad value throws an `OptionError`. */
export function parseSettings(raw: unknown): SharedSettings {
  const value = record(raw, 'settings.policylint', settingKeys)
  return {
    siteDomains: stringList(value.siteDomains, 'siteDomains', []),
    linkStyle: oneOf(value.linkStyle, 'linkStyle', ['markdown', 'html', 'consistent'], 'markdown'),
    words: stringList(value.words, 'words', []),
    requiredColumns: stringList(value.requiredColumns, 'requiredColumns', ['name', 'purpose', 'duration', 'provider|domain']),
    now: parseNow(value.now),
    readWordsFile: boolean(value.readWordsFile, 'readWordsFile', true),
    observedCookies: parseObservedSetting(value.observedCookies)
  }
}

function parseObservedSetting(value: unknown): SharedSettings['observedCookies'] {
  if (value === undefined) return []
  const list = Array.isArray(value) ? value : [value]
  for (const item of list) {
    const inline = typeof item === 'object' && item !== null && typeof (item as InlineObservedCookie).name === 'string' && typeof (item as InlineObservedCookie).domain === 'string'
    if (typeof item !== 'string' && !inline) {
      throw new OptionError(`Unexpected value ${show(item)} for \`observedCookies\`, expected a file path (HAR, Playwright or Puppeteer JSON, cookies.txt) or \`{name, domain, lifetime}\``)
    }
  }
  return list as SharedSettings['observedCookies']
}

function parseNow(value: unknown): Date {
  if (value === undefined) return new Date()
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined
  if (!date || Number.isNaN(date.getTime())) {
    throw new OptionError(`Unexpected value ${show(value)} for \`now\`, expected an ISO date like \`2026-01-31\``)
  }
  return date
}

declare module 'unified' {
  interface Settings {
    /** Shared policylint settings, parsed by `parseSettings`. */
    policylint?: Record<string, unknown>
  }
}
