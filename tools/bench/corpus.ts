/**
 * The corpus of `npm run bench`: copies of the real policy pages of `../shared/corpus` (when it is there) and
 * deterministic documents written from the project's own templates, to make up the count.
 */
import fs from 'node:fs'
import path from 'node:path'
import {nearestBySize, splitCorpus} from './report.js'

/** mulberry32: a tiny seeded generator, so every run benchmarks the same bytes. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]
  const chance = (p: number) => next() < p
  return {next, pick, chance}
}

const companies = ['Northwind Books', 'Fabrikam Travel', 'Contoso Health', 'Tailspin Toys', 'Alpine Ski House', 'Wide World Importers']
const subjects = ['We', 'Our service providers', 'The Site', 'Our analytics partner', 'This website', 'Our payment processor']
const verbs = ['collect', 'store', 'process', 'use', 'share', 'retain', 'delete', 'review']
const objects = [
  'the pages you visit',
  'your account details',
  'information about your device',
  'the time and date of each request',
  'your cookie preferences',
  'aggregated usage statistics',
  'the contents of your basket',
  'your delivery address'
]
const reasons = [
  'to keep the service secure',
  'to understand which features are used most',
  'to remember your choices between visits',
  'to process your order',
  'to meet our legal obligations',
  'to measure the reach of our campaigns',
  'to answer your questions',
  'to prevent fraud at checkout'
]
const headings = [
  'What are cookies?',
  'How we use cookies',
  'Third-party cookies',
  'Your choices',
  'How long we keep data',
  'Contact us',
  'Changes to this policy',
  'Your rights'
]
const cookies: Array<[string, string, string, string]> = [
  ['_ga', 'Google', 'Distinguishes visitors', '2 years'],
  ['_gid', 'Google', 'Distinguishes visitors', '24 hours'],
  ['_gat', 'Google', 'Throttles requests', '1 minute'],
  ['_hjSessionUser_{site_id}', 'Hotjar', 'Keeps a user ID for Hotjar', '1 year'],
  ['_hjSession_{site_id}', 'Hotjar', 'Holds the current session', '30 minutes'],
  ['__cf_bm', 'Cloudflare', 'Bot management', '30 minutes'],
  ['session_id', 'example.com', 'Keeps you signed in', 'Session'],
  ['cookie_consent', 'example.com', 'Remembers your cookie choices', '12 months'],
  ['__stripe_mid', 'Stripe', 'Fraud prevention', '1 year'],
  ['_fbp', 'Meta', 'Ad delivery and measurement', '3 months'],
  ['hubspotutk', 'HubSpot', 'Tracks a visitor’s identity', '6 months'],
  ['visitor_id{account_id}', 'Pardot', 'Marketing automation', '10 years']
]

function sentence(random: ReturnType<typeof generator>): string {
  return `${random.pick(subjects)} ${random.pick(verbs)} ${random.pick(objects)} ${random.pick(reasons)}.`
}

function paragraph(random: ReturnType<typeof generator>): string {
  const parts: string[] = []
  const count = 3 + Math.floor(random.next() * 5)
  for (let index = 0; index < count; index++) {
    let text = sentence(random)
    if (random.chance(0.15)) text += ` Read the [privacy notice](/privacy/#section-${index}) for details.`
    if (random.chance(0.08)) text += ` See <a href="https://example.com/help/${index}">the help centre</a>.`
    if (random.chance(0.04)) text += ` Visit <a target="_blank" href="https://partner.example/policy">our partner</a>.`
    if (random.chance(0.04)) text += ` An old copy is at <http://archive.example/policy-${index}>.`
    parts.push(text)
  }
  return parts.join(' ')
}

function cookieTable(random: ReturnType<typeof generator>): string {
  const rows = cookies.filter(() => random.chance(0.6))
  const tabs = random.chance(0.2)
  const pad = (value: string) => (tabs ? value + '\t' : value)
  const lines = ['| Name | Provider | Purpose | Duration |', '|---|---|---|---|']
  for (const [name, provider, purpose, duration] of rows) {
    lines.push(`| ${pad('`' + name + '`')} | ${provider} | ${purpose} | ${random.chance(0.05) ? 'TBD' : duration} |`)
  }
  return lines.join('\n')
}

function htmlTable(random: ReturnType<typeof generator>): string {
  const rows = cookies.filter(() => random.chance(0.4))
  const body = rows
    .map(
      ([name, provider, purpose, duration]) => `    <tr><td><code>${name}</code></td><td>${provider}</td><td>${purpose}</td><td>${duration}</td></tr>`
    )
    .join('\n')
  return `<table>\n  <thead>\n    <tr><th>Name</th><th>Provider</th><th>Purpose</th><th>Duration</th></tr>\n  </thead>\n  <tbody>\n${body}\n  </tbody>\n</table>`
}

export function document(index: number): string {
  const random = generator(index + 1)
  const company = random.pick(companies)
  const kind = random.pick(['Cookie policy', 'Privacy notice', 'Terms of use'])
  const blocks = [`---\ntitle: ${kind}\nslug: ${kind.toLowerCase().replace(/ /g, '-')}-${index}\n---`, `# ${kind}`]
  // Whether a page is dated and updated comes from its own stream, so the rest of every document stays as it was.
  const dates = generator(index + 1_000_003)
  const format = random.pick([0, 1, 2])
  const effective = ['1 March 2024', 'August 20, 2022', '2025-01-05'][format]
  // About one page in twenty forgets its date (an effective-date finding).
  const undated = dates.chance(0.05)
  if (!undated) blocks.push(`**Effective ${effective}**`)
  blocks.push(`This ${kind.toLowerCase()} explains how ${company} handles information. ${paragraph(random)}`)
  // Three or four sections: about 5 KB a page, 5 MB for the default 1,000 pages.
  const sections = 3 + Math.floor(random.next() * 2)
  for (let section = 0; section < sections; section++) {
    const heading = random.pick(headings)
    blocks.push(`## ${heading}`)
    blocks.push(paragraph(random))
    if (heading === 'Changes to this policy' && !undated && dates.chance(0.5)) {
      // The revision date, usually written as the effective date is; now and then in another format.
      const updated = dates.chance(0.9)
        ? ['3 June 2024', 'June 3, 2024', '2024-06-03'][format]
        : dates.pick(['3 June 2024', 'June 3, 2024', '2024-06-03'])
      blocks.push(`This page was last updated on ${updated}.`)
    }
    if (random.chance(0.3)) blocks.push(['- ' + sentence(random), '- ' + sentence(random), '- ' + sentence(random)].join('\n'))
    if (random.chance(0.35)) blocks.push(cookieTable(random))
    if (random.chance(0.12)) blocks.push(htmlTable(random))
    blocks.push(paragraph(random))
  }
  return blocks.join('\n\n') + '\n'
}

/** About `bytes` of generated policy text in one page: documents run together, one title, the rest as sections. */
export function generatedPage(bytes: number): string {
  let text = document(0)
  for (let index = 1; Buffer.byteLength(text) < bytes; index++) {
    text +=
      '\n' +
      document(index)
        .replace(/^---\n[^]*?\n---\n\n/, '')
        .replace(/^# /, '## ')
  }
  return text
}

export interface RealPage {
  name: string
  text: string
  bytes: number
}

/** The real pages of `folder` (Markdown and MDX, by name), or none when the folder is absent. */
export function readRealPages(folder: string): RealPage[] {
  if (!fs.existsSync(folder)) return []
  return fs
    .readdirSync(folder)
    .filter((name) => /\.(md|mdx|markdown)$/.test(name))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(folder, name), 'utf8')
      return {name, text, bytes: Buffer.byteLength(text)}
    })
}

