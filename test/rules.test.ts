/** The rule harness: every rule's examples and fixtures, with the invariants every rule must keep. */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {suite} from 'uvu'
import {removePosition} from 'unist-util-remove-position'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import linkStyle from '../rules/link-style.js'
import {safeEdits} from '../src/fix.js'
import {defaultOf} from '../src/options.js'
import {syntax} from '../src/preset.js'
import {docsUrl, messageSource, type OptionsOf, type Rule} from '../src/rule.js'
import {parseSettings} from '../src/settings.js'
import {fixText, formatMessage, lintText, testNow} from './lint-helpers.js'
import {root} from './paths.js'

interface Case {
  name: string
  input: string
  options?: unknown
  settings?: Record<string, unknown>
  messages: string[]
  fixed?: string
  /** The document after `--fix --unsafe-fixes`, for cases with unsafe fixes. */
  unsafeFixed?: string
  valid: boolean
}

const update = process.env.UPDATE_FIXTURES === '1'

for (const rule of rules) {
  const test = suite(rule.meta.id)
  const cases = [...exampleCases(rule), ...fixtureCases(rule)]

  for (const item of cases) {
    test(item.name, async () => {
      const lintCase = {rule, options: item.options, settings: item.settings}
      const file = await lintText(item.input, lintCase)
      const actual = file.messages.map(formatMessage)
      if (update && item.name.startsWith('fixtures/')) writeSidecars(rule, item, actual)
      assert.deepEqual(actual, item.messages, 'messages')
      if (item.valid) assert.equal(actual.length, 0, 'a valid case has no message')

      for (const message of file.messages) {
        assert.equal(message.ruleId, rule.meta.id, 'ruleId')
        assert.equal(message.source, messageSource, 'source')
        assert.equal(message.url, docsUrl(rule.meta.id), 'url')
        if (message.cause && typeof message.cause === 'object' && 'ruleId' in message.cause) {
          assert.equal(message.cause.ruleId, rule.meta.id, 'cause ruleId')
        }
        if (message.expected) assert.ok(rule.meta.fix !== 'none', 'a rule with `fix: none` offers no edit')
        for (const suggestion of message.suggestions ?? []) {
          const start = suggestion.fix.range[0]
          assert.ok(start >= 0 && suggestion.fix.range[1] <= item.input.length, 'a suggestion applies inside the document')
        }
      }

      const edits = safeEdits(file.messages)
      if (edits.length > 0 || item.fixed !== undefined) {
        const outcome = await fixText(item.input, lintCase)
        if (update && item.name.startsWith('fixtures/')) writeFixed(rule, item, outcome.output)
        assert.ok(item.fixed !== undefined, 'a case with safe fixes has a fixed document')
        assert.ok(!item.valid, 'a valid case is not fixed')
        assert.equal(outcome.output, item.fixed, 'the fixed document')
        assert.notEqual(outcome.output, item.input, 'fixing changes the document')
        assert.ok(outcome.converged, 'fixing settles')
        const again = await fixText(outcome.output, lintCase)
        assert.equal(again.output, outcome.output, 'the fixed document is a fixed point')
      }

      const unsafe = file.messages.filter((message) => message.fixTier === 'unsafe')
      if (unsafe.length > 0) assert.equal(rule.meta.fix, 'unsafe', 'only a rule declared `unsafe` reports unsafe fixes')
      for (const message of unsafe) assert.match(message.note ?? '', /--fix --unsafe-fixes/, 'an unsafe fix says how to apply it')
      if (unsafe.length > 0 || item.unsafeFixed !== undefined) {
        const outcome = await fixText(item.input, lintCase, true)
        if (update && item.name.startsWith('fixtures/')) writeFixed(rule, item, outcome.output, '.unsafe-fixed.md')
        assert.ok(item.unsafeFixed !== undefined, 'a case with unsafe fixes has an unsafe-fixed document')
        assert.equal(outcome.output, item.unsafeFixed, 'the document after --unsafe-fixes')
        assert.ok(outcome.converged, 'fixing settles')
        const again = await fixText(outcome.output, lintCase, true)
        assert.equal(again.output, outcome.output, 'the unsafe-fixed document is a fixed point')
      }
    })

    if (optionsParse(rule, item)) {
      test(item.name + ' (without positions)', async () => {
        // As in remark-lint: a generated tree without positions must not crash a rule or make it report.
        const file = new VFile({path: 'generated.md', value: item.input})
        const processor = unified()
          .use(remarkParse)
          .use(syntax)
          .use(rule, ['error', item.options])
          .data('settings', {policylint: {now: testNow, ...item.settings}})
        const tree = processor.parse(file)
        removePosition(tree, {force: true})
        await processor.run(tree, file)
        assert.deepEqual(file.messages.map(String), [])
      })
    }
  }

  test('contract', () => {
    const examples = rule.examples
    assert.ok(
      examples.some((example) => !example.messages?.length),
      'at least one valid example'
    )
    assert.ok(
      examples.some((example) => example.messages?.length),
      'at least one invalid example'
    )
    if (rule.meta.fix === 'safe' || rule.meta.fix === 'unsafe')
      assert.ok(
        examples.some((example) => example.fixed),
        'a fixable rule shows a fix'
      )
    if (rule.meta.fix === 'unsafe')
      assert.ok(
        examples.some((example) => example.unsafeFixed),
        'a rule with unsafe fixes shows one'
      )
    const {spec} = rule.options
    const optionNames = Object.keys(spec)
    if (optionNames.length > 0) {
      assert.ok(
        examples.some((example) => example.options !== undefined),
        'a rule with options shows them'
      )
    }
    for (const name of optionNames) assert.ok(spec[name].doc.trim().length > 0, `option \`${name}\` is documented`)
    const settings = parseSettings(undefined)
    const defaults = Object.fromEntries(optionNames.map((name) => [name, defaultOf(spec[name], settings)]))
    assert.deepEqual(rule.options.parse(undefined, settings), defaults, 'parse(undefined) gives the declared defaults')
    assert.ok(fs.existsSync(path.join(root, 'fixtures', rule.meta.id)), `fixtures/${rule.meta.id}/ exists`)
  })

  test.run()
}

