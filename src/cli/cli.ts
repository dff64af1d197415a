#!/usr/bin/env node
/**
 * The `policylint` executable. `--version` answers before anything else loads (a pre-commit hook or an editor
 * probing the tool should not pay for the rules and the engine); every other command loads cli-main.js.
 */
import fs from 'node:fs'

const argv = process.argv.slice(2)
if (argv.length === 1 && argv[0] === '--version') {
  const manifest = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}
  process.stdout.write(manifest.version + '\n')
} else {
  const {main} = await import('./main.js')
  main(argv).then(
    (code) => {
      process.exitCode = code
    },
    (error: Error) => {
      process.stderr.write(`policylint: ${error.stack ?? error.message}\n`)
      process.exitCode = 2
    }
  )
}
