/** Links that are unsafe or broken: script URLs, `target="_blank"` without `rel="noopener"`, plain `http://`, empty links. */
import {toString} from 'mdast-util-to-string'
import {doc} from '../src/example.js'
import {elementsNamed, parseDom} from '../src/model/html.js'
import {links, type AnyLink, type HtmlLink} from '../src/model/links.js'
import type {Range} from '../src/model/source.js'
import {option} from '../src/options.js'
import {defineRule, type OptionsOf, type RuleContext} from '../src/rule.js'

export type Options = OptionsOf<typeof rule>

const rule = defineRule({
  meta: {
    id: 'link-safety',
    description:
      'Links are safe to follow: no script URLs, no `target="_blank"` without `rel="noopener"`, no plain `http://`, no empty or scheme-less links',
    rationale:
      'A policy page is often the most linked-to page of a site and is rarely reviewed by developers. ' +
      '`javascript:` and `data:` URLs run code or smuggle content; `target="_blank"` without `rel="noopener"` ' +
      'hands the opened page a handle on yours in older browsers; `http://` links send readers over an ' +
      'unencrypted connection (a warning with an `https://` suggestion, since not every host serves HTTPS); ' +
      'an empty link goes nowhere; and a link that names a host without a scheme (`[aboutcookies.org](aboutcookies.org)`, ' +
      '`href="www.example.com"`) or an email address without `mailto:` is a relative path on your own site, so the ' +
      'reader lands on a missing page (a suggestion adds `https://` or `mailto:`). Relative paths to files ' +
      '(`privacy.md`, `./cookies.html`, `/terms`, `page.php`) are not reported.',
    recommended: 'error',
    fix: 'safe'
  },
  options: {
    allowHttpHosts: option.strings({default: ['localhost', '127.0.0.1', '[::1]'], doc: 'Hosts where `http://` links are expected and not reported.'})
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
        Read the <a href="https://policies.google.com/privacy" target="_blank" rel="noopener noreferrer">Google Privacy Policy</a> and [ours](https://example.com/privacy).
      `
    },
    {
      name: 'target-blank.md',
      input: doc`
        See the <a target="_blank" href="https://policies.google.com/privacy">Google Privacy Policy</a>.
      `,
      messages: ['1:9-1:71: Unexpected `target="_blank"` without `rel="noopener"`, expected `rel="noopener noreferrer"`'],
      fixed: doc`
        See the <a target="_blank" rel="noopener noreferrer" href="https://policies.google.com/privacy">Google Privacy Policy</a>.
      `
    },
    {
      name: 'unsafe.md',
      input: doc`
        Change your [cookie settings](javascript:openSettings()) or read [the list]() and <http://example.com/cookies>.
      `,
      messages: [
        '1:13-1:57: Unexpected `javascript:` URL, expected a web address',
        '1:66-1:78: Unexpected empty link URL, expected a URL',
        '1:84-1:91: Unexpected insecure URL `http://example.com/cookies`, expected `https://`'
      ]
    },
    {
      name: 'no-scheme.md',
      description:
        'Without a scheme, a browser reads `www.…` or `aboutcookies.org` as a page on the same site. `privacy.md` and `index.html` are pages on the same site.',
      input: doc`
        Read the <a href="www.example.com/privacy">provider's policy</a>, [aboutcookies.org](aboutcookies.org), [our notice](privacy.md) and [the home page](index.html).
      `,
      messages: [
        '1:19-1:42: Unexpected URL `www.example.com/privacy` without a scheme, expected `https://www.example.com/privacy`',
        '1:86-1:102: Unexpected URL `aboutcookies.org` without a scheme, expected `https://aboutcookies.org`'
      ]
    },
    {
      name: 'local-http.md',
      description: 'A development server on the intranet serves plain HTTP on purpose.',
      options: {allowHttpHosts: ['localhost', 'intranet.example']},
      input: doc`
        Preview the notice at <http://localhost:4000/privacy/> or on [the intranet](http://intranet.example/privacy).
      `
    }
  ],
  check(tree, context) {
    for (const link of links(tree, context.source)) {
      // A reference link is checked at its definition, once.
      if (link.syntax === 'markdown' && link.kind === 'reference') continue
      checkLink(link, context)
    }
  }
})
export default rule

