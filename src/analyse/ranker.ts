/**
 * The speaker ranker: a conditional logit over the candidates of one quotation (each scored by a
 * weighted sum of its features; the probabilities are the softmax of the scores). Trained by
 * scripts/train-ranker.mjs on annotated news (PolNeAR's train split); the weights ship as data in
 * sources/models/speaker-ranker.json. Pure: training and scoring, no I/O.
 */
import { FEATURES } from './candidates.js';

export const RANKER_VERSION = 1;

export interface SpeakerRanker {
  readonly version: number;
  /** The feature names, in the order of `weights`: they must be `FEATURES`. */
  readonly features: readonly string[];
  readonly weights: readonly number[];
  /** How many quotations (with at least one right candidate) the weights were learnt from. */
  readonly trainingQuotes: number;
  /** How many documents they came from. */
  readonly trainingDocuments: number;
  /** When the weights were learnt (ISO date). */
  readonly trained: string;
}

/** One quotation's candidates: their feature vectors, and which of them are the gold speaker. */
export interface TrainingGroup {
  readonly features: readonly (readonly number[])[];
  readonly right: readonly boolean[];
}

export function score(weights: readonly number[], x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += weights[i]! * x[i]!;
  return s;
}

/** The index of the best-scored candidate and its probability among them; null without candidates. */
export function best(ranker: SpeakerRanker, features: readonly (readonly number[])[]): { index: number; probability: number } | null {
  if (!features.length) return null;
  const scores = features.map((x) => score(ranker.weights, x));
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  const index = scores.indexOf(max);
  return { index, probability: exp[index]! / sum };
}

export interface TrainOptions {
  readonly epochs?: number;
  readonly rate?: number;
  /** L2 penalty on the weights. */
  readonly l2?: number;
  readonly documents: number;
  readonly date: string;
}

/**
 * Learns the weights by full-batch gradient descent on the log-likelihood of the right candidates
 * (their probabilities summed, as a quote may have its speaker named twice), with an L2 penalty.
 * Deterministic: the same groups give the same weights.
 */
export function trainRanker(groups: readonly TrainingGroup[], options: TrainOptions): SpeakerRanker {
  const usable = groups.filter((g) => g.features.length > 1 && g.right.some(Boolean) && g.right.some((r) => !r));
  const n = FEATURES.length;
  const w = new Array<number>(n).fill(0);
  const epochs = options.epochs ?? 300;
  const rate = options.rate ?? 0.5;
  const l2 = options.l2 ?? 1e-3;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(n).fill(0);
    for (const g of usable) {
      const scores = g.features.map((x) => score(w, x));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const z = exp.reduce((a, b) => a + b, 0);
      const zRight = exp.reduce((a, e, i) => a + (g.right[i] ? e : 0), 0);
      // d(-log(zRight/z))/dw = E_all[x] - E_right[x]
      g.features.forEach((x, i) => {
        const coef = exp[i]! / z - (g.right[i] ? exp[i]! / zRight : 0);
        for (let k = 0; k < n; k++) grad[k]! += coef * x[k]!;
      });
    }
    for (let k = 0; k < n; k++) w[k] = w[k]! - rate * (grad[k]! / Math.max(1, usable.length) + l2 * w[k]!);
  }
  return {
    version: RANKER_VERSION,
    features: [...FEATURES],
    weights: w.map((x) => Math.round(x * 1e6) / 1e6),
    trainingQuotes: usable.length,
    trainingDocuments: options.documents,
    trained: options.date,
  };
}

/** What is wrong with a ranker's data ("field: problem"), or null when it is one this code can use. */
export function rankerProblem(data: unknown): string | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return '(root): expected a JSON object';
  const d = data as Record<string, unknown>;
  if (d.version !== RANKER_VERSION) return `version: expected ${RANKER_VERSION}, got ${JSON.stringify(d.version)}`;
  if (!Array.isArray(d.features) || d.features.length !== FEATURES.length || d.features.some((f, i) => f !== FEATURES[i])) {
    return `features: expected the ${FEATURES.length} features this version computes (${FEATURES.slice(0, 3).join(', ')}, …); retrain with scripts/train-ranker.mjs`;
  }
  if (!Array.isArray(d.weights) || d.weights.length !== FEATURES.length || d.weights.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
    return `weights: expected ${FEATURES.length} finite numbers`;
  }
  if (!Number.isInteger(d.trainingQuotes) || (d.trainingQuotes as number) < 0) return 'trainingQuotes: expected a whole number';
  if (!Number.isInteger(d.trainingDocuments) || (d.trainingDocuments as number) < 0) return 'trainingDocuments: expected a whole number';
  if (typeof d.trained !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(d.trained)) return 'trained: expected an ISO date';
  return null;
}
