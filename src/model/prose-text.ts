/**
 * The document's prose as one text: every run's text (from the words model), joined by NUL, which is neither a
 * letter nor a space and which no word or pattern of the rules holds. A rule that searches the prose scans it
 * once instead of once per run, and finds what a search of each run would: NUL stops a match as a run's end does.
 */
import type {Root} from 'mdast'
import {cached} from './memo.js'
import {prose, type Run} from './words.js'

export interface ProseText {
  runs: Run[]
  text: string
  /** Where each run's text starts in `text`. */
  starts: number[]
}

export function proseText(tree: Root, source: string): ProseText {
  return cached(tree, 'prose-text', () => join(prose(tree, source).runs))
}

function join(runs: Run[]): ProseText {
  const starts: number[] = []
  let length = 0
  for (const run of runs) {
    starts.push(length)
    length += run.text.length + 1
  }
  return {runs, text: runs.map((run) => run.text).join('\0'), starts}
}

/** The index of the run whose text holds `offset` of the joined text (or the NUL after it). */
export function runAt(prose: ProseText, offset: number): number {
  const {starts} = prose
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle] <= offset) low = middle
    else high = middle - 1
  }
  return low
}
