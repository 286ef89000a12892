/**
 * Snippets: the window of a text with the most matched words, and where those words are, so that
 * a terminal can embolden them and a page can wrap them in <mark>. Pure.
 */
export interface Snippet {
  readonly text: string;
  /** [start, end) offsets of matched words in `text`. */
  readonly highlights: ReadonlyArray<readonly [number, number]>;
}

const norm = (w: string): string => w.toLowerCase().replace(/[’']/g, '');

export function makeSnippet(text: string, terms: readonly string[], width = 240): Snippet {
  const wanted = terms.map(norm).filter(Boolean);
  const hits: Array<[number, number]> = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    const w = norm(m[0]);
    if (wanted.some((t) => w === t || (t.length > 2 && w.startsWith(t)))) hits.push([m.index, m.index + m[0].length]);
  }
  if (text.length <= width) return { text, highlights: hits };
  // The window that holds the most hits, starting at a word boundary.
  let bestStart = 0;
  let best = -1;
  for (const [s] of hits.length ? hits : [[0, 0] as [number, number]]) {
    const start = Math.max(0, s - Math.floor(width / 4));
    const count = hits.filter(([a, b]) => a >= start && b <= start + width).length;
    if (count > best) { best = count; bestStart = start; }
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
