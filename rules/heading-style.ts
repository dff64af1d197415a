/** Level 1 and 2 headings are written one way, ATX (`# Title`) or setext (underlined), by default the majority's. */
import type {Heading, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visitParents} from 'unist-util-visit-parents'
import {doc} from '../src/example.js'
import {option} from '../src/options.js'
import {nodeRange, type Range} from '../src/model/source.js'
import {parseSnippet} from '../src/model/reparse.js'
import {walk} from '../src/model/walk.js'
import {defineRule, type OptionsOf, type RuleContext} from '../src/rule.js'

export type Options = OptionsOf<typeof rule>

type Style = 'atx' | 'setext'

interface Written {
  heading: Heading
  range: Range
  style: Style
  /** Whether the heading is a child of the document itself (not in a list or quote). */
  topLevel: boolean
}

const display: Record<Style, string> = {atx: 'ATX', setext: 'setext'}

const rule = defineRule({
  meta: {
    id: 'heading-style',
    description: 'Level 1 and 2 headings are written one way: ATX (`# Title`) or setext (underlined)',
    rationale:
      'Only level 1 and 2 headings can be written both ways, so only they count and only they are reported: ' +
      'levels 3 to 6 are ATX in every document, and setext titles over `###` sections are a consistent style. ' +
      'A closing sequence (`## Title ##`) is ATX too: the opening `#`s make the heading, the closing ones are ' +
      "optional decoration and are not judged. By default the document's majority decides, so one setext title " +
      "over seven ATX headings is one finding, not seven; on a tie the first heading's style wins. The fix rewrites " +
      'the heading in the other style when nothing is lost: a setext heading becomes ATX (the lines of an `=` heading joined; a paragraph of several lines ' +
      'over `---` is more often a horizontal rule without its blank line, so it is left to the writer), ' +
      'an ATX heading becomes setext (underlined with `=` or `-`, after a blank line). A heading in a list or quote, ' +
      'an empty heading, or one holding a line break is reported without a fix, and the note says why. ' +
      'Turn it off for a region with `<!-- policylint disable heading-style -->`.',
    recommended: 'warn',
    fix: 'safe'
  },
  options: {
    style: option.oneOf({
      values: ['consistent', 'atx', 'setext'],
      default: 'consistent',
      doc: "`consistent` follows the majority of the document's level 1 and 2 headings; a tie goes to the first heading's style."
    })
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
      Cookie policy
      =============

      Cookies we use
      --------------

      ### Analytics
    `
    },
    {
      name: 'invalid.md',
      input: doc`
        Cookie policy
        =============

        ## Cookies we use

        ## Your choices

        ## Contact
      `,
      messages: ['1:1-2:14: Unexpected setext heading, expected ATX like 3 other headings'],
      fixed: doc`
        # Cookie policy

        ## Cookies we use

        ## Your choices

        ## Contact
      `
    },
    {
      name: 'setext.md',
      options: {style: 'setext'},
      input: doc`
        # Cookie policy

        We use two cookies.
      `,
      messages: ['1:1-1:16: Unexpected ATX heading, expected setext'],
      fixed: doc`
        Cookie policy
        =============

        We use two cookies.
      `
    }
  ],
  check(tree, context) {
    const written = headings(tree, context.source)
    if (written.length === 0) return
    let expected: Style
    let majority = 0
    if (context.options.style === 'consistent') {
      const atx = written.filter((item) => item.style === 'atx').length
      const setext = written.length - atx
      expected = atx === setext ? written[0].style : atx > setext ? 'atx' : 'setext'
      majority = Math.max(atx, setext)
    } else {
      expected = context.options.style
    }

    for (const item of written) {
      if (item.style === expected) continue
      const reason =
        `Unexpected ${display[item.style]} heading, expected ${display[expected]}` +
        (majority > 0 ? ` like ${majority} other ${majority === 1 ? 'heading' : 'headings'}` : '')
      const rewritten = rewrite(item, context)
      if (typeof rewritten === 'string') {
        context.report({reason, fix: {range: item.range, text: rewritten}})
      } else {
        context.report({reason, range: item.range, note: rewritten.note})
      }
    }
  }
})
export default rule

/** Level 1 and 2 headings with their style; levels 3 to 6 have no choice to make. */
function headings(tree: Root, source: string): Written[] {
  const found: Written[] = []
  // walk, not visitParents: it makes no closure per node (the same headings and ancestors, in the same order).
  walk(tree, (heading, ancestors) => {
    if (heading.type !== 'heading') return
    const range = nodeRange(heading)
    if (!range || heading.depth > 2) return
    // An ATX heading is one line; a setext heading ends on its underline.
    const style: Style = source.slice(range[0], range[1]).includes('\n') ? 'setext' : 'atx'
    found.push({heading, range, style, topLevel: ancestors.length === 1})
  })
  return found
}

/** The heading in the other style, or why it cannot be written so without loss. */
function rewrite(item: Written, context: RuleContext<Options>): string | {note: string} {
  const {heading, range} = item
  const {source} = context
  const first = nodeRange(heading.children[0])
  const last = nodeRange(heading.children[heading.children.length - 1])
  if (!first || !last) return {note: 'Not fixed: an empty heading cannot be written as setext'}
  if (!item.topLevel) return {note: 'Not fixed: the heading sits in a list or quote; rewrite it by hand'}
  let hasBreak = false
  visitParents(heading, 'break', () => {
    hasBreak = true
  })
  if (hasBreak) return {note: 'Not fixed: the heading holds a line break, which an ATX heading cannot'}

  const content = source.slice(first[0], last[1])
  // `---` under a paragraph is as often a horizontal rule without its blank line as a heading.
  if (item.style === 'setext' && heading.depth === 2 && content.includes('\n')) {
    return {note: 'Not fixed: `---` under a paragraph makes it a heading; if a horizontal rule was meant, put a blank line above it'}
  }
  const eol = source.includes('\r\n') ? '\r\n' : '\n'
  let text: string
  if (item.style === 'setext') {
    text = '#'.repeat(heading.depth) + ' ' + content.split(/[ \t]*\r?\n[ \t]*/).join(' ')
  } else {
    const underline = (heading.depth === 1 ? '=' : '-').repeat(Math.max(3, [...content].length))
    // A setext heading cannot follow a paragraph line: it would swallow it.
    const lineStart = source.lastIndexOf('\n', range[0] - 1) + 1
    const previous = source.slice(source.lastIndexOf('\n', lineStart - 2) + 1, lineStart)
    const blankBefore = lineStart === 0 || previous.trim() === ''
    text = (blankBefore ? '' : eol) + content + eol + underline
  }

  // The rewritten heading must read back as the same heading.
  const reparsed = parseSnippet(text.replace(/^\r?\n/, '')).children
  const same =
    reparsed.length === 1 &&
    reparsed[0].type === 'heading' &&
    reparsed[0].depth === heading.depth &&
    squash(toString(reparsed[0])) === squash(toString(heading))
  if (!same) return {note: `Not fixed: written as ${display[item.style === 'atx' ? 'setext' : 'atx']} it would not read back the same`}
  return text
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
