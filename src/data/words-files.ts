/** The words of `.policylint-words` files, accepted by `spelling`: one a line, `#` starts a comment. */
import fs from 'node:fs'
import path from 'node:path'
import {wordKey} from '../model/words.js'

/** Parsed `.policylint-words` files by path, re-read when the file changes (the language server lives long). */
const wordsFileCache = new Map<string, {mtimeMs: number; words: string[]}>()

/** Words from `.policylint-words` in `folder` and every folder above it. */
export function wordsFiles(folder: string): string[] {
  const found: string[] = []
  let current = folder
  for (;;) {
    const file = path.join(current, '.policylint-words')
    let mtimeMs: number | undefined
    try {
      mtimeMs = fs.statSync(file).mtimeMs
    } catch {
      // No file here.
    }
    if (mtimeMs !== undefined) {
      let entry = wordsFileCache.get(file)
      if (!entry || entry.mtimeMs !== mtimeMs) {
        const words = fs
          .readFileSync(file, 'utf8')
          .split(/\r?\n/)
          .map((line) => line.replace(/#.*/, '').trim())
          .filter(Boolean)
          .map(wordKey)
        entry = {mtimeMs, words}
        wordsFileCache.set(file, entry)
      }
      found.push(...entry.words)
    }
    const parent = path.dirname(current)
    if (parent === current) return found
    current = parent
  }
}
