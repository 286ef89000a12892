/**
 * The patterns of attribution built on the speech verbs (lexicon/speech.ts). Those that read the
 * few words after a quote or before one are matched by hand with alternation.ts: each finds exactly
 * what the regular expression in its comment finds (VERBS: the speech verbs, longest first, a space
 * standing for `\s+`; flags i and u). Written out because those expressions, with hundreds of verbs
 * inside loops and look-arounds, cost up to 45 ms each to compile, which every process paid on its
 * first document. The scan of a whole text stays one expression: over long texts the regular
 * expression engine is faster than a loop that the JavaScript compiler has not optimised yet. Pure.
 */
import { SPEECH_VERBS } from './lexicon/speech.js';
import type { Span } from './sentences.js';
import { alternation, alternationAt, foldedWordAt, formAt, isSpaceAt, isWordCode, letterAt, nextCodePoint, skipSpaces, someFormEndsAt } from './alternation.js';

/** The speech verbs, longest first (the order of preference of the alternation). */
export const VERB_FORMS: readonly string[] = [...SPEECH_VERBS].sort((a, b) => b.length - a.length);
const VERBS = alternation(VERB_FORMS);

export interface VerbHit {
  readonly start: number;
  readonly end: number;
  readonly according: boolean;
}

/**
 * `(?:said|says|…|according\s+to)` with the forms grouped by their first letter, keeping their order
 * within a group (`s(?:aid|ays|…)|a(?:dded|…)`): only one group can match at a position, so it finds
 * what the flat alternation finds, and the engine tries one group instead of every form.
 */
function byFirstLetter(forms: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const f of forms) {
    const rest = f.slice(1).replace(/ /g, '\\s+');
    const list = groups.get(f[0]!);
    if (list) list.push(rest);
    else groups.set(f[0]!, [rest]);
  }
  return [...groups].map(([first, rests]) => `${first}(?:${rests.join('|')})`).join('|');
}

/**
 * Every speech verb with no letter touching it: one regular expression for the whole text (its
 * engine scans a long text faster than a loop in JavaScript that has not been optimised yet).
 */
const VERB_RE = new RegExp(`(?<![\\p{L}])(?:${byFirstLetter([...VERB_FORMS, 'according to'])})(?![\\p{L}])`, 'giu');

/** Every speech verb VERB_RE finds in text.slice(start, end), quoted or not, in order. */
export function scanVerbs(text: string, start: number, end: number): VerbHit[] {
  const hits: VerbHit[] = [];
  for (const m of text.slice(start, end).matchAll(VERB_RE)) {
    const s = start + m.index;
    hits.push({ start: s, end: s + m[0].length, according: /^according/i.test(m[0]) });
  }
  return hits;
}

/** `/(?:VERBS)(?:\s+that)?\s*$/iu.test(text)`: the text ends with a speech verb, perhaps "that". */
export function introducedByVerb(text: string): boolean {
  let z = text.length;
  while (z > 0 && isSpaceAt(text, z - 1)) z--;
  if (someFormEndsAt(VERBS, text, z)) return true;
  if (z < 5 || formAt(text, z - 4, 'that') !== z || !isSpaceAt(text, z - 5)) return false;
  let y = z - 4;
  while (y > 0 && isSpaceAt(text, y - 1)) y--;
  return someFormEndsAt(VERBS, text, y);
}

/** `[,.;:!?“”"‘]`: what ends a subject after a quote. */
const SUBJECT_STOPS = new Set([...',.;:!?“”"‘'].map((c) => c.charCodeAt(0)));
/** `[\s,.!?—–-]`: what may come between a closing quotation mark and the words after it. */
const LEADING = new Set([...',.!?—–-'].map((c) => c.charCodeAt(0)));
const CLAUSE_PUNCTUATION = new Set([...',.;:!?()—–'].map((c) => c.charCodeAt(0)));
const CLAUSE_WORDS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'last', 'yesterday', 'today', 'tonight', 'this', 'to', 'of', 'about', 'from', 'with', 'by', 'as', 'recently', 'earlier', 'later', 'afterward', 'afterwards', 'again', 'then', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const ADVERBS = ['also', 'later', 'then', 'has', 'have', 'had', 'previously', 'once'];
const HEARERS = ['reporters', 'journalists', 'colleagues', 'delegates', 'supporters'];

