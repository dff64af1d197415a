/**
 * `doc`: a rule example's Markdown document written as it reads, in a template literal indented with the code.
 *
 *     input: doc`
 *       # Cookies
 *
 *       | Cookie | Expires |
 *     `
 *
 * Rules:
 * - The template starts with a line break right after the opening backtick; it is dropped.
 * - The common indentation (the fewest leading spaces of the lines that are not blank) is removed from every
 *   line; a blank line comes out empty.
 * - The last line holds only the spaces before the closing backtick: it is dropped, and the document keeps its
 *   final line break. (Text before the closing backtick makes a document without one.)
 * - Escapes are JavaScript's: `\`` for a backtick, `\t` for a tab, `\\` for a backslash, `\${` for `${`.
 *   Substitutions are not allowed, so what is written is the document.
 * - A template that breaks these rules (no leading line break, or a line indented less than the closing
 *   backtick) throws, so a mistake fails the build's tests instead of changing an example.
 *
 * Not named `md` or `markdown`: Prettier formats templates with those tags as Markdown, and would rewrite the
 * examples that show badly formatted Markdown on purpose.
 */
export function doc(strings: TemplateStringsArray): string {
  const text = strings[0]
  if (strings.length !== 1 || !text.startsWith('\n')) {
    throw new Error('Unexpected example without a line break after `doc\\``, expected the document on the next lines')
  }
  const lines = text.slice(1).split('\n')
  const last = lines[lines.length - 1]
  // Only spaces before the closing backtick: that line becomes empty, so the document ends with a line break.
  const closing = /^ *$/.test(last) ? last.length : 0
  let indent = Infinity
  for (const line of lines) {
    if (line.trim() === '') continue
    const leading = /^ */.exec(line)![0].length
    if (leading < closing) throw new Error(`Unexpected example line indented less than its closing backtick: \`${line}\``)
    indent = Math.min(indent, leading)
  }
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(indent))).join('\n')
}