function checkLink(link: AnyLink, context: RuleContext<Options>): void {
  const node = link.syntax === 'html' ? link.fragment.node : link.node
  const where = link.range ? {range: link.range} : {node}
  const url = link.url

  if (link.syntax === 'html') {
    checkTargetBlank(link, context)
    if (url === undefined) {
      const others = Object.keys(link.attributes).filter((name) => !['target', 'rel', 'title'].includes(name.toLowerCase()))
      // `<a id="top">` or `<a class="js-cookie-settings">` is an anchor or a script hook, not a broken link.
      if (others.length === 0) context.report({reason: 'Unexpected `<a>` without `href`, expected a link target', ...where})
      return
    }
  }
  if (url === undefined) return

  if (url.trim() === '') {
    context.report({reason: 'Unexpected empty link URL, expected a URL', ...where})
    return
  }

  // Browsers ignore whitespace and control characters inside a scheme, so `java\tscript:` counts too.
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1].toLowerCase()
  if (scheme === 'javascript' || scheme === 'data' || scheme === 'vbscript') {
    context.report({reason: `Unexpected \`${scheme}:\` URL, expected a web address`, ...where})
    return
  }

  // `href="www.example.com"` or `(aboutcookies.org)` is a relative path on the site itself: the reader lands on a
  // missing page. `privacy.md`, `index.html` and `page.php` are real relative paths and are left alone.
  const missing = scheme ? undefined : missingScheme(url, linkText(link))
  if (missing) {
    const range = link.urlRange
    const reason = `Unexpected URL \`${url}\` without a scheme, expected \`${missing}${url}\``
    const description = `Add \`${missing}\``
    if (range) context.report({reason, suggestions: [{description, fix: {range, text: missing + url}}]})
    else context.report({reason, ...where})
    return
  }

  // GFM turns a bare `www.example.com` into an `http://` link; the writer never wrote `http://`, so it is not reported.
  const bareWww = link.syntax === 'markdown' && link.kind === 'literal' && !link.urlRange
  if (scheme === 'http' && !bareWww && !allowedHttp(url, context.options.allowHttpHosts)) {
    const reason = `Unexpected insecure URL \`${url}\`, expected \`https://\``
    const start = link.urlRange?.[0]
    if (start !== undefined && context.source.slice(start, start + 7).toLowerCase() === 'http://') {
      const range: Range = [start, start + 7]
      context.report({reason, severity: 'warning', suggestions: [{description: 'Use `https://`', fix: {range, text: 'https://'}}]})
    } else {
      context.report({reason, severity: 'warning', ...where})
    }
  }
}

/**
 * Top-level domains that end a host name written without a scheme. File extensions that are also TLDs (`.md`,
 * `.pl`, `.py`, `.sh`, `.do`, `.zip`, `.mov`, `.rs`) are left out: `privacy.md` is a file next to the page.
 */
const topLevelDomains = new Set(
  (
    'com org net edu gov int mil info biz name pro eu uk ie de fr es it nl be lu ch at li se no dk fi is pt gr cz sk hu ' +
    'ro bg hr si ee lv lt mt cy us ca mx br ar cl co au nz jp cn kr in sg hk tw za ru ua tr il ae io ai app dev ' +
    'me tv cc ly gg eco online site tech cloud global shop store blog news'
  ).split(' ')
)

