/**
 * Finding and linting files without unified-engine, when it would do nothing but read them and run the preset:
 * named files (no folder, no glob) with no configuration file and no `.remarkignore` in their folder or any folder
 * above it. That is a pre-commit hook's run, and unified-engine's code (its configuration loader alone pulls in
 * npm's config, glob and semver) took longer to load than the page took to lint. Everything else goes to engine.ts.
 *
 * Each step does what unified-engine 11 does for such files, in its order, so the output is the same (test/
 * direct.test.ts compares both ways): the finder (paths made relative to `cwd`, the `.gitignore` patterns of `cwd`
 * given as `ignorePatterns`, files sorted by path), then for each file the file pipeline with the embedded preset
 * (configure, read, parse, transform; a failure becomes a fatal "Cannot process file" message).
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import type {Plugin, PluggableList, Preset, Processor} from 'unified'
import {VFile} from 'vfile'
import ignore from 'ignore'
import {gitignored, gitignorePatterns} from './gitignore.js'
import {baseProcessor, withObserved, type LintOptions} from './lint-setup.js'
import {loadMdxSyntax, mayBeMdx} from './mdx.js'
import policylint from './preset.js'

/** Expand paths, folders and globs, honour `.remarkignore` and `.gitignore`, and read each file. */
export async function discover(options: {cwd: string; files: Array<string | VFile>}): Promise<VFile[]> {
  return directDiscover(options) ?? (await import('./engine.js')).discover(options)
}

/** Lint files (read already, or paths), finding configuration for each as remark-cli does. */
export async function lint(options: LintOptions): Promise<VFile[]> {
  const direct = directLint(options)
  if (!direct) return (await import('./engine.js')).lint(options)
  if (direct.some(mayBeMdx)) await loadMdxSyntax()
  for (const file of direct) await lintOne(file, options.observed)
  return direct
}

/** What unified-engine looks for above each file (`rcName: '.remarkrc'` with its loaders' extensions, then `packageField`). */
const configNames = [
  '.remarkrc',
  '.remarkrc.json',
  '.remarkrc.cjs',
  '.remarkrc.mjs',
  '.remarkrc.js',
  '.remarkrc.yaml',
  '.remarkrc.yml',
  'package.json'
]
const ignoreNames = ['.remarkignore']

/** A glob's characters, and `\` (an escape in globs): such a path goes to unified-engine. */
const globCharacters = /[*?[\]{}()!+@\\]/

/** The discovered files, or nothing when unified-engine must find them (exported for test/direct.test.ts). */
export function directDiscover(options: {cwd: string; files: Array<string | VFile>}): VFile[] | undefined {
  const {cwd} = options
  const found = given(options.files, cwd, (file) => file === undefined || (file.value !== null && file.value !== undefined))
  if (!found) return undefined
  const files: VFile[] = []
  for (const {input, relative, absolute} of found) {
    if (found.ignored(absolute)) continue
    let file: VFile
    if (input === undefined) {
      file = new VFile({path: relative})
      try {
        file.value = fs.readFileSync(absolute, 'utf8') || ''
      } catch {
        return undefined
      }
    } else {
      file = input
      file.path = relative
      file.history = [relative]
    }
    file.cwd = cwd
    file.data.unifiedEngineGiven = true
    files.push(file)
  }
  files.sort(byPath)
  const ignored = gitignored(cwd)
  return files.filter((file) => !file.path || file.data.fromStdin || !ignored(path.resolve(file.cwd, file.path)))
}

/** The files to lint, prepared as unified-engine's finder prepares them, or nothing when unified-engine must lint them. */
export function directLint(options: LintOptions): VFile[] | undefined {
  const {cwd} = options
  if (options.configPath !== undefined || !presetPlugins) return undefined
  const found = given(options.files, cwd, (file) => file !== undefined && file.value !== null && file.value !== undefined)
  if (!found) return undefined
  const searched = new Map<string, boolean>()
  const files: VFile[] = []
  for (const {input, relative, absolute} of found) {
    if (options.detectConfig && !unconfigured(path.dirname(absolute), configNames, searched)) return undefined
    // unified-engine drops ignored files: a file that `discover` found never is.
    if (found.ignored(absolute)) return undefined
    files.push(input!)
    input!.path = relative
    input!.history = [relative]
  }
  for (const file of files) {
    file.cwd = cwd
    file.data.unifiedEngineGiven = true
  }
  return files.sort(byPath)
}

interface Given {
  /** The file given, or nothing for a path. */
  input: VFile | undefined
  /** Its path as the finder makes it: relative to `cwd`. */
  relative: string
  absolute: string
}

/**
 * The inputs as unified-engine's finder sees them, when it would only read them: existing files named by plain paths
 * (no glob, no folder), or files given with a path, each once, with no `.remarkignore` above any. Nothing otherwise.
 * Checks only: the files are changed once everything is known to go this way.
 */
