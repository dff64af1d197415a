/** `policylint init`: `.remarkrc.mjs` with the site's domains from each static-site generator's configuration, words, snippets. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {test} from 'uvu'
import {configText, detectDomains} from '../src/cli/init.js'
import {runCli, tempTree} from './cli-helpers.js'

const sites: Array<[string, Record<string, string>, string[]]> = [
  ['Jekyll', {'_config.yml': 'title: Shop\nurl: "https://www.northwind-books.example"\n'}, ['northwind-books.example']],
  ['Hugo (TOML)', {'hugo.toml': 'title = "Shop"\nbaseURL = "https://shop.example.org/"\n'}, ['shop.example.org']],
  ['Hugo (YAML)', {'config.yaml': 'baseURL: https://docs.example.net/\n'}, ['docs.example.net']],
  ['MkDocs', {'mkdocs.yml': 'site_name: Docs\nsite_url: https://docs.example.com/legal/\n'}, ['docs.example.com']],
  ['Docusaurus', {'docusaurus.config.js': "export default {\n  title: 'Docs',\n  url: 'https://example.dev',\n  baseUrl: '/'\n}\n"}, ['example.dev']],
  [
    'Astro',
    {'astro.config.mjs': "import {defineConfig} from 'astro/config'\nexport default defineConfig({site: 'https://www.example.io'})\n"},
    ['example.io']
  ],
  ['Eleventy', {'_data/metadata.json': JSON.stringify({title: 'Shop', url: 'https://eleventy.example/'})}, ['eleventy.example']],
  ['a CNAME file', {CNAME: 'policies.example.co.uk\n'}, ['policies.example.co.uk']],
  ['package.json homepage', {'package.json': JSON.stringify({name: 'site', homepage: 'https://example.app/docs'})}, ['example.app']],
  ['nothing but localhost', {'_config.yml': 'url: http://localhost:4000\n'}, []]
]

for (const [name, files, expected] of sites) {
  test(`detects the site's domain: ${name}`, () => {
    assert.deepEqual(
      detectDomains(tempTree(files)).map((found) => found.domain),
      expected
    )
  })
}

test('writes .remarkrc.mjs with siteDomains, seeds .policylint-words with --yes, prints pre-commit and CI snippets', () => {
  const cwd = tempTree({
    'hugo.toml': 'baseURL = "https://shop.example.org/"\n',
    'content/cookies.md': '# Cookie policy\n\nOur glimmerfox service keeps your basket.\n',
    '.github/workflows/.keep': ''
  })
  const run = runCli(['init', '--yes'], cwd)
  assert.equal(run.code, 0, run.stderr)
  assert.equal(fs.readFileSync(path.join(cwd, '.remarkrc.mjs'), 'utf8'), configText(['shop.example.org']))
  assert.match(run.stdout, /^Wrote \.remarkrc\.mjs with siteDomains shop\.example\.org \(from hugo\.toml\)$/m)
  assert.equal(fs.readFileSync(path.join(cwd, '.policylint-words'), 'utf8'), 'glimmerfox\n')
  assert.match(run.stdout, /- id: policylint/)
  assert.match(run.stdout, /npx policylint --format github \./)
})

test('keeps an existing configuration and words file; without --yes and a terminal, says how to seed the words', () => {
  const cwd = tempTree({'.remarkrc.json': '{"plugins": []}\n', 'cookies.md': '# Cookies\n\nOur glimmerfox service.\n'})
  const run = runCli(['init'], cwd, '')
  assert.equal(run.code, 0, run.stderr)
  assert.equal(fs.readFileSync(path.join(cwd, '.remarkrc.json'), 'utf8'), '{"plugins": []}\n')
  assert.equal(fs.existsSync(path.join(cwd, '.remarkrc.mjs')), false)
  assert.match(run.stdout, /Kept \.remarkrc\.json/)
  assert.match(run.stdout, /1 word in your pages is not in the dictionary; run `policylint init --yes`/)
  assert.equal(fs.existsSync(path.join(cwd, '.policylint-words')), false)
})

test("the written configuration is an ES module whatever the folder's module type", () => {
  const text = configText(['example.com'])
  assert.match(text, /^import policylint from 'policylint'$/m)
  assert.match(text, /siteDomains: \['example\.com'\]/)
  assert.doesNotMatch(configText([]), /settings/)
})

test.run()
