/** The policylint preset: syntax plugins, message control and every rule at its recommended severity. */
import type {Root} from 'mdast'
import type {PluggableList, Preset, Processor} from 'unified'
import type {VFile} from 'vfile'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkLintNoDuplicateHeadingsInSection from 'remark-lint-no-duplicate-headings-in-section'
import {rules} from '../rules/index.js'
import {controlMessages} from './message-control.js'
import mdxByExtension from './mdx.js'
import {messageSource} from './rule.js'

/** The syntax policy pages are written in: front matter and GFM (tables, autolinks, strikethrough); MDX in `.mdx` files. */
export const syntax: PluggableList = [[remarkFrontmatter, ['yaml', 'toml']], remarkGfm, mdxByExtension]

/**
 * `<!-- policylint disable rule-id -->` turns rules off for a region, as `<!-- lint … -->` does for remark-lint.
 * Message control filters the messages that exist when it runs, so (as remark-lint does) it is added while the
 * processor freezes, which puts its transformer after every rule's. It also does what the `remark-lint` plugin
 * did here, `<!-- lint … -->` for remark-lint's rules: both in one walk of the tree (message-control.ts).
 */
function messageControl(this: Processor): undefined {
  this.use(messageControlTransform)
}

function messageControlTransform() {
  return (tree: Root, file: VFile) => {
    controlMessages(tree, file, [
      {name: messageSource, sources: [messageSource]},
      {name: 'lint', sources: ['remark-lint']}
    ])
  }
}

const policylint: Preset = {
  plugins: [
    ...syntax,
    messageControl,
    // remark-lint's own rule, controlled with `<!-- lint disable no-duplicate-headings-in-section -->` as usual.
    // Its heading-increment and heading-style gave way to policylint's (one finding per skip; the majority's style).
    [remarkLintNoDuplicateHeadingsInSection, ['warn']],
    ...rules.map((rule) => [rule, [rule.meta.recommended]] as [typeof rule, string[]])
  ]
}

export default policylint
export {rules}
export {defineRule, docsUrl} from './rule.js'
export type {Example, Report, Rule, RuleMeta, TextEdit} from './rule.js'
