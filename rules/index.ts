/** The registry: every rule, in the order the docs list them. */
import type {Rule} from '../src/rule.js'
import confusables from './confusables.js'
import headingCase from './heading-case.js'
import headingPunctuation from './heading-punctuation.js'
import linkSafety from './link-safety.js'
import linkStyle from './link-style.js'
import spelling from './spelling.js'
import terminology from './terminology.js'
import typos from './typos.js'

export const rules: Rule<any>[] = [linkStyle, linkSafety, typos, confusables, terminology, headingPunctuation, headingCase, spelling]

export {confusables, headingCase, headingPunctuation, linkSafety, linkStyle, spelling, terminology, typos}
