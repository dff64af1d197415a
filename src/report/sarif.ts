/** `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type * as Sarif from 'sarif'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../../rules/index.js'
import {docsUrl} from '../rule.js'
import {evidenceOf, filePathOf, inPositionOrder, isFailure, levelOf, ruleName, type Span, spanOf} from './shared.js'

export const sarifSchema = 'https://json.schemastore.org/sarif-2.1.0.json'
const informationUri = 'https://github.com/policylint/policylint'

export function toSarif(files: readonly VFile[], cwd = process.cwd()): Sarif.Log {
  const descriptors: Sarif.ReportingDescriptor[] = rules.map(({meta}) => ({
    id: meta.id,
    shortDescription: {text: meta.description},
    fullDescription: {text: meta.rationale, markdown: meta.rationale},
    helpUri: docsUrl(meta.id),
    defaultConfiguration: {level: meta.recommended === 'error' ? 'error' : meta.recommended === 'warn' ? 'warning' : 'none'},
    properties: {fix: meta.fix}
  }))
  const index = new Map(descriptors.map((descriptor, position) => [descriptor.id, position]))
  const results: Sarif.Result[] = []
  const notifications: Sarif.Notification[] = []

  for (const file of files) {
    const uri = fileUri(filePathOf(file))
    const artifactLocation: Sarif.ArtifactLocation = {uri, uriBaseId: '%SRCROOT%'}
    for (const message of inPositionOrder(file.messages)) {
      const span = spanOf(message)
      const region = span ? regionOf(span) : undefined
      const rule = ruleName(message)
      if (!rule || isFailure(message)) {
        // Not a finding: the file could not be read, parsed or configured, or a note from the run itself.
        notifications.push({
          level: isFailure(message) ? 'error' : levelOf(message),
          message: {text: message.reason},
          locations: [{physicalLocation: region ? {artifactLocation, region} : {artifactLocation}}]
        })
        continue
      }
      if (!index.has(rule)) {
        // A rule from another plugin in the configuration (remark-lint's, say).
        index.set(rule, descriptors.length)
        descriptors.push({id: rule, ...(message.url ? {helpUri: message.url} : {})})
      }
      const result: Sarif.Result = {
        ruleId: rule,
        ruleIndex: index.get(rule)!,
        level: levelOf(message),
        message: {text: message.note ? message.reason + '\n' + message.note : message.reason},
        locations: [{physicalLocation: region ? {artifactLocation, region} : {artifactLocation}}]
      }
      const evidence = evidenceOf(message)
      if (evidence) {
        result.relatedLocations = [{id: 1, message: {text: evidence.reason}, physicalLocation: {artifactLocation, region: regionOf(evidence.span)}}]
      }
      const fixes = fixesOf(message, artifactLocation, region)
      if (fixes.length > 0) result.fixes = fixes
      results.push(result)
    }
  }

  const failed = files.some((file) => file.messages.some(isFailure))
  return {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'policylint', version: packageVersion(), informationUri, rules: descriptors}},
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(cwd + path.sep).href}},
        columnKind: 'utf16CodeUnits',
        invocations: [{executionSuccessful: !failed, ...(notifications.length > 0 ? {toolExecutionNotifications: notifications} : {})}],
        results
      }
    ]
  }
}

/** The safe fix (first) and the suggestions, as replacements of the message's region. */
function fixesOf(message: VFileMessage, artifactLocation: Sarif.ArtifactLocation, region: Sarif.Region | undefined): Sarif.Fix[] {
  if (!region || region.endLine === undefined) return []
  const candidates = message.fix
    ? [
        message.fixTier === 'unsafe'
          ? {description: 'Unsafe fix: drops presentation only (applied by `policylint --fix --unsafe-fixes`)', text: message.fix.text}
          : {description: 'Fix (applied by `policylint --fix`)', text: message.fix.text}
      ]
    : (message.suggestions ?? []).map((suggestion) => ({description: suggestion.description, text: suggestion.fix.text}))
  return candidates.map((candidate) => ({
    description: {text: candidate.description},
    artifactChanges: [{artifactLocation, replacements: [{deletedRegion: region, insertedContent: {text: candidate.text}}]}]
  }))
}

function regionOf(span: Span): Sarif.Region {
  const region: Sarif.Region = {startLine: span.line, startColumn: span.column}
  if (span.endLine !== undefined && span.endColumn !== undefined) {
    region.endLine = span.endLine
    region.endColumn = span.endColumn
  }
  return region
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function fileUri(relative: string): string {
  return relative.split(/[\\/]/).map(encodeURIComponent).join('/')
}

let version: string | undefined
function packageVersion(): string {
  if (version === undefined) {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'package.json')
    version = String((JSON.parse(fs.readFileSync(file, 'utf8')) as {version: string}).version)
  }
  return version
}