function given(
  inputs: Array<string | VFile>,
  cwd: string,
  accept: (file: VFile | undefined) => boolean
): (Given[] & {ignored: (absolute: string) => boolean}) | undefined {
  const found: Given[] = []
  const seen = new Set<string>()
  const searched = new Map<string, boolean>()
  for (const input of inputs) {
    let relative: string
    if (typeof input === 'string') {
      if (!accept(undefined) || input === '' || globCharacters.test(input)) return undefined
      relative = path.relative(cwd, path.resolve(cwd, input)) || '.'
      // A folder is walked and a missing file reported: unified-engine does both.
      if (!fs.statSync(path.resolve(cwd, relative), {throwIfNoEntry: false})?.isFile()) return undefined
    } else {
      // The finder resolves a given file's path from the process's folder, and gives one without a path `cwd` itself.
      if (!accept(input) || !input.path) return undefined
      relative = path.relative(cwd, input.path)
      if (relative === '') return undefined
    }
    if (seen.has(relative)) return undefined
    seen.add(relative)
    const absolute = path.resolve(cwd, relative)
    if (!unconfigured(path.dirname(absolute), ignoreNames, searched)) return undefined
    found.push({input: typeof input === 'string' ? undefined : input, relative, absolute})
  }
  // unified-engine's `ignorePatterns` (the `.gitignore` of `cwd`): paths outside `cwd` are never ignored by them.
  const patterns = ignore().add(gitignorePatterns(cwd))
  const ignored = (absolute: string) => {
    const normal = path.relative(cwd, absolute)
    if (normal === '' || normal === '..' || normal.startsWith(path.sep) || normal.startsWith('..' + path.sep)) return false
    return patterns.ignores(normal)
  }
  return Object.assign(found, {ignored})
}

function byPath(left: VFile, right: VFile): number {
  return left.path < right.path ? -1 : 1
}

/**
 * Whether unified-engine would find nothing named so from `folder` up to the root: no file of these names, or only
 * `package.json` files without a `remarkConfig` field. Anything else there (a configuration, an unreadable or
 * invalid `package.json`, a folder of such a name) sends the files to unified-engine, which reads it or reports it.
 */
function unconfigured(folder: string, names: readonly string[], searched: Map<string, boolean>): boolean {
  const key = names.join('\0') + '\0' + folder
  let result = searched.get(key)
  if (result !== undefined) return result
  result = names.every((name) => !configuredBy(path.join(folder, name)))
  const parent = path.dirname(folder)
  if (result && parent !== folder) result = unconfigured(parent, names, searched)
  searched.set(key, result)
  return result
}

function configuredBy(file: string): boolean {
  if (path.basename(file) !== 'package.json') return fs.statSync(file, {throwIfNoEntry: false}) !== undefined
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT'
  }
  try {
    const manifest = JSON.parse(text) as unknown
    return manifest === null || typeof manifest !== 'object' || (manifest as {remarkConfig?: unknown}).remarkConfig !== undefined
  } catch {
    return true
  }
}

type PluginEntry = [plugin: Plugin<unknown[]>, options: unknown]

/**
 * The embedded preset as unified-engine's configuration lists it: presets flattened in order, options of `null` or
 * an empty object or list given as nothing. Nothing when the preset holds what this does not handle (a plugin named
 * by a string, a plugin listed twice, other kinds of options): then every file goes to unified-engine.
 */
const presetPlugins = flatten(policylint)

function flatten(preset: Preset): PluginEntry[] | undefined {
  const entries: PluginEntry[] = []
  const add = (list: PluggableList | undefined): boolean =>
    (list ?? []).every((value) => {
      const [plugin, options] = Array.isArray(value) ? value : [value, undefined]
      if (typeof plugin === 'function') {
        if (entries.some(([known]) => known === plugin) || !plainOptions(options)) return false
        entries.push([plugin as PluginEntry[0], emptyAsNothing(options)])
        return true
      }
      return plugin !== null && typeof plugin === 'object' && !Array.isArray(plugin) && !('settings' in plugin) && add(plugin.plugins)
    })
  return add(preset.plugins) && !preset.settings ? entries : undefined
}

function plainOptions(options: unknown): boolean {
  if (options === undefined || options === null || Array.isArray(options) || typeof options !== 'object') return true
  return Object.getPrototypeOf(options) === Object.prototype || Object.getPrototypeOf(options) === null
}

function emptyAsNothing(options: unknown): unknown {
  if (options === null) return undefined
  if (Array.isArray(options)) return options.length === 0 ? undefined : options
  if (typeof options === 'object' && Object.keys(options).length === 0) return undefined
  return options
}

/** unified-engine's file pipeline for one read file under the embedded preset: configure, parse, transform. */
async function lintOne(file: VFile, observed: string[] | undefined): Promise<void> {
  const processor = baseProcessor() as unknown as Processor<Root>
  const config = withObserved({plugins: []}, observed) as {settings?: Record<string, unknown>}
  processor.data('settings', config.settings ? structuredClone(config.settings) : {})
  for (const [plugin, options] of presetPlugins!) if (options !== false) processor.use(plugin, options)
  let tree: Root
  try {
    tree = processor.parse(file)
  } catch (error) {
    return fail(file, error)
  }
  // Some rules finish asynchronously: the file is done when `run` calls back.
  await new Promise<void>((resolve) => {
    processor.run(tree, file, (error) => {
      if (error) fail(file, error)
      resolve()
    })
  })
}

/** A failure, as unified-engine records it: fatal, and a "Cannot process file" message unless it is one of the file's. */
function fail(file: VFile, error: unknown): void {
  const index = file.messages.indexOf(error as never)
  if (index === -1) {
    const message = file.message('Cannot process file', {cause: error as Error})
    message.fatal = true
  } else {
    file.messages[index].fatal = true
  }
}
