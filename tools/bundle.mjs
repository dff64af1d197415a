/**
 * Part of `npm run build`, after tsc: bundle the CLI, its worker thread and the language server (and the
 * processor it loads by URL) into one file each, in dist/bundle/, so starting one reads one file instead of
 * several hundred modules (and never lexes CommonJS packages such as tldts for named exports). The preset and the
 * rules stay plain ES modules in dist/src and dist/rules, for remark users.
 *
 * The bundles are built from tsc's output. Every module of this package keeps the `import.meta.url` it has in
 * dist/ (the bundle rewrites it), so the paths it makes from it (package.json, the dictionary snapshots in
 * dist/src/data/, the known-cookie table) stay valid. Two URLs are the exception, and point at bundles beside the
 * bundle instead: the worker that lint-files.js starts and the processor that the language server names.
 *
 * A configuration that imports `policylint` runs the plain preset and rules from dist/, beside the bundle's own copy.
 * That is fine: a document is linted by one copy only (the bundle's when the configuration brings no plugins, the
 * configuration's otherwise), and each copy's per-document state (memo, sources, parsed settings) is filled and read
 * in that copy. What crosses between them are messages: vfile and vfile-message stay external (both small ES
 * modules), so the rules' messages and evidence are instances of the classes the CLI checks with `instanceof`.
 */
import path from 'node:path'
import fs from 'node:fs'
import crypto from 'node:crypto'
import {fileURLToPath} from 'node:url'
import * as esbuild from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = path.join(root, 'dist')
const out = path.join(dist, 'bundle')

/** URLs that name another entry point: they must name its bundle, which sits beside this one under the same name. */
const siblings = [
  {file: 'src/cli/lint-files.js', pattern: "new URL('./worker.js', import.meta.url)"},
  {file: 'src/lsp/server.js', pattern: "new URL('./processor.js', import.meta.url)"}
]

/** Gives each module of this package its own dist/ location as `import.meta.url`. */
const ownUrls = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({filter: /\.[cm]?js$/}, (args) => ownUrlContents(args.path))
  }
}

/** The contents of a module with its own dist/ location as `import.meta.url`, or undefined to load it as it is. */
async function ownUrlContents(file) {
  if (file.startsWith(path.join(root, 'node_modules') + path.sep)) return dependencyUrl(file)
  if (!file.startsWith(dist + path.sep) || file.startsWith(out + path.sep)) return undefined
  let contents = await fs.promises.readFile(file, 'utf8')
  if (!contents.includes('import.meta')) return {contents, loader: 'js'}
  const relative = path.relative(dist, file).split(path.sep).join('/')
  const kept = []
  for (const {file: named, pattern} of siblings.filter((sibling) => sibling.file === relative)) {
    // Fail the build rather than start a worker from the wrong file when the source changes.
    if (!contents.includes(pattern)) throw new Error(`tools/bundle.mjs: expected \`${pattern}\` in dist/${named}`)
    contents = contents.replaceAll(pattern, `__sibling${kept.length}__`)
    kept.push(pattern)
  }
  // The bundle is at dist/bundle/NAME.js: the module's own URL is relative to it.
  const own = `new URL(${JSON.stringify('../' + relative)}, import.meta.url).href`
  contents = contents.replace(/\bimport\.meta\.url\b/g, own)
  kept.forEach((pattern, index) => {
    contents = contents.replace(`__sibling${index}__`, pattern)
  })
  return {contents, loader: 'js'}
}

/**
 * A dependency that makes paths from its `import.meta.url` (yargs finds its locales with it) gets its installed
 * location: relative to its entry point, resolved from the bundle at run time, wherever npm put the package.
 */
async function dependencyUrl(file) {
  const contents = await fs.promises.readFile(file, 'utf8')
  if (!contents.includes('import.meta.url')) return undefined
  const [name] = /^(@[^/]+\/[^/]+|[^/]+)/.exec(path.relative(path.join(root, 'node_modules'), file).split(path.sep).join('/'))
  let entry
  try {
    entry = fileURLToPath(import.meta.resolve(name))
  } catch {
    return undefined
  }
  // A copy nested under another package is not the one the bundle would resolve: leave it.
  if (!entry.startsWith(path.join(root, 'node_modules', name) + path.sep)) return undefined
  const relative = path.relative(path.dirname(entry), file).split(path.sep).join('/')
  const own = `new URL(${JSON.stringify(relative)}, import.meta.resolve(${JSON.stringify(name)})).href`
  return {contents: contents.replace(/\bimport\.meta\.url\b/g, own), loader: 'js'}
}

/**
 * For main.cjs: an `import()` that stays one (of a configuration's URL, of a package left out, of Node's own
 * modules) calls the `__import` that cli.js hands the script instead, since a script that V8 compiled from its code
 * cache cannot import in Node 20. Imports of modules that are bundled (string specifiers) are left to esbuild.
 */
