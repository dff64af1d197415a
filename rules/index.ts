/** The registry: every rule, in the order the docs list them. */
import type {Rule} from '../src/rule.js'
import linkSafety from './link-safety.js'
import linkStyle from './link-style.js'

export const rules: Rule<any>[] = [linkStyle, linkSafety]

export {linkSafety, linkStyle}
