/** Whether a page is a policy (a cookie policy, a privacy notice, terms of use), by its title or file name. */
import type {Heading, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'

/**
 * Whether the page is a policy: by its title (front matter `title`, or its first top-level heading) when it has
 * one, else by its file name. The title wins: `known-cookies.md` titled `Known cookies rule` is no policy.
 */
export function isPolicy(tree: Root, stem: string | undefined): boolean {
  const titles: string[] = []
  const yaml = tree.children.find((child) => child.type === 'yaml')
  const title = yaml && 'value' in yaml ? /^title[ \t]*:(.*)$/m.exec(String(yaml.value)) : null
  if (title && title[1].trim()) titles.push(title[1].trim().replace(/^(["'])(.*)\1$/, '$2'))
  const headings = tree.children.filter((child): child is Heading => child.type === 'heading')
  const heading = headings.find((child) => child.depth === 1) ?? headings.find((child) => child.depth === 2)
  if (heading) titles.push(toString(heading))
  if (titles.length > 0) return titles.some((text) => namesPolicy(text))
  return namesPolicy((stem ?? '').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/[-_.\s]+/g, ' '))
}

// The kind of page is the head of the title: `Cookie policy`, `Terms of use`, `How we use cookies`, `Privacy at
// Acme`, not `Policy documents`, `Glossary of terms`, `Privacy-preserving analytics` or `Marketing cookies` (a
// section of a cookie policy, often kept in its own file).
const policyWord =
  /(?<![\p{L}\p{N}-])(?<before>[\p{L}-]+[ \t]+)?(?<word>policy|notice|terms|privacy|data[ \t]+protection|cookies?|conditions(?=[ \t]+of[ \t]+(?:use|sale|service)))(?![\p{L}\p{N}-])/giu
const policyEnd =
  /^(?:[ \t]*$|[ \t]*[|:([,/]|[ \t]+[-–—][ \t]|[ \t]+(?:of|for|on|and|&|at|in|to|by|statement|policy|notice|information|declaration|conditions)(?![\p{L}\p{N}])|[ \t]+[a-z]{2}(?:[ -][a-z]{2})?[ \t]*$)/iu
const cookieCategory =
  /^(?:essential|necessary|functional|functionality|performance|analytics?|analytical|marketing|advertising|targeting|preferences?|statistics|statistical|tracking|session|persistent|media|party|first-party|third-party|social)[ \t]+$/i

function namesPolicy(title: string): boolean {
  const text = title.replace(/[*_`]/g, ' ').trim()
  for (const match of text.matchAll(policyWord)) {
    const {before = '', word} = match.groups!
    if (!policyEnd.test(text.slice(match.index! + match[0].length))) continue
    if (/^cookies?$/i.test(word) && cookieCategory.test(before)) continue
    if (/^terms$/i.test(word) && /^of[ \t]+$/i.test(before)) continue
    return true
  }
  return false
}
