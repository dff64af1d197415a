/** YAML front matter: it parses, has no duplicate keys, has the required keys, and its `title` agrees with the page's heading. */
import type {Heading, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair} from 'yaml'
import {doc} from '../src/example.js'
import {nodeRange, type Range} from '../src/model/source.js'
import {option} from '../src/options.js'
import {defineRule, type OptionsOf, type Report, type RuleContext} from '../src/rule.js'

export type Options = OptionsOf<typeof rule>

const rule = defineRule({
  meta: {
    id: 'front-matter',
    description: 'YAML front matter that does not parse, repeats a key, lacks a required key, or disagrees with the heading',
    rationale:
      'Off in the recommended preset: on real pages it was not tuned on, 1 of 3 of its judged findings were worth a ' +
      "writer's time (`eval/verdicts/holdout-after.tsv`), short of the 85% a rule needs to be on by default. Turn it " +
      "on with one line in the configuration's `plugins`: `[frontMatter, ['error']]` (import it from `policylint/rules`). " +
      'Site generators read the front matter to title the page, build menus and set the date a policy shows. ' +
      'Front matter that does not parse is often published as text at the top of the page, or breaks the build; ' +
      'a repeated key silently keeps one of the values; a page without a `title` is listed by its file name; and ' +
      'a `title` that says one thing while the page heading says another (`Privacy policy` over ' +
      '`# Cookie notice`) leaves the reader unsure which document they are reading. ' +
      'Required keys are only checked in documents that have front matter, and a page that opens with its only ' +
      'level-1 heading has a title (MkDocs and Docusaurus take it from there). The title check compares the ' +
      '`title` with that heading, ignoring case, punctuation and a site name ' +
      'joined with `|`, and accepts one containing the other (`GitHub cookies` over `# Cookies`).',
    recommended: 'off',
    fix: 'none'
  },
  options: {
    required: option.strings({default: ['title'], doc: 'Keys the front matter must have (`["title", "last_updated"]`); replaces the default list.'}),
    titleMatchesHeading: option.boolean({default: true, doc: 'Whether the `title` must agree with the level-1 heading.'})
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
      ---
      title: Cookie policy
      layout: page
      ---

      # Cookie policy

      We use a few cookies.
    `
    },
    {
      name: 'invalid.md',
      input: doc`
        ---
        title: Cookie policy
        title: Privacy notice
        layout: [page
        ---

        We use a few cookies.
      `,
      messages: [
        '3:1-3:6: Unexpected duplicate key `title`, expected each key once',
        '4:1-4:14: Unexpected front matter that does not parse (Flow sequence in block collection must be sufficiently indented and end with a ]), expected valid YAML'
      ]
    },
    {
      name: 'heading.md',
      input: doc`
        ---
        title: Privacy notice
        ---

        # Cookie policy

        We use a few cookies.
      `,
      messages: ['5:1-5:16: Unexpected heading `Cookie policy`, expected it to agree with the front matter `title` `Privacy notice`']
    },
    {
      name: 'required.md',
      options: {required: ['title', 'last_updated']},
      input: doc`
        ---
        title: Cookie policy
        ---

        We use a few cookies.
      `,
      messages: ['1:1-3:4: Unexpected front matter without `last_updated`, expected a `last_updated` key']
    }
  ],
  check(tree, context) {
    const node = tree.children.find((child) => child.type === 'yaml')
    if (!node || node.type !== 'yaml') return
    const nodeAt = nodeRange(node)
    if (!nodeAt) return
    // The YAML text starts on the line after the opening `---`.
    const valueStart = context.source.indexOf(node.value, nodeAt[0] + 3)
    if (valueStart < 0) return
    const at = (range: [number, number] | readonly number[]): Range => [valueStart + range[0], valueStart + Math.max(range[0] + 1, range[1])]

    const document = parseDocument(node.value, {uniqueKeys: false, prettyErrors: false})
    const findings: Report[] = []
    for (const error of document.errors) {
      const reason = error.message
        .split('\n')[0]
        .replace(/ at line \d+, column \d+:?$/, '')
        .replace(/\.$/, '')
      findings.push({
        reason: `Unexpected front matter that does not parse (${reason}), expected valid YAML`,
        range: onOneLine(node.value, error.pos, valueStart)
      })
    }
    const broken = findings.length > 0

    const contents = document.contents
    if (contents && isMap(contents)) duplicates(contents.items, context, at, findings)
    for (const finding of findings.sort((a, b) => a.range![0] - b.range![0])) context.report(finding)
    if (broken) return
    if (node.value.trim() !== '' && !(contents && isMap(contents))) {
      context.report({reason: 'Unexpected front matter that is not a mapping, expected `key: value` lines', range: nodeAt})
      return
    }

    const keys = new Map<string, Pair>()
    if (contents && isMap(contents)) for (const pair of contents.items) if (isScalar(pair.key)) keys.set(String(pair.key.value), pair as Pair)
    const opening = openingHeading(tree)
    for (const key of context.options.required) {
      // MkDocs, Docusaurus and others take the title from a level-1 heading that opens the page.
      if (key === 'title' && opening) continue
      if (!keys.has(key)) context.report({reason: `Unexpected front matter without \`${key}\`, expected a \`${key}\` key`, range: nodeAt})
    }

    const title = keys.get('title')
    if (context.options.titleMatchesHeading && title && isScalar(title.value) && title.value.value !== null) {
      checkTitle(tree, context, String(title.value.value), title.value.range ? at(title.value.range) : nodeAt)
    }
  }
})
export default rule

