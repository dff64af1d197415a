/**
 * What a word in no dictionary may rightly be besides a slip: a name in a list of partners, code in an MDX
 * statement, a town on an address line, a defined abbreviation, a word of a Latin phrase of legal English or of a
 * quoted foreign phrase, a name, or a short part of a compound. Each reads the word in its document.
 */
import type {Root} from 'mdast'
import {latinPhrases} from '../data/policy-words.js'
import {escapeRegExp} from '../text.js'
import {nodeRange} from './source.js'
import {walk} from './walk.js'
import {wordKey, type Word} from './words.js'

/**
 * The first word of each item of a list of names: five or more items, four in five of them a link and nothing
 * else (`- [Exactag](https://exactag.com/privacy/)`); a few words that end no sentence count too (`- Waystack`).
 * Consent tools and vendor pages list partners so; their names are in no dictionary.
 */
export function nameListWords(tree: Root, words: Word[]): Set<Word> {
  const ranges: Array<[number, number]> = []
  walk(tree, (node) => {
    if (node.type !== 'list' || node.children.length < 5) return
    let links = 0
    const items: Array<[number, number]> = []
    for (const item of node.children) {
      const paragraph = item.children.length === 1 && item.children[0].type === 'paragraph' ? item.children[0] : undefined
      const range = nodeRange(paragraph)
      if (!paragraph || !range) continue
      const content = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
      if (content.length === 1 && content[0].type === 'link') {
        links++
        items.push(range)
      } else if (
        content.length === 1 &&
        content[0].type === 'text' &&
        !/[.!?:;]\s*$/.test(content[0].value) &&
        content[0].value.trim().split(/\s+/).length <= 6
      ) {
        // A name without a link: `- Waystack`, `- BDSK Handels GmbH & Co. KG`.
        items.push(range)
      }
    }
    if (links >= 0.8 * node.children.length) ranges.push(...items)
  })
  const found = new Set<Word>()
  if (ranges.length === 0) return found
  // Both in document order: one pass.
  ranges.sort((a, b) => a[0] - b[0])
  let at = 0
  for (const [start, end] of ranges) {
    while (at < words.length && words[at].range[0] < start) at++
    if (at < words.length && words[at].range[1] <= end) found.add(words[at])
  }
  return found
}

