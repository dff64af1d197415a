// Preloaded into each benchmarked Node process: on exit, write its own CPU time and peak memory
// (worker threads included) to the file named by BENCH_RUSAGE.
const fs = require('node:fs')
const out = process.env.BENCH_RUSAGE
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    fs.writeFileSync(out, JSON.stringify({user: usage.userCPUTime, system: usage.systemCPUTime, maxRSS: usage.maxRSS}))
  })
}
