/** Which files git ignores: the `.gitignore` files that `discover` honours, read the same way by engine.ts and direct.ts. */
import fs from 'node:fs'
import path from 'node:path'
import ignore, {type Ignore} from 'ignore'

/**
 * Whether git would ignore a file: every `.gitignore` from the repository root (or the working folder, outside a
 * repository) down to the file's folder, deeper files overriding shallower ones as in git (`!keep.md` re-includes).
 * unified-engine reads one ignore file; the working folder's `.gitignore` is also given to it, so folders it
 * ignores are not even walked.
 */
export function gitignored(cwd: string): (filePath: string) => boolean {
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
export function gitignorePatterns(cwd: string): string[] {
  try {
    return fs
      .readFileSync(path.join(cwd, '.gitignore'), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  } catch {
    return []
  }
}
