/**
 * The stance classifier: natural's naive Bayes over stemmed words, negation-marked words, and
 * the topic's cue lexicon and contrast markers as extra features. Trained in a few milliseconds
 * from labelled examples that ship in sources/stance/examples.json. Pure: examples in, model out.
 */
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { Stance } from '../core/types.js';
import { cueScores, tokens, type Topic } from './stance.js';

export interface StanceExample {
  readonly id: number;
  readonly text: string;
  readonly stance: Stance;
}

export interface StanceModel {
  readonly topic: Topic;
  /** Probabilities per stance, summing to 1. */
  probabilities(text: string): Record<Stance, number>;
  classify(text: string): Stance;
}

/** Words that turn a clause round: their presence is evidence of a mixed position. */
const CONTRAST = new Set(['but', 'although', 'though', 'however', 'yet', 'whilst', 'reservations', 'caveat', 'caveats']);
const NEGATORS = new Set(['not', 'no', 'never', "n't", 'cannot', 'without', 'nor']);
/** How many words after a negator are marked as negated. */
const NEGATION_SCOPE = 3;
const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'in', 'on', 'for', 'is', 'are', 'be', 'that', 'this', 'it', 'we', 'our', 'i', 'they', 'will', 'with', 'by', 'as', 'at', 'has', 'have', 'was', 'were', 'from', 'their', 'its']);

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

/** The features of a text: stems (negated within a short scope), cue counts and contrast markers. */
export function stanceFeatures(text: string, topic: Topic): string[] {
  const toks = tokens(text);
  const out: string[] = [];
  let negated = 0;
  for (const t of toks) {
    if (NEGATORS.has(t)) { negated = NEGATION_SCOPE; out.push('__neg'); continue; }
    // "Not just X but Y" adds, it does not contrast.
    if (CONTRAST.has(t) && !(t === 'but' && /\bnot (?:just|only|simply|merely)\b/.test(toks.slice(Math.max(0, out.length - 12)).join(' ')))) out.push('__contrast');
    if (!STOP.has(t)) out.push(`${negated > 0 ? '!' : ''}${stem(t)}`);
    if (negated > 0) negated--;
  }
  const cues = cueScores(text, topic);
  for (let i = 0; i < Math.min(3, Math.round(cues.support)); i++) out.push('__cue_support');
  for (let i = 0; i < Math.min(3, Math.round(cues.oppose)); i++) out.push('__cue_oppose');
  if (cues.support > 0 && cues.oppose > 0) out.push('__cue_both');
  // One-sided cues are the strongest evidence against a mixed position.
  if (cues.support > 0 && cues.oppose === 0) out.push('__only_support', '__only_support');
  if (cues.oppose > 0 && cues.support === 0) out.push('__only_oppose', '__only_oppose');
  if (cues.support === 0 && cues.oppose === 0) out.push('__cue_none');
  return out;
}

export function trainStanceModel(examples: readonly StanceExample[], topic: Topic): StanceModel {
  const nb = new BayesClassifier(PorterStemmer, 0.5);
  for (const e of examples) nb.addDocument(stanceFeatures(e.text, topic), e.stance);
  nb.train();
  // natural looks up each of the model's features in the text's list of features (indexOf: the
  // vocabulary times the text's length); a set gives the same vector in one pass over each.
  const vocabulary = nb as unknown as { features: Record<string, number>; textToFeatures(observation: string[] | string): number[] };
  const byList = vocabulary.textToFeatures.bind(nb);
  vocabulary.textToFeatures = (observation: string[] | string): number[] => {
    if (typeof observation === 'string') return byList(observation);
    const present = new Set(observation);
    const vector: number[] = [];
    for (const feature in vocabulary.features) vector.push(present.has(feature) ? 1 : 0);
    return vector;
  };
  const probabilities = (text: string): Record<Stance, number> => {
    const raw = nb.getClassifications(stanceFeatures(text, topic));
    const total = raw.reduce((n, r) => n + r.value, 0) || 1;
    const p: Record<Stance, number> = { support: 0, oppose: 0, mixed: 0, neutral: 0 };
    for (const r of raw) p[r.label as Stance] = r.value / total;
    return p;
  };
  return {
    topic,
    probabilities,
    classify(text) {
      const p = probabilities(text);
      return (Object.keys(p) as Stance[]).reduce((a, b) => (p[b] > p[a] ? b : a));
    },
  };
}

/** The held-out split: every fifth example by id. */
export const isHeldOut = (e: StanceExample): boolean => e.id % 5 === 0;
