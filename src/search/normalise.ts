/**
 * How words are made comparable for search, the same at index and at query time: lower case,
 * diacritics folded ("Léa" = "Lea"), apostrophes dropped ("GP's" = "GPs"), American spellings
 * folded to British ("organization" = "organisation", "program" = "programme"), then Porter
 * stemming ("commissioning" = "commissioned"). Pure and browser-safe.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { STOP_WORDS } from './lexicon/stop-words.js';
import { DOUBLE_L_STEMS, OUR_STEMS, RE_WORDS, WORD_PAIRS } from './lexicon/spelling.js';

export { STOP_WORDS };

const OUR = new Map(OUR_STEMS.map((s) => [s.replace(/our$/, 'or'), s]));
const RE = new Map(RE_WORDS.map((w) => [w.replace(/re$/, 'er'), w]));
const DOUBLE_L = new Set(DOUBLE_L_STEMS);

/** Lower case, no diacritics, no apostrophes. */
export function foldCase(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’‘`]/g, '').normalize('NFC');
}

/** An American spelling of a lower-case word → the British one; other words unchanged. */
export function foldSpelling(w: string): string {
  const pair = WORD_PAIRS[w];
  if (pair) return pair;
  // -ize/-ization/-yze → -ise/-isation/-yse (organize, organization, analyze). Symmetric, so a rare
  // over-fold ("size" → "sise") is harmless.
  let f = w.replace(/(?<=\w{3})iz(e|es|ed|ing|er|ers|ation|ations)$/, 'is$1').replace(/yz(e|es|ed|ing|er|ers)$/, 'ys$1');
  // color/colors/colored → colour…; center/centers → centre…
  const our = /^(\w+?or)(s|ed|ing|ful|less|able|ably|ite|ites)?$/.exec(f);
  if (our && OUR.has(our[1]!)) return OUR.get(our[1]!)! + (our[2] ?? '');
  const re = /^(\w+?er)(s|ed)?$/.exec(f);
  if (re && RE.has(re[1]!)) return RE.get(re[1]!)! + (re[2] ?? '');
  // traveled/traveling/traveler → travelled/travelling/traveller.
  const l = /^(\w+l)(ed|ing|er|ers)$/.exec(f);
  if (l && DOUBLE_L.has(l[1]!)) f = `${l[1]}l${l[2]}`;
  return f;
}

/**
 * Keys of the words seen, by the word as written. News has tens of thousands of distinct words,
 * so the cache holds a million before it is emptied (two generations: the older is dropped).
 */
const CACHE_LIMIT = 1_000_000;
let cache = new Map<string, string | null>();
let older = new Map<string, string | null>();

function cached(word: string, make: (w: string) => string | null): string | null {
  let k = cache.get(word);
  if (k !== undefined) return k;
  k = older.get(word);
  if (k === undefined) k = make(word);
  if (cache.size >= CACHE_LIMIT) {
    older = cache;
    cache = new Map();
  }
  cache.set(word, k);
  return k;
}

function makeKey(word: string): string {
  const folded = foldSpelling(/^[a-z]+$/.test(word) ? word : foldCase(word));
  return /^\p{L}+$/u.test(folded) && folded.length > 2 ? PorterStemmer.stem(folded) : folded;
}

/** A word as the index keys it (not dropping stop words). */
export function keyOf(word: string): string {
  return cached(word, makeKey)!;
}

const termCache = new Map<string, string | null>();

/** The index's term processor: the key of a word, or null for a stop word or an empty token. */
export function processTerm(term: string): string | null {
  let k = termCache.get(term);
  if (k !== undefined) return k;
  const f = /^[a-z]+$/.test(term) ? term : foldCase(term);
  k = !f || STOP_WORDS.has(f) ? null : keyOf(term);
  if (termCache.size >= CACHE_LIMIT) termCache.clear();
  termCache.set(term, k);
  return k;
}

/** The words of a text: runs of letters, digits and inner apostrophes (as MiniSearch's tokenizer splits them). */
const SEPARATORS = /[^\p{L}\p{N}'’]+/u;
const EDGE_APOSTROPHES = /^['’]+|['’]+$/g;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

export function words(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(SEPARATORS)) {
    if (!piece) continue;
    // Most words have no apostrophe at either end: only those are cut.
    const w = isApostrophe(piece.charCodeAt(0)) || isApostrophe(piece.charCodeAt(piece.length - 1)) ? piece.replace(EDGE_APOSTROPHES, '') : piece;
    if (w) out.push(w);
  }
  return out;
}

