/** `defineRule`: the one wrapper every policylint rule uses, around unified-lint-rule. */
import type {Root} from 'mdast'
import type {Node} from 'unist'
import type {Processor, Transformer} from 'unified'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {documentSource, nodeRange, type Range} from './model/source.js'
import {OptionError, parseOptions, show, type OptionsFromSpec, type OptionsSpec} from './options.js'
import {parseSettings, type SharedSettings} from './settings.js'

/** The `source` of every message policylint makes (vfile's field; the document text is `context.source`). */
export const messageSource = 'policylint'
const docsBase = 'https://github.com/policylint/policylint/blob/main/docs/rules/'

export function docsUrl(id: string): string {
  return docsBase + id + '.md'
}

export type Severity = 'error' | 'warn' | 'off'
/**
 * The edits a rule's reports may carry: `suggestion`s are never applied automatically; `safe` fixes are applied
 * by `--fix`; a rule declared `unsafe` may also carry fixes that drop presentation only (`class`, `style`, styling
 * wrappers), applied by `--fix --unsafe-fixes`.
 */
export type FixKind = 'none' | 'suggestion' | 'safe' | 'unsafe'

/** A fix's tier: `safe` changes nothing a reader sees; `unsafe` also drops presentation. */
export type FixTier = 'safe' | 'unsafe'

export interface RuleMeta {
  /** Kebab-case; equals the file name in `rules/`. */
  id: string
  /** One line: what the rule checks. */
  description: string
  /** Markdown: why a writer should care; rendered into the docs. */
  rationale: string
  recommended: Severity
  /** What the rule's reports may carry: `safe` edits are applied by `--fix`, suggestions never are. */
  fix: FixKind
}

/** One replacement in the document text (offsets into the BOM-less source). */
export interface TextEdit {
  range: Range
  text: string
}

export interface Suggestion {
  description: string
  fix: TextEdit
}

export interface Report {
  /** "Unexpected X, expected Y", values in backticks, no final period. */
  reason: string
  node?: Node
  /** Where the finding is, when it is not a node; a fix's range wins. */
  range?: Range
  /** A meaning-preserving edit: only for rules whose `meta.fix` is `safe` or `unsafe`. */
  fix?: TextEdit
  /**
   * What the fix changes that a reader may see (``drops the `class` and `style` attributes``): the fix is then
   * unsafe, applied only by `--fix --unsafe-fixes`, and only rules whose `meta.fix` is `unsafe` may report one.
   */
  unsafe?: string
  /** Candidate edits offered in editors and printed, never applied by `--fix`. */
  suggestions?: Suggestion[]
  /** Longer explanation, e.g. why no fix is offered. */
  note?: string
  /** Evidence elsewhere in the document. */
  cause?: VFileMessage
  /**
   * `warning`: report at warning level even when the rule is configured as an error; `error`: at error level
   * even when it is configured as a warning (a value that cannot be right, beside ones that are merely unusual).
   */
  severity?: 'warning' | 'error'
}

export interface RuleContext<Options> {
  file: VFile
  /** The text node offsets index into. */
  source: string
  options: Options
  settings: SharedSettings
  now: Date
  report(report: Report): void
  /** A message pointing at evidence, for `cause`. */
  evidence(reason: string, range: Range): VFileMessage
}

export interface Example {
  name: string
  description?: string
  /** Options for the rule in this example. */
  options?: unknown
  /** Shared settings (`settings.policylint`) for this example. */
  settings?: Record<string, unknown>
  input: string
  /** Expected messages as `line:column-line:column: reason`. */
  messages?: string[]
  /** The document after `--fix`. */
  fixed?: string
  /** The document after `--fix --unsafe-fixes`, for an example with unsafe fixes. */
  unsafeFixed?: string
}

/** A rule's options as declared, and the parser `defineRule` derives from the declaration. */
export interface RuleOptions<Options> {
  /** One spec per option, in the order the docs list them. */
  spec: OptionsSpec
  /** Pure: raw configuration in, resolved options out; throws `OptionError` on a bad value. */
  parse(raw: unknown, settings: SharedSettings): Options
}

