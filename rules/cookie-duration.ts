/** Cookie lifetimes are readable durations: parsable, with units, consistent with session claims, not excessive. */
import {doc} from '../src/example.js'
import {correctTypo, impossibleSeconds, limitSeconds, recaseUnits, secondsOf, unitCaseOutliers, type Duration} from '../src/values/duration.js'
import {cookieRowsByTable, sessionClaim, webStorage, type CookieRow} from '../src/model/cookie-rows.js'
import {cellRange, isPlaceholder, type Cell} from '../src/model/tables.js'
import {option} from '../src/options.js'
import {defineRule, type OptionsOf, type RuleContext} from '../src/rule.js'

export type Options = OptionsOf<typeof rule>

const rule = defineRule({
  meta: {
    id: 'cookie-duration',
    description: 'Cookie lifetimes in cookie tables are durations a reader can understand, and not excessive',
    rationale:
      'The CJEU (Planet49, C-673/17) requires that users are told how long cookies last, and the Article 29 ' +
      'Working Party lists "the cookie expiry date" as necessary information (WP208). A lifetime must therefore ' +
      'say something: `365` without a unit, `0` under `Lifespan (Days)` (a session cookie, or one that expires at ' +
      'once?), `Session (1 day)` or `Unknown` do not. The rule reads durations with a tolerant parser (`2 years`, ' +
      '`1 year 24 days`, `30 seconds to 1 year`, `Session`, `13 months by default`) and reports values it cannot ' +
      'read, bare numbers, session claims that contradict the lifetime or a Session/Persistent column, misspelt ' +
      'units, and lifetimes over `maxAge`. The default of 25 months is the longest expiry Google Analytics 4 allows ' +
      '(support.google.com/analytics/answer/11397207) and the longest the CNIL accepts for keeping audience ' +
      'measurement data (cnil.fr, "Cookies : solutions pour les outils de mesure d\'audience"); set `13 months` ' +
      "for the CNIL's limit on the cookies themselves. Months count 30 days and years 365.",
    recommended: 'warn',
    fix: 'suggestion'
  },
  options: {
    maxAge: option.custom({
      default: '25 months',
      doc: 'The longest lifetime accepted, as a duration such as `13 months` or `400 days`.',
      accepts: 'a duration like `13 months`',
      parse(value, fallback, fail) {
        if (value === undefined) return fallback
        if (typeof value !== 'string' || limitSeconds(value) === undefined) return fail()
        return value
      }
    })
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`sid\` | Keeps you signed in | Session |
        | \`_ga\` | Counts visits | 2 years |
      `
    },
    {
      name: 'invalid.md',
      input: doc`
        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`sid\` | Keeps you signed in | Session (1 day) |
        | \`_ga\` | Counts visits | 730 |
        | \`pref\` | Remembers settings | Unknown |
        | \`ads\` | Shows ads | 3 years |
      `,
      messages: [
        '3:33-3:48: Unexpected `Session (1 day)`, expected either a session cookie or a lifetime',
        '4:27-4:30: Unexpected number `730` without a unit, expected a unit such as `730 days`',
        '5:33-5:40: Unexpected duration `Unknown`, expected a lifetime such as `1 year` or `Session`',
        '6:23-6:30: Unexpected lifetime `3 years`, expected at most `25 months`'
      ]
    },
    {
      name: 'impossible.md',
      description: 'A lifetime no browser keeps (an error), and a misspelt unit.',
      input: doc`
        | Cookie | Purpose | Expires |
        | --- | --- | --- |
        | \`visitor\` | Counts visits | 20 years |
        | \`consent\` | Stores consent | 30 minuts |
      `,
      messages: [
        '3:31-3:39: Unexpected lifetime `20 years`, expected at most `25 months`: Chrome caps cookie lifetimes at 400 days',
        '4:32-4:41: Unexpected `minuts`, expected `minutes`'
      ]
    },
    {
      name: 'records.md',
      description: 'Record tables (one label/value table per cookie, as consent tools export them) and cookie lists are read too.',
      input: doc`
        | | |
        | --- | --- |
        | Name: | \`visitor\` |
        | Purpose: | Counts visits |
        | Expires in: | 7978 years |

        ## Analytics

        These cookies measure visits:

        - \`_pk_id\`: tells visits apart, expires after 13 monts
        - \`_pk_ses\`: groups page views, expires after 30 minutes
      `,
      messages: [
        '5:17-5:27: Unexpected lifetime `7978 years`, expected at most `25 months`: Chrome caps cookie lifetimes at 400 days',
        '11:47-11:55: Unexpected `monts`, expected `months`'
      ]
    },
    {
      name: 'header-unit.md',
      description: 'A unit in the header applies to the column; `0` days is still ambiguous.',
      input: doc`
        | Cookie | Provider | Lifespan (Days) |
        | --- | --- | --- |
        | \`_hjSession\` | Hotjar | 0 |
        | \`_hjSessionUser\` | Hotjar | 364 |
      `,
      messages: ['3:27-3:28: Unexpected `0` under `Lifespan (Days)`, expected `Session` or a lifetime: 0 days is ambiguous']
    },
    {
      name: 'max-age.md',
      options: {maxAge: '13 months'},
      input: doc`
        | Cookie | Purpose | Duration |
        | --- | --- | --- |
        | \`_ga\` | Counts visits | 2 years |
      `,
      messages: ['3:27-3:34: Unexpected lifetime `2 years`, expected at most `13 months`']
    }
  ],
  check(tree, context) {
    for (const rows of cookieRowsByTable(tree, context.source).values()) {
      const styles: Array<{cell: Cell; duration: Duration}> = []
      for (const row of rows) {
        const {durationCell: cell, durationRange: range} = row
        if (!cell || cell.text === '' || !range) continue
        // A placeholder is cookie-table-cells' to report.
        if (isPlaceholder(cell.text)) continue
        for (const {text, duration} of row.lifetimes) {
          // Local storage has no expiry: `Persistent` is all there is to say (Cookiebot writes it so).
          if (webStorage(row) && duration.kind === 'qualitative') continue
          checkValue(text, duration, row, range, context)
          styles.push({cell, duration})
        }
        checkSessionColumn(row, range, context)
      }
      checkStyles(styles, context)
    }
  }
})
export default rule

