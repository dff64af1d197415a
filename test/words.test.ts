/** The prose rules beyond their fixtures: the seeds and corpus pairs, the typo list, suggestions, the dictionary. */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {suite} from 'uvu'
import {typoList} from '../src/data/typos.js'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {dictionary} from '../src/data/dictionary.js'
import {mask, prose as proseModel} from '../src/model/words.js'
import {syntax} from '../src/preset.js'
import {confusables, headingCase, spelling, terminology, typos} from '../rules/index.js'
import {fixText, formatMessage, lintText} from './lint-helpers.js'
import {hasShared, root, shared} from './paths.js'
import {unlessMissing} from './skip.js'

const prose = ['typos', 'confusables', 'terminology', 'heading-punctuation', 'heading-case', 'spelling']

async function proseMessages(file: string) {
  const value = fs.readFileSync(file, 'utf8')
  const linted = await lintText(value, {path: path.basename(file)})
  return linted.messages.filter((message) => prose.includes(message.ruleId ?? '')).map((message) => `${message.ruleId} ${formatMessage(message)}`)
}

const seeds = suite('seeds')

{
  // Without ../shared these tests are registered as skipped, so that uvu counts them as such.
  const register = unlessMissing(seeds, !hasShared && '../shared is absent')
  const pairs: Array<[string, string, string]> = [
    ['seeds', 'seeds/001_60ed5ab5ac055a66.txt', 'seeds/000_06ed0df5f8974980.txt'],
    [
      'corpus',
      'corpus/101__ballerina-platform__ballerina-dev-website__cookie-policy.md',
      'corpus/001__ballerina-platform__ballerina-dev-website__cookie-policy.md'
    ]
  ]
  for (const [name, older, newer] of pairs) {
    register(`${name}: the March 2022 revision reports the typo, the confusable and the heading`, async () => {
      const messages = await proseMessages(path.join(shared, older))
      assert.ok(
        messages.some((m) => /^typos \d+:\d+-\d+:\d+: Unexpected `cokkies`, expected `cookies`$/.test(m)),
        'cokkies'
      )
      assert.ok(
        messages.some((m) => /^confusables .*Unexpected `maybe`, expected `may be`$/.test(m)),
        'maybe set'
      )
      assert.ok(
        messages.some((m) => /^terminology 44:4-44:15: Unexpected `Third party` before a noun, expected `Third-party`$/.test(m)),
        'Third party cookies'
      )
      assert.equal(messages.length, 3, messages.join('\n'))
    })
    register(`${name}: the fix gives the corrected words of the later revision`, async () => {
      const outcome = await fixText(fs.readFileSync(path.join(shared, older), 'utf8'), {path: 'seed.md'})
      assert.match(outcome.output, /## What type of cookies do we use\?/)
      assert.match(outcome.output, /which may be set include/)
      assert.match(outcome.output, /## Third-party cookies/)
    })
    register(`${name}: the August 2022 revision reports none of them`, async () => {
      assert.deepEqual(await proseMessages(path.join(shared, newer)), [])
    })
  }
}
seeds.run()

const model = suite('prose model')

function modelOf(value: string) {
  const processor = unified().use(remarkParse).use(syntax)
  const tree = processor.runSync(processor.parse(value)) as import('mdast').Root
  return proseModel(tree, value.replace(/^\uFEFF/, ''))
}

model('words are prose only, and each range is the word in the source', () => {
  const value =
    '---\ntitle: Frontword\n---\n\n# Headword\n\nSee `codeword` at <https://example.com/urlword> or [linkword](https://example.com/targetword),\n' +
    'mail mailword@example.com, visit domainword.io, keep cookie `_ga` and _ga_x. &amp; entity\\*word.\n\n' +
    '<div data-attrword="x" class="classword">Htmlword <code>htmlcode</code></div>\n\n| Cookie | Purpose |\n| - | - |\n| cellname | cellword |\n'
  const {words, names} = modelOf(value)
  const text = words.map((word) => word.text)
  assert.deepEqual(text, [
    'Headword',
    'See',
    'at',
    'or',
    'linkword',
    'mail',
    'visit',
    'keep',
    'cookie',
    'and',
    'entity',
    'word',
    'Htmlword',
    'Cookie',
    'Purpose',
    'cellname',
    'cellword'
  ])
  for (const word of words) assert.equal(value.slice(word.range[0], word.range[1]), word.text)
  for (const name of ['codeword', 'urlword', 'targetword', 'mailword', 'domainword', 'classword', 'htmlcode']) assert.ok(names.has(name), name)
  assert.ok(words[0].sentenceStart && words[1].sentenceStart && !words[2].sentenceStart, 'sentence starts')
})

model('the scanners read words, sentence starts and chunks as the RegExps they replace', () => {
  const value = 'Don’t  use _ga or 2FA; café’s x\u00a0Ünïcode. (“Opens” here) ’tis rock’n’roll\n'
  const words = modelOf(value).words
  const expected = [...value.matchAll(/[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}]+)*/gu)].map((match) => match[0]).filter((word) => !/[\p{N}_]/u.test(word))
  assert.deepEqual(
    words.map((word) => word.text),
    expected
  )
  assert.deepEqual(
    words.filter((word) => word.sentenceStart).map((word) => word.text),
    ['Don’t', 'café’s', 'Opens']
  )
  // The chunk blanking as a RegExp with a callback, on strings made of the characters it cares about.
  const notProse = (core: string) =>
    [
      /^[a-z][a-z\d+.-]*:\/\//i,
      /^www\./i,
      /^mailto:/i,
      /[\p{L}\d]@[\p{L}\d]/u,
      /^[/~]/,
      /^@[\p{L}\d_.-]+$/u,
      /^\.[a-z]{2,}(?:\.[a-z]{2,})?$/i,
      /\/.*\//,
      /[\p{L}\d-]\.(?:[a-z]{2,})(?:$|[/.:?#])/iu,
      /[_={}<>#$%^|\\]/
    ].some((pattern) => pattern.test(core))
  const reference = (text: string) =>
    text.replace(/[^\s:.@/~_={}<>#$%^|\\]*[:.@/~_={}<>#$%^|\\][^\s]*/g, (chunk) => {
      const core = chunk.replace(/^[(["“‘'*_]+|[)\]"”’'*_.,;:!?]+$/g, '')
      return core && notProse(core) ? chunk.replace(/./g, ' ') : chunk
    })
  const parts = [
    'a',
    'www.',
    'x.io',
    'b@c',
    '@h',
    '/p/',
    '(',
    '”',
    '.',
    ':',
    '_',
    ' ',
    '\u00a0',
    '\u2003',
    'é',
    'e.g.',
    '*',
    'https://',
    'mailto:',
    ')',
    '='
  ]
  let seed = 7
  for (let round = 0; round < 2000; round++) {
    let text = ''
    for (let at = 0; at < 8; at++) text += parts[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % parts.length]
    assert.equal(mask(text), reference(text), JSON.stringify(text))
  }
})

{
  unlessMissing(model, !hasShared && '../shared/corpus is absent')('on the corpus, every word range slices to the word', () => {
    const folder = path.join(shared, 'corpus')
    for (const name of fs.readdirSync(folder).filter((item) => item.endsWith('.md'))) {
      const value = fs.readFileSync(path.join(folder, name), 'utf8')
      const text = value.replace(/^\uFEFF/, '')
      for (const word of modelOf(value).words) assert.equal(text.slice(word.range[0], word.range[1]), word.text, name)
    }
  })
}
model.run()

const list = suite('typo list')

list('every misspelling is unknown to both dictionaries and every correction is known', () => {
  const us = dictionary('en-US')
  const gb = dictionary('en-GB')
  for (const [wrong, right] of Object.entries(typoList)) {
    assert.ok(!us.correct(wrong) && !gb.correct(wrong), `\`${wrong}\` is a word`)
    for (const part of right.split(' ')) assert.ok(us.correct(part) && gb.correct(part), `\`${right}\` is not a word`)
    assert.equal(wrong, wrong.toLowerCase(), `\`${wrong}\` is lower case`)
  }
})

list('the fix keeps the case of the written word', async () => {
  const outcome = await fixText('Cokkies and COKKIES and cokkies.\n', {rule: typos})
  assert.equal(outcome.output, 'Cookies and COOKIES and cookies.\n')
})
list.run()

const suggestions = suite('suggestions')

suggestions('heading-case offers the rewritten heading, never a safe fix', async () => {
  const file = await lintText(
    '## What are cookies?\n\nText.\n\n## How we use them\n\nMore text about how we use them.\n\n## Your Choices And Rights\n\nYour choices and rights are yours.\n',
    {rule: headingCase}
  )
  assert.equal(file.messages.length, 1)
  assert.deepEqual(file.messages[0].expected, ['Your choices and Rights'.replace('Rights', 'rights')])
  assert.equal(file.messages[0].fix, null)
})

suggestions('spelling offers suggestions in `expected` and --fix leaves the word alone', async () => {
  const input = 'We keep your preferances.\n'
  const file = await lintText(input, {rule: spelling})
  assert.deepEqual(file.messages[0].expected, ['preferences'])
  assert.equal((await fixText(input, {rule: spelling})).output, input)
})

suggestions('spelling reads `.policylint-words` from the folder and the folders above', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-words-'))
  fs.mkdirSync(path.join(folder, 'legal'))
  fs.writeFileSync(path.join(folder, '.policylint-words'), '# our product\nZorblet\n')
  const input = 'We run zorblet to keep a flibbet for each visitor.\n'
  const file = await lintText(input, {rule: spelling, path: path.join(folder, 'legal', 'cookies.md')})
  assert.deepEqual(
    file.messages.map((message) => message.reason),
    ['Unexpected unknown word `flibbet`, expected a word in the dictionary']
  )
  const off = await lintText(input, {rule: spelling, path: path.join(folder, 'legal', 'cookies.md'), settings: {readWordsFile: false}})
  assert.equal(off.messages.length, 2)
  // An edited file is read again (the language server lints many times in one process).
  fs.appendFileSync(path.join(folder, 'legal', '.policylint-words'), 'flibbet\n')
  const edited = await lintText(input, {rule: spelling, path: path.join(folder, 'legal', 'cookies.md')})
  assert.equal(edited.messages.length, 0)
})

suggestions('terminology and confusables offer one safe edit each', async () => {
  const file = await lintText('The cookies which maybe set are third party cookies; a third-party sets them.\n', {rule: confusables})
  assert.deepEqual(
    file.messages.map((message) => message.fix?.text),
    ['may be']
  )
  const terms = await lintText('Our site sets third-party cookies; we tell each third-party. A third party may ask.\n', {rule: terminology})
  assert.deepEqual(
    terms.messages.map((message) => message.fix?.text),
    ['third party']
  )
  const one = await lintText('Our site sets third-party cookies; we tell each third-party.\n', {rule: terminology})
  assert.deepEqual(one.messages, [], 'a document that writes the compound one way is left alone')
})
suggestions.run()

const loading = suite('dictionary')

loading('the dictionary is loaded lazily: not when the spelling rule is off', () => {
  const script = `
    import {unified} from 'unified'
    import remarkParse from 'remark-parse'
    import {syntax} from './dist/src/preset.js'
    import {typos, spelling} from './dist/rules/index.js'
    import {isLoaded} from './dist/src/data/dictionary.js'
    import {VFile} from 'vfile'
    const run = (plugins) => {
      const p = unified().use(remarkParse).use(syntax).use(plugins)
      const file = new VFile({path: 'a.md', value: 'We use cookies on this site.'})
      return p.run(p.parse(file), file)
    }
    await run([[typos, ['error']], [spelling, ['off']]])
    const before = isLoaded('en-US')
    await run([[spelling, ['warn']]])
    console.log(JSON.stringify([before, isLoaded('en-US'), isLoaded('en-GB')]))
  `
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'})
  assert.deepEqual(JSON.parse(output), [false, true, false])
})
loading.run()

const preset = suite('preset')

preset("heading rules: policylint's obey `<!-- policylint … -->`, remark-lint's obey `<!-- lint … -->`", async () => {
  const input = [
    '# Cookies',
    '',
    '### Skipped',
    '',
    '### Under the same skip',
    '',
    '## Choices',
    '',
    '## Choices',
    '',
    'Setext',
    '------',
    '',
    '<!-- policylint disable heading-increment -->',
    '',
    '#### Also skipped',
    '',
    '<!-- lint disable no-duplicate-headings-in-section -->',
    '',
    '## Choices',
    '',
    '<!-- policylint disable heading-style -->',
    '',
    'Setext again',
    '------------',
    '',
    '**Effective August 20, 2022**',
    ''
  ].join('\n')
  const file = await lintText(input)
  const headingRules = new Set(['heading-increment', 'heading-style', 'no-duplicate-headings-in-section'])
  const found = file.messages
    .filter((message) => headingRules.has(String(message.ruleId)))
    .map((message) => `${message.source} ${message.ruleId} ${message.line}`)
  // One finding for the skip (line 5 is its evidence), the setext heading among ATX ones, the repeated heading.
  assert.deepEqual(found.sort(), ['policylint heading-increment 3', 'policylint heading-style 11', 'remark-lint no-duplicate-headings-in-section 9'])
  const skip = file.messages.find((message) => message.ruleId === 'heading-increment')
  assert.equal(skip?.reason, 'Unexpected heading level `3` after level `1`, expected level `2` or less')
  assert.equal((skip?.cause as {line?: number} | undefined)?.line, 5)
})
preset.run()
