/** Hunspell dictionaries for the spelling rule: loaded once per process, lazily, on first use. */
import fs from 'node:fs'
import nspell, {type NSpell} from 'nspell'

export type Dialect = 'en-US' | 'en-GB'

const packages: Record<Dialect, string> = {'en-US': 'dictionary-en', 'en-GB': 'dictionary-en-gb'}
const loaded = new Map<Dialect, NSpell>()

/** How long each dictionary took to load (wall time, ms), for `npm run bench:words`. */
export const loadTimes = new Map<Dialect, number>()
/** The CPU time (user + system, ms) each load took: steadier than wall time on a busy machine. */
export const loadCpuTimes = new Map<Dialect, number>()

export function dictionary(dialect: Dialect): NSpell {
  let spell = loaded.get(dialect)
  if (!spell) {
    const start = performance.now()
    const cpu = process.cpuUsage()
    // The packages read their files with top-level await on import; reading them here keeps loading lazy and sync.
    const entry = import.meta.resolve(packages[dialect])
    const aff = fs.readFileSync(new URL('index.aff', entry))
    const dic = fs.readFileSync(new URL('index.dic', entry))
    spell = nspell(aff, dic)
    loaded.set(dialect, spell)
    loadTimes.set(dialect, performance.now() - start)
    const used = process.cpuUsage(cpu)
    loadCpuTimes.set(dialect, (used.user + used.system) / 1000)
  }
  return spell
}

/** Whether a dictionary is already in memory (tests check that turning the rule off loads nothing). */
export function isLoaded(dialect: Dialect): boolean {
  return loaded.has(dialect)
}
