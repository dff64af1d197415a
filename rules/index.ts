/** The registry: every rule, in the order the docs list them. */
import type {Rule} from '../src/rule.js'
import cookieDuration from './cookie-duration.js'
import cookieParty from './cookie-party.js'
import cookieTableCells from './cookie-table-cells.js'
import cookieTableColumns from './cookie-table-columns.js'
import knownCookies from './known-cookies.js'
import linkSafety from './link-safety.js'
import linkStyle from './link-style.js'
import noHtmlTable from './no-html-table.js'
import tableFormat from './table-format.js'

export const rules: Rule<any>[] = [linkStyle, linkSafety, noHtmlTable, tableFormat, cookieDuration, cookieTableColumns, cookieTableCells, knownCookies, cookieParty]

export {linkSafety, linkStyle, noHtmlTable, tableFormat, cookieDuration, cookieTableColumns, cookieTableCells, knownCookies, cookieParty}
