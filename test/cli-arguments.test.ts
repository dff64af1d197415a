/** Markdown paths alone skip yargs (a pre-commit hook's one-file run): they must get what yargs would give them. */
import assert from 'node:assert/strict'
import {test} from 'uvu'
import {parseArguments} from '../src/cli/main.js'

test('paths alone parse as yargs parses them with its defaults', async () => {
  for (const paths of [['PAGE.md'], ['docs/a.md', 'b.MDX', 'c.markdown']]) {
    // `--no-quiet` changes nothing but sends the arguments through yargs.
    assert.deepEqual(await parseArguments(paths), await parseArguments(['--no-quiet', ...paths]))
  }
})

test('anything else still goes through yargs', async () => {
  await assert.rejects(parseArguments(['--unknown', 'a.md']), /Unknown argument/)
  assert.deepEqual((await parseArguments(['docs'])).paths, ['docs'])
})

test.run()
