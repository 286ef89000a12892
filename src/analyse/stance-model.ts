/**
 * The stance classifier: a multinomial logistic regression (softmax, L2-regularised, trained with
 * AdaGrad for a fixed number of passes, so the same examples always give the same weights) over
 * the features of stance-features.ts, trained from the labelled examples in
 * sources/stance/examples.json. The weights ship as data (sources/stance/model.json, written by
 * npm run train:stance) so that a run need not train; they are used only while their fingerprint
 * matches the examples and topic in use. Pure: examples in, weights out; weights in, model out.
 */
import { createHash } from 'node:crypto';
import { STANCES, type Stance } from '../core/types.js';
import type { Topic } from './stance.js';
import { stanceFeatures } from './stance-features.js';
import { FRAME_LEXICON } from './lexicon/reporting-frames.js';

export interface StanceExample {
  readonly id: number;
  readonly text: string;
  readonly stance: Stance;
  /** The words that report the quote ("Dr X warned:", "the LMC welcomed the plan, saying"), when the example has them. */
  readonly frame?: string;
}

export interface StanceModel {
  readonly topic: Topic;
  /** Probabilities per stance, summing to 1; `frame` is the words that report the quote, when known. */
  probabilities(text: string, frame?: string): Record<Stance, number>;
  /** The most probable stance. */
  classify(text: string, frame?: string): Stance;
  /** The text's features and what each adds to each stance's score, strongest first (for diagnostics). */
  explain(text: string, frame?: string): { feature: string; weights: Record<Stance, number> }[];
}

export interface TrainOptions {
  /** L2 penalty on the weights (not the bias). */
  readonly l2?: number;
  /** Passes over the examples. */
  readonly epochs?: number;
  /** AdaGrad's step size. */
  readonly rate?: number;
}

/** Chosen by five-fold cross-validation inside the training four fifths (npm run eval:stance -- --tune): more passes or a smaller penalty gain nothing there, and 40 passes train in a third of the time of 120. */
export const DEFAULT_TRAINING: Required<TrainOptions> = { l2: 0.01, epochs: 40, rate: 0.3 };

type Sparse = { readonly index: Int32Array; readonly value: Float64Array };
const K = STANCES.length;

/** Turns scores into probabilities in place. */
function softmax(s: Float64Array): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < s.length; k++) if (s[k]! > max) max = s[k]!;
  let total = 0;
  for (let k = 0; k < s.length; k++) total += s[k] = Math.exp(s[k]! - max);
  for (let k = 0; k < s.length; k++) s[k]! /= total;
  return s;
}

function scoresOf(x: Sparse, w: Float64Array, width: number, out = new Float64Array(K)): Float64Array {
  for (let k = 0; k < K; k++) {
    let sum = 0;
    const row = k * width;
    for (let j = 0; j < x.index.length; j++) sum += w[row + x.index[j]!]! * x.value[j]!;
    out[k] = sum;
  }
  return out;
}

/** Fits the weights: full-batch gradient of the cross-entropy plus the L2 penalty, AdaGrad steps. */
function fit(xs: readonly Sparse[], ys: readonly number[], width: number, o: Required<TrainOptions>): Float64Array {
  const w = new Float64Array(K * width);
  const g2 = new Float64Array(K * width);
  const grad = new Float64Array(K * width);
  const p = new Float64Array(K);
  const n = xs.length;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      softmax(scoresOf(x, w, width, p));
      for (let k = 0; k < K; k++) {
        const d = (p[k]! - (ys[i] === k ? 1 : 0)) / n;
        const row = k * width;
        for (let j = 0; j < x.index.length; j++) grad[row + x.index[j]!]! += d * x.value[j]!;
      }
    }
    for (let i = 0; i < w.length; i++) {
      // Feature 0 is the bias, which is not penalised.
      const g = grad[i]! + (i % width === 0 ? 0 : o.l2 * w[i]!);
      if (g === 0) continue;
      g2[i]! += g * g;
      w[i]! -= (o.rate * g) / Math.sqrt(g2[i]!);
    }
  }
  return w;
}

/**
 * A trained model as data (sources/stance/model.json): the feature names and, per stance, one weight
 * for each. `fingerprint` names what it was trained from (examples, topic, settings, feature code),
 * so that a stale file is never used: the pipeline trains afresh when it does not match.
 */
