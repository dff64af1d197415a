/** A policy states when it took effect or was last updated, with a date that parses, is not in the future, and is written one way. */
import type {Heading, Root} from 'mdast'
import {doc} from '../src/example.js'
import {isPolicy} from '../src/model/policy-page.js'
import {nodeRange, type Range} from '../src/model/source.js'
import {isEnglish, prose} from '../src/model/words.js'
import {option} from '../src/options.js'
import {defineRule, type OptionsOf, type RuleContext} from '../src/rule.js'
import {statedDates} from '../src/model/stated-dates.js'

export type Options = OptionsOf<typeof rule>

const rule = defineRule({
  meta: {
    id: 'effective-date',
    description: 'A policy states when it took effect or was last updated, with a valid, past, consistently written date',
    rationale:
      'Off in the recommended preset: on real pages it was not tuned on, 14 of 17 of its judged findings were worth a ' +
      "writer's time (`eval/verdicts/holdout-final.tsv`), short of the 85% a rule needs to be on by default. Turn it " +
      "on with one line in the configuration's `plugins`: `[effectiveDate, ['error']]` (import it from `policylint/rules`). " +
      'Readers, regulators and courts ask which version of a policy applied on a given day. A policy page should ' +
      'say when it took effect or was last updated (`Effective August 20, 2022`, `Last updated: 2023-01-05`, or ' +
      'a `last_updated` key in the front matter). The date must parse (common English formats and ISO 8601), an ' +
      '`updated` or `modified` date must not lie in the future (an `effective` date announced with `will` may), ' +
      'and one document writes its dates one way. With `maxAge`, a policy not updated for that many days is ' +
      'reported as stale. By default only pages whose title (or, without one, file name) names a policy (`Cookie policy`, ' +
      '`Privacy notice`, `Terms of use`, `How we use cookies`) must carry a date; a section kept in its own file ' +
      '(`Marketing cookies`) or a page that only mentions policies (`Policy templates`) need not. A date may also ' +
      'stand alone under a `Status`, `Version` or `Date` line, or alone on its line near the top or bottom of the ' +
      'page (`March 3, 2021`, `_21 March 2018_`); emphasis around a date and HTML around a statement ' +
      '(`<p><em>Last updated:</em> <time>…</time></p>`) are markup. Dates in code spans are examples, not statements. ' +
      'A missing date and a second date format are ' +
      'warnings; an impossible date, an `updated` date in the future and (with `maxAge`) a stale policy are ' +
      'errors. `Last updated: [DATE]` is left to `no-placeholders`. The clock is `settings.policylint.now`, so ' +
      'results are reproducible.',
    recommended: 'off',
    fix: 'none'
  },
  options: {
    required: option.oneOf({
      values: ['auto', 'always', 'never'],
      default: 'auto',
      doc: '`auto`: pages whose title (or, without one, file name) names a policy (policy, notice, terms, privacy, cookies) need a date.'
    }),
    maxAge: option.integer({default: 0, doc: 'Report a policy whose latest date is more than this many days old; `0` (default) turns it off.'})
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
      # Cookie policy

      Last updated: March 3, 2025

      We use a few cookies.
    `
    },
    {
      name: 'missing.md',
      input: doc`
        # Privacy notice

        We collect your e-mail address when you sign up.
      `,
      messages: ['1:1-1:17: Unexpected policy without an effective or last-updated date, expected a line such as `Last updated: January 31, 2026`']
    },
    {
      name: 'invalid.md',
      settings: {now: '2026-01-31'},
      input: doc`
        # Cookie policy

        Effective 2025-02-30. Last updated on 2027-03-03.
      `,
      messages: [
        '3:11-3:21: Unexpected date `2025-02-30`, expected a real date such as `2026-01-31` or `January 31, 2026`',
        '3:39-3:49: Unexpected date `2027-03-03` in the future, expected one on or before `2026-01-31`'
      ]
    },
    {
      name: 'max-age.md',
      options: {maxAge: 365},
      settings: {now: '2026-01-31'},
      input: doc`
        # Terms of service

        Last updated: 2024-06-01
      `,
      messages: ['3:15-3:25: Unexpected last update `2024-06-01`, 609 days ago, expected one within `maxAge` (365 days)']
    }
  ],
  check(tree, context) {
    // The phrases and month names are English.
    if (!isEnglish(tree, context.file.basename)) return
    const found = statedDates(tree, context.source)
    const now = context.now
    const nowKey = now.toISOString().slice(0, 10)

    if (found.length === 0) {
      if (context.options.required === 'never') return
      if (context.options.required === 'auto' && !isPolicy(tree, context.file.stem)) return
      const range = titleRange(tree, context)
      if (!range) return
      // The page may be a fragment of a policy, or dated where the linter cannot see (a CMS field): a warning.
      context.report({
        reason: 'Unexpected policy without an effective or last-updated date, expected a line such as `Last updated: January 31, 2026`',
        range,
        severity: 'warning'
      })
      return
    }

    for (const item of found) {
      if (item.placeholder) continue
      if (!item.date) {
        context.report({
          reason: `Unexpected date \`${item.text}\`, expected a real date such as \`2026-01-31\` or \`January 31, 2026\``,
          range: item.range
        })
      } else if (item.date.getTime() > now.getTime() + 86_400_000 && !(item.kind === 'effective' && item.future)) {
        context.report({reason: `Unexpected date \`${item.text}\` in the future, expected one on or before \`${nowKey}\``, range: item.range})
      }
    }

    // One way of writing dates in the prose (front matter is YAML, always ISO).
    const body = found.filter((item) => item.date && !('frontMatter' in item) && !item.placeholder)
    const first = body[0]
    if (first) {
      for (const item of body.slice(1)) {
        if (item.format !== first.format) {
          context.report({
            reason: `Unexpected date format \`${item.text}\`, expected the format of \`${first.text}\``,
            range: item.range,
            cause: context.evidence('The first date is written here', first.range),
            severity: 'warning'
          })
        }
      }
    }

    if (context.options.maxAge > 0) {
      const dated = found.filter((item) => item.date && item.date.getTime() <= now.getTime() + 86_400_000)
      const latest = dated.sort((a, b) => b.date!.getTime() - a.date!.getTime())[0]
      if (latest) {
        const age = Math.floor((now.getTime() - latest.date!.getTime()) / 86_400_000)
        if (age > context.options.maxAge) {
          context.report({
            reason: `Unexpected last update \`${latest.text}\`, ${age} days ago, expected one within \`maxAge\` (${context.options.maxAge} days)`,
            range: latest.range
          })
        }
      }
    }
  }
})
export default rule

/** Where a missing date is reported: the title (first-level heading, front matter `title`), else the first heading or block. */
function titleRange(tree: Root, context: RuleContext<Options>): Range | undefined {
  const headings = tree.children.filter((child): child is Heading => child.type === 'heading')
  const h1 = headings.find((child) => child.depth === 1)
  if (h1) return nodeRange(h1)
  const yaml = tree.children.find((child) => child.type === 'yaml')
  const at = nodeRange(yaml)
  if (at) {
    const title = /^title[ \t]*:.*$/m.exec(context.source.slice(at[0], at[1]))
    if (title) return [at[0] + title.index, at[0] + title.index + title[0].trimEnd().length]
  }
  return nodeRange(headings[0]) ?? nodeRange(tree.children.find((child) => child.type !== 'yaml' && (child.type as string) !== 'toml')) ?? at
}
