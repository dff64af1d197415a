/** Words confused with others in patterns that are next to never right: `which maybe set`, `could of been`, `rather then`. */
import {doc} from '../src/example.js'
import {proseText} from '../src/model/prose-text.js'
import {isEnglish, matchCase} from '../src/model/words.js'
import {option} from '../src/options.js'
import {defineRule} from '../src/rule.js'

interface Pattern {
  id: string
  /** Group `w` is the confused word(s), the part that is replaced. */
  regex: RegExp
  replacement: string
  /**
   * Text every match holds, far cheaper to look for than the pattern (no alternatives tried at every
   * position): a page without it is not searched for the pattern.
   */
  clue?: RegExp
}

const participle = String.raw`(?:\w+ed|set|used|shared|stored|kept|sent|made|given|taken|done|seen|known|held|written|found|read|put|sold|paid|built|chosen|shown|able|subject|necessary|required|asked|provided|needed|transferred)`

/** Each pattern is listed with the sentences it must stay quiet on in `fixtures/confusables/valid-*.md`. */
const patterns: Pattern[] = [
  {
    id: 'maybe',
    regex: new RegExp(
      String.raw`\b(?:which|that|who|it|they|this|these|those|cookies|cookie|data|information|details|you|we)\s+(?<w>maybe)\s+${participle}\b`,
      'gid'
    ),
    replacement: 'may be',
    clue: /\smaybe\s/i
  },
  {
    id: 'modal-of',
    regex: /\b(?:could|should|would|must|might)\s+(?<w>of)\s+(?:been|had|known|seen|done|gone|got|gotten|\w+ed)\b/dgi,
    replacement: 'have',
    clue: /(?:ld|st|ht)\s+of\s/i
  },
  {
    id: 'than',
    regex: /\b(?:rather|other|less|fewer|greater|more|older|younger)\s+(?<w>then)\b(?!\s*[,;:.])/dgi,
    replacement: 'than',
    clue: /\sthen\b/i
  },
  {
    id: 'lose',
    regex:
      /\b(?:will|would|may|might|could|can|to|not|never)\s+(?<w>loose)\s+(?:your|their|the|access|data|any|all|some|this|our|information|it|them)\b/dgi,
    replacement: 'lose',
    clue: /\sloose\s/i
  },
  {
    id: 'set-up',
    regex: /\b(?:can|will|must|may|should|could|might|please|to)\s+(?<w>setup)\s+(?:a|an|the|your|our|their|cookies|it|them|this|these)\b/dgi,
    replacement: 'set up',
    clue: /\ssetup\s/i
  },
  {id: 'its-own', regex: /\b(?<w>it['’]s)\s+own\b/dgi, replacement: 'its'},
  {
    id: 'advise',
    regex: /\b(?:we|I|you|they)\s+(?<w>advice)\s+(?:you|users|visitors|them|that|against)\b/dgi,
    replacement: 'advise',
    clue: /\sadvice\s/i
  },
  {id: 'per-se', regex: /\bper\s+(?<w>say)\b/dgi, replacement: 'se'}
]

export default defineRule({
  meta: {
    id: 'confusables',
    description: 'Words confused with similar ones, in patterns that are next to never right',
    rationale:
      '"The cookies which maybe set" should read "may be set"; "could of been" is "could have been"; "rather ' +
      'then" is "rather than". Such slips survive spell checkers because every word is spelled right. The rule ' +
      'only knows patterns that have next to no false positives: each is tested against sentences where the ' +
      'words are used correctly ("maybe we will", "could, of course,", "more, then"). Patterns: ' +
      patterns.map((pattern) => '`' + pattern.id + '`').join(', ') +
      '.',
    recommended: 'error',
    fix: 'safe'
  },
  options: {
    ignore: option.strings({default: [], doc: 'Pattern ids to leave alone: ' + patterns.map((pattern) => '`' + pattern.id + '`').join(', ') + '.'})
  },
  examples: [
    {
      name: 'valid.md',
      input: doc`
      Maybe you have blocked cookies; the cookies which may be set are listed below.
    `
    },
    {
      name: 'invalid.md',
      input: doc`
        The cookies which maybe set are listed below. We could of stored less then that.
      `,
      messages: [
        '1:19-1:24: Unexpected `maybe`, expected `may be`',
        '1:56-1:58: Unexpected `of`, expected `have`',
        '1:71-1:75: Unexpected `then`, expected `than`'
      ],
      fixed: doc`
        The cookies which may be set are listed below. We could have stored less than that.
      `
    },
    {
      name: 'ignore.md',
      options: {ignore: ['than']},
      input: doc`
        We would rather then ask you.
      `
    }
  ],
  check(tree, context) {
    // The lists and patterns are English: a page that says it is in another language is left alone.
    if (!isEnglish(tree, context.file.basename)) return
    // A pattern is tried on each run only if it matches the runs joined (NUL between runs matches no part of any).
    const {runs, text: joined} = proseText(tree, context.source)
    const active = patterns.filter(
      (pattern) =>
        !context.options.ignore.includes(pattern.id) &&
        (pattern.clue === undefined || pattern.clue.test(joined)) &&
        joined.search(pattern.regex) !== -1
    )
    for (const run of runs) {
      for (const pattern of active) {
        for (const match of run.text.matchAll(pattern.regex)) {
          const [start, end] = match.indices!.groups!.w
          const written = match.groups!.w
          const text = matchCase(written, pattern.replacement)
          context.report({
            reason: `Unexpected \`${written}\`, expected \`${text}\``,
            fix: {range: [run.start + start, run.start + end], text}
          })
        }
      }
    }
  }
})
