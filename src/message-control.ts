/**
 * Message control for policylint's `<!-- policylint … -->` and remark-lint's `<!-- lint … -->` comments, as
 * remark-message-control (unified-message-control) does it, for both in one walk of the tree.
 *
 * remark-message-control walks the whole tree twice for each name (once for the gaps between nodes, once for the
 * comments), with a visitor that makes a closure for every node: with two names that was 3% of a run on real
 * pages. Here one walk finds the gaps and the comments; each name then applies its comments and filters the
 * messages in turn, in the same order and with the same results (an unknown keyword fails the file, as before).
 */
import type {Nodes, Parents, Root} from 'mdast'
import {commentMarker} from 'mdast-comment-marker'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {location} from 'vfile-location'

export interface Control {
  /** The name in the comment (`policylint`, `lint`). */
  name: string
  /** The message sources it controls. */
  sources: string[]
}

interface Mark {
  state: boolean
  point: Point
}

interface Candidate {
  node: Nodes
  point: Point
  /** The end of the node after the comment, for `ignore`. */
  tail: Point | undefined
  name: string
  attributes: string
}

/** The node types a comment marker can be (remark-message-control's `test`). */
const markerTypes = new Set(['comment', 'html', 'mdxFlowExpression', 'mdxTextExpression'])

export function controlMessages(tree: Root, file: VFile, controls: Control[]): void {
  const {gaps, candidates} = scan(tree)
  let toOffset: ((point: {line: number; column: number}) => number | undefined) | undefined
  for (const control of controls) {
    toOffset ??= location(file).toOffset
    apply(control, file, gaps, candidates, toOffset)
  }
}

/** One preorder walk: the gaps (source not covered by any node) and the comments that may be markers, in order. */
function scan(tree: Root): {gaps: Array<[number, number]>; candidates: Candidate[]} {
  const end = tree.position?.end.offset
  let offset = 0
  let gap = false
  const gaps: Array<[number, number]> = []
  const candidates: Candidate[] = []
  const update = (latest: number | null | undefined) => {
    if (latest === null || latest === undefined) {
      gap = true
    } else if (offset < latest) {
      if (gap) {
        gaps.push([offset, latest])
        gap = false
      }
      offset = latest
    }
  }

  // An explicit stack of (node, index in parent, parent): preorder, children in order.
  const nodes: Nodes[] = [tree]
  const indexes: Array<number | undefined> = [undefined]
  const parents: Array<Parents | undefined> = [undefined]
  while (nodes.length > 0) {
    const node = nodes.pop()!
    const index = indexes.pop()
    const parent = parents.pop()
    update(node.position?.start?.offset)
    if (!('children' in node)) update(node.position?.end?.offset)
    if (markerTypes.has(node.type)) {
      const point = node.position?.start
      const mark = commentMarker(node)
      if (point && mark) {
        const next = (parent && index !== undefined && parent.children[index + 1]) || undefined
        candidates.push({node, point, tail: next?.position?.end, name: mark.name, attributes: mark.attributes})
      }
    }
    if ('children' in node && node.children) {
      for (let at = node.children.length - 1; at >= 0; at--) {
        nodes.push(node.children[at])
        indexes.push(at)
        parents.push(node)
      }
    }
  }

  if (typeof end === 'number' && offset !== end) {
    update(undefined)
    update(end)
  }
  return {gaps, candidates}
}

function apply(
  control: Control,
  file: VFile,
  gaps: Array<[number, number]>,
  candidates: Candidate[],
  toOffset: (point: {line: number; column: number}) => number | undefined
): void {
  const scope: Record<string, Mark[]> = {}
  const globals: Mark[] = []
  // Nothing is off at first; a global `disable` turns everything off until a global `enable`.
  let reset = false

  const getState = (ruleId: string | undefined): boolean => {
    const ranges = ruleId ? scope[ruleId] : globals
    if (ranges && ranges.length > 0) return ranges[ranges.length - 1].state
    return !reset
  }
  const toggle = (point: Point, state: boolean, ruleId: string | undefined) => {
    const markers = ruleId ? (scope[ruleId] ??= []) : globals
    if (getState(ruleId) !== state) markers.push({state, point})
    if (!ruleId) for (const id in scope) if (Object.hasOwn(scope, id)) toggle(point, state, id)
  }
  const verbs: Record<string, (point: Point, ruleId: string | undefined, tail: Point | undefined) => void> = {
    enable(point, ruleId) {
      toggle(point, true, ruleId)
      if (!ruleId) reset = false
    },
    disable(point, ruleId) {
      toggle(point, false, ruleId)
      if (!ruleId) reset = true
    },
    ignore(point, ruleId, tail) {
      if (tail) {
        toggle(point, false, ruleId)
        toggle(tail, true, ruleId)
      }
    }
  }

  for (const candidate of candidates) {
    if (candidate.name !== control.name) continue
    const input = candidate.attributes.trim()
    const ruleIds = input ? input.split(/[ \t\n\r\f]+/g) : []
    const verb = ruleIds.shift()
    const fn = verb === 'enable' || verb === 'disable' || verb === 'ignore' ? verbs[verb] : undefined
    if (!fn) file.fail('Unknown keyword `' + verb + '`: expected ' + "`'enable'`, `'disable'`, or `'ignore'`", candidate.node)
    if (ruleIds.length === 0) fn(candidate.point, undefined, candidate.tail)
    else for (const ruleId of ruleIds) fn(candidate.point, ruleId, candidate.tail)
  }

  const check = (message: VFileMessage, marks: Mark[] | undefined, local: boolean): boolean => {
    if (message.line && message.column && marks && marks.length > 0) {
      for (let index = marks.length - 1; index >= 0; index--) {
        const mark = marks[index]
        if (mark.point && (mark.point.line < message.line || (mark.point.line === message.line && mark.point.column <= message.column))) {
          return mark.state === true
        }
      }
    }
    return local ? !reset : true
  }

  file.messages = file.messages.filter((message) => {
    // Messages from other sources are kept.
    if (!message.source || !control.sources.includes(message.source)) return true
    if (!message.line) message.line = 1
    if (!message.column) message.column = 1
    // A message in a gap between nodes is dropped.
    const offset = toOffset({line: message.line, column: message.column})!
    for (let index = gaps.length - 1; index >= 0; index--) {
      if (gaps[index][0] <= offset && gaps[index][1] > offset) return false
    }
    return (!message.ruleId || check(message, scope[message.ruleId], true)) && check(message, globals, false)
  })
}
