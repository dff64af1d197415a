/**
 * Tests that cannot run here (no `../shared` beside the repository, no Debian package) are registered with uvu's
 * `skip`, so that uvu counts them as Skipped rather than Passed; the reason is printed as they are registered.
 */
import type {Callback, Test} from 'uvu'

export type Register = (name: string, handler: Callback) => void

/** `test` itself when nothing is `missing`; otherwise a register that prints why and records the test as skipped. */
export function unlessMissing(test: Test, missing: string | false | undefined): Register {
  if (!missing) return test
  return (name, handler) => {
    console.log(`  skipped: ${name} (${missing})`)
    test.skip(name, handler) // skipped: `missing` (printed above, e.g. ../shared or a Debian package) is absent here
  }
}
