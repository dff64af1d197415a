/**
 * `--shard i/n`: lint one n-th of the files, so a CI matrix of n jobs lints a large tree in parallel.
 * A file's shard comes from a hash of its path relative to the working folder, not from its place in a sorted
 * list (as Jest's and Playwright's slices do): adding or removing a file never moves another file to a new shard,
 * so a job's cache and its findings stay put.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'

export interface Shard {
  /** 1-based. */
  index: number
  count: number
}

/** Parse `i/n` with 1 ≤ i ≤ n; throws with the message the CLI prints. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const index = match ? Number(match[1]) : Number.NaN
  const count = match ? Number(match[2]) : Number.NaN
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || index < 1 || index > count) {
    throw new Error(`Unexpected value \`${value}\` for \`--shard\`, expected \`i/n\` with 1 ≤ i ≤ n`)
  }
  return {index, count}
}

/** The 1-based shard a path falls in: forward slashes, so Windows and POSIX runners agree. */
export function shardOf(relativePath: string, count: number): number {
  const key = relativePath.split(path.sep).join('/')
  const digest = createHash('sha256').update(key).digest()
  return (digest.readUInt32BE(0) % count) + 1
}

/** The files of `shard`, in their order; every file has exactly one shard. */
export function selectShard<T extends {path?: string; cwd: string}>(files: T[], shard: Shard | undefined, cwd: string): T[] {
  if (!shard || shard.count === 1) return files
  return files.filter((file) => shardOf(file.path ? path.relative(cwd, path.resolve(file.cwd, file.path)) : '', shard.count) === shard.index)
}
