/** The policylint preset: syntax plugins, message control and every rule at its recommended severity. */
import type {PluggableList, Preset} from 'unified'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkLint from 'remark-lint'
import remarkLintHeadingIncrement from 'remark-lint-heading-increment'
import remarkLintHeadingStyle from 'remark-lint-heading-style'
import remarkLintNoDuplicateHeadingsInSection from 'remark-lint-no-duplicate-headings-in-section'
import remarkMessageControl from 'remark-message-control'
import {rules} from '../rules/index.js'
import {source} from './rule.js'

/** The syntax policy pages are written in: front matter and GFM (tables, autolinks, strikethrough). */
export const syntax: PluggableList = [[remarkFrontmatter, ['yaml', 'toml']], remarkGfm]

const policylint: Preset = {
  plugins: [
    ...syntax,
    // `<!-- policylint disable rule-id -->` turns rules off for a region, as `<!-- lint … -->` does for remark-lint.
    [remarkMessageControl, {name: source, source}],
    // remark-lint's own rules, controlled with `<!-- lint disable heading-increment -->` as usual.
    remarkLint,
    [remarkLintHeadingIncrement, ['warn']],
    [remarkLintNoDuplicateHeadingsInSection, ['warn']],
    [remarkLintHeadingStyle, ['warn', 'consistent']],
    ...rules.map((rule) => [rule, [rule.meta.recommended]] as [typeof rule, string[]])
  ]
}

export default policylint
export {rules}
export {defineRule, docsUrl} from './rule.js'
export type {Example, Report, Rule, RuleMeta, TextEdit} from './rule.js'
