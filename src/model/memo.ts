/** Per-tree memo: every model is built once per parsed document and shared by all rules. */
import type {Root} from 'mdast'

const caches = new WeakMap<Root, Map<string, unknown>>()

export function cached<T>(tree: Root, key: string, build: () => T): T {
  let cache = caches.get(tree)
  if (!cache) {
    cache = new Map()
    caches.set(tree, cache)
  }
  if (!cache.has(key)) cache.set(key, build())
  return cache.get(key) as T
}
