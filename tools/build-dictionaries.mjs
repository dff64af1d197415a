/** Part of `npm run build`: store nspell's expansion of each dictionary, so loading one is a read, not a parse. */
import fs from 'node:fs'
import {extraWordsPath, snapshotIsCurrent, writeSnapshot} from '../dist/src/data/dictionary.js'

// The extra English words go beside the snapshots, where the published package finds them too.
const source = new URL('../src/data/english-words.txt', import.meta.url)
if (!fs.existsSync(extraWordsPath) || !fs.readFileSync(extraWordsPath).equals(fs.readFileSync(source))) fs.copyFileSync(source, extraWordsPath)

for (const dialect of ['en-US', 'en-GB']) {
  if (!snapshotIsCurrent(dialect)) writeSnapshot(dialect)
}