const leftImport = /(?<![\w$.])import\((?=\s*(?:[A-Za-z_$]|(['"])(?:node:|playwright-core\1)))/g
const scriptImports = {
  name: 'script-imports',
  setup(build) {
    build.onLoad({filter: /\.[cm]?js$/}, async (args) => {
      const loaded = (await ownUrlContents(args.path)) ?? {contents: await fs.promises.readFile(args.path, 'utf8'), loader: 'js'}
      return {...loaded, contents: loaded.contents.replace(leftImport, '__import(')}
    })
  }
}

/**
 * MDX's syntax (acorn and JSX, 400 kB) only on demand: mdx.js's static import of mdx-syntax.js gives `undefined`
 * here, and the syntax becomes a chunk of its own that `loadMdxSyntax` (mdx.js) imports before an `.mdx` page is
 * linted. The plain preset in dist/src and the language server keep the static import.
 */
const mdxOnDemand = {
  name: 'mdx-on-demand',
  setup(build) {
    const importer = path.join(dist, 'src/mdx.js')
    build.onResolve({filter: /^\.\/mdx-syntax\.js$/}, (args) =>
      args.importer === importer && args.kind === 'import-statement' ? {path: 'mdx-syntax', namespace: 'on-demand'} : undefined
    )
    build.onLoad({filter: /.*/, namespace: 'on-demand'}, () => ({contents: 'export const mdxSyntax = undefined', loader: 'js'}))
  }
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: out,
  logLevel: 'warning',
  legalComments: 'none',
  minifyWhitespace: true,
  // Bundled CommonJS packages call `require` for Node's own modules.
  banner: {js: "import {createRequire as __createRequire} from 'node:module';const require = __createRequire(import.meta.url);"},
  plugins: [ownUrls]
}

const shared = ['vfile', 'vfile-message']
// playwright-core (for `policylint scan` only) is large and finds its own files at run time: it is loaded as installed.
const large = ['playwright-core']

// Chunks of an earlier build would stay beside the new ones.
fs.rmSync(out, {recursive: true, force: true})

await Promise.all([
  // Split: what main.js and worker.js import dynamically (the engine and rules, fixes, reporters, subcommands) is
  // a chunk of its own, beside them in dist/bundle/ (so the `../` URLs above stay right), read only when it runs;
  // a one-file run does not parse the code of `--fix-dry-run`'s diff or `policylint cookies`. The two share chunks.
  esbuild.build({
    ...common,
    entryPoints: {main: path.join(dist, 'src/cli/main.js'), worker: path.join(dist, 'src/cli/worker.js')},
    splitting: true,
    external: [...shared, ...large],
    plugins: [ownUrls, mdxOnDemand]
  }),
  // cli.js answers `--version` before it imports main.js: on its own, it is not held up by parsing the rest.
  // Its `./main.js` (when dist/bundle/main.js is missing) is then this folder's main.js, the same file.
  // It imports vfile and vfile-message for main.cjs (script-cache.js): the installed ones, as main.js does.
  esbuild.build({...common, entryPoints: {cli: path.join(dist, 'src/cli/cli.js')}, external: ['./main.js', ...shared]}),
  // The same main.js as one CommonJS script, for cli.js to compile with V8's code cache (script-cache.js): Node 20
  // cannot cache the compiled code of ES modules, and compiling them is most of a one-file run's start. Its
  // `import.meta` is the one cli.js passes in, naming main.cjs beside it, so the URLs above stay right; vfile and
  // vfile-message stay external (cli.js hands in the ES modules it imported); the dynamic imports of this package's
  // own modules become calls within the script, other dynamic imports (configurations) go through cli.js.
  esbuild.build({
    ...common,
    format: 'cjs',
    entryPoints: {main: path.join(dist, 'src/cli/main.js')},
    outExtension: {'.js': '.cjs'},
    external: [...shared, ...large],
    define: {'import.meta': '__importMeta'},
    banner: {js: '(function (module, exports, require, __importMeta, __import) {'},
    footer: {js: '})'},
    plugins: [scriptImports, mdxOnDemand]
  }),
  // unified-language-server stays external: server.js adapts the connection it creates by wrapping
  // `createConnection` on the copy of vscode-languageserver that it loads, which a bundled copy would not see.
  esbuild.build({
    ...common,
    entryPoints: {server: path.join(dist, 'src/lsp/server.js'), processor: path.join(dist, 'src/lsp/processor.js')},
    external: [...shared, 'unified-language-server', './processor.js']
  })
])

// main.cjs ends with the hash of its text: script-cache.js names its code cache with it, so that a cache made for
// another build is never read (V8 itself checks only the length of the source).
const script = path.join(out, 'main.cjs')
// Made ASCII as well: esbuild leaves non-ASCII letters in regular expressions (’ – …), and one of them makes Node
// decode the whole file on its slow path into a two-byte string (~8 ms). In a regular expression, a string, a
// template (String.raw's too, given to RegExp) or a name, `\uXXXX` means the same letter.
const scriptText = fs.readFileSync(script, 'utf8').replace(/[^\0-\x7f]/g, (letter) => '\\u' + letter.charCodeAt(0).toString(16).padStart(4, '0'))
fs.writeFileSync(script, scriptText + '\n//# policylint-build=' + crypto.createHash('sha256').update(scriptText).digest('hex').slice(0, 16) + '\n')

for (const name of ['cli', 'server']) fs.chmodSync(path.join(out, name + '.js'), 0o755)
