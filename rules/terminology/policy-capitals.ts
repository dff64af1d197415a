/** `policy-capitals`: `this Cookie Policy` and `our cookie policy` are one name, capitalised one way. */
import type {ProseText} from '../../src/model/prose-text.js'
import type {RuleContext} from '../../src/rule.js'
import type {Options} from '../terminology.js'
import {matches, normal, reportMinority} from './matches.js'

// Only after `this` or `our`, where the name means the document itself (not "the Google Privacy Policy").
const policyName = /\b(?:cookie|privacy)\s+(?:policy|notice|statement)\b/gi
// A lookbehind here made V8 rescan the text at every position (10 s on 100 KB); test a short window instead.
const preceded = /\b(?:this|our)\s+$/i

function variant(written: string): string {
  return /^[a-z]/.test(written) ? 'lower case' : /\s[A-Z]/.test(written) ? 'Title Case' : 'Sentence case'
}

/** Report the names of a kind written in the document's minority case; nothing when `terms` covers one. */
export function checkPolicyCapitals(text: ProseText, covered: Set<string>, context: RuleContext<Options>): void {
  // Link text and headings follow their own capitals; a name in capitals is emphasis.
  const found = matches(text, policyName, true)
    .filter((item) => preceded.test(item.run.text.slice(Math.max(0, item.at - 20), item.at)))
    .filter((item) => item.written !== item.written.toUpperCase())
    .map((item) => ({...item, variant: variant(item.written)}))
  if (found.some((item) => covered.has(normal(item.written)))) return
  // `our Cookie Policy` on a privacy page is another document's title: each document's name is compared with
  // itself only, never made to follow how the page writes its own name.
  const kinds = new Map<string, typeof found>()
  for (const item of found) {
    const kind = item.written.slice(0, 4).toLowerCase()
    kinds.set(kind, [...(kinds.get(kind) ?? []), item])
  }
  for (const items of kinds.values()) reportMinority(items, (item, example) => recase(item.written, example.written), context)
}

/** Copy the capitals of `model` word by word onto `written`. */
function recase(written: string, model: string): string {
  const words = written.split(/(\s+)/)
  const modelWords = model.split(/\s+/)
  let index = 0
  return words
    .map((part) => {
      if (/^\s+$/.test(part)) return part
      const like = modelWords[index++] ?? part
      return /^[A-Z]/.test(like) ? part.charAt(0).toUpperCase() + part.slice(1).toLowerCase() : part.toLowerCase()
    })
    .join('')
}
