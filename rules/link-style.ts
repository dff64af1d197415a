/** One link syntax per document: Markdown links or HTML `<a>` links, not both. */
import {toString} from 'mdast-util-to-string'
import {doc} from '../src/example.js'
import {elementsNamed, parseDom} from '../src/model/html.js'
import {crawlerHints, keptAsHtml} from '../src/model/link-attributes.js'
import {links, type HtmlLink, type MarkdownLink} from '../src/model/links.js'
import {FromSetting, option} from '../src/options.js'
import {defineRule, type OptionsOf, type RuleContext} from '../src/rule.js'
import {destination, escapeAttribute, escapeHtml, quoteTitle, sameLink} from '../src/render/links.js'

export {keptAsHtml} from '../src/model/link-attributes.js'

export type Options = OptionsOf<typeof rule>

const rule = defineRule({
  meta: {
    id: 'link-style',
    description: 'Links are written one way in a document: Markdown links or HTML `<a>` links',
    rationale:
      'Policy pages that mix `<a href>` with `[text](url)` are hard to maintain: attributes such as ' +
      '`target="_blank"` end up on some links and not others, and find-and-replace misses half of them. ' +
      'By default only a document that uses both syntaxes is reported: a page whose links are all HTML, or all ' +
      'Markdown, is consistent (an autolink such as `<privacy@example.com>` shows the address itself and makes no mix). The fix converts between the two where nothing is lost.\n\n' +
      'An HTML link whose attributes carry something a Markdown link cannot hold is never reported and does not ' +
      'count toward a mix: any attribute other than `href`, `title`, `target` and `rel`, such as an `id` or `name` ' +
      '(a link target), event handlers (`onclick`…), `download`, `hreflang`, `data-*` ' +
      '(read by scripts), `class` and `style` (a class may be a script hook such as `js-cookie-settings`, and ' +
      'either changes how the link looks), RDFa such as `property`, and a `rel` with a value other than ' +
      '`noopener`, `noreferrer`, `nofollow`, `ugc`, `sponsored` or `external` (`rel="license"` and `rel="author"` ' +
      'in Creative Commons markup). `nofollow`, `ugc`, `sponsored` and `external` count as HTML links but are ' +
      'reported without a fix, since converting would drop them. Links inside HTML blocks are left alone: ' +
      'Markdown does not apply there.',
    recommended: 'warn',
    fix: 'safe'
  },
  options: {
    style: option.oneOf({
      values: ['markdown', 'html', 'consistent'],
      default: new FromSetting('linkStyle'),
      doc: "`consistent` follows the document's majority; Markdown on a tie."
    }),
    targetBlank: option.oneOf({
      values: ['keep-html', 'drop'],
      default: 'keep-html',
      doc: "`'keep-html'` reports HTML links with `target=\"_blank\"` without fixing them; `'drop'` converts them, dropping the new-tab behaviour."
    }),
    mixedOnly: option.boolean({
      default: true,
      doc: '`true` reports only documents that use both syntaxes; `false` also reports every link of the other syntax in a document that uses one.'
    })
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
        Read our [privacy notice](/privacy/) and the [cookie list](/cookies/#list "Cookies").
      `
    },
    {
      name: 'invalid.md',
      input: doc`
        Read our [privacy notice](/privacy/) and the <a href="/cookies/" title="Cookies">cookie list</a>.
      `,
      messages: ['1:46-1:97: Unexpected HTML link, expected a Markdown link'],
      fixed: doc`
        Read our [privacy notice](/privacy/) and the [cookie list](/cookies/ "Cookies").
      `
    },
    {
      name: 'target-blank.md',
      description: 'A link that opens a new tab has no Markdown equivalent, so it is reported without a fix.',
      input: doc`
        See the <a target="_blank" rel="noopener" href="https://policies.google.com/privacy">Google Privacy Policy</a> and [ours](/privacy/).
      `,
      messages: ['1:9-1:111: Unexpected HTML link, expected a Markdown link']
    },
    {
      name: 'all-html.md',
      description:
        'A page whose links are all HTML mixes nothing, and a Creative Commons licence link keeps `rel="license"`, which Markdown cannot hold.',
      input: doc`
        Read <a href="/privacy/">our notice</a> and <a href="/terms/">our terms</a>.

        Text licensed under <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.
      `
    },
    {
      name: 'html.md',
      options: {style: 'html'},
      input: doc`
        Contact <a href="mailto:privacy@example.com">privacy@example.com</a> or read [our notice](/privacy/).
      `,
      messages: ['1:78-1:101: Unexpected Markdown link, expected an HTML link'],
      fixed: doc`
        Contact <a href="mailto:privacy@example.com">privacy@example.com</a> or read <a href="/privacy/">our notice</a>.
      `
    },
    {
      name: 'consistent.md',
      options: {style: 'consistent'},
      input: doc`
        Read <a href="/privacy/">our notice</a>, <a href="/terms/">our terms</a> and [the cookie list](/cookies/).
      `,
      messages: ['1:78-1:106: Unexpected Markdown link, expected an HTML link like the 2 other links in this document'],
      fixed: doc`
        Read <a href="/privacy/">our notice</a>, <a href="/terms/">our terms</a> and <a href="/cookies/">the cookie list</a>.
      `
    }
  ],
  check(tree, context) {
    const all = links(tree, context.source)
    // Links in HTML blocks cannot be Markdown, and GFM bare URLs and definitions have no link syntax to choose.
    const markdown = all.filter((link): link is MarkdownLink => link.syntax === 'markdown' && link.kind !== 'literal' && link.kind !== 'definition')
    // `<a name="…">` and `<a id="…">` without `href` are anchors, not links.
    // Links whose attributes carry meaning stay HTML: they are neither reported nor counted.
    const html = all.filter(
      (link): link is HtmlLink => link.syntax === 'html' && !link.block && link.url !== undefined && keptAsHtml(link) === undefined
    )
    const {style} = context.options
    // An autolink (`<https://…>`, `<privacy@…>`) shows the address itself, like a bare URL: it alone makes no mix.
    const written = markdown.filter((link) => link.kind !== 'autolink')
    if (context.options.mixedOnly && (written.length === 0 || html.length === 0)) return
    const wanted = style === 'consistent' ? (html.length > markdown.length ? 'html' : 'markdown') : style
    const suffix = (count: number) => (style === 'consistent' ? ` like the ${count} other link${count === 1 ? '' : 's'} in this document` : '')

    if (wanted === 'markdown') {
      for (const link of html) reportHtmlLink(link, context, suffix(markdown.length))
    } else {
      for (const link of markdown) reportMarkdownLink(link, context, suffix(html.length))
    }
  }
})
export default rule

function reportHtmlLink(link: HtmlLink, context: RuleContext<Options>, suffix: string): void {
  const reason = 'Unexpected HTML link, expected a Markdown link' + suffix
  const range = link.range
  if (!range) {
    context.report({reason, node: link.fragment.node})
    return
  }
  const refusal = whyNotMarkdown(link, context.options)
  if (refusal) {
    context.report({reason, range, note: 'Not fixed: ' + refusal})
    return
  }
  const text = context.source.slice(link.textRange![0], link.textRange![1])
  const url = link.url!
  const title = link.attributes.title
  const markdown =
    '[' + text + '](' + destination(url, link.inTableCell) + (title === undefined ? '' : ' ' + quoteTitle(title, link.inTableCell)) + ')'
  const expectedText = (link.textNodes ?? []).map((node) => toString(node)).join('')
  if (!sameLink(markdown, link.inTableCell, url, title ?? null, expectedText)) {
    context.report({
      reason,
      range,
      note: 'Not fixed: the Markdown link would not read back the same (its text or URL needs escaping that is not safe to guess)'
    })
    return
  }
  context.report({reason, fix: {range, text: markdown}})
}

/** Why an HTML link cannot become Markdown without losing something, or nothing when it can. */
function whyNotMarkdown(link: HtmlLink, options: Options): string | undefined {
  if (!link.closed || !link.textRange) return 'the link is not closed in the same paragraph or table cell'
  if (link.url === undefined || link.url.trim() === '') return 'the link has no URL'
  if (/[\r\n]/.test(link.url)) return 'the URL spans lines'
  if (link.textRange[0] === link.textRange[1]) return 'the link has no text'
  for (const [name, value] of Object.entries(link.attributes)) {
    const lower = name.toLowerCase()
    if (lower === 'href' || lower === 'title') continue
    if (lower === 'target') {
      if (value === '_self') continue
      if (value === '_blank' && options.targetBlank === 'drop') continue
      if (value === '_blank') {
        return '`target="_blank"` (opening a new tab) has no Markdown equivalent; set `targetBlank: \'drop\'` to convert such links'
      }
      return `\`target="${value}"\` has no Markdown equivalent`
    }
    if (lower === 'rel') {
      const hint = value
        .toLowerCase()
        .split(/\s+/)
        .find((token) => crawlerHints.has(token))
      if (hint) return `\`rel="${hint}"\` would be lost`
      continue
    }
    return `the attribute \`${name}\` carries meaning that Markdown cannot keep`
  }
  const inner = link.textNodes ?? []
  if (inner.some((node) => node.type === 'html' && /^<a[\s>/]/i.test(node.value))) return 'the link holds another link'
  return undefined
}

function reportMarkdownLink(link: MarkdownLink, context: RuleContext<Options>, suffix: string): void {
  const reason = 'Unexpected Markdown link, expected an HTML link' + suffix
  const {range} = link
  let text: string
  if (link.kind === 'autolink') {
    text = escapeHtml(toString(link.node))
  } else if (link.textRange && link.textRange[1] > link.textRange[0]) {
    text = context.source.slice(link.textRange[0], link.textRange[1])
  } else {
    context.report({reason, range, note: 'Not fixed: the link has no text'})
    return
  }
  const attributes = [`href="${escapeAttribute(link.url, link.inTableCell)}"`]
  if (link.title !== null) attributes.push(`title="${escapeAttribute(link.title, link.inTableCell)}"`)
  const html = `<a ${attributes.join(' ')}>${text}</a>`
  const opening = elementsNamed(parseDom(html), 'a', true)[0]?.attribs
  if (opening?.href !== link.url || (link.title !== null && opening.title !== link.title)) {
    context.report({reason, range, note: 'Not fixed: the URL or title would not read back the same in HTML'})
    return
  }
  context.report({reason, fix: {range, text: html}})
}
