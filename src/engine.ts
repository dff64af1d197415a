/** Lint files through unified-engine, so files, ignores and configuration are found exactly as remark-cli finds them. */
import fs from 'node:fs'
import path from 'node:path'
import {Writable} from 'node:stream'
import markdownExtensions from 'markdown-extensions'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {engine} from 'unified-engine'
import {VFile} from 'vfile'
import policylint from './preset.js'

export interface LintOptions {
  cwd: string
  /** Paths, folders, globs, or files with `value` already set. */
  files: Array<string | VFile>
  /** A configuration file to use instead of searching for one. */
  configPath?: string
  /** Whether to look for `.remarkrc*` and `package.json#remarkConfig`; without one the embedded default applies. */
  detectConfig: boolean
}

const processor = unified().use(remarkParse).use(remarkStringify).freeze()

export function lint(options: LintOptions): Promise<VFile[]> {
  return new Promise((resolve, reject) => {
    engine(
      {
        processor,
        cwd: options.cwd,
        files: options.files,
        extensions: markdownExtensions,
        rcName: '.remarkrc',
        packageField: 'remarkConfig',
        ignoreName: '.remarkignore',
        ignorePatterns: gitignorePatterns(options.cwd),
        silentlyIgnore: true,
        detectConfig: options.detectConfig,
        rcPath: options.configPath,
        defaultConfig: {plugins: [policylint]},
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
