/**
 * Joining a paragraph's lines. A word broken at a line end by the typesetter ("commis-/sioning")
 * is joined ("commissioning"); a real hyphen that falls at a line end ("co-/commissioning") is
 * kept ("co-commissioning"). Which is which is decided from the document's own words first, then
 * from a short list of prefixes that English writes with a hyphen:
 *   1. the hyphenated form appears elsewhere in the document → keep the hyphen;
 *   2. the joined word appears elsewhere → join;
 *   3. the part before the hyphen is a hyphenating prefix (co, non, self…), or both parts are
 *      words the document uses on their own, or the part after starts with a capital or a
 *      digit → keep;
 *   4. otherwise join (line-end hyphens in set text are mostly the typesetter's).
 * A soft hyphen (U+00AD) at a line end always joins. A hyphen before "and", "or" or "to" is a
 * suspended one ("pre- and post-operative") and keeps its space; one before a digit ("COVID-",
 * "19") joins without a space and is kept. Pure.
 */

/** Prefixes English writes with a hyphen before a word: "co-commissioning", "non-executive". */
export const HYPHEN_PREFIXES: ReadonlySet<string> = new Set([
  'co', 'non', 'self', 'ex', 'anti', 'cross', 'well', 'all', 'half', 'vice', 'semi', 'multi', 'post', 'pre',
  'part', 'long', 'short', 'high', 'low', 'full', 'under', 'over', 'out', 'sub', 'cost', 'one', 'two', 'three',
  'first', 'second', 'third', 'front', 'back', 'top', 'mid', 'inter', 'intra', 'extra', 'quasi', 'pan',
]);

/** The document's words, as used inside lines (not at their ends), for the decisions above. */
export interface Vocabulary {
  readonly words: ReadonlySet<string>;
  readonly hyphenated: ReadonlySet<string>;
}

export function vocabulary(lines: Iterable<string>): Vocabulary {
  const words = new Set<string>();
  const hyphenated = new Set<string>();
  for (const line of lines) {
    // A word cut at the line's end is no evidence: leave the last token out when it ends with a hyphen.
    const tokens = line.match(/[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*-?/gu) ?? [];
    for (const t of tokens) {
      if (t.endsWith('-')) continue;
      const lower = t.toLowerCase();
      if (/[-‐]/.test(lower)) {
        hyphenated.add(lower.replace(/‐/g, '-'));
        for (const part of lower.split(/[-‐]/)) words.add(part);
      } else words.add(lower);
    }
  }
  return { words, hyphenated };
}

/** Whether the hyphen between `before` (ending "…co") and `after` ("commissioning…") is kept. */
export function keepHyphen(before: string, after: string, vocab: Vocabulary): boolean {
  const head = (/[\p{L}\p{N}]+$/u.exec(before)?.[0] ?? '').toLowerCase();
  const tail = /^[\p{L}\p{N}]+/u.exec(after)?.[0] ?? '';
  if (!head || !tail) return true;
  const lowerTail = tail.toLowerCase();
  if (vocab.hyphenated.has(`${head}-${lowerTail}`)) return true;
  if (vocab.words.has(head + lowerTail)) return false;
  if (/^[\p{Lu}\p{N}]/u.test(tail) || /\p{N}$/u.test(head)) return true;
  if (HYPHEN_PREFIXES.has(head)) return true;
  return vocab.words.has(head) && vocab.words.has(lowerTail) && head.length > 1 && lowerTail.length > 2;
}

/** A paragraph's lines → its text, line-end hyphens joined or kept. */
export function joinLines(lines: readonly string[], vocab: Vocabulary): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!text) {
      text = line;
      continue;
    }
    if (text.endsWith('\u00AD')) {
      text = text.slice(0, -1) + line;
    } else if (/\p{L}[-‐]$/u.test(text) && /^(?:and|or|to|nor)\b/i.test(line)) {
      text += ` ${line}`;
    } else if (/\p{L}[-‐]$/u.test(text) && /^\p{N}/u.test(line)) {
      text += line;
    } else if (/\p{L}[-‐]$/u.test(text) && /^\p{L}/u.test(line)) {
      text = keepHyphen(text.slice(0, -1), line, vocab) ? text.slice(0, -1) + '-' + line : text.slice(0, -1) + line;
    } else {
      text += ` ${line}`;
    }
  }
  return text.replace(/\u00AD/g, '');
}