function duplicates(
  items: Array<Pair<unknown, unknown>>,
  context: RuleContext<Options>,
  at: (range: readonly number[]) => Range,
  findings: Report[]
): void {
  const first = new Map<string, YamlNode>()
  for (const pair of items) {
    const key = pair.key as YamlNode | null
    if (key && isScalar(key) && key.range) {
      const name = String(key.value)
      const earlier = first.get(name)
      if (earlier?.range) {
        findings.push({
          reason: `Unexpected duplicate key \`${name}\`, expected each key once`,
          range: at(key.range),
          cause: context.evidence(`\`${name}\` is first set here`, at(earlier.range))
        })
      } else first.set(name, key)
    }
    const value = pair.value as YamlNode | null
    if (value && isMap(value)) duplicates(value.items as Array<Pair<unknown, unknown>>, context, at, findings)
    if (value && isSeq(value))
      for (const item of value.items) if (isMap(item)) duplicates(item.items as Array<Pair<unknown, unknown>>, context, at, findings)
  }
}

/** A parser error's place, kept on one line: from the error to the end of its line, or the line itself when the error is at its end. */
function onOneLine(value: string, pos: readonly number[], offset: number): Range {
  let start = Math.min(pos[0], value.length)
  let end = Math.max(start, Math.min(pos[1], value.length))
  const newline = value.indexOf('\n', start)
  if (newline >= 0 && end > newline) end = newline
  if (value.charAt(end - 1) === '\r') end--
  if (end <= start) {
    const lineStart = value.lastIndexOf('\n', start - 1) + 1
    start = lineStart + (/^[ \t]*/.exec(value.slice(lineStart))?.[0].length ?? 0)
    end = Math.max(start + 1, end)
    const lineEnd = value.indexOf('\n', start)
    end = Math.max(end, lineEnd < 0 ? value.length : lineEnd)
    if (value.charAt(end - 1) === '\r') end--
  }
  return [offset + start, offset + Math.max(end, start + 1)]
}

function checkTitle(tree: Root, context: RuleContext<Options>, title: string, titleRange: Range): void {
  const heading = openingHeading(tree)
  if (!heading) return
  const text = toString(heading)
  // Template expressions (`{{ page.title }}`) are the title itself.
  if (/\{\{|\{%|<%/.test(text) || /\{\{|\{%/.test(title)) return
  const headingKey = normalize(text)
  if (!headingKey) return
  const parts = [title, ...title.split(/\s+[|·•–—:-]\s+/)].map(normalize).filter(Boolean)
  if (parts.length === 0) return
  if (parts.some((part) => part.includes(headingKey) || headingKey.includes(part))) return
  context.report({
    reason: `Unexpected heading \`${text}\`, expected it to agree with the front matter \`title\` \`${title}\``,
    node: heading,
    cause: context.evidence('The front matter sets the title here', titleRange)
  })
}

/** The page's title heading: the only level-1 heading, when it is the first heading (several are sections). */
function openingHeading(tree: Root): Heading | undefined {
  const headings = tree.children.filter((child): child is Heading => child.type === 'heading')
  const top = headings.filter((heading) => heading.depth === 1)
  return top.length === 1 && headings[0] === top[0] ? top[0] : undefined
}

function normalize(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      // `Cookies policy` and `Cookie policy` agree.
      .replace(/(\p{L}{3,})s\b/gu, '$1')
  )
}
