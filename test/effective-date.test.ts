/** `effective-date`: which pages must carry a date, the severities in the preset, and the real pages in ../shared/corpus. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import effectiveDate from '../rules/effective-date.js'
import {lintText} from './lint-helpers.js'
import {hasShared, shared} from './paths.js'
import {unlessMissing} from './skip.js'

const missing = /^Unexpected policy without an effective or last-updated date/
const body = 'We set one cookie to remember your choice, and nothing else.\n'

async function needsDate(filePath: string, text: string): Promise<boolean> {
  const file = await lintText(text, {rule: effectiveDate, path: filePath})
  return file.messages.some((message) => missing.test(message.reason))
}

test('a page needs a date when its title or file name names a policy, not when it merely mentions one', async () => {
  const cases: Array<[string, string, boolean]> = [
    ['legal/cookie-policy.md', body, true],
    ['legal/privacy.md', body, true],
    ['legal/terms-of-service.md', body, true],
    ['legal/TermsAndConditions.md', body, true],
    ['legal/cookies.en.md', body, true],
    ['site/page.md', '# Cookies on Northwind Books\n\n' + body, true],
    ['site/page.md', '---\ntitle: "How we use cookies"\n---\n\n' + body, true],
    ['site/page.md', '# Northwind Books | Privacy notice\n\n' + body, true],
    ['site/page.md', 'Privacy and cookies\n===================\n\n' + body, true],
    ['site/page.md', 'Privacy Policy\n--------------\n\n' + body, true],
    // A section of a cookie policy kept in its own file, with the cookies of one category.
    ['legal/marketing-cookies.md', '---\ntitle: Marketing cookies\n---\n\n' + body, false],
    ['partials/analytics.md', '### Analytics cookies\n\n' + body, false],
    // The policy word as a modifier, or in a glossary.
    ['README.md', '# Policy templates for new sites\n\n' + body, false],
    ['docs/glossary.md', '# Glossary of terms\n\n' + body, false],
    ['blog/plausible.md', '# Privacy-preserving analytics with Plausible\n\n' + body, false],
    ['docs/policies.md', '# Policies\n\nOur [cookie policy](/cookies/) and [privacy notice](/privacy/).\n', false],
    ['CHANGELOG.md', '# Release notes\n\nVersion 2 is out.\n', false],
    // A title decides over the file name.
    ['docs/rules/known-cookies.md', '# known-cookies\n\nCookies the rule knows.\n', false],
    ['legal/privacy.md', '# Data protection\n\n' + body, true],
    ['legal/cookies.md', '# Cookie settings\n\nChoose which cookies we may set.\n', false]
  ]
  for (const [filePath, text, expected] of cases) {
    assert.equal(await needsDate(filePath, text), expected, `${filePath}: ${text.split('\n')[0]}`)
  }
})

test('turned on at error level, a missing date or a second date format is a warning; an impossible or future date is an error', async () => {
  const severities = async (text: string) =>
    (await lintText(text, {rule: effectiveDate, path: 'cookie-policy.md'})).messages
      .filter((message) => message.ruleId === 'effective-date')
      .map((message) => `${message.fatal ? 'error' : 'warning'}: ${message.reason}`)
  const [missingDate] = await severities('# Cookie policy\n\n' + body)
  assert.match(missingDate, /^warning: Unexpected policy without/)
  assert.deepEqual(await severities('# Cookie policy\n\nEffective 1 May 2025. Last updated on June 3, 2025.\n'), [
    'warning: Unexpected date format `June 3, 2025`, expected the format of `1 May 2025`'
  ])
  assert.deepEqual(await severities('# Cookie policy\n\nLast updated: 30 February 2025\n'), [
    'error: Unexpected date `30 February 2025`, expected a real date such as `2026-01-31` or `January 31, 2026`'
  ])
  assert.deepEqual(await severities('# Cookie policy\n\nLast updated: 2031-01-01\n'), [
    'error: Unexpected date `2031-01-01` in the future, expected one on or before `2026-11-24`'
  ])
  assert.deepEqual(await severities('# Cookie policy\n\nLast updated: 1 May 2025\n\n' + body), [])
})

{
  // Without ../shared these tests are registered as skipped, so that uvu counts them as such.
  const register = unlessMissing(test, !hasShared && '../shared/corpus not found')
  register('corpus: the pages reported without a date are policies without one', async () => {
    const corpus = path.join(shared, 'corpus')
    // Lint each page under its name in its repository: the corpus names also hold the folders (`cookie_policy_en_essential_cookies.md`).
    const index = fs
      .readFileSync(path.join(corpus, 'index.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split('\t'))
    const reported: string[] = []
    for (const [name, , repoPath] of index) {
      const file = await lintText(fs.readFileSync(path.join(corpus, name), 'utf8'), {rule: effectiveDate, path: repoPath})
      const reasons = file.messages.map((message) => message.reason)
      assert.deepEqual(
        reasons.filter((reason) => !missing.test(reason)),
        [],
        `${name}: only missing dates`
      )
      if (reasons.length > 0) reported.push(name.slice(0, 3))
    }
    // Judged by reading each page: every one is a policy with no date anywhere; 052 dates itself under
    // "Status of this data protection information", 098 has `Last updated: [DATE]`, 026/028/057/060 are sections.
    // Pages added later (203–342), each read: none has a date of its own (289 points to a footer the page does not
    // hold; 205, 306 and 316 only date laws and events); 276 (`Last update date: 13/02/2023`), 318 (`The last
    // substantive update … was on 2019-09-30`) and 320 (`Latest update: June 01, 2015`) are dated and not reported.
    assert.deepEqual(reported, [
      '002',
      '003',
      '005',
      '006',
      '012',
      '024',
      '031',
      '035',
      '038',
      '044',
      '048',
      '050',
      '058',
      '061',
      '070',
      '073',
      '078',
      '080',
      '091',
      '096',
      '203',
      '205',
      '223',
      '227',
      '229',
      '240',
      '244',
      '247',
      '255',
      '256',
      '265',
      '283',
      '286',
      '289',
      '298',
      '306',
      '316',
      '327',
      '342'
    ])
    const readme = await lintText(fs.readFileSync(path.join(corpus, 'README.md'), 'utf8'), {rule: effectiveDate, path: 'README.md'})
    assert.deepEqual(readme.messages, [], 'the corpus README is not a policy')
  })
}

test('off in the recommended preset (below the precision bar on held-out pages)', async () => {
  const file = await lintText('# Cookie policy\n\n' + body, {path: 'cookie-policy.md'})
  assert.deepEqual(
    file.messages.filter((message) => message.ruleId === 'effective-date'),
    []
  )
  assert.equal(effectiveDate.meta.recommended, 'off')
})

test.run()
