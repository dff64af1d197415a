/**
 * `policylint merge-sarif a.sarif b.sarif … [-o merged.sarif]`: the SARIF logs of several `--shard` jobs as one
 * run, so code scanning shows one analysis instead of one per shard (GitHub keeps only the last upload of a
 * category).
 */
import fs from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import type * as Sarif from 'sarif'

// As in ./sarif.js, which is not imported: it loads every rule.
const sarifSchema = 'https://json.schemastore.org/sarif-2.1.0.json'

const usage =
  'Usage: policylint merge-sarif a.sarif b.sarif ... [-o merged.sarif]\n\nMerge SARIF logs from several shards into one run: the same tool, rules listed once, results concatenated.\n'

export class MergeError extends Error {}

export interface NamedLog {
  /** Shown in errors. */
  name: string
  log: unknown
}

/** One log with one run: the first run's tool and settings, every run's rules (once), results and invocations. */
export function mergeSarif(logs: readonly NamedLog[]): Sarif.Log {
  const runs = logs.flatMap(({name, log}) => runsOf(name, log).map((run) => ({name, run})))
  if (runs.length === 0) throw new MergeError('Unexpected empty input, expected at least one SARIF run')
  const first = runs[0]
  const driver = first.run.tool.driver
  const rules: Sarif.ReportingDescriptor[] = []
  const ruleIndex = new Map<string, number>()
  const results: Sarif.Result[] = []
  const invocations: Sarif.Invocation[] = []
  const originalUriBaseIds: Record<string, Sarif.ArtifactLocation> = {}

  for (const {name, run} of runs) {
    const other = run.tool.driver
    if (other.name !== driver.name || other.version !== driver.version) {
      throw new MergeError(
        `Unexpected tool \`${toolName(other)}\` in \`${name}\`, expected \`${toolName(driver)}\` as in \`${first.name}\`: merge the logs of one tool and version`
      )
    }
    const own = other.rules ?? []
    for (const rule of own) {
      if (!ruleIndex.has(rule.id)) {
        ruleIndex.set(rule.id, rules.length)
        rules.push(rule)
      }
    }
    for (const result of run.results ?? []) {
      const id = result.ruleId ?? result.rule?.id ?? (result.ruleIndex === undefined ? undefined : own[result.ruleIndex]?.id)
      const merged: Sarif.Result = {...result}
      if (id !== undefined && ruleIndex.has(id)) {
        const index = ruleIndex.get(id)!
        if (result.ruleIndex !== undefined) merged.ruleIndex = index
        if (result.rule?.index !== undefined) merged.rule = {...result.rule, index}
      } else if (result.ruleIndex !== undefined || result.rule?.index !== undefined) {
        throw new MergeError(
          `Unexpected result for rule \`${id ?? result.ruleIndex}\` in \`${name}\`, expected a rule listed in its tool's \`rules\``
        )
      }
      results.push(merged)
    }
    invocations.push(...(run.invocations ?? []))
    for (const [key, value] of Object.entries(run.originalUriBaseIds ?? {})) originalUriBaseIds[key] ??= value
  }

  const run: Sarif.Run = {
    ...first.run,
    tool: {...first.run.tool, driver: {...driver, rules}},
    results
  }
  if (Object.keys(originalUriBaseIds).length > 0) run.originalUriBaseIds = originalUriBaseIds
  if (invocations.length > 0) run.invocations = invocations
  return {$schema: sarifSchema, version: '2.1.0', runs: [run]}
}

/** The runs of a parsed log, after checking it looks like SARIF 2.1.0 (the parts merging reads). */
function runsOf(name: string, log: unknown): Sarif.Run[] {
  const expected = `expected a SARIF 2.1.0 log (as written by \`policylint --format sarif\`)`
  if (!isObject(log)) throw new MergeError(`Unexpected content in \`${name}\`, ${expected}`)
  if (log.version !== '2.1.0') {
    throw new MergeError(`Unexpected SARIF version \`${String(log.version)}\` in \`${name}\`, ${expected}`)
  }
  if (!Array.isArray(log.runs)) throw new MergeError(`Unexpected log without \`runs\` in \`${name}\`, ${expected}`)
  for (const run of log.runs as unknown[]) {
    if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver) || typeof run.tool.driver.name !== 'string') {
      throw new MergeError(`Unexpected run without \`tool.driver.name\` in \`${name}\`, ${expected}`)
    }
    if (run.results !== undefined && !Array.isArray(run.results)) {
      throw new MergeError(`Unexpected \`results\` that are not a list in \`${name}\`, ${expected}`)
    }
    if (run.tool.driver.rules !== undefined && !Array.isArray(run.tool.driver.rules)) {
      throw new MergeError(`Unexpected \`tool.driver.rules\` that are not a list in \`${name}\`, ${expected}`)
    }
  }
  return log.runs as Sarif.Run[]
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toolName(driver: Sarif.ToolComponent): string {
  return driver.version ? `${driver.name} ${driver.version}` : driver.name
}

/** The command: exit 0 when merged, 2 when an argument or a file is wrong (the message names it). */
export async function mergeSarifCommand(argv: string[], cwd: string): Promise<number> {
  let values: {'output-file'?: string; help?: boolean}
  let positionals: string[]
  try {
    ;({values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {'output-file': {type: 'string', short: 'o'}, help: {type: 'boolean', short: 'h'}}
    }))
  } catch (error) {
    process.stderr.write(`policylint merge-sarif: ${(error as Error).message}\n\n${usage}`)
    return 2
  }
  if (values.help) {
    process.stdout.write(usage)
    return 0
  }
  if (positionals.length === 0) {
    process.stderr.write(`policylint merge-sarif: Unexpected missing SARIF files, expected one or more\n\n${usage}`)
    return 2
  }
  if (values['output-file'] === '') {
    process.stderr.write('policylint merge-sarif: Unexpected empty `--output-file`, expected a file path\n')
    return 2
  }

  let merged: Sarif.Log
  try {
    merged = mergeSarif(positionals.map((name) => ({name, log: readLog(name, cwd)})))
  } catch (error) {
    if (!(error instanceof MergeError)) throw error
    process.stderr.write(`policylint merge-sarif: ${error.message}\n`)
    return 2
  }

  const text = JSON.stringify(merged, null, 2) + '\n'
  const output = values['output-file']
  if (output === undefined) {
    process.stdout.write(text)
    return 0
  }
  try {
    const target = path.resolve(cwd, output)
    fs.mkdirSync(path.dirname(target), {recursive: true})
    fs.writeFileSync(target, text)
  } catch (error) {
    process.stderr.write(`policylint merge-sarif: Cannot write \`${output}\`: ${(error as Error).message}\n`)
    return 2
  }
  return 0
}

/** A file's parsed JSON; throws a MergeError naming the file when it cannot be read or is not JSON. */
export function readLog(name: string, cwd: string): unknown {
  let text: string
  try {
    text = fs.readFileSync(path.resolve(cwd, name), 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message
    throw new MergeError(`Cannot read \`${name}\`: ${reason}`)
  }
  try {
    // A BOM is allowed, as some tools write one.
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new MergeError(`Unexpected content in \`${name}\`, expected a SARIF 2.1.0 log in JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`)
  }
}
