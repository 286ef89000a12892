/**
 * The features a stance classifier sees in a text: word stems (marked when negated), the topic's
 * cues counted on each side of a contrast ("welcome …, but … concerns"), conditions, hedges, and
 * whether the text names the topic at all. Pure.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { createRequire } from 'node:module';
import { clauseTokens, cueScores, isMark, type Topic } from './stance.js';
import { reversalScope, type ReversalScope } from './stance-reversal.js';
import { frameFeatures } from './stance-frame.js';
import { isServiceSense } from './stance-senses.js';
import { ADDITIVE_BEFORE_BUT, ANSWERING_CONTRAST, CONDITIONS, CONTRAST, HEDGES, NEGATION_SCOPE, NEGATORS, STOP_WORDS } from './lexicon/stance-words.js';

/**
 * AFINN-165, a general English list of words rated -5 (very negative) to +5 (very positive): the
 * lexicon natural's sentiment analyser ships, taken from natural's own dependency (no package of ours).
 */
const AFINN: Readonly<Record<string, number>> = (createRequire(import.meta.resolve('natural')) as (id: string) => { afinn165: Record<string, number> })('afinn-165').afinn165;

/** Feature name → value (counts or 1). */
export type Features = Map<string, number>;

/** Stems of words seen, since one word recurs across a document's quotes (bounded: cleared when full). */
const stems = new Map<string, string>();
const MAX_STEMS = 100_000;
function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(word, (s = PorterStemmer.stem(word)));
  }
  return s;
}

/**
 * The last contrast and what it weighs: from the start of its sentence (of the sentence before, when
 * it opens one: "But …", "However, …") to the end of the text. Sentences before that are not its
 * first side: a long quote with a concession late in it is not therefore mixed.
 */
interface Contrast {
  /** Where the contrast marker is (-1 if none). */
  readonly at: number;
  /** Where what it weighs starts (it runs to the end of the text). */
  readonly from: number;
}

const SENTENCE_END: ReadonlySet<string> = new Set(['.', '!', '?']);

/** The last contrast of the text and the tokens it weighs (the whole text when there is none). */
function contrastIn(toks: readonly string[]): Contrast {
  const at = lastContrast(toks);
  if (at < 0) return { at, from: 0 };
  const sentenceStart = (i: number): number => {
    while (i > 0 && !SENTENCE_END.has(toks[i - 1]!)) i--;
    return i;
  };
  let from = sentenceStart(at);
  // A sentence that opens with the contrast ("But …", "However, …") weighs it against the sentence before.
  if (from === at && from > 0 && ANSWERING_CONTRAST.has(toks[at]!)) from = sentenceStart(from - 1);
  return { at, from };
}

/** Where the last contrast marker starts the weighing clause (-1 if none); "not only … but" does not count. */
function lastContrast(toks: readonly string[]): number {
  for (let i = toks.length - 1; i >= 0; i--) {
    if (!CONTRAST.has(toks[i]!)) continue;
    // "Not yet" is no contrast.
    if (toks[i] === 'yet' && (toks[i - 1] === 'not' || toks[i - 1] === "n't")) continue;
    if (toks[i] === 'but' && toks.slice(Math.max(0, i - 12), i).some((t, k, a) => t === 'not' && ADDITIVE_BEFORE_BUT.has(a[k + 1] ?? ''))) continue;
    return i;
  }
  return -1;
}

const add = (f: Features, name: string, n = 1): void => { f.set(name, (f.get(name) ?? 0) + n); };

/**
 * Word stems, negated ones marked with "!" up to the end of the negation's scope or clause. A word's
 * polarity turns round under a negation, and again in a segment that undoes the topic (stance-reversal.ts).
 */
