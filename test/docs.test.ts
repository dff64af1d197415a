/** The committed rule docs are what `npm run docs` generates from the rules. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import {rules} from '../rules/index.js'
import {settingsSpec} from '../src/settings.js'
import {renderDocs} from '../tools/docs.js'
import {root} from './paths.js'

test('every rule has a doc page and a row in docs/rules.md', async () => {
  const files = await renderDocs()
  for (const rule of rules) {
    const page = files.get(`docs/rules/${rule.meta.id}.md`)
    assert.ok(page, rule.meta.id)
    assert.match(page, new RegExp('^# ' + rule.meta.id + '\\n'))
    // Every example is rendered with its output.
    for (const example of rule.examples) assert.ok(page.includes('### `' + example.name + '`'), example.name)
    assert.ok(files.get('docs/rules.md')!.includes(`[\`${rule.meta.id}\`](rules/${rule.meta.id}.md)`))
  }
})

test('the Out blocks are what the rule reports, and fixable examples show the fixed document', async () => {
  const files = await renderDocs()
  for (const rule of rules) {
    const page = files.get(`docs/rules/${rule.meta.id}.md`)!
    for (const example of rule.examples) {
      // The harness checks `messages` and `fixed` against the rule; the page must show the same.
      for (const message of example.messages ?? []) assert.ok(page.includes('\n' + message + '\n'), `${rule.meta.id} ${example.name}: ${message}`)
      if (example.fixed !== undefined) {
        assert.ok(page.includes('markdown\n' + example.fixed.replace(/\n$/, '') + '\n``'), `${rule.meta.id} ${example.name}: fixed`)
      }
    }
  }
  const page = files.get('docs/rules/link-style.md')!
  assert.ok(page.includes('Out:\n\n```text\n1:46-1:97: Unexpected HTML link, expected a Markdown link\n```'))
})

test('every shared setting has a row in the README and docs/rules.md', async () => {
  const files = await renderDocs()
  for (const name of Object.keys(settingsSpec)) {
    assert.match(files.get('README.md')!, new RegExp('\\n\\| `' + name + '` \\|'), `README: ${name}`)
    assert.match(files.get('docs/rules.md')!, new RegExp('\\n\\| `' + name + '` \\|'), `docs/rules.md: ${name}`)
  }
})

test('every row of a generated table has as many cells as its header (a `|` in a cell is escaped)', async () => {
  const files = await renderDocs()
  // Cells split on pipes that are not escaped, as GFM splits them (inside code too).
  const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length
  for (const [name, content] of files) {
    let header: number | undefined
    let fenced = false
    for (const line of content.split('\n')) {
      // Examples in code fences show tables as written, ragged ones included.
      if (/^`{3,}/.test(line)) fenced = !fenced
      if (fenced || !line.startsWith('|')) header = undefined
      else if (header === undefined) header = cells(line)
      else assert.equal(cells(line), header, `${name}: ${line.slice(0, 80)}`)
    }
  }
})

test('committed docs are up to date (run `npm run docs` when this fails)', async () => {
  const files = await renderDocs()
  const stale: string[] = []
  for (const [name, content] of files) {
    const target = path.join(root, name)
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== content) stale.push(name)
  }
  const folder = path.join(root, 'docs', 'rules')
  const extra = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => !files.has('docs/rules/' + name)) : []
  assert.deepEqual(stale, [], `stale docs: ${stale.join(', ')}; run \`npm run docs\` and commit the result`)
  assert.deepEqual(extra, [], `docs for rules that do not exist: ${extra.join(', ')}; run \`npm run docs\``)
})

test.run()
