/**
 * A quote's reporting frame: the words of its sentence outside the quotation marks ("Dr X warned:",
 * "the LMC welcomed the plans, saying"), or the sentence before when the quote stands alone, and the
 * features a stance classifier reads in it: the evaluative class of the reporting verbs and nouns
 * (lexicon/reporting-frames.ts), negated ("did not welcome") or hedged ("cautiously welcomed"). Pure.
 */
import { FRAME_LEXICON, FRAME_NEGATION_SCOPE } from './lexicon/reporting-frames.js';
import { splitSentences, type Span } from './sentences.js';
import { lowerBound } from './spans.js';
import { longestPhraseAt, phraseIndex } from './phrase-index.js';
import { tokens } from './stance.js';

type Kind = keyof typeof FRAME_LEXICON;

/** The lexicon's entries as phrases, each standing for its class. */
const INDEX = phraseIndex((Object.entries(FRAME_LEXICON) as [Kind, readonly string[]][]).flatMap(([kind, list]) => list.map((e) => [e, kind] as const)));

/** The classes of a frame's words in order, each with whether a negator or hedge came shortly before it. */
export function frameWords(frame: string): { kind: Kind; negated: boolean; hedged: boolean }[] {
  const toks = tokens(frame);
  const out: { kind: Kind; negated: boolean; hedged: boolean }[] = [];
  let negatedUntil = -1;
  let hedgedAt = -2;
  for (let i = 0; i < toks.length;) {
    const hit = longestPhraseAt(toks, i, INDEX);
    if (!hit) { i++; continue; }
    if (hit.value === 'negator') negatedUntil = i + hit.length + FRAME_NEGATION_SCOPE - 1;
    else if (hit.value === 'hedge') hedgedAt = i;
    else out.push({ kind: hit.value, negated: i <= negatedUntil, hedged: hedgedAt === i - 1 });
    i += hit.length;
  }
  return out;
}

/**
 * Features of a frame, named apart from the quote's own: __frame_oppose / __frame_support (a
 * negated approval counts against), __frame_negated, __frame_hedged, __frame_both. A frame with only
 * a neutral reporting verb ("she said") or none has no features: news reports every kind of quote
 * with "said", and the labelled examples gave it mostly to neutral ones (94% of them against 74% of
 * support), so that a feature for it learned how the examples were written, not how news is.
 */
export function frameFeatures(frame: string): Map<string, number> {
  const f = new Map<string, number>();
  const add = (name: string, n = 1): void => { f.set(name, Math.min(2, (f.get(name) ?? 0) + n)); };
  for (const w of frameWords(frame)) {
    if (w.kind === 'verb:neutral') continue;
    const side = w.kind.endsWith('oppose') ? 'oppose' : 'support';
    if (w.negated) add('__frame_negated');
    if (w.hedged) add('__frame_hedged');
    if (!w.negated) add(`__frame_${side}`);
    else if (side === 'support') add('__frame_oppose');
  }
  if (f.has('__frame_oppose') && f.has('__frame_support')) add('__frame_both');
  return f;
}

const QUOTE_MARKS = /["“”‘’«»„]/g;

/** A frame reaches at most this many characters either side of its quote: the clause the quote sits in, not a whole long sentence. */
const FRAME_REACH = 200;

/**
 * The frame of each quote: the text of the sentences it lies in, up to FRAME_REACH characters
 * either side of it, with every quotation blanked out; when nothing but the quotation is there
 * ("“…”"), the end of the sentence before (the last of the previous paragraph when the quote opens
 * its paragraph), blanked out likewise. Quotes are in text order and do not overlap.
 */
export function quoteFrames(text: string, paragraphs: readonly Span[], quotes: readonly { paragraph: number; start: number; end: number }[]): string[] {
  const sentencesOf = new Map<number, Span[]>();
  const sentences = (p: number): Span[] => {
    let s = sentencesOf.get(p);
    if (!s) sentencesOf.set(p, (s = splitSentences(text.slice(paragraphs[p]!.start, paragraphs[p]!.end), paragraphs[p]!.start)));
    return s;
  };
  /** The span's text with the quotations in it blanked out (a quote's marks lie just outside its span). */
  const outside = (from: number, to: number): string => {
    let out = '';
    let at = from;
    for (let k = lowerBound(quotes, (q) => q.end + 1, from + 1); k < quotes.length && quotes[k]!.start - 1 < to; k++) {
      const q = quotes[k]!;
      out += text.slice(at, Math.max(at, q.start - 1)) + ' ';
      at = Math.max(at, Math.min(to, q.end + 1));
    }
    return (out + text.slice(at, to)).replace(QUOTE_MARKS, ' ').replace(/\s+/g, ' ').trim();
  };
  /** Where a reach cut into a word, that word is dropped. */
  const wordStart = (pos: number, limit: number): number => (pos <= limit ? limit : pos + Math.max(0, text.slice(pos, pos + 40).search(/\s/)));
  const wordEnd = (pos: number, limit: number): number => (pos >= limit ? limit : Math.max(pos - 40, text.lastIndexOf(' ', pos)));
  const at = (list: readonly Span[], pos: number): number => Math.max(0, lowerBound(list, (s) => s.start, pos + 1) - 1);
  return quotes.map((q) => {
    const list = sentences(q.paragraph);
    if (!list.length) return '';
    const first = at(list, q.start);
    const from = wordStart(q.start - 1 - FRAME_REACH, list[first]!.start);
    const to = wordEnd(q.end + 1 + FRAME_REACH, list[at(list, Math.max(q.start, q.end - 1))]!.end);
    const own = `${outside(from, Math.max(from, q.start - 1))} ${outside(Math.min(to, q.end + 1), to)}`.trim();
    if (/\p{L}/u.test(own)) return own;
    const before = first > 0 ? list[first - 1] : q.paragraph > 0 ? sentences(q.paragraph - 1).at(-1) : undefined;
    return before ? outside(wordStart(before.end - 2 * FRAME_REACH, before.start), before.end) : '';
  });
}
