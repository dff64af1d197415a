/** The cookies a page declares agree with the cookies a browser observed on the site (`observedCookies`). */
import path from 'node:path'
import {getDomain} from 'tldts'
import {doc} from '../src/example.js'
import {cookieRows, type CookieRow} from '../src/model/cookie-rows.js'
import {formatSeconds, parseDuration} from '../src/values/duration.js'
import {readObserved, type ObservedCookie} from '../src/observed.js'
import type {Range} from '../src/model/source.js'
import {defineRule, type NoOptions, type RuleContext} from '../src/rule.js'
import {escapeRegExp} from '../src/text.js'

export default defineRule({
  meta: {
    id: 'declared-cookies',
    description: 'Declared cookies agree with the cookies a browser observed on the site',
    rationale:
      'A policy goes wrong in two ways: its text disagrees with itself, or it disagrees with the site. Crawls of sites ' +
      'with consent banners (CookieBlock, USENIX Security 2022) found that 82.5% set at least one cookie their ' +
      'declaration did not list, and 13.5% declared wrong lifetimes. With the shared setting `observedCookies` (or ' +
      "`policylint --observed FILE`) naming what a browser saw on the site (a HAR export from the browser's " +
      'devtools, a Playwright storage state or Puppeteer cookie list, or a Netscape `cookies.txt` from curl or wget), ' +
      'the page that holds a cookie table is checked against it: cookies observed but declared nowhere on the page ' +
      '(matched by name, by wildcard patterns such as `_ga_*` or `_ga_<container-id>`, and by registrable domain), ' +
      'declared cookies the scan never saw (a warning: the scan may not have visited the page that sets them), and ' +
      'declared lifetimes more than twice or less than half the observed one. Without `observedCookies` the rule ' +
      'does nothing.',
    recommended: 'warn',
    fix: 'none'
  },
  examples: [
    {
      name: 'valid.md',
      settings: {
        observedCookies: [
          {name: 'sid', domain: 'shop.example', lifetime: 'session'},
          {name: '_ga_X1Y2', domain: 'shop.example', lifetime: '2 years'}
        ]
      },
      input: doc`
        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`sid\` | Keeps you signed in | Session |
        | \`_ga_<container-id>\` | Counts visits | 2 years |
      `
    },
    {
      name: 'invalid.md',
      description:
        'The scan saw `cart`, which the table leaves out; the table lists `promo`, which the scan never saw; `sid` lives a year, not a session.',
      settings: {
        observedCookies: [
          {name: 'sid', domain: 'shop.example', lifetime: '1 year'},
          {name: 'cart', domain: 'shop.example', lifetime: '30 days'}
        ]
      },
      input: doc`
        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`sid\` | Keeps you signed in | Session |
        | \`promo\` | Shows offers | 30 days |
      `,
      messages: [
        '1:1-1:31: Unexpected cookie `cart` set on `shop.example` that the page does not declare, expected a row for it in the cookie table',
        '3:3-3:8: Unexpected lifetime `Session` for `sid`, expected about `1 year` as observed',
        '4:3-4:10: Unexpected declared cookie `promo` that the scan never saw, expected it removed, or a scan of the page that sets it'
      ]
    }
  ],
  check(tree, context) {
    if (context.settings.observedCookies.length === 0) return
    const rows = cookieRows(tree, context.source).filter((row) => row.nameRange)
    if (rows.length === 0) return
    const observed = observedOf(context)
    const declared = rows.flatMap((row) => row.names.map((name) => ({row, name, pattern: namePattern(name)})))
    const where = rows[0].table.header?.range ?? rows[0].table.range ?? rows[0].nameRange!
    const domainOf = (cookie: ObservedCookie) => getDomain(cookie.domain) ?? cookie.domain
    const matches = (entry: (typeof declared)[number], cookie: ObservedCookie) =>
      entry.pattern.test(cookie.name) && (!entry.row.domain || entry.row.domain === domainOf(cookie))

    // Observed, declared nowhere on the page: one finding per cookie name.
    const reported = new Set<string>()
    for (const cookie of observed) {
      if (reported.has(cookie.name) || declared.some((entry) => matches(entry, cookie))) continue
      reported.add(cookie.name)
      context.report({
        reason: `Unexpected cookie \`${cookie.name}\` set on \`${cookie.domain}\` that the page does not declare, expected a row for it in the cookie table`,
        range: where,
        note: `Observed in ${cookie.source}, ${cookie.seenAt.toISOString().slice(0, 10)}`
      })
    }
    for (const entry of declared) {
      const seen = observed.filter((cookie) => matches(entry, cookie))
      const range = entry.row.nameRange!
      if (seen.length === 0) {
        const scans = [...new Set(observed.map((cookie) => `${cookie.source} (${cookie.seenAt.toISOString().slice(0, 10)})`))]
        context.report({
          reason: `Unexpected declared cookie \`${entry.name}\` that the scan never saw, expected it removed, or a scan of the page that sets it`,
          range,
          note: `Not among the cookies of ${scans.join(', ')}`,
          severity: 'warning'
        })
        continue
      }
      checkLifetime(entry.row, entry.name, seen, range, context)
    }
  }
})

/** A declared lifetime more than twice, or less than half, the longest observed one (a session counts as 0). */
function checkLifetime(row: CookieRow, name: string, seen: ObservedCookie[], range: Range, context: RuleContext<NoOptions>): void {
  const observed = seen.map((cookie) => cookie.seconds).filter((seconds): seconds is number => seconds !== undefined)
  if (observed.length === 0 || row.seconds === undefined || !row.durationRange) return
  const longest = Math.max(...observed)
  const declared = row.seconds
  const day = 86_400
  const far = longest === 0 || declared === 0 ? Math.abs(longest - declared) > day : declared > 2 * longest + day || declared < longest / 2 - day
  if (!far) return
  context.report({
    reason: `Unexpected lifetime \`${row.duration}\` for \`${name}\`, expected about \`${longest === 0 ? 'session' : formatSeconds(longest)}\` as observed`,
    range
  })
}

/** `_ga_<container-id>`, `_ga_*`, `_ga_#`, `_hjSession_XXXXX`, `{id}`: the variable part is a wildcard. */
function namePattern(name: string): RegExp {
  const escaped = name
    .split(/(<[^>]*>|\{[^}]*\}|\*|#+|X{3,}|x{3,}|\[[^\]]*\])/)
    .map((part, index) => (index % 2 === 1 ? '.+' : escapeRegExp(part)))
    .join('')
  return new RegExp(`^${escaped}$`)
}

/** The observed cookies of the setting: files read once per process, inline records as they are. */
function observedOf(context: RuleContext<NoOptions>): ObservedCookie[] {
  const cookies: ObservedCookie[] = []
  for (const item of context.settings.observedCookies) {
    if (typeof item === 'string') {
      // A bad or foreign file throws an ObservedError naming it and the formats: the run stops with exit 2.
      cookies.push(...readObserved(path.resolve(context.file.cwd, item)))
      continue
    }
    const duration = item.lifetime === undefined ? undefined : parseDuration(item.lifetime)
    cookies.push({
      name: item.name,
      domain: item.domain.replace(/^\./, ''),
      seconds: duration?.kind === 'session' ? 0 : duration?.max,
      seenAt: context.now,
      source: 'observedCookies'
    })
  }
  return cookies
}
