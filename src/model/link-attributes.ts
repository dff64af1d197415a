/** What the attributes of an HTML `<a>` link carry that a Markdown link cannot hold. */
import type {HtmlLink} from './links.js'

/** `rel` values a Markdown link can drop without changing anything (without `target`, they do nothing). */
const meaningless = new Set(['noopener', 'noreferrer'])
/** `rel` values for search engines: the link is still an ordinary link, but converting it would drop them. */
export const crawlerHints = new Set(['nofollow', 'ugc', 'sponsored', 'external'])

/**
 * Why an HTML link must stay HTML whatever the document's style: an attribute that carries meaning a Markdown link
 * cannot hold. `class` counts: it may be a script hook, and it changes how the link looks.
 */
export function keptAsHtml(link: HtmlLink): string | undefined {
  for (const [name, value] of Object.entries(link.attributes)) {
    const lower = name.toLowerCase()
    if (lower === 'href' || lower === 'title' || lower === 'target') continue
    if (lower === 'rel') {
      const tokens = value.toLowerCase().split(/\s+/).filter(Boolean)
      const other = tokens.find((token) => !meaningless.has(token) && !crawlerHints.has(token))
      if (other) return `\`rel="${other}"\` carries meaning that a Markdown link cannot hold`
      continue
    }
    return `the attribute \`${name}\` carries meaning that a Markdown link cannot hold`
  }
  return undefined
}
