/**
 * Each rule's own cost, in this process: the pages are parsed once, then each rule runs alone on a fresh copy of
 * every tree (so it builds the models it uses, as it would alone), its CPU time less that of copying the trees.
 * In one process, so 20-odd rules cost seconds rather than 20-odd CLI runs of the corpus.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified, type Preset} from 'unified'
import {VFile} from 'vfile'
import policylint, {rules, syntax} from '../../src/preset.js'

export interface RuleCost {
  id: string
  /** CPU milliseconds over all pages. */
  cpu: number
}

export interface RuleCosts {
  pages: number
  /** Parsing every page once (GFM, front matter). */
  parse: number
  /** The full preset's transformers (every rule, message control) on the same trees. */
  preset: number
  rules: RuleCost[]
}

const cpuNow = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

export async function ruleCosts(folder: string): Promise<RuleCosts> {
  const pages = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = path.join(folder, name)
      return {path: file, value: fs.readFileSync(file, 'utf8')}
    })
  const parser = unified().use(remarkParse).use(syntax).freeze()
  parser.parse(pages[0].value) // the first parse loads and compiles the parser: not the pages' cost
  let start = cpuNow()
  const trees = pages.map((page) => parser.parse(new VFile(page)) as Root)
  const parse = cpuNow() - start

  /** CPU of running the transformers of `plugins` on a copy of every tree. */
  const cost = async (plugins: Preset) => {
    const processor = unified().use(remarkParse).use(plugins).freeze()
    // One page first, unmeasured: lazily loaded data (dictionaries, tables) and the first compile are not per-page cost.
    await processor.run(structuredClone(trees[0]), new VFile(pages[0]))
    const begin = cpuNow()
    for (let index = 0; index < pages.length; index++) await processor.run(structuredClone(trees[index]), new VFile(pages[index]))
    return cpuNow() - begin
  }
  const copying = await cost({plugins: syntax})
  const preset = (await cost(policylint)) - copying
  const list: RuleCost[] = []
  for (const rule of rules) list.push({id: rule.meta.id, cpu: (await cost({plugins: [...syntax, [rule, ['warn']]]})) - copying})
  return {pages: pages.length, parse, preset, rules: list}
}
