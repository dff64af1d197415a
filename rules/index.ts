/** The registry: every rule, in the order the docs list them. */
import type {Rule} from '../src/rule.js'
import claimsConsistency from './claims-consistency.js'
import confusables from './confusables.js'
import cookieDuration from './cookie-duration.js'
import cookieParty from './cookie-party.js'
import cookieTableCells from './cookie-table-cells.js'
import cookieTableColumns from './cookie-table-columns.js'
import declaredCookies from './declared-cookies.js'
import effectiveDate from './effective-date.js'
import frontMatter from './front-matter.js'
import headingCase from './heading-case.js'
import headingIncrement from './heading-increment.js'
import headingPunctuation from './heading-punctuation.js'
import headingStyle from './heading-style.js'
import knownCookies from './known-cookies.js'
import linkSafety from './link-safety.js'
import linkStyle from './link-style.js'
import noHtmlTable from './no-html-table.js'
import noPlaceholders from './no-placeholders.js'
import spelling from './spelling.js'
import tableFormat from './table-format.js'
import terminology from './terminology.js'
import typos from './typos.js'

export const rules: Rule<any>[] = [
  linkStyle,
  linkSafety,
  noHtmlTable,
  tableFormat,
  cookieTableColumns,
  cookieTableCells,
  cookieDuration,
  knownCookies,
  cookieParty,
  declaredCookies,
  typos,
  confusables,
  terminology,
  headingPunctuation,
  headingCase,
  headingStyle,
  headingIncrement,
  spelling,
  noPlaceholders,
  frontMatter,
  effectiveDate,
  claimsConsistency
]

export {
  claimsConsistency,
  confusables,
  cookieDuration,
  cookieParty,
  cookieTableCells,
  cookieTableColumns,
  declaredCookies,
  effectiveDate,
  frontMatter,
  headingCase,
  headingIncrement,
  headingPunctuation,
  headingStyle,
  knownCookies,
  linkSafety,
  linkStyle,
  noHtmlTable,
  noPlaceholders,
  spelling,
  tableFormat,
  terminology,
  typos
}
