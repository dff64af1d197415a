/** `--format junit`: one test suite per file, one failing test case per message, one passing case per clean file. */
import type {VFile} from 'vfile'
import {filePathOf, inPositionOrder, isFailure, levelOf, ruleName, spanOf} from './shared.js'

export function toJunit(files: readonly VFile[]): string {
  const suites: string[] = []
  let tests = 0
  let failures = 0
  let errors = 0
  for (const file of files) {
    const name = filePathOf(file)
    const cases: string[] = []
    let suiteFailures = 0
    let suiteErrors = 0
    for (const message of inPositionOrder(file.messages)) {
      const span = spanOf(message)
      const at = span ? `${span.line}:${span.column}` : '1:1'
      const rule = ruleName(message) ?? 'policylint'
      const body = `${name}:${at}: ${message.reason}` + (message.note ? '\n' + message.note : '') + (message.url ? '\n' + message.url : '')
      const attributes = `name="${xml(`${rule} at ${at}`)}" classname="${xml(name)}"`
      if (isFailure(message)) {
        suiteErrors++
        cases.push(`    <testcase ${attributes}>\n      <error message="${xml(message.reason)}" type="error">${xml(body)}</error>\n    </testcase>`)
      } else {
        suiteFailures++
        const level = levelOf(message)
        cases.push(
          `    <testcase ${attributes}>\n      <failure message="${xml(message.reason)}" type="${level}">${xml(body)}</failure>\n    </testcase>`
        )
      }
    }
    if (cases.length === 0) cases.push(`    <testcase name="policylint" classname="${xml(name)}"/>`)
    tests += cases.length
    failures += suiteFailures
    errors += suiteErrors
    suites.push(
      `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}">\n${cases.join('\n')}\n  </testsuite>`
    )
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="policylint" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites,
    '</testsuites>',
    ''
  ].join('\n')
}

function xml(value: string): string {
  return (
    value
      // Characters XML 1.0 cannot hold at all.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  )
}
