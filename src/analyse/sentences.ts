/**
 * Sentence splitting for British news. natural's SentenceTokenizer breaks after "Dr.", "Prof." and
 * "No." and inside "£3.5m"; this one knows the abbreviations and initials, keeps closing quotation
 * marks with their sentence, and returns offsets so that later stages can point into the text.
 */
import { isSpaceCode } from '../core/chars.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'dr', 'prof', 'mr', 'mrs', 'ms', 'mx', 'st', 'no', 'nos', 'vs', 'v', 'cllr', 'rev', 'revd', 'hon', 'gen', 'col',
  'lt', 'capt', 'sgt', 'gov', 'sen', 'rep', 'jr', 'sr', 'co', 'inc', 'ltd', 'plc', 'corp', 'dept', 'est', 'approx',
  'fig', 'figs', 'vol', 'ed', 'eds', 'etc', 'e.g', 'i.e', 'cf', 'al', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'u.s', 'u.k', 'a.m', 'p.m', 'mt', 'ft', 'op', 'para', 'paras', 'pp', 'sec', 'ave', 'rd', 'bros',
]);

const CLOSERS = `'"’”)]`;

/** Sentence spans of one paragraph (offsets relative to `text`). */
export function splitSentences(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const re = /[.!?…]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let end = m.index + m[0].length;
    while (end < text.length && CLOSERS.includes(text[end]!)) end++;
    const next = text.slice(end);
    // A sentence ends before white space and a capital, a digit or an opening mark; or at the end.
    if (next.length && !/^\s+[\p{Lu}\d‘“"'(£$€•-]/u.test(next)) continue;
    if (m[0] === '.') {
      // The word before the stop, found by a scan back (a regex anchored at the end is tried at
      // every position of the sentence so far, which is quadratic in a long sentence).
      let from = m.index;
      while (from > start && !isSpaceCode(text.charCodeAt(from - 1))) from--;
      const word = text.slice(from, m.index);
      const bare = word.replace(/^[("'‘“]+/, '').toLowerCase();
      if (ABBREVIATIONS.has(bare)) continue;
      if (/^\p{Lu}$/u.test(word)) continue; // an initial: "John F. Kennedy"
      if (/^(\p{L}\.)+\p{L}$/u.test(word)) continue; // "U.S", "e.g"
    }
    spans.push({ start: offset + start, end: offset + end });
    start = end;
    while (start < text.length && isSpaceCode(text.charCodeAt(start))) start++;
    re.lastIndex = start;
  }
  if (start < text.length && text.slice(start).trim()) spans.push({ start: offset + start, end: offset + text.length });
  return spans;
}

/** Paragraph spans of a document's text (paragraphs are separated by a blank line). */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > start) spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** Stands in for a full stop that does not end a sentence (same length, so offsets hold). */
export const MASKED_STOP = '\u2024';

/**
 * A full stop and the word before it (all of its letters): the engine looks for the stop, which is
 * quick, and reads the word backwards, instead of trying every letter as the start of a word.
 */
const WORD_STOP = /\.(?<=(?<![\p{L}])(\p{L}+)\.)/gu;

/** An opening parenthesis, not yet closed, in the 12 characters before `at`: "(D-Wis.)". */
function inParensBefore(text: string, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 12); i--) {
    if (text[i] === ')') return false;
    if (text[i] === '(') return true;
  }
  return false;
}

/** Whether the full stop after `word` (which starts at `at`) is an abbreviation's or an initial's. */
function abbreviationStop(text: string, word: string, at: number): boolean {
  if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word) || inParensBefore(text, at)) return true;
  // A party and state after a name: "Mitch McConnell, R-Ky., said".
  return at >= 2 && text[at - 1] === '-' && 'RDI'.includes(text[at - 2]!) && /^\p{Lu}\p{Ll}{0,3}$/u.test(word);
}

/**
 * The text with the full stops of abbreviations and initials masked ("Mr. Obama", "Lawrence B.
 * Cummings", "(D-Wis.)", "U.S."), so that patterns that stop at a full stop read through them.
 */
export function maskAbbreviations(text: string): string {
  let out = '';
  let copied = 0;
  for (const m of text.matchAll(WORD_STOP)) {
    const stop = m.index;
    if (!abbreviationStop(text, m[1]!, stop - m[1]!.length)) continue;
    out += text.slice(copied, stop) + MASKED_STOP;
    copied = stop + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
