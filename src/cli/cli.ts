#!/usr/bin/env node
/**
 * The `policylint` executable. `--version` answers before anything else loads (a pre-commit hook or an editor
 * probing the tool should not pay for the rules and the engine); every other command loads main.js: the bundle
 * that `npm run build` makes of it (dist/bundle/main.js, one file instead of several hundred modules), or, in a
 * build without bundles (tsc alone), the modules themselves.
 */
import fs from 'node:fs'
import module from 'node:module'
import {fileURLToPath} from 'node:url'

const argv = process.argv.slice(2)
if (argv.length === 1 && argv[0] === '--version') {
  const manifest = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}
  process.stdout.write(manifest.version + '\n')
} else {
  // Node 22.1 and later keep V8's compiled code between runs (in the system's temporary folder); Node 20 lacks it.
  ;(module as {enableCompileCache?: () => unknown}).enableCompileCache?.()
  // The bundle as one script with V8's code cache (script-cache.ts), else as ES modules.
  const {loadScript} = await import('./script-cache.js')
  const script = await loadScript(fileURLToPath(new URL('../../bundle/main.cjs', import.meta.url)))
  const bundle = new URL('../../bundle/main.js', import.meta.url)
  const {main} = script ?? ((await import(fs.existsSync(bundle) ? bundle.href : './main.js')) as typeof import('./main.js'))
  main(argv).then(
    (code) => {
      process.exitCode = code
      // A usage error ran next to none of the code: its cache would leave the next runs compiling most of it.
      if (code !== 2) script?.saveCache()
    },
    (error: Error) => {
      process.stderr.write(`policylint: ${error.stack ?? error.message}\n`)
      process.exitCode = 2
    }
  )
}
