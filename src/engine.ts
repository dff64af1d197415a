/** unified-engine, twice: once to find and read files (remark's ignores and extensions), once per batch to lint them. */
import fs from 'node:fs'
import path from 'node:path'
import {Writable} from 'node:stream'
import ignore, {type Ignore} from 'ignore'
import markdownExtensions from 'markdown-extensions'
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified, type Processor} from 'unified'
import {engine, type Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import {loadMdxSyntax, mayBeMdx} from './mdx.js'
import policylint from './preset.js'

export interface ConfigOptions {
  cwd: string
  /** A configuration file to use instead of searching for one. */
  configPath?: string
  /** Whether to look for `.remarkrc*` and `package.json#remarkConfig`; without one the embedded default applies. */
  detectConfig: boolean
  /** `--observed FILE`: observed-cookie files (absolute paths), added to every configuration's `observedCookies`. */
  observed?: string[]
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
export async function discover(options: {cwd: string; files: Array<string | VFile>}): Promise<VFile[]> {
  const found = await run({processor: reader as unknown as EngineOptions['processor'], cwd: options.cwd, files: options.files, detectConfig: false})
  const ignored = gitignored(options.cwd)
  return found.filter((file) => !file.path || file.data.fromStdin || !ignored(path.resolve(file.cwd, file.path)))
}

/** A configuration with the `--observed` files added to its shared `observedCookies`. */
function withObserved(value: unknown, observed: string[] | undefined): unknown {
  if (!observed || observed.length === 0 || !value || typeof value !== 'object') return value
  const config = value as {settings?: {policylint?: {observedCookies?: unknown}}}
  const shared = config.settings?.policylint ?? {}
  const existing =
    shared.observedCookies === undefined ? [] : Array.isArray(shared.observedCookies) ? shared.observedCookies : [shared.observedCookies]
  return {...config, settings: {...config.settings, policylint: {...shared, observedCookies: [...existing, ...observed]}}}
}

/** How many configurations set only `settings` and got the preset added (remark-cli would lint nothing with them). */
export const settingsOnlyConfigs = {count: 0}

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

/**
 * Whether git would ignore a file: every `.gitignore` from the repository root (or the working folder, outside a
 * repository) down to the file's folder, deeper files overriding shallower ones as in git (`!keep.md` re-includes).
 * unified-engine reads one ignore file; the working folder's `.gitignore` is also given to it, so folders it
 * ignores are not even walked.
 */
function gitignored(cwd: string): (filePath: string) => boolean {
  const top = repositoryRoot(cwd) ?? cwd
  const rules = new Map<string, Ignore | undefined>()
  const rulesOf = (folder: string) => {
    if (!rules.has(folder)) {
      let text: string | undefined
      try {
        text = fs.readFileSync(path.join(folder, '.gitignore'), 'utf8')
      } catch {}
      rules.set(folder, text === undefined ? undefined : ignore().add(text))
    }
    return rules.get(folder)
  }
  return (filePath) => {
    const relative = path.relative(top, filePath)
    if (relative.startsWith('..') || path.isAbsolute(relative)) return false
    let ignoredSoFar = false
    let folder = top
    for (const part of relative.split(path.sep).slice(0, -1).concat([''])) {
      const rule = rulesOf(folder)
      if (rule) {
        const verdict = rule.test(path.relative(folder, filePath).split(path.sep).join('/'))
        if (verdict.ignored) ignoredSoFar = true
        else if (verdict.unignored) ignoredSoFar = false
      }
      folder = path.join(folder, part)
    }
    return ignoredSoFar
  }
}

/** The nearest folder at or above `cwd` that holds `.git`. */
function repositoryRoot(cwd: string): string | undefined {
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder
    if (path.dirname(folder) === folder) return undefined
  }
}

/** The patterns of the `.gitignore` in the working folder, for unified-engine's walk. */
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
