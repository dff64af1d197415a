/** unified-engine, twice: once to find and read files (remark's ignores and extensions), once per batch to lint them. */
import path from 'node:path'
import {Writable} from 'node:stream'
import markdownExtensions from 'markdown-extensions'
import type {Root} from 'mdast'
import {unified, type Processor} from 'unified'
import {engine, type Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import {baseProcessor, settingsOnlyConfigs, withObserved, type LintOptions} from './lint-setup.js'
import {gitignored, gitignorePatterns} from './gitignore.js'
import {loadMdxSyntax, mayBeMdx} from './mdx.js'
import policylint from './preset.js'

const processor = baseProcessor

/** Reads files without parsing them: discovery only needs the file list and the text. */
const reader = unified()
  .use(function (this: Processor) {
    this.parser = (): Root => ({type: 'root', children: []})
  })
  .freeze()

/** Expand paths, folders and globs, honour `.remarkignore` and `.gitignore`, and read each file. */
export async function discover(options: {cwd: string; files: Array<string | VFile>}): Promise<VFile[]> {
  const found = await run({processor: reader as unknown as EngineOptions['processor'], cwd: options.cwd, files: options.files, detectConfig: false})
  const ignored = gitignored(options.cwd)
  return found.filter((file) => !file.path || file.data.fromStdin || !ignored(path.resolve(file.cwd, file.path)))
}

/** Lint files (read already, or paths), finding configuration for each as remark-cli does. */
export async function lint(options: LintOptions): Promise<VFile[]> {
  if (options.files.some(mayBeMdx)) await loadMdxSyntax()
  return run({
    processor,
    cwd: options.cwd,
    files: options.files,
    detectConfig: options.detectConfig,
    rcPath: options.configPath,
    defaultConfig: withObserved({plugins: [policylint]}, options.observed) as never,
    // A configuration that only sets `settings` (say, `siteDomains`) gets the preset, as in the language server.
    configTransform: (value) => {
      const config = value as {plugins?: unknown} | undefined
      if (!(config && typeof config === 'object' && config.plugins === undefined)) return withObserved(value, options.observed) as never
      settingsOnlyConfigs.count++
      return withObserved({...config, plugins: [policylint]}, options.observed) as never
    }
  })
}

function run(
  options: Pick<EngineOptions, 'processor' | 'cwd' | 'files' | 'detectConfig' | 'rcPath' | 'defaultConfig' | 'configTransform'>
): Promise<VFile[]> {
  return new Promise((resolve, reject) => {
    engine(
      {
        ...options,
        extensions: [...markdownExtensions, 'mdx'],
        rcName: '.remarkrc',
        packageField: 'remarkConfig',
        ignoreName: '.remarkignore',
        ignorePatterns: gitignorePatterns(String(options.cwd)),
        silentlyIgnore: true,
        output: false,
        out: false,
        quiet: true,
        silent: true,
        color: false,
        reporter: () => '',
        streamError: nullStream()
      },
      (error, _code, context) => {
        if (error) reject(error)
        else resolve(context?.files ?? [])
      }
    )
  })
}

function nullStream(): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done()
    }
  })
}
