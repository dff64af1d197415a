/** The `doc` tag that rule examples are written with: dedenting, the final line break, escapes, mistakes. */
import assert from 'node:assert/strict'
import {test} from 'uvu'
import {doc} from '../src/example.js'

test('drops the first line break and the common indentation, keeps the final line break', () => {
  const text = doc`
    # Cookies

    | Cookie | Expires |
    | ------ | ------- |
  `
  assert.equal(text, '# Cookies\n\n| Cookie | Expires |\n| ------ | ------- |\n')
})

test('deeper lines keep what they have beyond the common indentation', () => {
  const text = doc`
    <table>
      <tr><td>sid</td></tr>
    </table>
  `
  assert.equal(text, '<table>\n  <tr><td>sid</td></tr>\n</table>\n')
})

test('blank lines come out empty, whatever spaces they hold', () => {
  assert.equal(doc`\n    One\n  \n\n        \n    Two\n  `, 'One\n\n\n\nTwo\n')
})

test('the closing backtick at the end of a line makes a document without a final line break', () => {
  assert.equal(
    doc`
    One
    Two`,
    'One\nTwo'
  )
})

test('a closing backtick at the start of its line', () => {
  assert.equal(
    doc`
  One
`,
    'One\n'
  )
})

test("escapes are JavaScript's: backticks, tabs, backslashes, a dollar before a brace", () => {
  assert.equal(
    doc`
    Set \`sid\`\tonce, \\* stays, \${x} too.
  `,
    'Set `sid`\tonce, \\* stays, ${x} too.\n'
  )
})

test('one line', () => {
  assert.equal(
    doc`
      We use cookies.
    `,
    'We use cookies.\n'
  )
})

test('mistakes throw instead of changing the document', () => {
  assert.throws(() => doc`One line\n`, /without a line break after/)
  assert.throws(
    () => doc`
    One
  Two
    `,
    /indented less than its closing backtick: `  Two`/
  )
})

test.run()
