/**
 * The stance classifier: a multinomial logistic regression (softmax, L2-regularised, trained with
 * AdaGrad for a fixed number of passes, so the same examples always give the same weights) over
 * the features of stance-features.ts. Trained in a few tens of milliseconds from the labelled
 * examples that ship in sources/stance/examples.json. Pure: examples in, model out.
 */
import { STANCES, type Stance } from '../core/types.js';
import type { Topic } from './stance.js';
import { stanceFeatures } from './stance-features.js';

export interface StanceExample {
  readonly id: number;
  readonly text: string;
  readonly stance: Stance;
}

export interface StanceModel {
  readonly topic: Topic;
  /** Probabilities per stance, summing to 1. */
  probabilities(text: string): Record<Stance, number>;
  /** The most probable stance. */
  classify(text: string): Stance;
  /** The text's features and what each adds to each stance's score, strongest first (for diagnostics). */
  explain(text: string): { feature: string; weights: Record<Stance, number> }[];
}

export interface TrainOptions {
  /** L2 penalty on the weights (not the bias). */
  readonly l2?: number;
  /** Passes over the examples. */
  readonly epochs?: number;
  /** AdaGrad's step size. */
  readonly rate?: number;
}

/** Chosen by five-fold cross-validation inside the training examples (npm run eval:stance -- --tune). */
export const DEFAULT_TRAINING: Required<TrainOptions> = { l2: 0.01, epochs: 80, rate: 0.3 };

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

export function trainStanceModel(examples: readonly StanceExample[], topic: Topic, options: TrainOptions = {}): StanceModel {
  const o = { ...DEFAULT_TRAINING, ...options };
  const vocabulary = new Map<string, number>([['__bias', 0]]);
  const sparse = (features: Map<string, number>, grow: boolean): Sparse => {
    const index: number[] = [];
    const value: number[] = [];
    for (const [name, v] of features) {
      let i = vocabulary.get(name);
      if (i === undefined && grow) vocabulary.set(name, (i = vocabulary.size));
      if (i !== undefined) { index.push(i); value.push(v); }
    }
    return { index: Int32Array.from(index), value: Float64Array.from(value) };
  };
  const xs = examples.map((e) => sparse(stanceFeatures(e.text, topic), true));
  const ys = examples.map((e) => STANCES.indexOf(e.stance));
  const width = vocabulary.size;
  const w = fit(xs, ys, width, o);
  const probabilities = (text: string): Record<Stance, number> => {
    const p = softmax(scoresOf(sparse(stanceFeatures(text, topic), false), w, width));
    return Object.fromEntries(STANCES.map((s, k) => [s, p[k]!])) as Record<Stance, number>;
  };
  return {
    topic,
    probabilities,
    classify(text) {
      const p = probabilities(text);
      return STANCES.reduce((a, b) => (p[b] > p[a] ? b : a));
    },
    explain(text) {
      const out = [...stanceFeatures(text, topic)].flatMap(([feature, v]) => {
        const i = vocabulary.get(feature);
        return i === undefined ? [] : [{ feature, weights: Object.fromEntries(STANCES.map((s, k) => [s, w[k * width + i]! * v])) as Record<Stance, number> }];
      });
      const spread = (x: Record<Stance, number>): number => Math.max(...Object.values(x)) - Math.min(...Object.values(x));
      return out.sort((a, b) => spread(b.weights) - spread(a.weights));
    },
  };
}

/** The held-out split: every fifth example by id. Never trained on, never used to choose cues or settings. */
export const isHeldOut = (e: StanceExample): boolean => e.id % 5 === 0;
