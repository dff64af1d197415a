/** The policylint preset: syntax plugins, message control and every rule at its recommended severity. */
import type {PluggableList, Preset, Processor} from 'unified'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkLint from 'remark-lint'
import remarkLintNoDuplicateHeadingsInSection from 'remark-lint-no-duplicate-headings-in-section'
import remarkMessageControl from 'remark-message-control'
import {rules} from '../rules/index.js'
import mdxByExtension from './mdx.js'
import {messageSource} from './rule.js'

/** The syntax policy pages are written in: front matter and GFM (tables, autolinks, strikethrough); MDX in `.mdx` files. */
export const syntax: PluggableList = [[remarkFrontmatter, ['yaml', 'toml']], remarkGfm, mdxByExtension]

/**
 * `<!-- policylint disable rule-id -->` turns rules off for a region, as `<!-- lint … -->` does for remark-lint.
 * Message control filters the messages that exist when it runs, so (as remark-lint does) it is added while the
 * processor freezes, which puts its transformer after every rule's.
 */
function messageControl(this: Processor): undefined {
  this.use(remarkMessageControl, {name: messageSource, source: messageSource})
}

const policylint: Preset = {
  plugins: [
    ...syntax,
    messageControl,
    // remark-lint's own rule, controlled with `<!-- lint disable no-duplicate-headings-in-section -->` as usual.
    // Its heading-increment and heading-style gave way to policylint's (one finding per skip; the majority's style).
    remarkLint,
    [remarkLintNoDuplicateHeadingsInSection, ['warn']],
    ...rules.map((rule) => [rule, [rule.meta.recommended]] as [typeof rule, string[]])
  ]
}

export default policylint
export {rules}
export {defineRule, docsUrl} from './rule.js'
export type {Example, Report, Rule, RuleMeta, TextEdit} from './rule.js'