/** A test for words of an MDX `import` or `export` statement, which is code (`import {Callout} from 'nextra/components'`). */
export function moduleStatements(source: string): (word: Word) => boolean {
  const blocks = new Map<object | undefined, boolean>()
  return (word) => {
    if (word.run.block !== 'paragraph') return false
    let found = blocks.get(word.run.blockNode)
    if (found === undefined) {
      const range = nodeRange(word.run.blockNode as never)
      found = false
      if (range && /^(?:import|export)\s/.test(source.slice(range[0], range[0] + 7))) {
        const end = source.indexOf('\n', range[0])
        found = /\sfrom\s+['"]|=/.test(source.slice(range[0], end < 0 || end > range[1] ? range[1] : end))
      }
      blocks.set(word.run.blockNode, found)
    }
    return found
  }
}

/**
 * A capitalised word alone on its line in a block that has a number on another line: a town in an address
 * (`153 Harbour Road<br />Ayr<br />KA8 0JG`).
 */
export function addressLine(word: Word, source: string): boolean {
  if (!/^\p{Lu}/u.test(word.text) || word.run.block === 'heading') return false
  // Address lines are short: look no further than 40 characters either side.
  const near = source.slice(Math.max(0, word.range[0] - 40), word.range[1] + 40)
  const offset = word.range[0] - Math.max(0, word.range[0] - 40)
  const lineStart = near.lastIndexOf('\n', offset - 1)
  const lineEnd = near.indexOf('\n', offset + word.text.length)
  if ((lineStart < 0 && word.range[0] > 40) || (lineEnd < 0 && word.range[1] + 40 < source.length)) return false
  const line = near.slice(lineStart + 1, lineEnd < 0 ? near.length : lineEnd)
  if (line.replace(/<[^>]*>/g, ' ').replace(/[\s>*_,.\\]+/g, '') !== word.text) return false
  const block = nodeRange(word.run.blockNode as never)
  if (!block || block[1] - block[0] > 2000) return false
  return source
    .slice(block[0], block[1])
    .split('\n')
    .some((other) => /\d/.test(other.replace(/<[^>]*>/g, '')))
}

/** Small words an abbreviation leaves out: `Data Protection Officer`, `right of access`. */
const abbreviationGaps = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', '&'])

/**
 * An abbreviation the text defines by the words before it: `passive collection mechanisms ("pcms")`. The
 * initials of words just before, small words skipped, spell it (a final `s` for a plural).
 */
export function definedAbbreviation(word: Word, words: Word[], position: Map<Word, number>): boolean {
  const letters = word.text.toLowerCase().replace(/['’]s$/, '')
  if (letters.length < 2 || letters.length > 6) return false
  const index = position.get(word) ?? 0
  const before = words.slice(Math.max(0, index - 10), index).filter((other) => !abbreviationGaps.has(other.text.toLowerCase()))
  for (const target of letters.endsWith('s') ? [letters, letters.slice(0, -1)] : [letters]) {
    for (let start = 0; start + target.length <= before.length; start++) {
      const initials = before
        .slice(start, start + target.length)
        .map((other) => other.text.charAt(0).toLowerCase())
        .join('')
      if (initials === target) return true
    }
  }
  return false
}

/** A word of a Latin or French phrase of legal English (`forum non conveniens`, `force majeure`). */
export function inLatinPhrase(word: Word, source: string): boolean {
  const key = wordKey(word.text)
  for (const phrase of latinPhrases) {
    const parts = phrase.split(' ')
    const at = parts.indexOf(key)
    if (at < 0) continue
    // The phrase's words before and after this one, with any spaces or markup between them.
    const pattern = new RegExp(parts.map(escapeRegExp).join('[\\s*_]+'), 'iy')
    const from = Math.max(0, word.range[0] - 40)
    const window = source.slice(from, word.range[1] + 40)
    for (let start = 0; start <= word.range[0] - from; start++) {
      pattern.lastIndex = start
      const match = pattern.exec(window)
      if (match && from + start <= word.range[0] && from + start + match[0].length >= word.range[1]) return true
    }
  }
  return false
}

/** A capitalised word in a table cell, or next to another capitalised word outside headings: a name or an address. */
export function looksLikeName(word: Word, words: Word[]): boolean {
  if (!/^\p{Lu}/u.test(word.text) || word.run.block === 'heading') return false
  // A capitalised word in a table cell is most often a vendor or product (`Zendesk`, `Polymorph`).
  if (word.run.block === 'tableCell') return true
  const index = words.indexOf(word)
  const near = [words[index - 1], words[index + 1]].filter((other) => other && other.run === word.run)
  return near.some((other) => /^\p{Lu}/u.test(other.text) && !other.sentenceStart)
}

/**
 * A word in a phrase of another language quoted in English prose: another unknown word at most a word away
 * (`offentlighets- och sekretesslagen`), or capitalised words on both sides (`Beauftragte für Datenschutz und Informationsfreiheit`).
 */
export function foreignPhrase(word: Word, unknown: Set<Word>, words: Word[]): boolean {
  const index = words.indexOf(word)
  const near = (offset: number) => (words[index + offset]?.run === word.run ? words[index + offset] : undefined)
  const [before, after] = [near(-1), near(1)]
  // Another unknown word at most one word away.
  if ([near(-2), before, after, near(2)].some((other) => other && unknown.has(other))) return true
  const capitalised = (other: Word | undefined) => other !== undefined && /^\p{Lu}/u.test(other.text) && !other.sentenceStart
  return capitalised(before) && capitalised(after)
}

/** A part of three letters or fewer of a hyphenated compound (`add-ons`, `geo-location`, `pre-ICO`). */
export function shortCompoundPart(word: Word, source: string): boolean {
  const hyphen = source.charAt(word.range[0] - 1) === '-' || source.charAt(word.range[1]) === '-'
  return hyphen && word.text.length <= 3
}

/** A test for words in a paragraph or cell where two in five checked words are unknown: an address, an imprint in German. */
export function mostlyUnknownBlock(checked: Word[], unknown: Word[]): (word: Word) => boolean {
  const perBlock = new Map<object | undefined, {all: number; unknown: number}>()
  for (const word of checked) {
    const count = perBlock.get(word.run.blockNode) ?? {all: 0, unknown: 0}
    count.all++
    perBlock.set(word.run.blockNode, count)
  }
  for (const word of unknown) perBlock.get(word.run.blockNode)!.unknown++
  return (word) => {
    const count = perBlock.get(word.run.blockNode)!
    return count.all >= 3 && count.unknown / count.all >= 0.4
  }
}
