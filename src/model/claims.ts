/**
 * What a page's prose claims about its cookies (`We only use session cookies`, `We do not use third-party
 * cookies`): found by phrase, one sentence at a time, and not where the sentence makes the claim conditional or
 * partial. claims-consistency holds these claims against the cookie rows.
 */
import type {Root} from 'mdast'
import {cached} from './memo.js'
import {cookieRows, type CookieRow} from './cookie-rows.js'
import type {Range} from './source.js'
import {cellRange, fieldCell} from './tables.js'
import {prose} from './words.js'

export type ClaimKind = 'session-only' | 'anonymous' | 'first-party-only' | 'no-third-party' | 'no-sharing' | 'no-first-party' | 'no-advertising'

/** A block of prose outside tables and headings, with where it starts in the source. */
type Block = {start: number; text: string}
/** A claim's phrase, and what in the same sentence takes the claim back. */
type Phrase = {claim: RegExp; unless: RegExp}

/** `We use session cookies`, `we only use session cookies`, `this site uses only session cookies`. */
const sessionClaim =
  /\b(?:we|this (?:site|website|service)|our (?:site|website|service))[ \t]+(?:only[ \t]+)?uses?[ \t]+(?:only[ \t]+)?session[ \t]+cookies\b/i
/** What makes such a sentence not a claim of session cookies only. */
const notExclusive =
  /\b(?:persistent|permanent|long[- ]lived|and (?:other|third|analytics|marketing|tracking)|as well as|unless|if you|when you (?:opt|choose|agree|consent)|opt[- ]in)\b/i
/** A document that talks about persistent cookies it sets makes no session-only claim. */
const persistentMentioned = /\bpersistent[ \t]+cookies?\b|\bpermanent[ \t]+cookies?\b/i

/** `not personally identifiable`, `do not store any personally identifiable information`. */
const anonymousClaim =
  /\b(?:(?:is|are)[ \t]+not[ \t]+personally[ \t]+identifiable|(?:do|does)[ \t]+not[ \t]+(?:store|contain|collect|hold)[ \t]+any[ \t]+personally[ \t]+identifiable[ \t]+information)\b/i
const negation = String.raw`(?:do(?:es)?[ \t]+not|don['’]t|doesn['’]t|never|will[ \t]+not|won['’]t)`
const subject = String.raw`(?:we|this[ \t]+(?:site|website|service)|our[ \t]+(?:site|website|service)s?)`
/** `We do not use third-party cookies`, `No third-party cookies are set`. */
const noThirdPartyClaim = new RegExp(
  String.raw`\b${subject}[ \t]+${negation}[ \t]+(?:use|set|place|serve|allow)[ \t]+(?:any[ \t]+)?third[- ]party[ \t]+cookies\b` +
    String.raw`|\bno[ \t]+third[- ]party[ \t]+cookies[ \t]+(?:are|will[ \t]+be)[ \t]+(?:used|set|placed)\b`,
  'i'
)
/** `We do not share your personal data with third parties` (selling is another matter and not matched). */
const noSharingClaim = new RegExp(
  String.raw`\b${subject}[ \t]+${negation}[ \t]+(?:share|disclose|pass[ \t]+on)[ \t]+(?:any[ \t]+)?(?:of[ \t]+)?(?:your|this|the|such)?[ \t]*` +
    String.raw`(?:personal[ \t]+)?(?:data|information|details)[ \t]+with[ \t]+(?:any[ \t]+)?(?:other[ \t]+)?third[- ]parties\b`,
  'i'
)
/** What makes a third-party claim conditional or partial. */
const qualified = /\b(?:unless|except|other than|apart from|without|but|however|only|save|beyond|outside|for their|until|if you)\b/i
/** `We only use first-party cookies`, `All cookies on this site are first-party cookies`: no third-party cookie. */
const onlyFirstPartyClaim = new RegExp(
  String.raw`\b${subject}[ \t]+(?:only[ \t]+)?(?:use|set|place)s?[ \t]+(?:only[ \t]+)?first[- ]party[ \t]+cookies[ \t]+only\b` +
    String.raw`|\b${subject}[ \t]+only[ \t]+(?:use|set|place)s?[ \t]+first[- ]party[ \t]+cookies\b` +
    String.raw`|\b${subject}[ \t]+(?:use|set|place)s?[ \t]+only[ \t]+first[- ]party[ \t]+cookies\b` +
    String.raw`|\ball[ \t]+(?:of[ \t]+)?(?:the|our)[ \t]+cookies[ \t]+(?:we[ \t]+use[ \t]+)?are[ \t]+first[- ]party(?:[ \t]+cookies)?\b`,
  'i'
)
/** The same conditions, less `only`, which such a claim holds itself. */
const qualifiedOnly = /\b(?:unless|except|other than|apart from|without|but|however|save|beyond|outside|for their|until|if you)\b/i
/** `We do not use first-party cookies`, `No first-party cookies are set`. */
const noFirstPartyClaim = new RegExp(
  String.raw`\b${subject}[ \t]+${negation}[ \t]+(?:use|set|place)[ \t]+(?:any[ \t]+)?first[- ]party[ \t]+cookies\b` +
    String.raw`|\bno[ \t]+first[- ]party[ \t]+cookies[ \t]+(?:are|will[ \t]+be)[ \t]+(?:used|set|placed)\b`,
  'i'
)
/** `We do not use advertising cookies`, `No marketing cookies are set`. */
const noAdvertisingClaim = new RegExp(
  String.raw`\b${subject}[ \t]+${negation}[ \t]+(?:use|set|place|serve)[ \t]+(?:any[ \t]+)?(?:advertising|marketing|targeting)[ \t]+cookies\b` +
    String.raw`|\bno[ \t]+(?:advertising|marketing|targeting)[ \t]+cookies[ \t]+(?:are|will[ \t]+be)[ \t]+(?:used|set|placed)\b`,
  'i'
)

