// Print every message with its note: node tools/notes.mjs RULE-ID FILE [options-json]
import fs from 'node:fs'
import {lintText, formatMessage} from '../dist/test/lint-helpers.js'
import {rules} from '../dist/rules/index.js'
const [id, file, options] = process.argv.slice(2)
const rule = rules.find((r) => r.meta.id === id)
const out = await lintText(fs.readFileSync(file, 'utf8'), {rule, options: options ? JSON.parse(options) : undefined})
for (const m of out.messages) console.log(formatMessage(m), m.fix ? '[fix]' : '', m.note ? '\n    ' + m.note : '')
