/**
 * Words within a few typing errors of a word, from the index's vocabulary: only words of a length
 * within the allowed errors are compared, and of those only the ones whose set of letters differs
 * by at most two per error (a bit mask each); the rest get a Levenshtein distance cut off as soon
 * as it exceeds the limit. About a millisecond for a vocabulary of 100,000 words, with nothing to
 * build but the masks. Pure and browser-safe.
 */

export interface Vocabulary {
  readonly byLength: ReadonlyMap<number, { readonly terms: readonly string[]; readonly masks: Uint32Array }>;
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

export function vocabulary(terms: readonly string[]): Vocabulary {
  const groups = new Map<number, string[]>();
  for (const t of terms) {
    const g = groups.get(t.length);
    if (g) g.push(t);
    else groups.set(t.length, [t]);
  }
  const byLength = new Map<number, { terms: string[]; masks: Uint32Array }>();
  for (const [n, list] of groups) byLength.set(n, { terms: list, masks: Uint32Array.from(list, maskOf) });
  return { byLength };
}

let row = new Int32Array(64);
let next = new Int32Array(64);

/** The edit distance between a and b when it is at most `max`, else -1. */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = b.length;
  if (Math.abs(a.length - n) > max) return -1;
  if (row.length <= n) {
    row = new Int32Array(n + 1);
    next = new Int32Array(n + 1);
  }
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    let best = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const v = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1));
      next[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return -1;
    [row, next] = [next, row];
  }
  return row[n]! <= max ? row[n]! : -1;
}

/** Words of the vocabulary within `max` edits of `word` (not the word itself), with their distance. */
export function nearWords(v: Vocabulary, word: string, max: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const mask = maskOf(word);
  for (let n = word.length - max; n <= word.length + max; n++) {
    const g = v.byLength.get(n);
    if (!g) continue;
    for (let i = 0; i < g.terms.length; i++) {
      if (bits(g.masks[i]! ^ mask) > 2 * max) continue;
      const t = g.terms[i]!;
      const d = t === word ? 0 : boundedDistance(word, t, max);
      if (d > 0) out.push([t, d]);
    }
  }
  return out;
}
