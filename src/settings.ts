/** Settings several rules share, read once from `settings.policylint` in the configuration. */
import {Computed, option, parseOptions, type OptionsFromSpec} from './options.js'

/**
 * The shared settings, each declared once (as rule options are): the parser, the defaults and the type
 * `SharedSettings` are derived from these specs, in this order.
 */
export const settingsSpec = {
  siteDomains: option.strings({default: [], doc: "The site's own domains, used to tell first-party from third-party."}),
  linkStyle: option.oneOf({
    values: ['markdown', 'html', 'consistent'],
    default: 'markdown',
    doc: "The preferred link style, the default of `link-style`'s `style`."
  }),
  words: option.strings({default: [], doc: 'Extra words the spelling rules accept.'}),
  requiredColumns: option.strings({default: ['name', 'purpose', 'duration', 'provider|domain'], doc: 'Fields every cookie table must have.'}),
  now: option.custom<Date>({
    // Tests pin it; the CLI uses the real time, read when the settings are parsed.
    default: new Computed(() => new Date()),
    accepts: 'an ISO date like `2026-01-31`',
    doc: 'The clock date rules compare with.',
    parse(value, fallback, fail) {
      if (value === undefined) return fallback
      const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined
      if (!date || Number.isNaN(date.getTime())) return fail()
      return date
    }
  }),
  readWordsFile: option.boolean({default: true, doc: 'Whether a `.policylint-words` file next to documents is read.'}),
  observedCookies: option.custom<Array<string | InlineObservedCookie>>({
    default: [],
    accepts: 'a file path (HAR, Playwright or Puppeteer JSON, cookies.txt) or `{name, domain, lifetime}`',
    doc:
      'What a browser observed on the site: paths of HAR, Playwright/Puppeteer JSON or cookies.txt files (relative to ' +
      'the working folder), or inline records `{name, domain, lifetime}` (lifetime as `1 year` or `session`); one or a list.',
    parse(value, fallback, _fail, failItem) {
      if (value === undefined) return [...fallback]
      const list: unknown[] = Array.isArray(value) ? value : [value]
      // Each bad item is quoted alone, not the whole list.
      for (const item of list) if (typeof item !== 'string' && !isInlineCookie(item)) failItem(item)
      return list as Array<string | InlineObservedCookie>
    }
  })
}

/** The parsed shared settings, typed from `settingsSpec`. */
export type SharedSettings = OptionsFromSpec<typeof settingsSpec>

export interface InlineObservedCookie {
  name: string
  domain: string
  lifetime?: string
}

function isInlineCookie(item: unknown): item is InlineObservedCookie {
  return (
    typeof item === 'object' &&
    item !== null &&
    typeof (item as InlineObservedCookie).name === 'string' &&
    typeof (item as InlineObservedCookie).domain === 'string'
  )
}

/** Parse the `policylint` settings object; a bad value throws an `OptionError`. */
export function parseSettings(raw: unknown): SharedSettings {
  return parseOptions(settingsSpec, raw, 'settings.policylint')
}

declare module 'unified' {
  interface Settings {
    /** Shared policylint settings, parsed by `parseSettings`. */
    policylint?: Record<string, unknown>
  }
}
