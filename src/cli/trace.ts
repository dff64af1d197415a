/**
 * `POLICYLINT_TRACE=1`: each thread writes what it did and when to stderr, one `thread<TAB>start<TAB>end<TAB>what<TAB>memory`
 * line per span, in milliseconds since the process started (one clock for every thread), to see whether the
 * threads overlap.
 */
// No imports: every run loads this module, and node:v8 alone took a few milliseconds to load (`performance` and
// `process.memoryUsage()` are Node's globals; its heapUsed and heapTotal are V8's used and total heap sizes).

const enabled = Boolean(process.env.POLICYLINT_TRACE)
// A worker thread has its own time origin; the process's start time is the same in every thread.
const processStart = Date.now() - process.uptime() * 1000

export const trace = {
  now: (): number => (enabled ? performance.timeOrigin + performance.now() - processStart : 0),
  span(thread: string, what: string, start: number): void {
    if (!enabled) return
    // This thread's heap (in use / reserved) and the whole process's resident set, in MiB.
    const usage = process.memoryUsage()
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0)
    const memory = `heap ${mib(usage.heapUsed)}/${mib(usage.heapTotal)} rss ${mib(usage.rss)}`
    process.stderr.write(`${thread}\t${start.toFixed(0)}\t${trace.now().toFixed(0)}\t${what}\t${memory}\n`)
  }
}