function optionsParse(rule: Rule<any>, item: Case): boolean {
  try {
    rule.options.parse(item.options, parseSettings(item.settings))
    return true
  } catch {
    return false
  }
}

function exampleCases(rule: Rule<any>): Case[] {
  return rule.examples.map((example) => ({
    name: 'example ' + example.name,
    input: example.input,
    options: example.options,
    settings: example.settings,
    messages: example.messages ?? [],
    fixed: example.fixed,
    unsafeFixed: example.unsafeFixed,
    valid: !example.messages?.length
  }))
}

function fixtureCases(rule: Rule<any>): Case[] {
  const folder = path.join(root, 'fixtures', rule.meta.id)
  if (!fs.existsSync(folder)) return []
  const names = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md') && !name.endsWith('.unsafe-fixed.md'))
    .sort()
  return names.map((name) => {
    const base = path.join(folder, name.slice(0, -3))
    const read = (suffix: string) => (fs.existsSync(base + suffix) ? fs.readFileSync(base + suffix, 'utf8') : undefined)
    const valid = name.startsWith('valid-')
    if (!valid && !name.startsWith('invalid-')) throw new Error(`Fixture ${name} must start with valid- or invalid-`)
    const messages = read('.messages.txt')
    if (!valid && messages === undefined && !update) throw new Error(`Fixture ${name} needs a .messages.txt`)
    const options = read('.options.json')
    const settings = read('.settings.json')
    return {
      name: 'fixtures/' + name,
      input: fs.readFileSync(path.join(folder, name), 'utf8'),
      options: options === undefined ? undefined : JSON.parse(options),
      settings: settings === undefined ? undefined : JSON.parse(settings),
      messages: messages === undefined ? [] : messages.split('\n').filter(Boolean),
      fixed: read('.fixed.md'),
      unsafeFixed: read('.unsafe-fixed.md'),
      valid
    }
  })
}

