/** Heading levels go down one at a time: one finding per skipped level, the headings under it as evidence. */
import type {Heading, Html} from 'mdast'
import {doc} from '../src/example.js'
import {walk} from '../src/model/walk.js'
import {lineOf, nodeRange, type Range} from '../src/model/source.js'
import {defineRule} from '../src/rule.js'

/** A heading in Markdown or an `<h1>`…`<h6>` tag in HTML (pasted pages mix the two). */
interface Mark {
  rank: number
  range: Range
}

/** HTML heading tags; remark-lint read only the first of a block, and so missed the `<h3>` under an `<h2>`. */
const htmlHeading = /<h([1-6])(?=[\s>/])[^>]*>?/gi

export default defineRule({
  meta: {
    id: 'heading-increment',
    description: 'Heading levels go down one at a time: no `###` right under a `#`',
    rationale:
      "Readers, screen readers and tables of contents take a heading's level as its place in the outline: a " +
      '`###` straight under a `#` looks like a section of a missing one. Each skip is reported once, at the first ' +
      'heading that goes more than one level deeper than the heading it sits under; the other headings that sit ' +
      'under the same skip (siblings of the first) are named in its cause rather than reported again, because one ' +
      'edit to the outline mends them all. Every `<h1>`…`<h6>` tag in HTML counts as a heading, not only the first of a block. Nothing is ' +
      "fixed: whether to raise the headings or to add the missing one is the writer's choice, and raising only the " +
      'first would move its siblings under it. A document whose first heading is not level 1 is not reported for ' +
      'that (a title often comes from front matter). Turn it off for a region with ' +
      '`<!-- policylint disable heading-increment -->`.',
    recommended: 'warn',
    fix: 'none'
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
      # Cookie policy

      ## Cookies we use

      ### Analytics

      ## Your choices
    `
    },
    {
      name: 'invalid.md',
      input: doc`
        # Cookie policy

        ### Analytics

        ### Advertising

        ## Your choices

        #### Browser settings
      `,
      messages: [
        '3:1-3:14: Unexpected heading level `3` after level `1`, expected level `2` or less',
        '9:1-9:22: Unexpected heading level `4` after level `2`, expected level `3` or less'
      ]
    }
  ],
  check(tree, context) {
    const marks: Mark[] = []
    // walk, not visit: it makes no closure per node (the same nodes, in the same order).
    walk(tree, (node) => {
      if (node.type === 'heading') {
        const range = nodeRange(node)
        if (range) marks.push({rank: (node as Heading).depth, range})
      } else if (node.type === 'html') {
        const range = nodeRange(node)
        if (!range) return
        // A commented-out heading is not one: blank comments out, keeping offsets.
        const value = (node as Html).value.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length))
        for (const match of value.matchAll(htmlHeading)) {
          const start = range[0] + match.index
          // Inside a quote or list the value lacks the line prefixes: then point at the whole block.
          const exact = context.source.slice(start, start + match[0].length) === match[0]
          marks.push({rank: Number(match[1]), range: exact ? [start, start + match[0].length] : range})
        }
      }
    })

    // As remark-lint: a heading's parent is the closest heading before it of a lower level.
    const stack: Mark[] = []
    const skips = new Map<Mark, Mark[]>()
    for (const mark of marks) {
      let parent: Mark | undefined
      for (let rank = mark.rank - 1; rank > 0 && !parent; rank--) parent = stack[rank]
      if (parent && mark.rank > parent.rank + 1) {
        // Every heading that jumps from the same parent sits under the same missing level.
        const group = skips.get(parent) ?? []
        group.push(mark)
        skips.set(parent, group)
      }
      stack[mark.rank] = mark
      stack.length = mark.rank + 1
    }

    for (const [parent, [first, ...rest]] of skips) {
      const expected = parent.rank + 1
      context.report({
        reason: `Unexpected heading level \`${first.rank}\` after level \`${parent.rank}\`, expected level \`${expected}\` or less`,
        range: first.range,
        cause:
          rest.length > 0
            ? context.evidence(
                `${rest.length === 1 ? 'One more heading sits' : `${rest.length} more headings sit`} under the same ` +
                  `skip from level \`${parent.rank}\`: ${rest.length === 1 ? 'line' : 'lines'} ` +
                  listed(rest.map((mark) => lineOf(context.source, mark.range[0]))),
                rest[0].range
              )
            : undefined
      })
    }
  }
})

/** Line numbers, the first ten of a long list. */
function listed(lines: number[]): string {
  return lines.length > 10 ? lines.slice(0, 10).join(', ') + `, and ${lines.length - 10} more` : lines.join(', ')
}
