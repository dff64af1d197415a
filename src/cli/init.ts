/**
 * `policylint init [--yes]`: set a repository up in one step. Writes `.remarkrc.mjs` (an ES module whatever the
 * folder's `"type"`), with the site's own domains read from the static-site generator's configuration already
 * there; offers to seed `.policylint-words` with the words the spelling rule does not know in the current pages;
 * prints the pre-commit and CI snippets that fit the repository.
 */
import fs from 'node:fs'
import path from 'node:path'
import {createInterface} from 'node:readline/promises'
import {parse as parseYaml} from 'yaml'
import {commandArguments} from './command-args.js'
import {discover} from '../engine.js'
import {isMdx, loadMdxSyntax} from '../mdx.js'

const usage =
  "Usage: policylint init [--yes]\n\nWrite .remarkrc.mjs with the site's domains, offer to seed .policylint-words, and print the pre-commit and CI snippets.\n"

/** Where a generator keeps the site's address, and how to read it from the file's text. */
const sources: Array<{files: string[]; read: (text: string) => string | undefined}> = [
  // Jekyll
  {files: ['_config.yml', '_config.yaml'], read: (text) => yamlKey(text, 'url')},
  // Hugo
  {files: ['hugo.toml', 'config.toml'], read: (text) => /^\s*baseURL\s*=\s*["']([^"']+)["']/im.exec(text)?.[1]},
  {files: ['hugo.yaml', 'hugo.yml', 'config.yaml', 'config.yml'], read: (text) => yamlKey(text, 'baseURL') ?? yamlKey(text, 'baseurl')},
  // MkDocs
  {files: ['mkdocs.yml', 'mkdocs.yaml'], read: (text) => yamlKey(text, 'site_url')},
  // Docusaurus
  {
    files: ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs'],
    read: (text) => /\burl\s*:\s*["'`](https?:\/\/[^"'`]+)["'`]/.exec(text)?.[1]
  },
  // Astro
  {files: ['astro.config.mjs', 'astro.config.js', 'astro.config.ts'], read: (text) => /\bsite\s*:\s*["'`](https?:\/\/[^"'`]+)["'`]/.exec(text)?.[1]},
  // Eleventy keeps it in global data by convention
  {files: ['_data/metadata.json', '_data/site.json', 'src/_data/metadata.json', 'src/_data/site.json'], read: (text) => jsonKey(text, 'url')},
  // GitHub Pages custom domain
  {files: ['CNAME', 'docs/CNAME', 'static/CNAME', 'public/CNAME'], read: (text) => text.trim().split(/\s+/)[0]},
  {files: ['package.json'], read: (text) => jsonKey(text, 'homepage')}
]

export interface DetectedDomain {
  domain: string
  /** The file it was read from. */
  from: string
}

/** The site's own host names, from the generator configuration files at the root of `cwd`. */
export function detectDomains(cwd: string): DetectedDomain[] {
  const found: DetectedDomain[] = []
  for (const {files, read} of sources) {
    for (const name of files) {
      const file = path.join(cwd, name)
      if (!fs.existsSync(file)) continue
      const value = read(fs.readFileSync(file, 'utf8'))
      const host = value && hostOf(value)
      if (host && !found.some((known) => known.domain === host)) found.push({domain: host, from: name})
    }
  }
  return found
}

function hostOf(value: string): string | undefined {
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`).hostname.toLowerCase()
    // `localhost` and bare names are no public site.
    return host.includes('.') && !/^(?:\d+\.){3}\d+$/.test(host) ? host.replace(/^www\./, '') : undefined
  } catch {
    return undefined
  }
}

function yamlKey(text: string, key: string): string | undefined {
  try {
    const value = (parseYaml(text) as Record<string, unknown> | null)?.[key]
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

function jsonKey(text: string, key: string): string | undefined {
  try {
    const value = (JSON.parse(text) as Record<string, unknown>)[key]
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

export function configText(domains: readonly string[]): string {
  const settings =
    domains.length > 0
      ? `,\n  settings: {\n    policylint: {\n      // The site's own domains: cookies set on them are first-party.\n      siteDomains: [${domains.map((domain) => `'${domain}'`).join(', ')}]\n    }\n  }`
      : ''
  return `// policylint's configuration (written by \`policylint init\`); remark-cli and editors read it too.\nimport policylint from 'policylint'\n\nexport default {\n  plugins: [policylint]${settings}\n}\n`
}

const configNames = ['.remarkrc', '.remarkrc.json', '.remarkrc.js', '.remarkrc.cjs', '.remarkrc.mjs', '.remarkrc.yml', '.remarkrc.yaml']

export async function initCommand(argv: string[], cwd: string): Promise<number> {
  const parsed = commandArguments('init', argv, {yes: {type: 'boolean', short: 'y'}}, usage, false)
  if (typeof parsed === 'number') return parsed
  const values = parsed.values as {yes?: boolean}
  const out = (line = '') => process.stdout.write(line + '\n')

  const existing = configNames.find((name) => fs.existsSync(path.join(cwd, name)))
  const domains = detectDomains(cwd)
  if (existing) {
    out(`Kept ${existing}: it is already there (add the preset to its plugins if it is not).`)
  } else {
    fs.writeFileSync(path.join(cwd, '.remarkrc.mjs'), configText(domains.map((found) => found.domain)))
    out(
      'Wrote .remarkrc.mjs' +
        (domains.length > 0 ? ` with siteDomains ${domains.map((found) => `${found.domain} (from ${found.from})`).join(', ')}` : '')
    )
    if (domains.length === 0)
      out(
        'No site address found (Jekyll, Hugo, Docusaurus, Astro, Eleventy, MkDocs, CNAME, package.json homepage): set siteDomains in .remarkrc.mjs so that first- and third-party checks can run.'
      )
  }

  await seedWords(cwd, values.yes === true, out)

  out()
  out('pre-commit (.pre-commit-config.yaml), with rev set to a tag or commit of policylint:')
  out('  - repo: https://github.com/policylint/policylint\n    rev: <tag or commit>\n    hooks:\n      - id: policylint')
  out()
  if (fs.existsSync(path.join(cwd, '.github'))) {
    out('GitHub Actions (.github/workflows/policylint.yml):')
    out(
      '  - uses: actions/checkout@v4\n  - uses: actions/setup-node@v4\n    with: {node-version: 20}\n  - run: npm ci\n  - run: npx policylint --format github .'
    )
  } else {
    out('CI: run `npx policylint .` (exit 1 on errors); `--format sarif`, `github` and `junit` suit CI systems.')
  }
  return 0
}

/** The words the spelling rule does not know in the current pages, written to `.policylint-words` when agreed to. */
async function seedWords(cwd: string, yes: boolean, out: (line?: string) => void): Promise<void> {
  const file = path.join(cwd, '.policylint-words')
  if (fs.existsSync(file)) return
  const words = await unknownWords(cwd)
  if (words.length === 0) return
  let agreed = yes
  if (!yes) {
    if (!process.stdin.isTTY) {
      out(
        `${count(words.length)} in your pages ${words.length === 1 ? 'is' : 'are'} not in the dictionary; run \`policylint init --yes\` to add them to .policylint-words.`
      )
      return
    }
    const prompt = createInterface({input: process.stdin, output: process.stdout})
    const answer = await prompt.question(
      `${count(words.length)} in your pages ${words.length === 1 ? 'is' : 'are'} not in the dictionary (${words.slice(0, 5).join(', ')}…). Add them to .policylint-words? [y/N] `
    )
    prompt.close()
    agreed = /^y(?:es)?$/i.test(answer.trim())
  }
  if (!agreed) return
  fs.writeFileSync(file, words.join('\n') + '\n')
  out(`Wrote .policylint-words with ${count(words.length)}: review it, and fix the ones that are typos.`)
}

function count(words: number): string {
  return `${words} word${words === 1 ? '' : 's'}`
}

async function unknownWords(cwd: string): Promise<string[]> {
  const [{lintText}, {default: spelling}] = await Promise.all([import('../lint-text.js'), import('../../rules/spelling.js')])
  const files = await discover({cwd, files: ['.']})
  if (files.some(isMdx)) await loadMdxSyntax()
  const words = new Set<string>()
  for (const file of files) {
    const linted = await lintText(String(file.value ?? ''), {rule: spelling, path: file.path, settings: {readWordsFile: false}})
    for (const message of linted.messages) {
      const word = /^Unexpected unknown word `([^`]+)`/.exec(message.reason)?.[1]
      if (word) words.add(word)
    }
  }
  return [...words].sort((a, b) => a.localeCompare(b))
}
