/** Output formats: `stylish` (vfile-reporter's layout, with notes and docs links), `json`, and for CI `sarif`, `github` and `junit`. */
import type {VFile} from 'vfile'
import {toGithub} from './github.js'
import {toJson} from './json.js'
import {toJunit} from './junit.js'
import {toSarif} from './sarif.js'
import {stylish} from './stylish.js'

export const formats = ['stylish', 'json', 'sarif', 'github', 'junit'] as const
export type Format = (typeof formats)[number]

export function render(files: readonly VFile[], format: Format, options: {color: boolean; cwd?: string; width?: number}): string {
  if (format === 'json') return JSON.stringify(toJson(files)) + '\n'
  if (format === 'sarif') return JSON.stringify(toSarif(files, options.cwd), null, 2) + '\n'
  if (format === 'github') return toGithub(files)
  if (format === 'junit') return toJunit(files)
  return stylish(files, {color: options.color, width: options.width})
}
