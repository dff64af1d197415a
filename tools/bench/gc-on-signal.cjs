// Preloaded into the language server by the bench (with --expose-gc): SIGUSR2 runs a full garbage collection, so
// its memory can be read as what it retains rather than as wherever V8's last collection happened to leave it,
// then writes process.memoryUsage() to the file named by BENCH_MEMORY (the JS heap that survived), and, when
// BENCH_SNAPSHOTS names a folder, a heap snapshot there (to compare what a server holds after N and M edits).
// The handler is installed either way: unhandled, SIGUSR2 would end the server.
const fs = require('node:fs')
const path = require('node:path')
let snapshots = 0
process.on('SIGUSR2', () => {
  // Twice: V8 often hands back the pages one collection emptied only at the next.
  if (typeof global.gc === 'function') for (let round = 0; round < 2; round++) global.gc()
  if (process.env.BENCH_MEMORY) fs.writeFileSync(process.env.BENCH_MEMORY, JSON.stringify(process.memoryUsage()))
  if (process.env.BENCH_SNAPSHOTS) require('node:v8').writeHeapSnapshot(path.join(process.env.BENCH_SNAPSHOTS, `server-${++snapshots}.heapsnapshot`))
})