export type NoOptions = Record<string, never>

/** The resolved options of a rule, as its declaration types them: `type Options = OptionsOf<typeof rule>`. */
export type OptionsOf<R> = R extends Rule<infer Options> ? Options : never

export interface RuleDefinition<Spec extends OptionsSpec> {
  meta: RuleMeta
  /** One `option.*` spec per option; a rule without options declares none. */
  options?: Spec
  examples: Example[]
  check(tree: Root, context: RuleContext<OptionsFromSpec<Spec>>): void
}

export interface Rule<Options = unknown> {
  (this: Processor, config?: unknown): Transformer<Root> | undefined
  meta: RuleMeta
  options: RuleOptions<Options>
  examples: Example[]
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** An edit applied by `--fix` (safe) or `--fix --unsafe-fixes` (unsafe). */
    fix?: TextEdit | null
    /** The fix's tier, when there is a fix. */
    fixTier?: FixTier
    /** Edits offered, never applied automatically. */
    suggestions?: Suggestion[]
    /** Set on messages that mean the run failed (bad options), not a lint finding. */
    failure?: boolean
    /** Set on findings reported below the rule's severity. */
    downgraded?: boolean
    /** Set on findings reported above the rule's severity. */
    upgraded?: boolean
  }
}

/** Settings are parsed once per configuration object, not once per rule and file. */
const parsedSettings = new WeakMap<object, SharedSettings>()

function settingsOf(processor: Processor): SharedSettings {
  const all = (processor.data('settings') ?? {}) as Record<string, unknown>
  const raw = all.policylint
  if (raw && typeof raw === 'object') {
    let settings = parsedSettings.get(raw)
    if (!settings) {
      settings = parseSettings(raw)
      parsedSettings.set(raw, settings)
    }
    return settings
  }
  return parseSettings(raw)
}

const severities: readonly unknown[] = [false, 0, 'off', true, 1, 'on', 'warn', 2, 'error']

/**
 * `[rule, ['eror', {…}]]`: a first item that is a string or a number but not a severity. No policylint rule takes
 * a list as its options, so such a list is a misspelt severity rather than options.
 */
function severityProblem(config: unknown): string | undefined {
  if (!Array.isArray(config) || config.length === 0 || config.length > 2) return undefined
  const [severity] = config as unknown[]
  if ((typeof severity !== 'string' && typeof severity !== 'number') || severities.includes(severity)) return undefined
  return `Unexpected severity ${show(severity)}, expected \`off\`, \`warn\`, \`error\` (or 0, 1, 2)`
}

/** A rule from its definition; its options' parser and type come from its declared `options`. */
export function defineRule<const Spec extends OptionsSpec = {}>(definition: RuleDefinition<Spec>): Rule<OptionsFromSpec<Spec>> {
  const {meta} = definition
  const spec = definition.options ?? ({} as Spec)
  const options: RuleOptions<OptionsFromSpec<Spec>> = {spec, parse: (raw, settings) => parseOptions(spec, raw, meta.id, settings)}
  const origin = messageSource + ':' + meta.id
  const url = docsUrl(meta.id)

  function plugin(this: Processor, config?: unknown): Transformer<Root> | undefined {
    const processor = this
    const badSeverity = severityProblem(config)
    const attacher = lintRule<Root, unknown>({origin, url}, (tree, file, raw) => {
      if (badSeverity) {
        const message = file.message(badSeverity)
        message.failure = true
        return
      }
      run(definition, options, url, tree, file, raw, processor)
    })
    // unified-lint-rule would read `['eror']` as options (or throw on a number): it reaches the rule as a failure instead.
    const transformer = attacher.call(processor, badSeverity ? undefined : config) as Transformer<Root> | undefined
    if (!transformer) return undefined
    return function (tree, file, next) {
      const from = file.messages.length
      // unified-lint-rule stamps every new message with the rule's severity; correct the exceptions.
      ;(transformer as Function)(tree, file, (error?: Error) => {
        let failure: VFileMessage | undefined
        for (const message of file.messages.slice(from)) {
          if (message.failure) {
            message.fatal = true
            failure = message
          } else if (message.downgraded && message.fatal) {
            message.fatal = false
          } else if (message.upgraded) {
            message.fatal = true
          }
        }
        // A bad option stops this file, as remark-lint does.
        next(failure ?? error)
      })
    }
  }

  Object.defineProperty(plugin, 'name', {value: origin})
  return Object.assign(plugin, {meta, options, examples: definition.examples})
}