const phrases: Record<ClaimKind, Phrase> = {
  'session-only': {claim: sessionClaim, unless: notExclusive},
  anonymous: {claim: anonymousClaim, unless: /\b(?:unless|except|other than|apart from|if you|when you (?:sign|log))\b/i},
  'first-party-only': {claim: onlyFirstPartyClaim, unless: qualifiedOnly},
  'no-third-party': {claim: noThirdPartyClaim, unless: qualified},
  'no-sharing': {claim: noSharingClaim, unless: qualified},
  'no-first-party': {claim: noFirstPartyClaim, unless: qualified},
  'no-advertising': {claim: noAdvertisingClaim, unless: qualified}
}

/** Where the page's prose makes a claim of this kind, in document order. */
export function proseClaims(tree: Root, source: string, kind: ClaimKind): Range[] {
  const blocks = cached(tree, 'prose-blocks', () => proseBlocks(tree, source))
  // A page that talks about persistent cookies it sets makes no session-only claim.
  if (kind === 'session-only' && blocks.some(({text}) => persistentMentioned.test(text))) return []
  return [...sentences(blocks, phrases[kind])]
}

/** Paragraphs, list items and HTML outside tables and headings: where claims are made. */
function proseBlocks(tree: Root, source: string): Block[] {
  const blocks = new Map<object, Range>()
  for (const run of prose(tree, source).runs) {
    if (run.block === 'tableCell' || run.block === 'heading') continue
    const key = run.blockNode ?? run
    const range = blocks.get(key)
    if (range) range[1] = Math.max(range[1], run.end)
    else blocks.set(key, [run.start, run.end])
  }
  return [...blocks.values()].map(([start, end]) => ({start, text: source.slice(start, end)}))
}

/** Each sentence of the prose that matches `claim` and not `unless`, with the claim's range in the source. */
function* sentences(blocks: Block[], {claim, unless}: Phrase): Generator<Range> {
  for (const {start, text} of blocks) {
    // A claim in a sentence is a claim in its block: most blocks make none, and need not be cut into sentences.
    if (!claim.test(text)) continue
    for (const sentence of text.matchAll(/[^.!?]+[.!?]?/g)) {
      const found = claim.exec(sentence[0])
      if (!found || unless.test(sentence[0])) continue
      const at = start + sentence.index! + found.index
      yield [at, at + found[0].length]
    }
  }
}

/** The page's text with the cookie tables' name and domain cells blanked: what names a provider to a reader. */
export function readerText(tree: Root, source: string): string {
  return cached(tree, 'reader-text', () => blankCells(cookieRows(tree, source), source))
}

function blankCells(rows: CookieRow[], source: string): string {
  const blanks: Range[] = []
  for (const {table, row} of rows) {
    for (const field of ['name', 'domain'] as const) {
      const cell = fieldCell(table, row, field)
      const range = cell && cellRange(cell)
      if (range) blanks.push(range)
    }
  }
  blanks.sort((a, b) => a[0] - b[0])
  let text = ''
  let at = 0
  for (const [start, end] of blanks) {
    if (start < at) continue
    text += source.slice(at, start) + ' '
    at = end
  }
  return text + source.slice(at)
}
