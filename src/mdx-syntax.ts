/**
 * MDX's syntax extensions: acorn, JSX and `{expressions}`, about 400 kB that only `.mdx` pages need. mdx.ts imports
 * this module; the CLI's bundle leaves it out of that import and loads it only before linting an `.mdx` page
 * (`loadMdxSyntax`, tools/bundle.mjs), so a run over Markdown pages does not compile it.
 */
import {mdxFromMarkdown} from 'mdast-util-mdx'
import {mdxjs} from 'micromark-extension-mdxjs'

export const mdxSyntax = {mdxjs, mdxFromMarkdown}
