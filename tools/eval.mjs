// Measure policylint on a folder of real pages, to judge its findings by reading them.
//
//   npm run eval -- DIR [--set NAME] [--out FILE]
//     Lints every Markdown/MDX file in DIR with the embedded default (no configuration file), prints per rule
//     the number of findings and findings per 1,000 words, and writes a sample to judge: at most six findings per
//     page and rule, as TSV (file, line, column, rule, message, verdict, reason) with the verdict left empty.
//   npm run eval -- score VERDICTS.tsv [...]
//     Per-rule precision from judged samples: true / (true + false); `unsure` is counted but not scored.
//
// The sample is what a judge reads beside the page and the rule's docs page (docs/rules/<rule>.md); a judge who
// has not seen the rule's code fills in the verdict (`true`, `false` or `unsure`) and a reason, and the filled file
// is kept as eval/verdicts/<set>.tsv.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const perPageAndRule = 6
const columns = ['file', 'line', 'column', 'rule', 'message', 'verdict', 'reason']

const args = process.argv.slice(2)
if (args[0] === 'score') score(args.slice(1))
else if (args.length === 0 || args[0].startsWith('-')) usage()
else sample(args)

function usage() {
  console.error('usage: npm run eval -- DIR [--set NAME] [--out FILE]\n       npm run eval -- score VERDICTS.tsv [...]')
  process.exit(2)
}

function option(list, name) {
  const index = list.indexOf(name)
  return index === -1 ? undefined : list[index + 1]
}

function sample(list) {
  const dir = path.resolve(list[0])
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.error(`eval: \`${list[0]}\` is not a folder`)
    process.exit(2)
  }
  const set = option(list, '--set') ?? path.basename(dir)
  const out = path.resolve(option(list, '--out') ?? path.join(root, 'eval', 'samples', `${set}.tsv`))
  const files = fs
    .readdirSync(dir)
    .filter((name) => /\.(md|mdx|markdown)$/i.test(name) && !/^readme\.md$/i.test(name))
    .sort()
  const results = lint(files.map((name) => path.join(dir, name)))

  const counts = new Map()
  const rows = []
  let words = 0
  for (const name of files) words += countWords(fs.readFileSync(path.join(dir, name), 'utf8'))
  for (const result of results) {
    const file = path.basename(result.filePath)
    const taken = new Map()
    const messages = [...result.messages].sort((a, b) => a.line - b.line || a.column - b.column)
    for (const message of messages) {
      const rule = message.ruleId ?? 'unknown'
      counts.set(rule, (counts.get(rule) ?? 0) + 1)
      const n = taken.get(rule) ?? 0
      if (n >= perPageAndRule) continue
      taken.set(rule, n + 1)
      rows.push([file, message.line, message.column, rule, clean(message.message), '', ''])
    }
  }

  fs.mkdirSync(path.dirname(out), {recursive: true})
  const temporary = `${out}.${process.pid}.tmp`
  fs.writeFileSync(temporary, [columns, ...rows].map((row) => row.join('\t')).join('\n') + '\n')
  fs.renameSync(temporary, out)

  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  console.log(`${set}: ${files.length} pages, ${words} words, ${total} findings, ${rows.length} sampled -> ${path.relative(process.cwd(), out)}`)
  console.log(['rule', 'findings', 'per 1,000 words', 'sampled'].join('\t'))
  for (const [rule, count] of [...counts].sort((a, b) => b[1] - a[1])) {
    const sampled = rows.filter((row) => row[3] === rule).length
    console.log([rule, count, ((count * 1000) / words).toFixed(2), sampled].join('\t'))
  }
}

function lint(files) {
  const cli = path.join(root, 'dist', 'src', 'cli', 'cli.js')
  let stdout
  try {
    stdout = execFileSync(process.execPath, [cli, '--no-config', '--format', 'json', ...files], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'inherit']
    })
  } catch (error) {
    // Exit 1 means findings at error level: the report is still on stdout.
    if (error.status !== 1) throw error
    stdout = error.stdout
  }
  return JSON.parse(stdout)
}

/** Words a reader reads: front matter, HTML tags, URLs and Markdown punctuation are not counted. */
function countWords(text) {
  const prose = text
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ')
  return (prose.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []).length
}

function clean(text) {
  return String(text).replace(/[\t\n\r]+/g, ' ')
}

function score(paths) {
  if (paths.length === 0) usage()
  const tally = new Map()
  for (const file of paths) {
    const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)
    const names = header.split('\t')
    const ruleAt = names.indexOf('rule')
    const verdictAt = names.indexOf('verdict')
    if (ruleAt === -1 || verdictAt === -1) {
      console.error(`eval: \`${file}\` has no \`rule\` and \`verdict\` columns`)
      process.exit(2)
    }
    for (const line of lines) {
      const cells = line.split('\t')
      const rule = cells[ruleAt]
      const verdict = (cells[verdictAt] ?? '').trim().toLowerCase()
      const entry = tally.get(rule) ?? {true: 0, false: 0, unsure: 0, unjudged: 0}
      if (verdict === 'true' || verdict === 'false' || verdict === 'unsure') entry[verdict]++
      else entry.unjudged++
      tally.set(rule, entry)
    }
  }
  const all = {true: 0, false: 0, unsure: 0, unjudged: 0}
  console.log(['rule', 'true', 'false', 'unsure', 'unjudged', 'precision'].join('\t'))
  for (const [rule, entry] of [...tally].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const key of Object.keys(all)) all[key] += entry[key]
    console.log([rule, entry.true, entry.false, entry.unsure, entry.unjudged, precision(entry)].join('\t'))
  }
  console.log(['all', all.true, all.false, all.unsure, all.unjudged, precision(all)].join('\t'))
}

function precision(entry) {
  const judged = entry.true + entry.false
  return judged === 0 ? '-' : `${((100 * entry.true) / judged).toFixed(1)}%`
}
