/** The `policylint` command (loaded by cli.ts): yargs over unified-engine, with `--fix` to a fixed point and atomic writes. */
import fs from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {unreadableReason} from './input.js'
import {formats, render, type Format} from '../report/index.js'
import {parseShard, type Shard} from './shard.js'
import {filePathOf, isFailure} from '../report/shared.js'
import {ChangedOnDiskError, removeStaleTemporaries, writeAtomic} from './write.js'

declare module 'vfile' {
  interface DataMap {
    fromStdin: boolean
  }
}

interface Arguments {
  paths: string[]
  fix: boolean
  fixDryRun: boolean
  unsafeFixes: boolean
  format: Format
  outputFile: string | undefined
  quiet: boolean
  maxWarnings: number
  config: string | undefined
  useConfig: boolean
  stdin: boolean
  stdinFilename: string | undefined
  color: boolean
  jobs: number
  cache: boolean
  cacheLocation: string
  maxFileSize: number
  shard: Shard | undefined
  observed: string[]
}

class UsageError extends Error {}

/** Runs over more than this many files show progress on a terminal. */
const progressThreshold = 300

/**
 * "Linted 120 of 2,400 files" on one line of a terminal's stderr, for long runs; never in pipes, files or CI logs,
 * where a line per update would be noise.
 */
export function progressReporter(stream: NodeJS.WriteStream, env = process.env): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY || env.CI) return undefined
  return (done, total) => {
    if (total <= progressThreshold) return
    stream.write(done < total ? `\rLinted ${done.toLocaleString('en')} of ${total.toLocaleString('en')} files` : '\r\x1b[2K')
  }
}

type Command = (argv: string[], cwd: string) => Promise<number> | number

