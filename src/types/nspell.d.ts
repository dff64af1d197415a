/** Minimal types for nspell (the package ships none). */
declare module 'nspell' {
  interface NSpell {
    correct(word: string): boolean
    suggest(word: string): string[]
    add(word: string, model?: string): NSpell
  }
  function nspell(aff: Uint8Array | string, dic?: Uint8Array | string): NSpell
  export default nspell
  export type {NSpell}
}