/** The scheme a link needs when it names a host (`www.example.com`, `aboutcookies.org/x`) or an email address. */
function missingScheme(url: string, text: string): string | undefined {
  if (/^[^\s@/:?#]+@[a-z\d-]+(\.[a-z\d-]+)*\.[a-z]{2,}$/i.test(url)) {
    return topLevelDomains.has(url.slice(url.lastIndexOf('.') + 1).toLowerCase()) ? 'mailto:' : undefined
  }
  const host = /^([a-z\d][a-z\d-]*(?:\.[a-z\d-]+)+)(?:[/?#]|$)/i.exec(url)?.[1]
  if (!host) return undefined
  if (/^www\.[^.]+\.[a-z]{2,}/i.test(host)) return 'https://'
  const labels = host.toLowerCase().split('.')
  const tld = labels[labels.length - 1]
  if (!topLevelDomains.has(tld)) return undefined
  // `privacy.fr` may be the French page next to this one: a language code needs more to read as a host.
  if (languageCodes.has(tld) && labels.length < 3 && host.length === url.length && !text.toLowerCase().includes(host.toLowerCase())) {
    return undefined
  }
  return 'https://'
}

/** Country codes that are also language codes, used as suffixes of translated pages (`privacy.de`). */
const languageCodes = new Set([
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt',
  'se',
  'no',
  'fi',
  'is',
  'hr',
  'ro',
  'bg',
  'hu',
  'lt',
  'lv',
  'sk',
  'ru',
  'tr',
  'me',
  'ar',
  'in'
])

/** The visible text of a link. */
function linkText(link: AnyLink): string {
  if (link.syntax === 'html') {
    if (link.textNodes) return link.textNodes.map((node) => toString(node)).join('')
    return link.fragment.$(link.element).text()
  }
  return 'children' in link.node ? toString(link.node) : ''
}

function allowedHttp(url: string, hosts: string[]): boolean {
  try {
    const {hostname} = new URL(url)
    return hosts.includes(hostname) || /\.(localhost|local|test)$/.test(hostname)
  } catch {
    return false
  }
}

function checkTargetBlank(link: HtmlLink, context: RuleContext<Options>): void {
  const target = link.attributes.target
  if (target === undefined || target.toLowerCase() !== '_blank') return
  const rel = (link.attributes.rel ?? '').toLowerCase().split(/\s+/)
  if (rel.includes('noopener') || rel.includes('noreferrer')) return
  const reason = 'Unexpected `target="_blank"` without `rel="noopener"`, expected `rel="noopener noreferrer"`'
  const tag = link.startTag
  const fixed = tag ? withNoopener(link, tag, context.source) : undefined
  if (tag && fixed) context.report({reason, fix: {range: tag, text: fixed}})
  else context.report({reason, ...(link.range ? {range: link.range} : {node: link.fragment.node})})
}

/** The start tag with `noopener noreferrer` added to its `rel`, checked by parsing it back. */
function withNoopener(link: HtmlLink, tag: Range, source: string): string | undefined {
  const written = source.slice(tag[0], tag[1])
  const relRange = link.attributeRanges.get('rel')
  const targetRange = link.attributeRanges.get('target')
  let fixed: string
  if (link.attributes.rel !== undefined && relRange) {
    const value = [link.attributes.rel.trim(), 'noopener noreferrer'].filter(Boolean).join(' ')
    fixed = written.slice(0, relRange[0] - tag[0]) + `rel="${value}"` + written.slice(relRange[1] - tag[0])
  } else if (targetRange) {
    const at = targetRange[1] - tag[0]
    fixed = written.slice(0, at) + ' rel="noopener noreferrer"' + written.slice(at)
  } else {
    return undefined
  }
  const element = elementsNamed(parseDom(fixed), 'a', true)[0]
  if (!element) return undefined
  const before = {...link.attributes, rel: undefined}
  const after = {...element.attribs, rel: undefined}
  const rel = (element.attribs.rel ?? '').split(/\s+/)
  return JSON.stringify(before) === JSON.stringify(after) && rel.includes('noopener') ? fixed : undefined
}
