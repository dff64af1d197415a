/** Where things are, from the compiled tests in `dist/test/`. */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const cli = path.join(root, 'dist', 'src', 'cli', 'cli.js')
/** `../shared` beside the repository: seeds and corpus; CI has it, a plain clone may not. */
export const shared = path.resolve(root, '..', 'shared')
export const hasShared = fs.existsSync(path.join(shared, 'corpus'))
