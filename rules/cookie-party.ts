/** First- and third-party claims in cookie tables agree with the cookie's domain and the site's own domains. */
import {doc} from '../src/example.js'
import {cookieRows, siteDomainSet} from '../src/model/cookie-rows.js'
import {lookup, reference} from '../src/data/known-cookies.js'
import {cellRange, type Cell} from '../src/model/tables.js'
import {defineRule} from '../src/rule.js'

type Party = 'first' | 'third'

export default defineRule({
  meta: {
    id: 'cookie-party',
    description: "First- and third-party claims agree with the cookie's domain and the site's own domains",
    rationale:
      'Whether a third party can read a cookie is part of what users must be told before they consent (CJEU ' +
      'Planet49, C-673/17). Tables get it wrong both ways: Google Analytics cookies marked "third party" although ' +
      'the script sets them on the site\'s own domain, and advertising cookies on `doubleclick.net` marked "first ' +
      'party". The rule compares the claim with the registrable domain of the cookie\'s domain (read with tldts, ' +
      'so `www.example.co.uk` and `.example.co.uk` are the same site) and the shared setting `siteDomains`. Without ' +
      '`siteDomains` it checks that every row for one domain makes the same claim; without a domain column it uses ' +
      'the well-known cookies of `known-cookies`. A provider is not a party: Google-owned cookies can be first-party.',
    recommended: 'warn',
    fix: 'none'
  },
  examples: [
    {
      name: 'valid.md',
      settings: {siteDomains: ['example.com']},
      input: doc`
        | Cookie | Domain | Party | Expires |
        | --- | --- | --- | --- |
        | \`_ga\` | .example.com | First party | 2 years |
        | \`IDE\` | .doubleclick.net | Third party | 13 months |
      `
    },
    {
      name: 'invalid.md',
      settings: {siteDomains: ['example.com']},
      input: doc`
        | Cookie | Domain | Party | Expires |
        | --- | --- | --- | --- |
        | \`_ga\` | www.example.com | Third party | 2 years |
        | \`IDE\` | .doubleclick.net | First party | 13 months |
      `,
      messages: [
        "3:29-3:40: Unexpected `Third party` for `_ga` on `example.com`, expected `First party`: it is one of the site's domains",
        "4:30-4:41: Unexpected `First party` for `IDE` on `doubleclick.net`, expected `Third party`: it is not one of the site's domains (`siteDomains`)"
      ]
    },
    {
      name: 'known.md',
      description: 'Without a domain column, well-known cookies tell where they are set.',
      input: doc`
        | Cookie | Type | Expires |
        | --- | --- | --- |
        | \`_ga\` | Third party | 2 years |
        | \`sid\` | First party | Session |
      `,
      messages: ["3:11-3:22: Unexpected `Third party` for `_ga`, expected `First party`: Google Analytics sets it on the site's own domain"]
    }
  ],
  check(tree, context) {
    const site = siteDomainSet(context.settings.siteDomains)
    const known = reference()
    const byDomain = new Map<string, Array<{party: Party; cell: Cell; name: string; claim: string}>>()
    for (const row of cookieRows(tree, context.source)) {
      const {party, partyCell, domain} = row
      const range = partyCell && cellRange(partyCell)
      if (!party || !partyCell || !range) continue
      const claim = partyCell.text.trim()
      const names = row.names
      const name = names.join(', ')
      const expected: Party = party === 'first' ? 'third' : 'first'
      const show = (value: Party) => (value === 'first' ? '`First party`' : '`Third party`')
      if (domain) {
        if (site.size > 0) {
          if (site.has(domain) !== (party === 'first')) {
            context.report({
              reason:
                `Unexpected \`${claim}\` for \`${name}\` on \`${domain}\`, expected ${show(expected)}: ` +
                (site.has(domain) ? "it is one of the site's domains" : "it is not one of the site's domains (`siteDomains`)"),
              range
            })
          }
        } else {
          const list = byDomain.get(domain) ?? []
          list.push({party, cell: partyCell, name, claim})
          byDomain.set(domain, list)
        }
        continue
      }
      if (names.length !== 1) continue
      const entry = lookup(known, names[0])
      if (entry && entry.party !== party) {
        context.report({
          reason:
            `Unexpected \`${claim}\` for \`${name}\`, expected ${show(entry.party)}: ${entry.owner} sets it ` +
            (entry.party === 'first' ? "on the site's own domain" : 'on its own domain'),
          range
        })
      }
    }
    // Without `siteDomains`, rows for one domain agree with each other: report the minority.
    for (const [domain, rows] of byDomain) {
      const first = rows.filter((row) => row.party === 'first').length
      const third = rows.length - first
      if (first === 0 || third === 0 || first === third) continue
      const majority: Party = first > third ? 'first' : 'third'
      for (const row of rows) {
        if (row.party === majority) continue
        const range = cellRange(row.cell)
        if (!range) continue
        context.report({
          reason: `Unexpected \`${row.claim}\` for \`${row.name}\` on \`${domain}\`, expected \`${majority === 'first' ? 'First' : 'Third'} party\` as in the other rows for \`${domain}\``,
          range
        })
      }
    }
  }
})
