/** The arguments of a subcommand (`init`, `cookies`, `scan`): parsed, or the exit code once help or an error is printed. */
import {parseArgs} from 'node:util'

type OptionSpec = {type: 'string' | 'boolean'; short?: string}

export interface CommandArguments {
  values: Record<string, string | boolean | undefined>
  positionals: string[]
}

export function commandArguments(
  name: string,
  argv: string[],
  options: Record<string, OptionSpec>,
  usage: string,
  allowPositionals = true
): CommandArguments | number {
  let parsed: CommandArguments
  try {
    parsed = parseArgs({args: argv, allowPositionals, options: {...options, help: {type: 'boolean', short: 'h'}}}) as CommandArguments
  } catch (error) {
    process.stderr.write(`policylint ${name}: ${(error as Error).message}\n${usage}`)
    return 2
  }
  if (parsed.values.help) {
    process.stdout.write(usage)
    return 0
  }
  return parsed
}