/** Subcommands, each loaded only when it runs. */
const subcommands: Record<string, () => Promise<Command>> = {
  cookies: async () => (await import('./inventory.js')).cookiesCommand,
  init: async () => (await import('./init.js')).initCommand,
  'merge-sarif': async () => (await import('../report/merge-sarif.js')).mergeSarifCommand,
  scan: async () => (await import('./scan.js')).scanCommand
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  // Own keys only: a folder named `constructor` is a path, not a command.
  if (argv.length > 0 && Object.hasOwn(subcommands, argv[0])) return (await subcommands[argv[0]]())(argv.slice(1), cwd)
  let args: Arguments
  try {
    args = await parseArguments(argv)
  } catch (error) {
    process.stderr.write(`policylint: ${(error as Error).message}\n`)
    return 2
  }

  // Loaded once the arguments are good: `--help`, a usage error and the subcommands need none of them.
  const [{lintFiles}, {lint}, {settingsOnlyConfigs}] = await Promise.all([
    import('./lint-files.js'),
    import('../direct.js'),
    import('../lint-setup.js')
  ])
  let files: VFile[]
  try {
    files = await lintFiles({
      cwd,
      inputs: args.stdin ? [await stdinFile(args, cwd)] : args.paths.length > 0 ? args.paths : ['.'],
      configPath: args.config,
      detectConfig: args.useConfig,
      jobs: args.jobs,
      cacheLocation: args.cache ? path.resolve(cwd, args.cacheLocation) : undefined,
      maxFileSize: args.maxFileSize * 1024 * 1024,
      shard: args.shard,
      observed: args.observed,
      onProgress: progressReporter(process.stderr)
    })
  } catch (error) {
    process.stderr.write(`policylint: ${(error as Error).message}\n`)
    return 2
  }

  if (settingsOnlyConfigs.count > 0) {
    process.stderr.write(
      'policylint: the configuration sets only `settings`, so the recommended preset was added to it; remark-cli would lint nothing with it: list the preset in its `plugins` to use it there\n'
    )
  }
  // A run that lints nothing exits 0, as pre-commit needs when every staged file is ignored; but it says so.
  if (files.length === 0 && args.shard) {
    process.stderr.write(
      `policylint: no Markdown files to lint in shard ${args.shard.index}/${args.shard.count} (the files went to other shards, none were found, or all are ignored)\n`
    )
  } else if (files.length === 0 && !args.stdin) {
    process.stderr.write(
      `policylint: no Markdown files to lint in ${(args.paths.length > 0 ? args.paths : ['.']).map((input) => `\`${input}\``).join(', ')} (none found, or all ignored by .gitignore or .remarkignore)\n`
    )
  }

  // Document text goes to stdout (fixed stdin, or a diff); the report then goes to stderr.
  let documentOutput = ''
  // The last line of a fixing run: what was fixed, in how many files, and what is left.
  let fixSummary = ''
  if (args.fix || args.fixDryRun) {
    let fixedProblems = 0
    let fixedFiles = 0
    const {fixFiles, maxPasses} = await import('../fix.js')
    const outcomes = await fixFiles(
      files,
      (changed) => lint({cwd, files: changed, configPath: args.config, detectConfig: args.useConfig}),
      (file, value) => {
        const next = new VFile({path: file.path, cwd: file.cwd, value})
        next.data.fromStdin = file.data.fromStdin
        return next
      },
      args.unsafeFixes
    )
    files = []
    if (args.fix) {
      // A run killed while writing leaves its temporary files beside the documents: clear those first.
      const folders = new Set(outcomes.filter(({file}) => !file.data.fromStdin).map(({file}) => path.dirname(path.resolve(file.cwd, file.path))))
      for (const folder of folders) await removeStaleTemporaries(folder)
    }
    for (const outcome of outcomes) {
      const {file} = outcome
      files.push(file)
      if (!outcome.converged) {
        file.message(`Fixes did not settle after ${maxPasses} passes; the file holds the last complete pass`)
      }
      if (file.data.fromStdin) {
        if (args.fix) documentOutput += outcome.output
        if (outcome.output !== outcome.original) [fixedProblems, fixedFiles] = [fixedProblems + outcome.applied.length, fixedFiles + 1]
        continue
      }
      if (outcome.output === outcome.original) continue
      const name = filePathOf(file)
      if (args.fixDryRun) {
        // The remaining findings are those of the fixed text: the report says so above them.
        file.data.fixedPositions = true
        ;[fixedProblems, fixedFiles] = [fixedProblems + outcome.applied.length, fixedFiles + 1]
        // Loaded here: only --fix-dry-run needs it.
        const {createTwoFilesPatch} = await import('diff')
        // Lines before a patch's `---` are comments to patch tools: which fix made each change, and its tier.
        const tiers = outcome.applied.map((fix) => `# ${name}:${fix.line}:${fix.column} ${fix.ruleId} (${fix.tier} fix)\n`).join('')
        documentOutput += tiers + createTwoFilesPatch('a/' + name, 'b/' + name, outcome.original, outcome.output)
        continue
      }
      try {
        await writeAtomic(path.resolve(file.cwd, file.path), outcome.output, outcome.original)
        ;[fixedProblems, fixedFiles] = [fixedProblems + outcome.applied.length, fixedFiles + 1]
      } catch (error) {
        const reason = error instanceof ChangedOnDiskError ? error.message : `Cannot write fixed file: ${(error as Error).message}`
        const message = file.message(reason)
        message.fatal = true
      }
    }
    const remaining = files.flatMap((file) => file.messages).filter((message) => message.ruleId && !isFailure(message)).length
    fixSummary = `${args.fix ? 'Fixed' : 'Would fix'} ${plural(fixedProblems, 'problem')} in ${plural(fixedFiles, 'file')}; ${remaining} ${remaining === 1 ? 'remains' : 'remain'}\n`
  }

  if (args.quiet) {
    for (const file of files) {
      const kept = file.messages.filter((message) => message.fatal === true)
      file.messages.length = 0
      file.messages.push(...kept)
    }
  }

  const reportStream = documentOutput || (args.stdin && args.fix) ? process.stderr : process.stdout
  // Stylish wraps to the terminal's width; a pipe or a file gets 80 columns.
  const width = !args.outputFile && reportStream.isTTY ? reportStream.columns : undefined
  const report = await render(files, args.format, {color: args.color && !args.outputFile, cwd, width})
  if (documentOutput) process.stdout.write(documentOutput)
  if (args.outputFile) {
    const target = path.resolve(cwd, args.outputFile)
    try {
      fs.mkdirSync(path.dirname(target), {recursive: true})
      fs.writeFileSync(target, report)
    } catch (error) {
      process.stderr.write(`policylint: Cannot write \`${args.outputFile}\`: ${(error as Error).message}\n`)
      return 2
    }
  } else {
    reportStream.write(report)
  }
  if (fixSummary) process.stderr.write(fixSummary)

  const messages = files.flatMap((file) => file.messages)
  if (messages.some(isFailure)) return 2
  if (messages.some((message) => message.fatal === true)) return 1
  const warnings = messages.filter((message) => message.fatal !== true).length
  if (args.maxWarnings >= 0 && warnings > args.maxWarnings) {
    process.stderr.write(
      `${plural(warnings, 'warning')} ${warnings === 1 ? 'exceeds' : 'exceed'} the limit of ${args.maxWarnings} (--max-warnings)\n`
    )
    return 1
  }
  return 0
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** The common case of a pre-commit hook: Markdown paths and no option. */
const markdownPath = /^[^-].*\.(?:md|mdx|markdown)$/i

