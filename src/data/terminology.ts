/**
 * The built-in groups of `terminology`: compounds whose spelling follows their role (`third-party cookies`, `a
 * third party`), spellings a document writes one way (`email`, `website`), the nouns that tell a compound's role,
 * and the names a policy page gives itself. English; written by the project.
 */

/** Where a compound stands: before a noun (`third-party cookies`), or as a noun or verb (`a third party`, `to log in`). */
export type Position = 'modifier' | 'other'

export interface CompoundGroup {
  id: string
  /** Matches every spelling; group 1 is the first part, group 2 the separator, group 3 the second part. */
  regex: RegExp
  /** The first part as spelled out (`third`, `log`, `opt`). */
  first: string
  /** What joins the parts in the joined spelling: `third-party`, `login`, `opt-out`. */
  joiner: '-' | ''
  /** Which spelling grammar asks for in a position. */
  grammar: Record<Position, 'joined' | 'open'>
  position(before: string | undefined, after: string | undefined): Position | undefined
}

export interface VariantGroup {
  id: string
  regex: RegExp
  /** The spelling a match is counted as (`email`, `e-mail`). */
  variant(written: string): string
}

export const functionWords = new Set(
  'and or nor but to that who whom whose which with is are was were be been may will can has have had for in on at by from as if unless without under does do should must would could might shall acting where when of than via whether'.split(
    ' '
  )
)

export const partyNouns = new Set(
  (
    'cookie cookies service services provider providers site sites website websites web tool tools vendor vendors content application applications app apps ' +
    'advertiser advertisers advertising ad ads analytics partner partners company companies plugin plugins trackers tracker tracking software platform platforms ' +
    'processor processors subprocessor subprocessors integration integrations link links resource resources script scripts page pages feature features network networks ' +
    'technology technologies product products payment payments social tag tags pixel pixels request requests domain domains library libraries code widget widgets ' +
    'video videos component components organisation organisations organization organizations entity entities recipient recipients seller sellers marketing sharing ' +
    'account accounts controller controllers supplier suppliers contractor contractors data information sources source embed embeds login logins authentication ' +
    'payment service-providers api apis sdk sdks beacons beacon fonts font storage hosting servers server'
  ).split(' ')
)

export const optNouns = new Set(
  'link links mechanism mechanisms form forms cookie cookies tool tools page pages option options request requests button buttons process choice choices preference preferences signal signals setting settings box checkbox banner facility facilities system systems method methods status rights'.split(
    ' '
  )
)

export const loginNouns = new Set(
  'details credentials page pages screen information data form name names session sessions process button status attempt attempts history time times timestamp timestamps cookie cookies token tokens id ids link links provider providers services service'.split(
    ' '
  )
)

export const verbTriggers = new Set(
  "to can cannot can't may might will would must should could please you we they users also easily simply then and or not".split(' ')
)

export const determiners = new Set(
  'a an the this that these those its their our your his her we you they it which who whom whose such any each every some no'.split(' ')
)
export const modifiedNouns = new Set([...partyNouns, ...optNouns, ...loginNouns])

export const compounds: CompoundGroup[] = [
  {
    id: 'third-party',
    regex: /\b(third|3rd)([ -]?)(part(?:y|ies))\b(?![-'’])/gi,
    first: 'third',
    joiner: '-',
    grammar: {modifier: 'joined', other: 'open'},
    position(_before, after) {
      if (after === undefined || functionWords.has(after)) return 'other'
      if (partyNouns.has(after)) return 'modifier'
      return undefined
    }
  },
  {
    id: 'opt-out',
    regex: /\b(opt)([ -]?)(out|in)\b(?![-'’])/gi,
    first: 'opt',
    joiner: '-',
    grammar: {modifier: 'joined', other: 'open'},
    position(before, after) {
      if (after !== undefined && optNouns.has(after)) return 'modifier'
      if (before !== undefined && verbTriggers.has(before) && (after === undefined || functionWords.has(after))) return 'other'
      return undefined
    }
  },
  {
    id: 'log-in',
    regex: /\b(log)([ -]?)(in)\b(?![-'’])/gi,
    first: 'log',
    joiner: '',
    grammar: {modifier: 'joined', other: 'open'},
    position(before, after) {
      if (after !== undefined && loginNouns.has(after)) return 'modifier'
      if (before !== undefined && verbTriggers.has(before) && (after === undefined || functionWords.has(after))) return 'other'
      return undefined
    }
  }
]

export const variants: VariantGroup[] = [
  {id: 'e-mail', regex: /\b(?<!-)e-?mail(?:s|ed|ing)?\b(?!-)/gi, variant: (written) => (written.includes('-') ? 'e-mail' : 'email')},
  {
    id: 'website',
    regex: /\bweb[ -]?sites?\b(?!-)/gi,
    variant: (written) => (/web site/i.test(written) ? 'web site' : /web-site/i.test(written) ? 'web-site' : 'website')
  }
]

/** Names a policy page gives itself, by kind; `Terms` alone is a defined short form and is left out. */
export const documentName =
  /\b(cookies?\s+(?:policy|notice|statement)|privacy\s+(?:policy|notice|statement)|terms\s+(?:of\s+(?:service|use)|(?:and|&)\s+conditions)|service\s+terms|conditions\s+of\s+use|user\s+agreement)\b/gi

/** Every group's id, as `ignore` takes them. */
export const groupIds = [...compounds.map((group) => group.id), ...variants.map((group) => group.id), 'policy-capitals', 'document-name']
