/** The pure parts of `npm run bench`: options, medians, the peers' table and the issue's targets (tested in test/bench.test.ts). */

export interface Measure {
  /** Milliseconds, the whole process from spawn to exit. */
  wall: number
  /** Milliseconds of user + system time, worker threads included. */
  cpu: number
  /** Peak resident memory, MiB. */
  rss: number
  code: number | null
}

export interface Options {
  files: number
  copies: number
  repeat: number
  edits: number
  perRule: boolean
  lsp: boolean
}

/** `--files=N --copies=N --repeat=N --edits=N --no-per-rule --no-lsp`; anything else is an error, not silently ignored. */
export function parseOptions(argv: readonly string[]): Options {
  const options: Options = {files: 400, copies: 3, repeat: 3, edits: 500, perRule: true, lsp: true}
  for (const arg of argv) {
    const number = /^--(files|copies|repeat|edits)=(\d+)$/.exec(arg)
    if (number) options[number[1] as 'files' | 'copies' | 'repeat' | 'edits'] = Number(number[2])
    else if (arg === '--no-per-rule') options.perRule = false
    else if (arg === '--no-lsp') options.lsp = false
    else
      throw new Error(
        `Unexpected option \`${arg}\`, expected \`--files=N\`, \`--copies=N\`, \`--repeat=N\`, \`--edits=N\`, \`--no-per-rule\` or \`--no-lsp\``
      )
  }
  if (options.files < 1 || options.repeat < 1) throw new Error('Unexpected `--files=0` or `--repeat=0`, expected 1 or more')
  return options
}

/** The middle value (the lower middle of an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

/** The run whose wall time is the median one. */
export function medianRun(runs: readonly Measure[]): Measure {
  const sorted = [...runs].sort((a, b) => a.wall - b.wall)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

/** How many of the bench's pages are copies of real pages and how many are generated, for `files` pages in all. */
export function splitCorpus(files: number, copies: number, realPages: number): {real: number; generated: number} {
  const real = Math.min(files, copies * realPages)
  return {real, generated: files - real}
}

/** The page whose size is nearest `bytes` (the first of equals, so the choice is stable). */
export function nearestBySize<T extends {bytes: number}>(pages: readonly T[], bytes: number): T | undefined {
  let best: T | undefined
  for (const page of pages) if (!best || Math.abs(page.bytes - bytes) < Math.abs(best.bytes - bytes)) best = page
  return best
}

export const seconds = (ms: number) => (ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2)) + ' s'
export const mib = (value: number) => value.toFixed(0) + ' MiB'
export const ratio = (a: number, b: number) => (a / b).toFixed(2)

export interface Runs {
  pages: number
  version: {policylint: Measure; remark: Measure; node: Measure}
  one: {policylint: Measure; markdownlint: Measure}
  full: {policylint: Measure; remark: Measure; markdownlint: Measure}
}

/** The table: policylint beside the same peers, ratios to policylint's figure in brackets. */
export function peersTable(runs: Runs): string {
  const {version, one, full} = runs
  const versus = (figure: string, own: number, theirs: number, label = '') => `${figure} (${label}${ratio(own, theirs)})`
  const rows = [
    ['', 'policylint', 'remark-cli + GFM + front matter + recommended', 'markdownlint-cli2', 'Node doing nothing'],
    ['`--version`', seconds(version.policylint.wall), seconds(version.remark.wall), '', seconds(version.node.wall)],
    ['one file', seconds(one.policylint.wall), '', versus(seconds(one.markdownlint.wall), one.policylint.wall, one.markdownlint.wall), ''],
    [
      `${runs.pages} pages, wall`,
      seconds(full.policylint.wall),
      versus(seconds(full.remark.wall), full.policylint.wall, full.remark.wall, 'policylint / remark-cli = '),
      versus(seconds(full.markdownlint.wall), full.policylint.wall, full.markdownlint.wall),
      ''
    ],
    [
      `${runs.pages} pages, CPU`,
      seconds(full.policylint.cpu),
      versus(seconds(full.remark.cpu), full.policylint.cpu, full.remark.cpu),
      versus(seconds(full.markdownlint.cpu), full.policylint.cpu, full.markdownlint.cpu),
      ''
    ],
    ['peak memory', mib(full.policylint.rss), mib(full.remark.rss), mib(full.markdownlint.rss), '']
  ]
  return markdownTable(rows)
}