export interface Corpus {
  bytes: number
  files: number
  /** Pages copied from real policy pages, how many real pages there are, and in how many copies (the last may be partial). */
  real: number
  realPages: number
  copies: number
  generated: number
  /** The folders of the corpus, the first copy of the real pages first (the per-rule runs use the first). */
  folders: string[]
}

/**
 * Write `files` pages to `folder` (emptied first): `copies` copies of `real` (as far as they go, each copy in its
 * own folder), then generated documents. Every page is named `.md`, MDX pages too, so that remark-cli and
 * markdownlint-cli2, which skip `.mdx`, lint the same files as policylint.
 */
export function writeCorpus(folder: string, files: number, real: readonly RealPage[] = [], copies = 0): Corpus {
  fs.rmSync(folder, {recursive: true, force: true})
  fs.mkdirSync(folder, {recursive: true})
  const split = splitCorpus(files, copies, real.length)
  const folders: string[] = []
  let bytes = 0
  const write = (sub: string, name: string, text: string) => {
    const target = path.join(folder, sub)
    if (!folders.includes(target)) {
      folders.push(target)
      fs.mkdirSync(target, {recursive: true})
    }
    fs.writeFileSync(path.join(target, name), text)
    bytes += Buffer.byteLength(text)
  }
  for (let index = 0; index < split.real; index++) {
    const page = real[index % real.length]
    write(`real-${Math.floor(index / real.length) + 1}`, page.name.replace(/\.(mdx|markdown)$/, '.md'), page.text)
  }
  for (let index = 0; index < split.generated; index++) {
    write(path.join('generated', String(Math.floor(index / 100)).padStart(2, '0')), `policy-${String(index).padStart(4, '0')}.md`, document(index))
  }
  return {
    bytes,
    files,
    real: split.real,
    realPages: real.length,
    copies: real.length ? Math.ceil(split.real / real.length) : 0,
    generated: split.generated,
    folders
  }
}

/** The real Markdown page (`.md`, linted as what it is) nearest `bytes` in size, or a generated one of about that size. */
export function samplePage(real: readonly RealPage[], bytes: number): {name: string; text: string; real: boolean} {
  const page = nearestBySize(
    real.filter((page) => page.name.endsWith('.md')),
    bytes
  )
  if (page) return {name: page.name, text: page.text, real: true}
  return {name: 'generated-policy.md', text: generatedPage(bytes), real: false}
}