/**
 * CLAUSE_END at `p`: `(?=\s*(?:[,.;:!?()—–]|$|\s(?:in|on|…|then|(?:mon|…|sun)day)\b))`, what may
 * follow "X said" when the quote is its object: the clause ends, or a time or place follows.
 */
function clauseEndsAt(text: string, p: number): boolean {
  const q = skipSpaces(text, p);
  if (q === text.length || CLAUSE_PUNCTUATION.has(text.charCodeAt(q))) return true;
  return q > p && CLAUSE_WORDS.has(foldedWordAt(text, q));
}

const isLeadingAt = (text: string, i: number): boolean => i < text.length && (LEADING.has(text.charCodeAt(i)) || isSpaceAt(text, i));

/** `\p{Lu}` under the i and u flags: a letter that has case (every ASCII letter). */
const CASED = /^\p{Lu}$/iu;
const casedAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : i < text.length && CASED.test(String.fromCodePoint(text.codePointAt(i)!));
};
/** `[\p{L}'’.-]` under the i and u flags. */
const nameCharAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return i < text.length && (c === 39 || c === 0x2019 || c === 46 || c === 45 || letterAt(text, i));
};

/** Some end of `\S+` at `r` (longest first) is followed by the end of a clause. */
function someWordEndsClause(text: string, r: number): boolean {
  for (let x = r; x < text.length && !isSpaceAt(text, x);) {
    x = nextCodePoint(text, x);
    if (clauseEndsAt(text, x)) return true;
  }
  return false;
}

/** `\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}` then CLAUSE_END, for some way of matching it. */
function nameEndsClause(text: string, q: number): boolean {
  let start = q;
  for (let word = 0; word < 4; word++) {
    if (!casedAt(text, start)) return false;
    let x = nextCodePoint(text, start);
    if (clauseEndsAt(text, x)) return true;
    while (nameCharAt(text, x)) {
      x = nextCodePoint(text, x);
      if (clauseEndsAt(text, x)) return true;
    }
    if (!isSpaceAt(text, x)) return false;
    start = skipSpaces(text, x);
  }
  return false;
}

/** HEARER then CLAUSE_END at `p`: "told reporters", "told the BBC", "told Varley", or no hearer at all. */
function hearerThenClauseEnd(text: string, p: number): boolean {
  if (clauseEndsAt(text, p)) return true;
  if (!isSpaceAt(text, p)) return false;
  const q = skipSpaces(text, p);
  for (const w of HEARERS) {
    const e = formAt(text, q, w);
    if (e >= 0 && clauseEndsAt(text, e)) return true;
  }
  for (const article of ['the', 'an', 'a']) {
    const e = formAt(text, q, article);
    if (e >= 0 && isSpaceAt(text, e) && someWordEndsClause(text, skipSpaces(text, e))) return true;
  }
  return nameEndsClause(text, q);
}

/** `\s+(?:also\s+|…|once\s+)?(?:VERBS)(?![\p{L}])HEARER CLAUSE_END` matches at `e`. */
function verbClauseAt(text: string, e: number): boolean {
  if (!isSpaceAt(text, e)) return false;
  const w = skipSpaces(text, e);
  const accept = (end: number): boolean => !letterAt(text, end) && hearerThenClauseEnd(text, end);
  if (alternationAt(VERBS, text, w, accept) >= 0) return true;
  for (const adverb of ADVERBS) {
    const a = formAt(text, w, adverb);
    if (a >= 0 && isSpaceAt(text, a) && alternationAt(VERBS, text, skipSpaces(text, a), accept) >= 0) return true;
  }
  return false;
}

/** The longest a subject's first part (`[^,.;:!?“”"‘]{1,120}?`) and each part after a comma (`{1,100}`) may be. */
const FIRST_PART = 120;
const LATER_PART = 100;

/**
 * Where a subject ends, trying `(?:,[^,.;:!?“”"‘]{1,100}){0,2},?` from `pos` (`count` parts after
 * commas so far) in the order the regular expression does, for the first end at which a speech
 * verb follows (`verbAt`), or -1. `failed` remembers (bit `count`) positions that led nowhere.
 */
function subjectEnd(text: string, pos: number, count: number, verbAt: (e: number) => boolean, failed: Uint8Array, last: number): number {
  if (pos > last || failed[pos]! & (1 << count)) return -1;
  const comma = pos < text.length && text.charCodeAt(pos) === 44;
  if (comma && count < 2) {
    const ends: number[] = [];
    for (let x = pos + 1; ends.length < LATER_PART && x < text.length && !SUBJECT_STOPS.has(text.charCodeAt(x));) ends.push((x = nextCodePoint(text, x)));
    for (let k = ends.length - 1; k >= 0; k--) {
      const e = subjectEnd(text, ends[k]!, count + 1, verbAt, failed, last);
      if (e >= 0) return e;
    }
  }
  if (comma && verbAt(pos + 1)) return pos + 1;
  if (verbAt(pos)) return pos;
  failed[pos]! |= 1 << count;
  return -1;
}

