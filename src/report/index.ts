/** Output formats: `stylish` (vfile-reporter's layout, with notes and docs links), `json`, and for CI `sarif`, `github` and `junit`. */
import type {VFile} from 'vfile'

export const formats = ['stylish', 'json', 'sarif', 'github', 'junit'] as const
export type Format = (typeof formats)[number]

type RenderOptions = {color: boolean; cwd?: string; width?: number}

/** Each reporter is loaded only when its format is asked for: a run prints one format. */
const reporters: Record<Format, () => Promise<(files: readonly VFile[], options: RenderOptions) => string>> = {
  json: async () => {
    const {toJson} = await import('./json.js')
    return (files) => JSON.stringify(toJson(files)) + '\n'
  },
  sarif: async () => {
    const {toSarif} = await import('./sarif.js')
    return (files, options) => JSON.stringify(toSarif(files, options.cwd), null, 2) + '\n'
  },
  github: async () => (await import('./github.js')).toGithub,
  junit: async () => (await import('./junit.js')).toJunit,
  stylish: async () => {
    const {stylish} = await import('./stylish.js')
    return (files, options) => stylish(files, {color: options.color, width: options.width})
  }
}

export async function render(files: readonly VFile[], format: Format, options: RenderOptions): Promise<string> {
  return (await reporters[format]())(files, options)
}
