/** Small text helpers every part of policylint shares (as markdownlint keeps its helpers): one copy of each. */
import type {PhrasingContent} from 'mdast'

/** A month's name or abbreviation (`Jan`, `January`, `Sept`), as regular-expression alternatives, January first. */
export const monthPattern =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'

const monthAbbreviations = monthPattern.split('|').map((alternative) => alternative.slice(0, 3))

/** The number of the month a name or abbreviation names (`Sept` → 9), 0 for anything else. */
export function monthIndex(name: string): number {
  return monthAbbreviations.indexOf(name.slice(0, 3).toLowerCase()) + 1
}

/** `value` as a regular expression that matches it literally. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Words joined for a message: `a`, `a and b`, `a, b and c`; with `serial`, a comma before the conjunction however
 * many there are (`a, or b`, as option and spelling messages have always written it).
 */
export function listOf(items: readonly string[], conjunction: 'and' | 'or' = 'and', serial = false): string {
  if (items.length <= 1) return items.join('')
  return items.slice(0, -1).join(', ') + (serial ? ', ' : ' ') + conjunction + ' ' + items[items.length - 1]
}

/** Values in backticks for a message's "expected": `` `a`, `b`, or `c` ``. */
export function codeList(values: readonly string[]): string {
  return listOf(
    values.map((value) => '`' + value + '`'),
    'or',
    true
  )
}

/** The text of inline Markdown (a table cell, a paragraph): a `<br>` or a hard break as a line break. */
export function phrasingText(nodes: readonly PhrasingContent[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'html') {
      if (/^<br\s*\/?>$/i.test(node.value)) text += '\n'
    } else if ('value' in node) {
      text += node.value
    } else if ('children' in node) {
      text += phrasingText(node.children as PhrasingContent[])
    } else if (node.type === 'break') {
      text += '\n'
    }
  }
  return text
}