function run<Spec extends OptionsSpec>(
  definition: RuleDefinition<Spec>,
  parser: RuleOptions<OptionsFromSpec<Spec>>,
  url: string,
  tree: Root,
  file: VFile,
  raw: unknown,
  processor: Processor
): void {
  const {meta} = definition
  let settings: SharedSettings
  let options: OptionsFromSpec<Spec>
  try {
    settings = settingsOf(processor)
    options = parser.parse(raw, settings)
  } catch (error) {
    if (!(error instanceof OptionError)) throw error
    const message = file.message(error.message)
    message.failure = true
    return
  }

  const document = documentSource(file)

  function evidence(reason: string, range: Range): VFileMessage {
    const message = new VFileMessage(reason, {
      place: {start: document.point(range[0]), end: document.point(range[1])},
      ruleId: meta.id,
      source: messageSource
    })
    message.url = url
    return message
  }

  function report(finding: Report): void {
    const edits = finding.fix ? [finding.fix] : (finding.suggestions ?? []).map((suggestion) => suggestion.fix)
    if (finding.fix && finding.unsafe && meta.fix !== 'unsafe') {
      throw new Error(`Rule \`${meta.id}\` reported an unsafe fix but declares \`fix: '${meta.fix}'\``)
    }
    if (finding.fix && meta.fix !== 'safe' && meta.fix !== 'unsafe') {
      throw new Error(`Rule \`${meta.id}\` reported a safe fix but declares \`fix: '${meta.fix}'\``)
    }
    if (edits.length > 0 && meta.fix === 'none') {
      throw new Error(`Rule \`${meta.id}\` reported a suggestion but declares \`fix: 'none'\``)
    }
    // Editors turn `expected` into edits over the message's range, so every edit must cover that range.
    const range = edits[0]?.range ?? finding.range ?? nodeRange(finding.node)
    // As in remark-lint, a finding without a position (a generated tree) is not reported.
    if (!range) return
    for (const edit of edits) {
      if (edit.range[0] !== range[0] || edit.range[1] !== range[1]) {
        throw new Error(`Rule \`${meta.id}\` reported edits over different ranges in one message`)
      }
    }
    const message = file.message(finding.reason, {
      place: {start: document.point(range[0]), end: document.point(range[1])},
      cause: finding.cause
    })
    const unsafeNote =
      finding.fix && finding.unsafe ? `Unsafe fix (it ${finding.unsafe}): apply it with \`policylint --fix --unsafe-fixes\`` : undefined
    const note = [finding.note, unsafeNote].filter(Boolean).join('\n')
    if (note) message.note = note
    message.fix = finding.fix ?? null
    if (finding.fix) message.fixTier = finding.unsafe ? 'unsafe' : 'safe'
    message.suggestions = finding.suggestions ?? []
    if (edits.length > 0) {
      message.actual = document.text.slice(range[0], range[1])
      message.expected = edits.map((edit) => edit.text)
    }
    if (finding.severity === 'warning') message.downgraded = true
    if (finding.severity === 'error') message.upgraded = true
  }

  try {
    definition.check(tree, {file, source: document.text, options, settings, now: settings.now, report, evidence})
  } catch (error) {
    // A rule that crashes is a bug in policylint, not a finding: say which rule, and fail the run.
    const message = file.message(`Cannot run rule \`${meta.id}\` on this file: ${String((error as Error)?.message ?? error)}`)
    message.failure = true
  }
}
