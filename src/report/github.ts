/** `--format github`: GitHub Actions workflow commands, which GitHub shows as annotations on the changed lines. */
import type {VFile} from 'vfile'
import {filePathOf, inPositionOrder, isFailure, levelOf, ruleName, spanOf} from './shared.js'

export function toGithub(files: readonly VFile[]): string {
  const lines: string[] = []
  for (const file of files) {
    const name = filePathOf(file).split('\\').join('/')
    for (const message of inPositionOrder(file.messages)) {
      const level = isFailure(message) ? 'error' : levelOf(message) === 'note' ? 'notice' : levelOf(message)
      const properties: string[] = ['file=' + escapeProperty(name)]
      const span = spanOf(message)
      if (span) {
        properties.push('line=' + span.line, 'col=' + span.column)
        if (span.endLine !== undefined && span.endColumn !== undefined) {
          properties.push('endLine=' + span.endLine, 'endColumn=' + span.endColumn)
        }
      }
      const title = ruleName(message) ?? 'policylint'
      properties.push('title=' + escapeProperty(title))
      lines.push(`::${level} ${properties.join(',')}::${escapeData(message.reason)}`)
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}

/** As in @actions/core: the message part escapes `%`, CR and LF. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Property values also escape `:` and `,`. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