/**
 * The subject of AFTER_DIRECT, `^[\s,.!?—–-]*([^,.;:!?“”"‘]{1,120}?(?:,[^,.;:!?“”"‘]{1,100}){0,2},?)
 * \s+(?:also\s+|…)?(?:VERBS)(?![\p{L}])HEARER CLAUSE_END` ("’, Dr X, chair of Y, said."): the
 * captured group's span, or null.
 */
export function afterDirectSubject(text: string): Span | null {
  const memo = new Int8Array(text.length + 1);
  const verbAt = (e: number): boolean => {
    if (!memo[e]) memo[e] = verbClauseAt(text, e) ? 1 : 2;
    return memo[e] === 1;
  };
  // A verb must follow white space somewhere: the last place one does bounds every search.
  let last = -1;
  for (let e = text.length - 1; e >= 0 && last < 0; e--) if (verbAt(e)) last = e;
  if (last < 0) return null;
  const failed = new Uint8Array(text.length + 1);
  let lead = 0;
  while (isLeadingAt(text, lead)) lead++;
  for (let s = lead; s >= 0; s--) {
    let a = s;
    for (let n = 1; n <= FIRST_PART; n++) {
      if (a >= text.length || SUBJECT_STOPS.has(text.charCodeAt(a))) break;
      a = nextCodePoint(text, a);
      const e = subjectEnd(text, a, 0, verbAt, failed, last);
      if (e >= 0) return { start: s, end: e };
    }
  }
  return null;
}

/** AFTER_INVERTED's lookahead: `(?=\s*(?:[,.;:!?()]|$|\s(?:in|on|at|…|told|to)\s))`. */
const INVERTED_WORDS = ['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'last', 'yesterday', 'told', 'to'];
const INVERTED_PUNCTUATION = new Set([...',.;:!?()'].map((c) => c.charCodeAt(0)));
function invertedSubjectEndsAt(text: string, p: number): boolean {
  const q = skipSpaces(text, p);
  if (q === text.length || INVERTED_PUNCTUATION.has(text.charCodeAt(q))) return true;
  return q > p && INVERTED_WORDS.some((w) => { const e = formAt(text, q, w); return e >= 0 && isSpaceAt(text, e); });
}

const INVERTED_STOPS = new Set([...',.;:!?“”"‘()'].map((c) => c.charCodeAt(0)));
/** `(?!that\b)` at `p`. */
const thatAt = (text: string, p: number): boolean => { const e = formAt(text, p, 'that'); return e >= 0 && !(e < text.length && isWordCode(text.charCodeAt(e))); };

/** The subject of `[\s…]*VERB\s+(?!that\b)([^,.;:!?“”"‘()]{2,120}?)` before the lookahead, from `p` on, or -1. */
function invertedSubjectEnd(text: string, p: number): number {
  let x = p;
  for (let count = 1; count <= 120; count++) {
    if (x >= text.length || INVERTED_STOPS.has(text.charCodeAt(x))) return -1;
    x = nextCodePoint(text, x);
    if (count >= 2 && invertedSubjectEndsAt(text, x)) return x;
  }
  return -1;
}

/**
 * The subject of AFTER_INVERTED, `^[\s,.!?—–-]*(?:VERBS)\s+(?!that\b)([^,.;:!?“”"‘()]{2,120}?)(?=…)`
 * (", said Dr X."): the captured group's span, or null.
 */
export function afterInvertedSubject(text: string): Span | null {
  let s = 0;
  while (isLeadingAt(text, s)) s++;
  let subject: Span | null = null;
  alternationAt(VERBS, text, s, (v) => {
    if (!isSpaceAt(text, v)) return false;
    // `\s+` gives back white space to the group when nothing matches after all of it.
    for (let p = skipSpaces(text, v); p > v; p--) {
      if (thatAt(text, p)) continue;
      const e = invertedSubjectEnd(text, p);
      if (e >= 0) {
        subject = { start: p, end: e };
        return true;
      }
    }
    return false;
  });
  return subject;
}
