/**
 * main.js run from dist/bundle/main.cjs (the same code as one CommonJS script) with V8's code cache: Node 20 cannot
 * cache the compiled code of ES modules, and compiling them is most of the start of a one-file run. The first run
 * compiles the script and, once it is done (so the functions compiled on the way are in it), stores the cache; the
 * next ones read it instead of compiling. A cache that V8 rejects (another Node, other V8 flags, a damaged file) is
 * rebuilt; a cache of another build is never read (its name holds the build's hash); a folder that cannot be written
 * means no cache, not an error.
 */
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import vm from 'node:vm'
import module from 'node:module'

type Main = (typeof import('./main.js'))['main']

/** The length of a SHA-1 digest, the start of a cache file. */
const digestLength = 20

/** The last line of main.cjs, written by tools/bundle.mjs: the hash of the rest. */
const buildMarker = '\n//# policylint-build='

export interface LoadedScript {
  main: Main
  /** `accepted`: compiled from the cache; else compiled from source, and `saveCache` stores a cache. */
  cache: 'accepted' | 'rejected' | 'missing'
  saveCache: () => void
}

/**
 * Compiles main.cjs with its cached code, or returns undefined when the script is missing or unmarked (a build
 * without it). `folders`: where the cache may be, the first writable one gets it.
 */
export async function loadScript(file: string, folders = cacheFolders(path.dirname(file))): Promise<LoadedScript | undefined> {
  let source: string
  try {
    // ASCII only (tools/bundle.mjs makes it so), where latin1 reads the same text ten times faster than UTF-8.
    source = fs.readFileSync(file, 'latin1')
  } catch {
    return undefined
  }
  const marker = source.lastIndexOf(buildMarker)
  if (marker === -1) return undefined
  const name = `main-${source.slice(marker + buildMarker.length).trim()}-${process.version}-${process.arch}.bin`

  // Started first: Node reads these files in the background while the cache is read and the script compiled.
  const externalModules = Promise.all([import('vfile'), import('vfile-message')])
  const requireFromBundle = module.createRequire(file)
  // Node's crypto as CommonJS: its ES module wrapper takes longer to load than the hash takes to compute.
  const crypto = requireFromBundle('node:crypto') as typeof import('node:crypto')
  let stored: Buffer | undefined
  for (const folder of folders) {
    try {
      stored = fs.readFileSync(path.join(folder, name))
      break
    } catch {}
  }
  // V8 checks its data's header and length, but deserializes damaged contents (and crashes): the file starts with
  // the SHA-1 of the rest, and damaged contents are not handed to V8.
  let cachedData: Buffer | undefined
  if (
    stored &&
    stored.length > digestLength &&
    crypto.createHash('sha1').update(stored.subarray(digestLength)).digest().equals(stored.subarray(0, digestLength))
  ) {
    cachedData = stored.subarray(digestLength)
  }
  const script = new vm.Script(source, {filename: file, cachedData})
  const cache = stored === undefined ? 'missing' : cachedData === undefined || script.cachedDataRejected ? 'rejected' : 'accepted'

  const wrapper = script.runInThisContext() as (
    module: {exports: {main?: Main}},
    exports: object,
    require: NodeJS.Require,
    importMeta: {url: string; resolve: (specifier: string) => string},
    dynamicImport: (specifier: string) => Promise<unknown>
  ) => void
  const scriptModule: {exports: {main?: Main}} = {exports: {}}
  // The ES modules that stay external: the instances the rules of a configuration use as well.
  const [vfile, vfileMessage] = await externalModules
  const externals: Record<string, unknown> = {vfile, 'vfile-message': vfileMessage}
  const require = Object.assign((id: string) => (Object.hasOwn(externals, id) ? externals[id] : requireFromBundle(id)), requireFromBundle)
  wrapper(
    scriptModule,
    scriptModule.exports,
    require,
    {url: pathToFileURL(file).href, resolve: (specifier) => import.meta.resolve(specifier)},
    // Configurations and the packages the script leaves out are ES modules, imported from here (a script compiled
    // from V8's cache cannot import in Node 20): specifiers are URLs, Node's modules or packages found from here.
    (specifier) => import(specifier)
  )

  return {
    main: scriptModule.exports.main!,
    cache,
    saveCache() {
      if (cache === 'accepted') return
      // Making the cache takes longer than writing it: not for a run that cannot keep it.
      const folder = folders.find(canWrite)
      if (folder === undefined) return
      let data: Buffer
      try {
        const code = script.createCachedData()
        data = Buffer.concat([crypto.createHash('sha1').update(code).digest(), code])
      } catch {
        return
      }
      writeAtomic(folder, name, data)
    }
  }
}

/**
 * node_modules/.cache/policylint of the project that installed the package (or of the package's own checkout), else
 * beside the bundle.
 */
export function cacheFolders(bundleFolder: string): string[] {
  // POLICYLINT_CODE_CACHE names another folder, or none when empty (the tests use it).
  const override = process.env.POLICYLINT_CODE_CACHE
  if (override !== undefined) return override === '' ? [] : [path.resolve(override)]
  const packageRoot = path.resolve(bundleFolder, '..', '..')
  const parts = packageRoot.split(path.sep)
  const installedIn = parts.lastIndexOf('node_modules')
  const nodeModules = installedIn === -1 ? path.join(packageRoot, 'node_modules') : parts.slice(0, installedIn + 1).join(path.sep)
  const folders = [path.join(bundleFolder, '.cache')]
  // A checkout with no node_modules of its own does not get one just for the cache.
  if (fs.existsSync(nodeModules)) folders.unshift(path.join(nodeModules, '.cache', 'policylint'))
  return folders
}

function canWrite(folder: string): boolean {
  try {
    fs.mkdirSync(folder, {recursive: true})
    fs.accessSync(folder, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Writes a temporary file and renames it: a reader sees the old cache, the new one or none, never half of one. */
function writeAtomic(folder: string, name: string, data: Buffer): void {
  const temporary = path.join(folder, `${name}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`)
  try {
    fs.writeFileSync(temporary, data)
    fs.renameSync(temporary, path.join(folder, name))
  } catch {
    try {
      fs.rmSync(temporary, {force: true})
    } catch {}
    return
  }
  // Caches of earlier builds for this Node are dead weight (another process may still be reading one: that is fine).
  const ownNode = `-${process.version}-${process.arch}.bin`
  try {
    for (const entry of fs.readdirSync(folder)) {
      if (entry !== name && entry.startsWith('main-') && entry.endsWith(ownNode)) fs.rmSync(path.join(folder, entry), {force: true})
    }
  } catch {}
}
