/** `.mdx` pages: found in folders, parsed as MDX (imports, JSX and expressions are not prose), and reported when not valid MDX. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import type {JsonResult} from '../src/report/json.js'
import {runCli, tempTree} from './cli-helpers.js'

const page = [
  "import {Callout} from 'nextra/components'",
  "export const lastUpdated = '2 March 2025'",
  '',
  '# Cookie policy',
  '',
  'Last updated: 2 March 2025',
  '',
  '<Callout type="info">We use cookies to remember your basket.</Callout>',
  '',
  'Our shop sets {props.count} cookies to recieve your orders.',
  ''
].join('\n')

function lint(folder: string, ...args: string[]) {
  const run = runCli(['--no-config', '--format', 'json', ...args], folder)
  return {run, results: JSON.parse(run.stdout || '[]') as JsonResult[]}
}

test('a folder run finds .mdx pages; imports, JSX and expressions are not prose, the prose still is', () => {
  const folder = tempTree({'docs/cookies.mdx': page})
  const {results} = lint(folder, '.')
  assert.deepEqual(
    results.map((result) => result.filePath),
    ['docs/cookies.mdx']
  )
  const found = results[0].messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)
  // `recieve` is reported; `nextra`, `lastUpdated`, `Callout` and `props` are not words of the page.
  assert.deepEqual(found, ['10:40 typos'])
})

test('the same text as .md is Markdown: an `{expression}` is prose there', () => {
  const text = '# Cookie policy\n\nLast updated: 2 March 2025\n\nOur shop sets {"cookies to recieve orders"}.\n'
  const markdown = lint(tempTree({'cookies.md': text}), 'cookies.md').results[0].messages
  assert.deepEqual(
    markdown.map((message) => `${message.line}:${message.column} ${message.ruleId}`),
    ['5:28 typos'],
    'text in braces is prose in Markdown'
  )
  const mdx = lint(tempTree({'cookies.mdx': text}), 'cookies.mdx').results[0].messages
  assert.deepEqual(mdx, [], 'an MDX expression is not prose')
})

test('a page that is not valid MDX is reported with the place and linted as Markdown', () => {
  const folder = tempTree({'broken.mdx': '# Cookie policy\n\nLast updated: 2 March 2025\n\nWe keep {cookies for a year.\n\nThe the basket cookie.\n'})
  const {run, results} = lint(folder, 'broken.mdx')
  assert.notEqual(run.code, 2, run.stderr)
  const messages = results[0].messages
  const syntax = messages.find((message) => message.ruleId === 'mdx-syntax')
  assert.ok(syntax, 'the MDX error is reported')
  assert.match(syntax!.message, /^Unexpected MDX syntax: .+; linted as Markdown instead$/)
  assert.equal(syntax!.line, 5)
  assert.ok(
    messages.some((message) => message.ruleId === 'typos'),
    'the other rules still run'
  )
  assert.equal(fs.readFileSync(path.join(folder, 'broken.mdx'), 'utf8').includes('{cookies'), true)
})

test.run()
