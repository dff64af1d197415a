// Preloaded into the language server by the bench (with --expose-gc): SIGUSR2 runs a full garbage collection, so
// its memory can be read as what it retains rather than as wherever V8's last collection happened to leave it,
// then writes process.memoryUsage() to the file named by BENCH_MEMORY (the JS heap that survived).
// The handler is installed either way: unhandled, SIGUSR2 would end the server.
const fs = require('node:fs')
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc()
  if (process.env.BENCH_MEMORY) fs.writeFileSync(process.env.BENCH_MEMORY, JSON.stringify(process.memoryUsage()))
})
