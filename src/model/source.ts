/** The document's text as the parser saw it (without a BOM) and offset-to-point lookups. */
import type {Node} from 'unist'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

export type Range = [start: number, end: number]

export interface DocumentSource {
  /** The text that node offsets index into: micromark drops a leading BOM before counting. */
  text: string
  /** Whether the file starts with a BOM, which fixes must keep. */
  bom: boolean
  point(offset: number): Point
}

const sources = new WeakMap<VFile, {value: unknown; source: DocumentSource}>()

export function documentSource(file: VFile): DocumentSource {
  const known = sources.get(file)
  if (known && known.value === file.value) return known.source
  const raw = String(file)
  const bom = raw.charCodeAt(0) === 0xfeff
  const text = bom ? raw.slice(1) : raw
  const place = location(text)
  const source: DocumentSource = {
    text,
    bom,
    point(offset) {
      const point = place.toPoint(offset)
      // `toPoint` gives nothing for the offset just past the end; that is still a valid place.
      if (point) return point
      const end = place.toPoint(offset - 1)
      return end ? {...end, column: end.column + 1, offset} : {line: 1, column: 1, offset: 0}
    }
  }
  sources.set(file, {value: file.value, source})
  return source
}

/** The source range of a node, or nothing when it has no offsets (generated trees). */
export function nodeRange(node: Node | undefined): Range | undefined {
  const start = node?.position?.start.offset
  const end = node?.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

/** The 1-based line of an offset into the text (for notes that list lines; messages get full positions). */
export function lineOf(text: string, offset: number): number {
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++
  return line
}
