/** Prose words joined across inline markup: `**G**lobally` is one word. */
import type {Word} from './words.js'

/**
 * Words split by inline markup with nothing else between the parts are one word: `**G**lobally`, `*T*erms`,
 * `<b>G</b>lobally`. The joined word keeps the source range over the markup; its text is the letters alone.
 */
export function joinSplitWords(words: Word[], source: string): Word[] {
  const joined: Word[] = []
  for (const word of words) {
    const previous = joined.at(-1)
    if (previous && previous.run !== word.run && previous.range[1] < word.range[0]) {
      const between = word.range[0] - previous.range[1] > 200 ? '' : source.slice(previous.range[1], word.range[0])
      // Emphasis markers and inline formatting tags only: `first<br>second` is two words.
      if (/^(?:[*_~]|<\/?(?:b|strong|i|em|u|mark|span|s|del|ins|small|font)(?:\s[^<>]*)?>)+$/i.test(between)) {
        joined[joined.length - 1] = {...previous, text: previous.text + word.text, range: [previous.range[0], word.range[1]]}
        continue
      }
    }
    joined.push(word)
  }
  return joined
}