export interface StanceWeights {
  readonly version: 1;
  readonly fingerprint: string;
  readonly training: Required<TrainOptions>;
  readonly examples: number;
  readonly vocabulary: readonly string[];
  /** Weights per stance, in the order of `STANCES`, each as long as `vocabulary`. */
  readonly weights: Readonly<Record<Stance, readonly number[]>>;
}

/** Bumped whenever stance-features.ts changes what it extracts, so that shipped weights go stale. */
export const FEATURES_VERSION = 7;

/** What a model is trained from, as one string to hash: examples, topic, settings, feature version and the reporting-frame lexicon. */
export function trainingFingerprint(examples: readonly StanceExample[], topic: Topic, options: TrainOptions = {}): string {
  const o = { ...DEFAULT_TRAINING, ...options };
  const what = JSON.stringify([FEATURES_VERSION, FRAME_LEXICON, o, topic.targets, topic.support, topic.oppose, examples.map((e) => (e.frame === undefined ? [e.id, e.stance, e.text] : [e.id, e.stance, e.text, e.frame]))]);
  return createHash('sha256').update(what).digest('hex').slice(0, 16);
}

/** Weights are stored to this many decimals; predictions move by far less than a rounding of the probabilities. */
const DECIMALS = 1e6;

export function trainStanceWeights(examples: readonly StanceExample[], topic: Topic, options: TrainOptions = {}): StanceWeights {
  const o = { ...DEFAULT_TRAINING, ...options };
  const vocabulary = new Map<string, number>([['__bias', 0]]);
  const xs = examples.map((e) => toSparse(stanceFeatures(e.text, topic, e.frame), vocabulary, true));
  const ys = examples.map((e) => STANCES.indexOf(e.stance));
  const width = vocabulary.size;
  const w = fit(xs, ys, width, o);
  const weights = Object.fromEntries(STANCES.map((s, k) => [s, Array.from(w.subarray(k * width, (k + 1) * width), (x) => Math.round(x * DECIMALS) / DECIMALS)]));
  return { version: 1, fingerprint: trainingFingerprint(examples, topic, o), training: o, examples: examples.length, vocabulary: [...vocabulary.keys()], weights: weights as Record<Stance, number[]> };
}

function toSparse(features: Map<string, number>, vocabulary: Map<string, number>, grow: boolean): Sparse {
  const index: number[] = [];
  const value: number[] = [];
  for (const [name, v] of features) {
    let i = vocabulary.get(name);
    if (i === undefined && grow) vocabulary.set(name, (i = vocabulary.size));
    if (i !== undefined) { index.push(i); value.push(v); }
  }
  return { index: Int32Array.from(index), value: Float64Array.from(value) };
}

/** A classifier from stored or fresh weights. */
export function stanceModelFrom(stored: StanceWeights, topic: Topic): StanceModel {
  const vocabulary = new Map(stored.vocabulary.map((name, i) => [name, i]));
  const width = stored.vocabulary.length;
  const w = new Float64Array(K * width);
  STANCES.forEach((s, k) => w.set(stored.weights[s], k * width));
  const probabilities = (text: string, frame?: string): Record<Stance, number> => {
    const p = softmax(scoresOf(toSparse(stanceFeatures(text, topic, frame), vocabulary, false), w, width));
    return Object.fromEntries(STANCES.map((s, k) => [s, p[k]!])) as Record<Stance, number>;
  };
  return {
    topic,
    probabilities,
    classify(text, frame) {
      const p = probabilities(text, frame);
      return STANCES.reduce((a, b) => (p[b] > p[a] ? b : a));
    },
    explain(text, frame) {
      const out = [...stanceFeatures(text, topic, frame)].flatMap(([feature, v]) => {
        const i = vocabulary.get(feature);
        return i === undefined ? [] : [{ feature, weights: Object.fromEntries(STANCES.map((s, k) => [s, w[k * width + i]! * v])) as Record<Stance, number> }];
      });
      const spread = (x: Record<Stance, number>): number => Math.max(...Object.values(x)) - Math.min(...Object.values(x));
      return out.sort((a, b) => spread(b.weights) - spread(a.weights));
    },
  };
}

export function trainStanceModel(examples: readonly StanceExample[], topic: Topic, options: TrainOptions = {}): StanceModel {
  return stanceModelFrom(trainStanceWeights(examples, topic, options), topic);
}

/** The held-out split: every fifth example by id. Never trained on, never used to choose cues or settings. */
export const isHeldOut = (e: StanceExample): boolean => e.id % 5 === 0;
