/** `document-name`: the page's own name is written one way (`Cookie Policy`, not also `this Cookies Policy`). */
import type {Root} from 'mdast'
import {documentName} from '../../src/data/terminology.js'
import {nodeRange} from '../../src/model/source.js'
import type {ProseText} from '../../src/model/prose-text.js'
import type {RuleContext} from '../../src/rule.js'
import type {Options} from '../terminology.js'
import {matches} from './matches.js'

/** The first name in a text (no `g`: one pattern for every call, no state between them). */
const firstName = new RegExp(documentName.source, 'i')

interface NameUse {
  written: string
  start: number
  end: number
  title: boolean
}

/**
 * The page's own name written two ways: the title (front matter or first heading) and the names after `this` or
 * `these`, of the kind the title names. The name most used wins, the title on a tie; a title in the minority is
 * reported once, the other uses each.
 */
export function checkDocumentName(tree: Root, text: ProseText, context: RuleContext<Options>): void {
  const {runs} = text
  let title: NameUse | undefined
  const yaml = tree.children.find((node) => node.type === 'yaml')
  const yamlRange = nodeRange(yaml)
  if (yaml && 'value' in yaml && yamlRange) {
    const line = /^title:[ \t]*["']?(.*?)["']?[ \t]*$/m.exec(context.source.slice(yamlRange[0], yamlRange[1]))
    const name = line ? firstName.exec(line[1]) : null
    if (line && name) {
      const start = yamlRange[0] + line.index + line[0].indexOf(line[1]) + name.index
      title = {written: name[0], start, end: start + name[0].length, title: true}
    }
  }
  if (!title) {
    const heading = runs.find((run) => run.block === 'heading' && run.heading?.depth === 1) ?? runs.find((run) => run.block === 'heading')
    const name = heading ? firstName.exec(heading.text) : null
    if (heading && name) title = {written: name[0], start: heading.start + name.index, end: heading.start + name.index + name[0].length, title: true}
  }
  const uses: NameUse[] = []
  for (const {run, start, end, written, at} of matches(text, documentName)) {
    if (title && start === title.start) continue
    if (!/\b(?:this|these)\s+$/i.test(run.text.slice(Math.max(0, at - 12), at))) continue
    if (anotherDocument(run.text, at, written)) continue
    uses.push({written, start, end, title: false})
  }
  // The page's kind comes from its title, or else from the kind it most often calls itself.
  const kinds = new Map<string, number>()
  for (const use of uses) kinds.set(nameKind(use.written), (kinds.get(nameKind(use.written)) ?? 0) + 1)
  const kind = title ? nameKind(title.written) : [...kinds].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (!kind) return
  const own = [...(title ? [title] : []), ...uses.filter((use) => nameKind(use.written) === kind)]
  const counts = new Map<string, number>()
  for (const use of own) counts.set(nameKey(use.written), (counts.get(nameKey(use.written)) ?? 0) + 1)
  if (counts.size < 2) return
  const ranked = [...counts].sort(
    (a, b) => b[1] - a[1] || (title && a[0] === nameKey(title.written) ? -1 : title && b[0] === nameKey(title.written) ? 1 : 0)
  )
  const [preferred, count] = ranked[0]
  if (ranked[1][1] === count && !(title && nameKey(title.written) === preferred)) return
  const examples = own.filter((use) => nameKey(use.written) === preferred)
  const example = examples.find((use) => use.written !== use.written.toUpperCase()) ?? examples[0]
  const like = example.title ? 'like its title' : `like the ${count} other use${count === 1 ? '' : 's'} in this document`
  for (const use of own) {
    if (nameKey(use.written) === preferred) continue
    const text = nameCase(example.written, use.written)
    const written = use.written.replace(/\s+/g, ' ')
    context.report({
      reason: `Unexpected \`${written}\` as the name of this document, expected \`${text}\` ${like}`,
      range: [use.start, use.end],
      suggestions: [{description: `Write \`${text}\``, fix: {range: [use.start, use.end], text}}],
      cause: context.evidence(`\`${example.written}\` is used here`, [example.start, example.end])
    })
  }
}

/**
 * Whether `this Privacy Notice` names a part of the page or a second document: a qualified name (`this Privacy
 * Notice for California Residents`), or one set against another name of its kind in the same sentence (`This
 * Privacy Notice supplements our Privacy Policy`).
 */
function anotherDocument(text: string, index: number, name: string): boolean {
  const after = text.slice(index + name.length, index + name.length + 200)
  // An audience narrows the name to a part (`for California Residents`, `for job applicants`); a company does not
  // (`This Privacy Notice for Example Ltd`).
  if (
    /^[ \t]+(?:for|to|applicable[ \t]+to)[ \t]+(?:(?:our|all|the)[ \t]+)?(?:[\p{L}-]+[ \t]+)?(?:residents|applicants|candidates|employees|users|customers|children|consumers|staff|members|visitors|patients|students|contractors)\b/iu.test(
      after
    )
  )
    return true
  const sentence =
    text
      .slice(Math.max(0, index - 200), index)
      .split(/[.!?]\s/)
      .pop() +
    ' ' +
    after.split(/[.!?](?:\s|$)/)[0]
  for (const other of sentence.matchAll(documentName)) {
    // Another name of the kind, not itself introduced by `this` (`our Privacy Policy`, `the Privacy Policy`).
    const before = sentence.slice(Math.max(0, other.index! - 12), other.index)
    if (nameKind(other[0]) === nameKind(name) && nameKey(other[0]) !== nameKey(name) && !/\b(?:this|these)\s+$/i.test(before)) return true
  }
  return false
}

/** The preferred name in the case the written one uses (lower case, capitals, or Title Case). */
function nameCase(preferred: string, written: string): string {
  if (written === written.toLowerCase()) return preferred.toLowerCase()
  if (written === written.toUpperCase()) return preferred.toUpperCase()
  return preferred.toLowerCase().replace(/(^|\s)(?!(?:of|and)\b)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
}

function nameKind(name: string): string {
  return /^cookie/i.test(name) ? 'cookie' : /^privacy/i.test(name) ? 'privacy' : 'terms'
}

function nameKey(name: string): string {
  return name.toLowerCase().replace(/&/g, 'and').replace(/\s+/g, ' ')
}
