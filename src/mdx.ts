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
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
// In the CLI's bundle this import gives `undefined` (tools/bundle.mjs): the syntax comes from `loadMdxSyntax`.
import {mdxSyntax as preloaded} from './mdx-syntax.js'
import {messageSource} from './rule.js'

let syntax: typeof preloaded | undefined = preloaded

/** Loads MDX's syntax when it is not loaded yet: whoever lints files that may be `.mdx` calls it first. */
export async function loadMdxSyntax(): Promise<void> {
  syntax ??= (await import('./mdx-syntax.js')).mdxSyntax
}

export function isMdx(file: VFile): boolean {
  return (file.extname ?? '').toLowerCase() === '.mdx'
}

/** Whether a file to lint may be an `.mdx` page: a path, folder or glob may name one. */
export function mayBeMdx(file: string | VFile): boolean {
  return typeof file === 'string' || isMdx(file)
}

export default function mdxByExtension(this: Processor): undefined {
  const processor = this
  const markdown = processor.parser
  if (!markdown) return
  processor.parser = function (document: string, file: VFile) {
    if (!isMdx(file)) return markdown(document, file)
    const data = processor.data()
    // A missing `loadMdxSyntax()` is a bug of the caller: the file fails loudly rather than lint as Markdown.
    if (!syntax) throw new Error('MDX syntax is not loaded: call `loadMdxSyntax()` before linting `.mdx` files')
    try {
      return fromMarkdown(document, {
        extensions: [...(data.micromarkExtensions ?? []), syntax.mdxjs()],
        mdastExtensions: [...(data.fromMarkdownExtensions ?? []), syntax.mdxFromMarkdown()]
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
