// Preloaded into each benchmarked Node process: on exit, write its own CPU time and peak memory
// (worker threads included) to the file named by BENCH_RUSAGE.
const fs = require('node:fs')
const {isMainThread} = require('node:worker_threads')
const out = process.env.BENCH_RUSAGE
// Worker threads run this too: only the main thread, which exits last, writes (the usage is the whole process's).
if (out && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    fs.writeFileSync(out, JSON.stringify({user: usage.userCPUTime, system: usage.systemCPUTime, maxRSS: usage.maxRSS}))
  })
}