/** A Markdown table with padded columns: readable in a terminal, pasteable into an issue. */
export function markdownTable(rows: readonly string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(3, ...rows.map((row) => row[column].length)))
  const line = (row: readonly string[]) => '| ' + row.map((cell, column) => cell.padEnd(widths[column])).join(' | ') + ' |'
  const rule = '|' + widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : '-'.repeat(width + 1) + ':')).join('|') + '|'
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n')
}

export interface Target {
  label: string
  met: boolean
  /** The measured figure, as the target states it (a ratio, a time, a percentage). */
  figure: string
}

export interface Editor {
  /** Milliseconds from each measured didChange to its diagnostics. */
  latencies: number[]
  /** Edits before the first memory reading: the target is growth of a warmed server. */
  warmup: number
  /** Server RSS (MiB) after the warm-up edits and after all measured edits. */
  warmRss: number
  finalRss: number
}

/** Each target of issue 12, met or missed, from figures of one run. */
export function targets(runs: Runs, floor: Measure, editor: Editor | undefined, jobs: number): Target[] {
  const {version, one, full} = runs
  const overParse = (full.policylint.cpu - floor.cpu) / floor.cpu
  // One decimal: a figure just over its limit must not print as the limit itself.
  const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`
  const list: Target[] = [
    {label: '`--version` <= 0.25 s', met: version.policylint.wall <= 250, figure: seconds(version.policylint.wall)},
    {label: 'one file <= 0.4 s', met: one.policylint.wall <= 400, figure: seconds(one.policylint.wall)},
    {
      label: 'one file <= 0.6x markdownlint-cli2',
      met: one.policylint.wall <= 0.6 * one.markdownlint.wall,
      figure: ratio(one.policylint.wall, one.markdownlint.wall) + 'x'
    },
    {
      label: 'pages, wall <= 1.0x remark-cli',
      met: full.policylint.wall <= full.remark.wall,
      figure: ratio(full.policylint.wall, full.remark.wall) + 'x'
    },
    {
      label: 'pages, wall <= 0.6x remark-cli (stretch)',
      met: full.policylint.wall <= 0.6 * full.remark.wall,
      figure: ratio(full.policylint.wall, full.remark.wall) + 'x'
    },
    {label: 'rules <= 50% CPU over parsing alone', met: overParse <= 0.5, figure: percent(overParse)},
    // The table counts memory in MiB; the target is read in the same unit.
    {label: `peak memory <= 350 MB at the default --jobs (${jobs})`, met: full.policylint.rss <= 350, figure: mib(full.policylint.rss)}
  ]
  if (editor) {
    const latency = median(editor.latencies)
    const growth = (editor.finalRss - editor.warmRss) / editor.warmRss
    list.push(
      {label: 'LSP diagnostics after an edit <= 100 ms warm (median)', met: latency <= 100, figure: `${latency.toFixed(0)} ms`},
      {
        label: `LSP memory after ${editor.latencies.length} edits grows <= 10% (server warmed by ${editor.warmup} edits)`,
        met: growth <= 0.1,
        figure: `${percent(growth)} (${mib(editor.warmRss)} -> ${mib(editor.finalRss)})`
      }
    )
  }
  return list
}

export function formatTargets(list: readonly Target[]): string {
  return list.map((target) => `  ${target.met ? 'met   ' : 'MISSED'}  ${target.label}: ${target.figure}`).join('\n')
}
