/**
 * Words within a few typing errors of a word, from the index's vocabulary of words as written
 * (folded, not stemmed: a typo can change what the stemmer cuts, "procuremnet" is two letters
 * swapped in "procurement" but far from its stem "procur"). An error is a letter added, dropped,
 * changed, or two neighbours swapped. Only words of a length
 * within the allowed errors are compared, and of those only the ones whose set of letters differs
 * by at most two per error (a bit mask each); the rest get a Levenshtein distance cut off as soon
 * as it exceeds the limit. About a millisecond for a vocabulary of 100,000 words, with nothing to
 * build but the masks. Pure and browser-safe.
 */
import { partitionPoint } from '../core/sorted.js';

/** The index's vocabulary file: words as written (folded) in order, and the key each is indexed under. */
export interface VocabularyFile {
  readonly words: readonly string[];
  readonly keys: readonly string[];
}

export interface Vocabulary {
  readonly byLength: ReadonlyMap<number, { readonly words: readonly string[]; readonly keys: readonly string[]; readonly masks: Uint32Array }>;
}

function maskOf(word: string): number {
  let m = 0;
  for (let i = 0; i < word.length; i++) m |= 1 << (word.charCodeAt(i) & 31);
  return m >>> 0;
}

function bits(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}

export function vocabulary(file: VocabularyFile): Vocabulary {
  const groups = new Map<number, { words: string[]; keys: string[] }>();
  file.words.forEach((w, i) => {
    let g = groups.get(w.length);
    if (!g) groups.set(w.length, (g = { words: [], keys: [] }));
    g.words.push(w);
    g.keys.push(file.keys[i]!);
  });
  const byLength = new Map<number, { words: string[]; keys: string[]; masks: Uint32Array }>();
  for (const [n, g] of groups) byLength.set(n, { ...g, masks: Uint32Array.from(g.words, maskOf) });
  return { byLength };
}

let before = new Int32Array(64);
let row = new Int32Array(64);
let next = new Int32Array(64);

/** The edit distance (a swap of neighbours counting as one) between a and b when it is at most `max`, else -1. */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = b.length;
  if (Math.abs(a.length - n) > max) return -1;
  if (row.length <= n) {
    before = new Int32Array(n + 1);
    row = new Int32Array(n + 1);
    next = new Int32Array(n + 1);
  }
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    let best = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      let v = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1));
      if (i > 1 && j > 1 && c === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, before[j - 2]! + 1);
      next[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return -1;
    [before, row, next] = [row, next, before];
  }
  return row[n]! <= max ? row[n]! : -1;
}

/** Keys of the vocabulary's words within `max` edits of `word` (a word as written, folded), each with its least distance; the word's own key at 0. */
export function nearKeys(v: Vocabulary, word: string, max: number): Map<string, number> {
  const out = new Map<string, number>();
  const mask = maskOf(word);
  for (let n = word.length - max; n <= word.length + max; n++) {
    const g = v.byLength.get(n);
    if (!g) continue;
    for (let i = 0; i < g.words.length; i++) {
      if (bits(g.masks[i]! ^ mask) > 2 * max) continue;
      const d = boundedDistance(word, g.words[i]!, max);
      if (d < 0) continue;
      const k = g.keys[i]!;
      if (!(out.get(k)! <= d)) out.set(k, d);
    }
  }
  return out;
}

/** A vocabulary file from words and their keys, in the order of the words. */
export function vocabularyFile(entries: ReadonlyMap<string, string>): VocabularyFile {
  const words = [...entries.keys()].sort();
  return { words, keys: words.map((w) => entries.get(w)!) };
}

/**
 * Keys of the vocabulary's words that start with `prefix` (as typed, folded), each with the length
 * of its shortest such word: shortest words first, at most `limit` keys. Words are in order in the
 * file, so they are found by a binary search.
 */
export function prefixKeys(file: VocabularyFile, prefix: string, limit: number): Array<[string, number]> {
  const lo = partitionPoint(0, file.words.length, (i) => file.words[i]! < prefix);
  const found: Array<[string, number]> = [];
  for (let i = lo; i < file.words.length && file.words[i]!.startsWith(prefix); i++) found.push([file.keys[i]!, file.words[i]!.length]);
  found.sort((a, b) => a[1] - b[1]);
  const out = new Map<string, number>();
  for (const [key, n] of found) {
    if (out.size >= limit) break;
    if (!out.has(key)) out.set(key, n);
  }
  return [...out];
}
