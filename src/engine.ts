/** unified-engine, twice: once to find and read files (remark's ignores and extensions), once per batch to lint them. */
import fs from 'node:fs'
import path from 'node:path'
import {Writable} from 'node:stream'
import markdownExtensions from 'markdown-extensions'
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified, type Processor} from 'unified'
import {engine, type Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import policylint from './preset.js'

export interface ConfigOptions {
  cwd: string
  /** A configuration file to use instead of searching for one. */
  configPath?: string
  /** Whether to look for `.remarkrc*` and `package.json#remarkConfig`; without one the embedded default applies. */
  detectConfig: boolean
}

export interface LintOptions extends ConfigOptions {
  /** Paths, folders, globs, or files with `value` already set (those are not read again). */
  files: Array<string | VFile>
}

const processor = unified().use(remarkParse).use(remarkStringify).freeze()

/** Reads files without parsing them: discovery only needs the file list and the text. */
const reader = unified()
  .use(function (this: Processor) {
    this.parser = (): Root => ({type: 'root', children: []})
  })
  .freeze()

/** Expand paths, folders and globs, honour `.remarkignore` and `.gitignore`, and read each file. */
export function discover(options: {cwd: string; files: Array<string | VFile>}): Promise<VFile[]> {
  return run({processor: reader as unknown as EngineOptions['processor'], cwd: options.cwd, files: options.files, detectConfig: false})
}

/** Lint files (read already, or paths), finding configuration for each as remark-cli does. */
export function lint(options: LintOptions): Promise<VFile[]> {
  return run({
    processor,
    cwd: options.cwd,
    files: options.files,
    detectConfig: options.detectConfig,
    rcPath: options.configPath,
    defaultConfig: {plugins: [policylint]},
    // A configuration that only sets `settings` (say, `siteDomains`) gets the preset, as in the language server.
    configTransform: (value) => {
      const config = value as {plugins?: unknown} | undefined
      return (config && typeof config === 'object' && config.plugins === undefined ? {...config, plugins: [policylint]} : value) as never
    }
  })
}

function run(options: Pick<EngineOptions, 'processor' | 'cwd' | 'files' | 'detectConfig' | 'rcPath' | 'defaultConfig' | 'configTransform'>): Promise<VFile[]> {
  return new Promise((resolve, reject) => {
    engine(
      {
        ...options,
        extensions: markdownExtensions,
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

/** The patterns of the `.gitignore` in the working folder (nested `.gitignore` files are not read). */
function gitignorePatterns(cwd: string): string[] {
  try {
    return fs
      .readFileSync(path.join(cwd, '.gitignore'), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  } catch {
    return []
  }
}

function nullStream(): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done()
    }
  })
}