export async function parseArguments(argv: string[]): Promise<Arguments> {
  // Loading yargs costs a one-file run about a tenth of its time: paths alone get yargs' defaults without it.
  if (argv.length > 0 && argv.every((arg) => markdownPath.test(arg))) return defaultArguments(argv)
  const {default: yargs} = await import('yargs')
  const parsed = yargs(argv)
    .scriptName('policylint')
    .usage('$0 [paths...]\n\nLint (and fix) policy pages written in Markdown. Paths are files, folders or globs; the default is `.`.')
    .option('fix', {type: 'boolean', default: false, describe: 'Apply safe fixes and write the files'})
    .option('fix-dry-run', {type: 'boolean', default: false, describe: 'Print the fixes as a unified diff; write nothing'})
    .option('unsafe-fixes', {
      type: 'boolean',
      default: false,
      describe: 'With --fix or --fix-dry-run, also apply unsafe fixes: they keep every word but drop presentation (class, style, styling wrappers)'
    })
    .option('format', {type: 'string', default: 'stylish', describe: `Output format: ${formats.join(', ')}`})
    .option('output-file', {type: 'string', alias: 'o', describe: 'Write the report to this file instead of the terminal'})
    .option('quiet', {type: 'boolean', default: false, describe: 'Report errors only'})
    .option('max-warnings', {type: 'string', defaultDescription: 'no limit', describe: 'Exit with 1 when there are more warnings than this'})
    .option('config', {type: 'string', describe: 'Use this configuration file instead of searching for one; --no-config uses the embedded default'})
    .option('stdin', {type: 'boolean', default: false, describe: 'Lint the document on standard input'})
    .option('stdin-filename', {type: 'string', describe: 'The path to report (and find configuration for) with --stdin'})
    .option('color', {
      type: 'boolean',
      default: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      defaultDescription: 'on for a terminal, off when NO_COLOR is set',
      describe: 'Colour the stylish output'
    })
    .option('jobs', {
      type: 'string',
      defaultDescription: `the number of cores (${availableParallelism()})`,
      describe: 'Threads for large runs: this one and N-1 workers'
    })
    .option('cache', {type: 'boolean', default: false, describe: 'Reuse results for files whose content and configuration did not change'})
    .option('max-file-size', {type: 'string', default: '5', defaultDescription: '5', describe: 'Refuse files larger than this many megabytes'})
    .option('cache-location', {type: 'string', default: '.policylintcache', describe: 'Where --cache keeps its results'})
    .option('observed', {
      type: 'string',
      describe: 'Check the cookie tables against cookies a browser observed: a HAR, Playwright/Puppeteer JSON or cookies.txt file (repeatable)'
    })
    .option('shard', {type: 'string', describe: 'Lint shard i of n (`1/3`): files are split by a hash of their path, for a CI matrix'})
    .epilog(
      'Merge SARIF reports from several shards into one: policylint merge-sarif a.sarif b.sarif [-o merged.sarif]\n' +
        'List every declared cookie: policylint cookies [paths...] [--format table|json|csv|markdown]\n' +
        'Set a repository up: policylint init [--yes]\n' +
        'Record the cookies a site sets, as a HAR: policylint scan URL --out FILE'
    )
    .strictOptions()
    .fail((message, error) => {
      throw new UsageError(error?.message ?? message)
    })
    // yargs would look for the package.json above the working folder, which is the user's project, not this package.
    .version(packageVersion())
    .help()
    .parseSync()

  const format = String(parsed.format)
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`Unexpected value \`${format}\` for \`--format\`, expected one of ${formats.map((f) => '`' + f + '`').join(', ')}`)
  }
  const rawMax = parsed['max-warnings']
  const maxWarnings = rawMax === undefined ? -1 : Number(rawMax)
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
    throw new UsageError(`Unexpected value \`${rawMax}\` for \`--max-warnings\`, expected a whole number (0 or more)`)
  }
  const rawJobs = parsed.jobs
  const jobs = rawJobs === undefined ? availableParallelism() : Number(rawJobs)
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new UsageError(`Unexpected value \`${rawJobs}\` for \`--jobs\`, expected a whole number (1 or more)`)
  }
  const maxFileSize = Number(parsed['max-file-size'])
  if (!(maxFileSize > 0)) {
    throw new UsageError(`Unexpected value \`${parsed['max-file-size']}\` for \`--max-file-size\`, expected a number of megabytes above 0`)
  }
  if (parsed.fix && parsed['fix-dry-run']) throw new UsageError('Unexpected `--fix` with `--fix-dry-run`, expected one of them')
  if (parsed['unsafe-fixes'] && !parsed.fix && !parsed['fix-dry-run']) {
    throw new UsageError('Unexpected `--unsafe-fixes` without `--fix` or `--fix-dry-run`, expected it beside one of them')
  }
  // yargs reads `--no-config` as `config: false`.
  const config = parsed.config as unknown
  const useConfig = config !== false && config !== 'false'
  if (typeof config === 'string' && config !== 'false' && !fs.existsSync(config)) {
    throw new UsageError(`Cannot read configuration file \`${config}\`: no such file`)
  }
  if (parsed['stdin-filename'] !== undefined && !parsed.stdin) {
    throw new UsageError('Unexpected `--stdin-filename` without `--stdin`')
  }
  if (parsed['output-file'] === '') throw new UsageError('Unexpected empty `--output-file`, expected a file path')
  const shard = parsed.shard === undefined ? undefined : parseShard(String(parsed.shard))
  if (shard && parsed.stdin) throw new UsageError('Unexpected `--shard` with `--stdin`, expected files to split')
  if (parsed.stdin && parsed._.length > 0) throw new UsageError('Unexpected paths with `--stdin`, expected one or the other')
  return {
    paths: parsed._.map(String),
    fix: parsed.fix,
    fixDryRun: parsed['fix-dry-run'],
    unsafeFixes: parsed['unsafe-fixes'],
    format: format as Format,
    outputFile: parsed['output-file'] === undefined ? undefined : String(parsed['output-file']),
    quiet: parsed.quiet,
    maxWarnings,
    config: typeof config === 'string' && useConfig ? config : undefined,
    useConfig,
    stdin: parsed.stdin,
    stdinFilename: parsed['stdin-filename'],
    color: parsed.color,
    jobs,
    cache: parsed.cache,
    cacheLocation: parsed['cache-location'],
    maxFileSize,
    shard,
    observed: observedFiles(parsed.observed as string | string[] | undefined, process.cwd())
  }
}

