/** Output formats: `stylish` (vfile-reporter, with notes and docs links) and `json`. */
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {toJson} from './json.js'

export const formats = ['stylish', 'json'] as const
export type Format = (typeof formats)[number]

export function render(files: readonly VFile[], format: Format, options: {color: boolean}): string {
  if (format === 'json') return JSON.stringify(toJson(files)) + '\n'
  const text = reporter([...files], {verbose: true, quiet: true, color: options.color})
  return text ? text + '\n' : ''
}
