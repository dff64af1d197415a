/** Atomic writes: a temporary file in the same folder, then rename; refused when the file changed meanwhile. */
import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

export class ChangedOnDiskError extends Error {
  override name = 'ChangedOnDiskError'
}

/**
 * Write `text` to `filePath` only if the file still holds `expected` (the text that was linted).
 * The file mode is kept; on any failure the original file is left as it was.
 */
export async function writeAtomic(filePath: string, text: string, expected: string): Promise<void> {
  const [current, stat] = await Promise.all([fs.readFile(filePath), fs.stat(filePath)])
  if (!current.equals(Buffer.from(expected, 'utf8'))) {
    throw new ChangedOnDiskError('File changed on disk since it was read, not overwritten')
  }
  // Renaming over a read-only file succeeds on POSIX (and root may write anything): honour the mode bits.
  if ((stat.mode & 0o222) === 0) throw new Error('the file is read-only')
  await fs.access(filePath, fs.constants.W_OK)
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    const handle = await fs.open(temporary, 'wx', stat.mode & 0o7777)
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.chmod(temporary, stat.mode & 0o7777)
    await fs.rename(temporary, filePath)
  } catch (error) {
    await fs.rm(temporary, {force: true})
    throw error
  }
}

/** `.name.md.<pid>.<hex>.tmp`, as writeAtomic names its temporary files. */
const temporaryName = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/

/**
 * Remove the temporary files a killed `--fix` run left in `folder`: only ours (named after a file that is
 * there), and only when the process that wrote them is gone.
 */
export async function removeStaleTemporaries(folder: string): Promise<string[]> {
  let names: string[]
  try {
    names = await fs.readdir(folder)
  } catch {
    return []
  }
  const present = new Set(names)
  const removed: string[] = []
  for (const name of names) {
    const match = temporaryName.exec(name)
    if (!match || !present.has(match[1]) || running(Number(match[2]))) continue
    await fs.rm(path.join(folder, name), {force: true})
    removed.push(name)
  }
  return removed
}

function running(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