function checkValue(line: string, duration: Duration, {table, unit}: CookieRow, range: [number, number], context: RuleContext<Options>): void {
  const shown = '`' + line + '`'
  switch (duration.kind) {
    case 'unparsable':
    case 'qualitative': {
      if (duration.meaning === 'persistent') {
        // Says the cookie outlives the session, not for how long.
        context.report({reason: `Unexpected ${shown}, expected how long the cookie lasts, such as \`1 year\``, range})
      } else if (duration.meaning === 'unlimited') {
        context.report({reason: `Unexpected lifetime ${shown}, expected at most \`${context.options.maxAge}\``, range})
      } else if (duration.kind === 'unparsable' || duration.meaning === 'unknown') {
        context.report({reason: `Unexpected duration ${shown}, expected a lifetime such as \`1 year\` or \`Session\``, range})
      }
      // An event (`until you log out`) is a lifetime a reader understands.
      return
    }
    case 'bare': {
      if (!unit) {
        context.report({reason: `Unexpected number ${shown} without a unit, expected a unit such as \`${line} days\``, range})
        return
      }
      if (duration.number === 0) {
        const header = table.columns[table.fieldColumns.get('duration')!].header
        context.report({reason: `Unexpected ${shown} under \`${header}\`, expected \`Session\` or a lifetime: 0 ${unit}s is ambiguous`, range})
        return
      }
      checkMax(`${line} ${unit}s`, secondsOf(duration.number!, unit), range, context)
      return
    }
    case 'duration':
    case 'range': {
      if (duration.kind === 'duration' && duration.session) {
        context.report({reason: `Unexpected ${shown}, expected either a session cookie or a lifetime`, range})
        return
      }
      if (duration.typo) reportTypo(duration.typo, range, context)
      checkMax(line, duration.max!, range, context)
      return
    }
    case 'session': {
      if (duration.typo) reportTypo(duration.typo, range, context)
      return
    }
  }
}

/** A misspelt unit or session: a suggestion replaces it when it appears once in the cell. */
function reportTypo(typo: {written: string; expected: string}, range: [number, number], context: RuleContext<Options>): void {
  const corrected = correctTypo(context.source.slice(range[0], range[1]), typo)
  context.report({
    reason: `Unexpected \`${typo.written}\`, expected \`${typo.expected}\``,
    range,
    suggestions: corrected === undefined ? undefined : [{description: `Write \`${typo.expected}\``, fix: {range, text: corrected}}],
    severity: 'warning'
  })
}

function checkMax(shown: string, seconds: number, range: [number, number], context: RuleContext<Options>): void {
  if (seconds > impossibleSeconds) {
    context.report({
      reason: `Unexpected lifetime \`${shown}\`, expected at most \`${context.options.maxAge}\`: Chrome caps cookie lifetimes at 400 days`,
      range,
      severity: 'error'
    })
  } else if (seconds > limitSeconds(context.options.maxAge)!) {
    context.report({reason: `Unexpected lifetime \`${shown}\`, expected at most \`${context.options.maxAge}\``, range})
  }
}

/** A Session/Persistent column that disagrees with the lifetime. */
function checkSessionColumn(row: CookieRow, range: [number, number], context: RuleContext<Options>): void {
  const claim = sessionClaim(row)
  if (!claim || row.lifetimes.length !== 1) return
  const {duration, text: line} = row.lifetimes[0]
  if (claim.session && duration.kind === 'duration' && !duration.session) {
    context.report({reason: `Unexpected lifetime \`${line}\` for a cookie marked \`${claim.cell.text}\`, expected \`Session\``, range})
  } else if (claim.persistent && duration.kind === 'session') {
    context.report({reason: `Unexpected \`${line}\` for a cookie marked \`${claim.cell.text}\`, expected a lifetime`, range})
  }
}

/** Units capitalised in some cells and not in others (`90 Days`, `30 days`): one suggestion per table. */
function checkStyles(values: Array<{cell: Cell; duration: Duration}>, context: RuleContext<Options>): void {
  const outliers = unitCaseOutliers(values)
  const range = outliers && cellRange(outliers.first.cell)
  if (!outliers || !range) return
  const {majority, term, termCase, others} = outliers
  const current = context.source.slice(range[0], range[1])
  const rewritten = recaseUnits(current, majority)
  context.report({
    reason:
      `Unexpected ${termCase} unit \`${term.written}\`${others > 0 ? ` (and in ${others} other cell${others === 1 ? '' : 's'})` : ''}, ` +
      `expected ${majority} units like the rest of the table`,
    range,
    suggestions: rewritten !== current ? [{description: `Write the units ${majority}`, fix: {range, text: rewritten}}] : undefined,
    severity: 'warning'
  })
}
