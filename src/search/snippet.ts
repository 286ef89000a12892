/**
 * Snippets: the window of a text with the most matched words, and where those words are, so that
 * a terminal can embolden them and a page can wrap them in <mark>. Words match by their search key
 * (folded and stemmed, as the index keys them). Pure, and linear in the text: one pass to find the
 * matches, one sliding window over them.
 */
import { keyOf } from './normalise.js';

export interface Snippet {
  readonly text: string;
  /** [start, end) offsets of matched words in `text`. */
  readonly highlights: ReadonlyArray<readonly [number, number]>;
}

/** `keys`: the index terms that matched (a hit's `terms`), or words to be keyed alike. */
export function makeSnippet(text: string, keys: readonly string[], width = 240): Snippet {
  const wanted = new Set(keys.map((k) => keyOf(k)).concat(keys));
  const hits: Array<[number, number]> = [];
  if (wanted.size) {
    for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
      if (wanted.has(keyOf(m[0]))) hits.push([m.index, m.index + m[0].length]);
    }
  }
  if (text.length <= width) return { text: text.replace(/\s/g, ' '), highlights: hits };
  // The window that holds the most hits, starting a quarter-width before a hit: two pointers.
  let bestStart = 0;
  let best = -1;
  // Window starts only move forward, so both ends of the run of hits inside it do too.
  let first = 0;
  let past = 0;
  for (let i = 0; i < hits.length; i++) {
    const start = Math.max(0, hits[i]![0] - Math.floor(width / 4));
    while (hits[first]![0] < start) first++;
    if (past < i) past = i;
    while (past < hits.length && hits[past]![1] <= start + width) past++;
    const n = past - first;
    if (n > best) {
      best = n;
      bestStart = start;
    }
  }
  let start = bestStart;
  if (start > 0) {
    const sp = text.indexOf(' ', start);
    start = sp >= 0 && sp < start + 30 ? sp + 1 : start;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const sp = text.lastIndexOf(' ', end);
    if (sp > start + width / 2) end = sp;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    // White space is replaced one for one, so that the highlight offsets stay true.
    text: `${prefix}${text.slice(start, end).replace(/\s/g, ' ')}${suffix}`,
    highlights: hits.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a + shift, b + shift] as const),
  };
}

/** The snippet with its highlights wrapped in the given marks. */
export function markSnippet(s: Snippet, open: string, close: string): string {
  let out = '';
  let at = 0;
  for (const [a, b] of s.highlights) {
    out += s.text.slice(at, a) + open + s.text.slice(a, b) + close;
    at = b;
  }
  return out + s.text.slice(at);
}
