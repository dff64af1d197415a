/**
 * A preorder walk over a tree with each node's ancestors, as `visitParents` from unist-util-visit-parents calls
 * its visitor (root included, children in order, ancestors nearest last and shared by siblings), for the models
 * that read every node. visitParents also names a closure for every node it visits (a debugging aid); on a bench
 * of 200 documents that alone took 0.26 s.
 */
import type {Nodes, Parents, Root} from 'mdast'
import {cached} from './memo.js'

/** Every node in preorder, beside its ancestors: a dozen models and rules walk each document. */
interface Preorder {
  nodes: Nodes[]
  ancestors: Parents[][]
}

export function walk(tree: Root, enter: (node: Nodes, ancestors: Parents[]) => void): void {
  // The order is listed once per tree, like the models (which also take the tree as it was parsed): the walks
  // after the first make no list of ancestors and push no stack.
  const {nodes, ancestors} = cached(tree, 'preorder', () => preorder(tree))
  for (let index = 0; index < nodes.length; index++) enter(nodes[index], ancestors[index])
}

function preorder(tree: Root): Preorder {
  const order: Preorder = {nodes: [], ancestors: []}
  // An explicit stack: deeply nested documents do not overflow the call stack here. Two arrays side by side, not
  // an object per node.
  const nodes: Nodes[] = [tree]
  const ancestry: Parents[][] = [[]]
  while (nodes.length > 0) {
    const node = nodes.pop()!
    const ancestors = ancestry.pop()!
    order.nodes.push(node)
    order.ancestors.push(ancestors)
    const children = (node as Parents).children as Nodes[] | undefined
    if (children) {
      const inner = [...ancestors, node as Parents]
      for (let index = children.length - 1; index >= 0; index--) {
        nodes.push(children[index])
        ancestry.push(inner)
      }
    }
  }
  return order
}
