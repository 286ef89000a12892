/**
 * Phrases of a word list (lower case; a word ending in * matches any ending, "warn*", "pour* cold
 * water") matched against a text's tokens. The phrases are indexed by first word, exact first words
 * in a map and prefix first words by prefix and their lengths, so that each token is tried against
 * the few phrases that can start there rather than all of them. Used by the stance cues (stance.ts)
 * and the reporting-frame lexicon (stance-frame.ts). Pure.
 */

/** One word of a phrase: the word, and whether it matches any word it starts. */
export interface PhraseWord {
  readonly word: string;
  readonly prefix: boolean;
}

/** A phrase and what it stands for. */
export interface Phrase<T> {
  readonly words: readonly PhraseWord[];
  readonly value: T;
}

export interface PhraseIndex<T> {
  readonly exact: ReadonlyMap<string, readonly Phrase<T>[]>;
  readonly byPrefix: ReadonlyMap<string, readonly Phrase<T>[]>;
  /** The lengths the prefixes come in, so that a token is cut only where a prefix could end. */
  readonly prefixLengths: readonly number[];
}

/** "pour* cold water" → its words, each with whether it ends in *. */
export function phraseWords(phrase: string): PhraseWord[] {
  return phrase.split(/\s+/).map((w) => ({ word: w.replace(/\*$/, ''), prefix: w.endsWith('*') }));
}

/** An index of phrases, each with its value; phrases keep their order within a first word. */
export function phraseIndex<T>(entries: Iterable<readonly [phrase: string, value: T]>): PhraseIndex<T> {
  const exact = new Map<string, Phrase<T>[]>();
  const byPrefix = new Map<string, Phrase<T>[]>();
  for (const [phrase, value] of entries) {
    const words = phraseWords(phrase);
    const into = words[0]!.prefix ? byPrefix : exact;
    const list = into.get(words[0]!.word);
    if (list) list.push({ words, value });
    else into.set(words[0]!.word, [{ words, value }]);
  }
  return { exact, byPrefix, prefixLengths: [...new Set([...byPrefix.keys()].map((k) => k.length))] };
}

/** The phrase's words match the tokens from `i` on. */
export function phraseMatchesAt(toks: readonly string[], i: number, words: readonly PhraseWord[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = toks[i + k];
    const w = words[k]!;
    if (t === undefined || (w.prefix ? !t.startsWith(w.word) : t !== w.word)) return false;
  }
  return true;
}

/** Some phrase of the index matches the tokens from `i` on. */
export function anyPhraseAt<T>(toks: readonly string[], i: number, index: PhraseIndex<T>): boolean {
  const t = toks[i]!;
  const exact = index.exact.get(t);
  if (exact) for (const p of exact) if (phraseMatchesAt(toks, i, p.words)) return true;
  for (const n of index.prefixLengths) {
    const list = n <= t.length ? index.byPrefix.get(t.slice(0, n)) : undefined;
    if (list) for (const p of list) if (phraseMatchesAt(toks, i, p.words)) return true;
  }
  return false;
}

/** The longest phrase that matches from token `i` on (among equally long ones, the first with an exact first word, then by prefix), or null. */
export function longestPhraseAt<T>(toks: readonly string[], i: number, index: PhraseIndex<T>): { value: T; length: number } | null {
  const t = toks[i]!;
  let best: Phrase<T> | null = null;
  const consider = (list: readonly Phrase<T>[] | undefined): void => {
    if (list) for (const p of list) if ((!best || p.words.length > best.words.length) && phraseMatchesAt(toks, i, p.words)) best = p;
  };
  consider(index.exact.get(t));
  for (const n of index.prefixLengths) if (n <= t.length) consider(index.byPrefix.get(t.slice(0, n)));
  const found = best as Phrase<T> | null;
  return found ? { value: found.value, length: found.words.length } : null;
}
