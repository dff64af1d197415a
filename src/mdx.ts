/**
 * MDX pages (`.mdx`: Docusaurus, Next.js, Astro) parsed as MDX, so that `import` lines, JSX and `{expressions}` are
 * neither prose nor errors; every other file is parsed as Markdown, as before. One plugin in the preset serves
 * both, so the same `.remarkrc.mjs` lints a site that has both kinds of page.
 *
 * A page that is not valid MDX (a stray `{` or an unclosed `<br>`) fails its site's build: it is reported, with
 * MDX's own reason and place, and linted as Markdown so that the other findings still come.
 */
import type {Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {mdxFromMarkdown} from 'mdast-util-mdx'
import {mdxjs} from 'micromark-extension-mdxjs'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {messageSource} from './rule.js'

export function isMdx(file: VFile): boolean {
  return (file.extname ?? '').toLowerCase() === '.mdx'
}

export default function mdxByExtension(this: Processor): undefined {
  const processor = this
  const markdown = processor.parser
  if (!markdown) return
  processor.parser = function (document: string, file: VFile) {
    if (!isMdx(file)) return markdown(document, file)
    const data = processor.data()
    try {
      return fromMarkdown(document, {
        extensions: [...(data.micromarkExtensions ?? []), mdxjs()],
        mdastExtensions: [...(data.fromMarkdownExtensions ?? []), mdxFromMarkdown()]
      }) as Root
    } catch (error) {
      const cause = error as {reason?: string; message?: string; place?: {line: number; column: number}}
      const message = file.message(`Unexpected MDX syntax: ${cause.reason ?? cause.message ?? String(error)}; linted as Markdown instead`, {
        place: cause.place && 'line' in cause.place ? cause.place : undefined,
        ruleId: 'mdx-syntax',
        source: messageSource
      })
      message.fatal = false
      return markdown(document, file)
    }
  } as typeof markdown
}