/** What yargs gives `parseArguments` for these paths and no option (kept in step with the options above). */
function defaultArguments(paths: string[]): Arguments {
  return {
    paths,
    fix: false,
    fixDryRun: false,
    unsafeFixes: false,
    format: 'stylish',
    outputFile: undefined,
    quiet: false,
    maxWarnings: -1,
    config: undefined,
    useConfig: true,
    stdin: false,
    stdinFilename: undefined,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    jobs: availableParallelism(),
    cache: false,
    cacheLocation: '.policylintcache',
    maxFileSize: 5,
    shard: undefined,
    observed: []
  }
}

/** `--observed FILE`: each file must exist; paths become absolute, as the rules resolve them from each file's cwd. */
function observedFiles(values: string | string[] | undefined, cwd: string): string[] {
  // Repeated, yargs gives an array; once, a string.
  return (values === undefined ? [] : Array.isArray(values) ? values : [values]).map((value) => {
    const file = path.resolve(cwd, value)
    if (!fs.existsSync(file)) throw new UsageError(`Cannot read observed cookies from \`${value}\`: no such file`)
    return file
  })
}

async function stdinFile(args: Arguments, cwd: string): Promise<VFile> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const bytes = Buffer.concat(chunks)
  const reason = unreadableReason(bytes)
  if (reason) throw new UsageError(`Cannot lint standard input: ${reason}`)
  const file = new VFile({path: args.stdinFilename ?? 'stdin.md', cwd, value: bytes.toString('utf8')})
  file.data.fromStdin = true
  return file
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}).version
}
