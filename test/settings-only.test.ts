/** A configuration with settings only: policylint adds the preset and says so, since remark-cli would lint nothing with it. */
import assert from 'node:assert/strict'
import {test} from 'uvu'
import {runCli, tempTree} from './cli-helpers.js'

const page = 'Read <a href="/cookies/">the list</a> and [the notice](/privacy/).\n'

test('settings only: the preset is added, with the settings, and stderr says so', () => {
  const folder = tempTree({'.remarkrc.json': JSON.stringify({settings: {policylint: {linkStyle: 'html'}}}), 'a.md': page})
  const run = runCli(['--format', 'json', 'a.md'], folder)
  const [entry] = JSON.parse(run.stdout)
  // With `linkStyle: 'html'` the Markdown link is the odd one out.
  assert.deepEqual(
    entry.messages.map((message: {ruleId: string; column: number}) => `${message.ruleId} ${message.column}`),
    ['link-style 43']
  )
  assert.match(run.stderr, /the configuration sets only `settings`, so the recommended preset was added to it; remark-cli would lint nothing with it/)
})

test('a configuration with plugins gets no such note', () => {
  const folder = tempTree({'.remarkrc.json': JSON.stringify({plugins: []}), 'a.md': page})
  const run = runCli(['a.md'], folder)
  assert.doesNotMatch(run.stderr, /sets only `settings`/)
})

test.run()
