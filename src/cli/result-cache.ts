/** `--cache`: results keyed on file content, the configuration that applies to the file, and policylint's version. */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {MessageData} from './serialize.js'

const configNames = [
  '.remarkrc',
  '.remarkrc.json',
  '.remarkrc.yaml',
  '.remarkrc.yml',
  '.remarkrc.js',
  '.remarkrc.cjs',
  '.remarkrc.mjs',
  'package.json'
]

const version = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'package.json'), 'utf8'))
  .version as string

interface Entry {
  key: string
  messages: MessageData[]
}

export class LintCache {
  private entries: Record<string, Entry> = {}
  private changed = false
  private readonly configKeys = new Map<string, string>()

  constructor(
    readonly location: string,
    private readonly config: {configPath?: string; detectConfig: boolean}
  ) {
    try {
      const stored = JSON.parse(fs.readFileSync(location, 'utf8'))
      // A cache written by another version may hold results of other rules: start afresh.
      if (stored && stored.version === version && typeof stored.entries === 'object') this.entries = stored.entries
    } catch {
      // No cache yet, or an unreadable one: it is rebuilt.
    }
  }

  key(filePath: string, value: string): string {
    return createHash('sha256')
      .update(version)
      .update('\0')
      .update(this.configKey(path.dirname(filePath)))
      .update('\0')
      .update(value)
      .digest('hex')
  }

  get(filePath: string, key: string): MessageData[] | undefined {
    const entry = this.entries[filePath]
    return entry && entry.key === key ? entry.messages : undefined
  }

  set(filePath: string, key: string, messages: MessageData[]): void {
    this.entries[filePath] = {key, messages}
    this.changed = true
  }

  save(): void {
    if (!this.changed) return
    const temporary = this.location + '.' + process.pid + '.tmp'
    fs.mkdirSync(path.dirname(this.location), {recursive: true})
    fs.writeFileSync(temporary, JSON.stringify({version, entries: this.entries}))
    fs.renameSync(temporary, this.location)
  }

  /**
   * What decides the configuration of files in `folder`: the `--config` file, or every configuration file from
   * the folder up. (A `.remarkrc.js` that imports other local modules is keyed on its own text only.)
   */
  private configKey(folder: string): string {
    if (!this.config.detectConfig) return 'default'
    if (this.config.configPath) return 'config:' + digestFile(this.config.configPath)
    const known = this.configKeys.get(folder)
    if (known !== undefined) return known
    const parent = path.dirname(folder)
    const here = configNames
      .map((name) => path.join(folder, name))
      .filter((file) => fs.existsSync(file))
      .map((file) => file + ':' + digestFile(file))
      .join('\n')
    const key = here + '\n' + (parent === folder ? '' : this.configKey(parent))
    this.configKeys.set(folder, key)
    return key
  }
}

function digestFile(file: string): string {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
  } catch {
    return 'missing'
  }
}