/** `UPDATE_FIXTURES=1 npm test` rewrites sidecars; review their diff like code. */
function writeSidecars(rule: Rule<any>, item: Case, actual: string[]) {
  const base = path.join(root, 'fixtures', rule.meta.id, item.name.slice('fixtures/'.length, -3))
  if (!item.valid) fs.writeFileSync(base + '.messages.txt', actual.join('\n') + '\n')
  item.messages = actual
}

function writeFixed(rule: Rule<any>, item: Case, output: string, suffix: '.fixed.md' | '.unsafe-fixed.md' = '.fixed.md') {
  const base = path.join(root, 'fixtures', rule.meta.id, item.name.slice('fixtures/'.length, -3))
  if (output !== item.input) fs.writeFileSync(base + suffix, output)
  if (suffix === '.fixed.md') item.fixed = output
  else item.unsafeFixed = output
}

/** Options are declared once per rule; the parser derived from the declaration keeps these messages word for word. */
const options = suite('options')

options('the parser derived from each rule’s declared options', () => {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]))
  const parse = (id: string, raw: unknown, settings?: Record<string, unknown>) => byId.get(id)!.options.parse(raw, parseSettings(settings))
  const fails = (id: string, raw: unknown, message: string, settings?: Record<string, unknown>) =>
    assert.throws(
      () => parse(id, raw, settings),
      (error: Error) => error.name === 'OptionError' && error.message === message,
      `${id} ${JSON.stringify(raw)}`
    )

  fails('table-format', {bogus: 1}, 'Unexpected option `bogus` for `table-format`, expected no options')
  fails('link-style', 'x', 'Unexpected options `x` for `link-style`, expected an object')
  fails('link-style', {bogus: 1}, 'Unexpected option `bogus` for `link-style`, expected `style`, `targetBlank`, `mixedOnly`')
  fails('link-style', {style: 7}, 'Unexpected value `7` for `style`, expected `markdown`, `html`, or `consistent`')
  fails('front-matter', {titleMatchesHeading: 'x'}, 'Unexpected value `x` for `titleMatchesHeading`, expected `true` or `false`')
  fails('effective-date', {maxAge: 1.5}, 'Unexpected value `1.5` for `maxAge`, expected a whole number of at least 0')
  fails('cookie-duration', {maxAge: 'forever'}, 'Unexpected value `forever` for `maxAge`, expected a duration like `13 months`')
  fails('heading-punctuation', {characters: 'ab'}, 'Unexpected value `ab` for `characters`, expected a string of punctuation characters like `.:;,`')
  fails(
    'terminology',
    {terms: {a: 1}},
    'Unexpected value `{"a":1}` for `terms`, expected an object of preferred spellings like `{"web site": "website"}`'
  )
  // A default taken from a shared setting is checked like a given value.
  fails(
    'cookie-table-columns',
    undefined,
    'Unexpected value `foo` for `required`, expected fields such as `name`, `purpose`, `duration` or `provider|domain`',
    {
      requiredColumns: ['foo']
    }
  )

  assert.equal(parse('link-style', undefined, {linkStyle: 'html'}).style, 'html', 'a default from a shared setting')
  assert.equal(parse('link-style', {style: 'consistent'}, {linkStyle: 'html'}).style, 'consistent', 'a given value wins over the setting')
  assert.equal(parse('heading-punctuation', {characters: null}).characters, '.:;,。．：；，、', '`null` keeps the default')
  assert.deepEqual(parse('typos', {allowRepeated: ['That', 'Had’s']}).allowRepeated, ['that', "had's"], 'list items are normalised')
})

options('the options’ type is inferred from the declaration', () => {
  type LinkStyle = OptionsOf<typeof linkStyle>
  const typed: LinkStyle = {style: 'consistent', targetBlank: 'drop', mixedOnly: false}
  // @ts-expect-error: only the declared values type-check
  const wrong: LinkStyle['style'] = 'xml'
  assert.ok(typed && wrong)
})

options.run()
