/** Part of `npm run build`: store nspell's expansion of each dictionary, so loading one is a read, not a parse. */
import {snapshotIsCurrent, writeSnapshot} from '../dist/src/model/dictionary.js'

for (const dialect of ['en-US', 'en-GB']) {
  if (!snapshotIsCurrent(dialect)) writeSnapshot(dialect)
}