function wordFeatures(toks: readonly string[], contrast: Contrast, scope: ReversalScope, f: Features): void {
  const { at: contrastAt, from } = contrast;
  let negated = 0;
  // Net polarity on each side of the contrast: "…, but" between words of one polarity concedes, it does not weigh.
  const net = [0, 0];
  toks.forEach((t, i) => {
    if (isMark(t) || CONTRAST.has(t)) { negated = 0; return; }
    // "Not only", "not just": the sentence adds to what it says, it does not deny it.
    if (NEGATORS.has(t) && !ADDITIVE_BEFORE_BUT.has(toks[i + 1] ?? '')) { negated = NEGATION_SCOPE; add(f, '__neg'); return; }
    if (CONDITIONS.has(t)) add(f, '__condition');
    if (HEDGES.has(t)) add(f, '__hedge');
    const polarity = Object.hasOwn(AFINN, t) && !isServiceSense(toks, i) ? AFINN[t] : undefined;
    if (polarity) {
      const turned = scope.segment[i]! >= 0 && scope.reversal[i] === 0;
      const side = ((polarity > 0) !== (negated > 0)) !== turned ? 'positive' : 'negative';
      add(f, `__${side}`, Math.abs(polarity) / 2);
      if (contrastAt >= 0 && i >= from) {
        add(f, `__${i > contrastAt ? 'after' : 'before'}_contrast_${side}`);
        net[i > contrastAt ? 1 : 0]! += side === 'positive' ? Math.abs(polarity) : -Math.abs(polarity);
      }
    }
    if (!STOP_WORDS.has(t)) f.set(`${negated > 0 ? '!' : ''}${stem(t)}`, 1);
    if (negated > 0) negated--;
  });
  if (contrastAt >= 0 && net[0] !== 0 && net[1] !== 0) {
    add(f, (net[0]! > 0) === (net[1]! > 0) ? `__contrast_agrees_${net[0]! > 0 ? 'positive' : 'negative'}` : '__contrast_turns_polarity');
  }
}

/** Cue counts, capped, named by polarity and by side of the contrast. */
function cueFeatures(text: string, toks: readonly string[], { at, from }: Contrast, topic: Topic, f: Features): void {
  const cap = (n: number): number => Math.min(3, n);
  const all = cueScores(text, topic);
  add(f, '__cue_support', cap(all.support));
  add(f, '__cue_oppose', cap(all.oppose));
  if (all.support > 0 && all.oppose > 0) add(f, '__cue_both');
  if (all.support === 0 && all.oppose === 0) add(f, '__cue_none');
  if (at < 0) return;
  add(f, '__contrast');
  const before = cueScores(toks.slice(from, at).join(' '), topic);
  const after = cueScores(toks.slice(at).join(' '), topic);
  // Not Math.sign: natural's classifiers (through sylvester) replace it process-wide with one that gives 1 for 0.
  const sign = (s: { support: number; oppose: number }): number => (s.support > s.oppose ? 1 : s.support < s.oppose ? -1 : 0);
  if (sign(before) !== 0 && sign(after) !== 0 && sign(before) !== sign(after)) add(f, '__contrast_turns');
  if (sign(after) > 0) add(f, '__after_support');
  if (sign(after) < 0) add(f, '__after_oppose');
}

/**
 * The features of a quote's text and, when given, of its reporting frame (stance-frame.ts): the
 * words around the quote outside its marks. No frame given (an example without one) adds no frame features.
 * Whether the text names the topic is no feature: a quote in an article about the topic takes a
 * stance towards it without naming it ("It feels like a takeover"), while the labelled examples
 * named it in 79% of support and 41% of neutral ones, which a feature learned as a sign of stance.
 */
export function stanceFeatures(text: string, topic: Topic, frame?: string): Features {
  const toks = clauseTokens(text);
  const f: Features = new Map();
  const contrast = contrastIn(toks);
  const scope = reversalScope(toks, topic.targets);
  wordFeatures(toks, contrast, scope, f);
  if (scope.segments) add(f, '__reversal');
  cueFeatures(text, toks, contrast, topic, f);
  add(f, '__bias');
  if (frame !== undefined) for (const [k, v] of frameFeatures(frame)) add(f, k, v);
  return f;
}
