/**
 * A thread that lints batch after batch collects its garbage between batches once its heap passes a bound.
 * Left alone, V8 lets the old generation grow to a few times what is alive (trees and models of finished batches
 * wait for a full collection that comes late), and two lint threads together pass 350 MB; a full collection
 * between batches, when the heap is large, costs a few milliseconds per batch and keeps each thread near what one
 * batch needs.
 */
import {getHeapStatistics, setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

// MiB of heap in use above which a batch's end collects (POLICYLINT_HEAP_BOUND to try others). On the bench corpus,
// 96 took the peak from ~410 to ~345 MiB for ~5% more CPU; 64 reached ~305 MiB but cost far more CPU.
const bound = Number(process.env.POLICYLINT_HEAP_BOUND ?? 96) * 2 ** 20

let collect: (() => void) | undefined | null = null

export function collectIfLarge(): void {
  if (collect === null) {
    try {
      setFlagsFromString('--expose-gc')
      collect = runInNewContext('gc') as () => void
    } catch {
      collect = undefined
    }
  }
  if (collect && getHeapStatistics().used_heap_size > bound) collect()
}
