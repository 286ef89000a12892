/**
 * Stance of a quote towards a topic, by default "CCGs taking on the commissioning of primary care".
 * A topic is data (sources/stance/topics.json): its target terms and cue lexicons. Cues count for or against, a negation
 * within a few words before a cue flips it. The cue counts are features of the classifier
 * (stance-model.ts); here a scorer's probabilities become a quote's stance and confidence: neutral
 * when no stance is likely enough, and a speaker's other quotes in the document decide a quote the
 * scorer is unsure of. Pure.
 */
import type { Position, Stance } from '../core/types.js';
import { anyPhraseAt, phraseIndex, type PhraseIndex } from './phrase-index.js';
import { INSIDE, UNDOING, reversalScope } from './stance-reversal.js';
import { isServiceSense } from './stance-senses.js';

export interface Topic {
  readonly id: string;
  readonly name: string;
  /** Words that show a text is about the topic. */
  readonly targets: readonly string[];
  /** Cues of support for the topic (phrases, lower case; a trailing * matches any ending). */
  readonly support: readonly string[];
  /** Cues of opposition. */
  readonly oppose: readonly string[];
}


/** Negations within this many words before a cue flip it ("not effective", "no benefit"). */
const NEGATION_WINDOW = 3;
const NEGATIONS = new Set(['not', 'no', 'never', "n't", 'without', 'nor', 'neither', 'hardly', 'little', 'lack', 'cannot']);

/** A topic's cues, support and opposition, each indexed as phrases (phrase-index.ts). */
const cache = new WeakMap<Topic, { support: PhraseIndex<true>; oppose: PhraseIndex<true> }>();

export function tokens(text: string): string[] {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/n't\b/g, " n't").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?|n't/gu) ?? [];
}

/** Words and clause marks (, ; : . ! ? and dashes) in order, lower case: the words are those of `tokens`. */
export function clauseTokens(text: string): string[] {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/n't\b/g, " n't").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?|n't|[,;:.!?–—]/gu) ?? [];
}
const MARKS: ReadonlySet<string> = new Set([',', ';', ':', '.', '!', '?', '–', '—']);
export const isMark = (t: string): boolean => MARKS.has(t);

function cuesOf(topic: Topic): { support: PhraseIndex<true>; oppose: PhraseIndex<true> } {
  let c = cache.get(topic);
  if (!c) { c = { support: phraseIndex(topic.support.map((p) => [p, true] as const)), oppose: phraseIndex(topic.oppose.map((p) => [p, true] as const)) }; cache.set(topic, c); }
  return c;
}

interface CueHit {
  support: number;
  oppose: number;
  /** The segment undoing the topic that the cue stands in (stance-reversal.ts), or -1. */
  readonly segment: number;
  /** The cue is the undoing word itself ("scrapping"). */
  readonly undoing: boolean;
}

/**
 * Lexicon scores of a text: support and opposition cue counts after negation. In a segment that
 * undoes the topic, the cues count the other way round ("scrapping CCGs would be a disaster" regrets
 * the scrapping), and the undoing word counts as itself only when nothing else there judges it.
 */
export function cueScores(text: string, topic: Topic): { support: number; oppose: number } {
  const c = cuesOf(topic);
  const all = clauseTokens(text);
  const scope = reversalScope(all, topic.targets);
  const toks: string[] = [];
  const at: number[] = [];
  all.forEach((t, k) => { if (!isMark(t)) { toks.push(t); at.push(k); } });
  // Whether a negation stands in the window before word i: asked only where a cue starts.
  const negatedAt = (i: number): boolean => toks.slice(Math.max(0, i - NEGATION_WINDOW), i).some((t) => NEGATIONS.has(t));
  const hits: CueHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    // A cue inside the undoing words ("back the" in "hand back the") or the topic's words judges nothing.
    if (scope.reversal[at[i]!] === INSIDE) continue;
    const where = { segment: scope.segment[at[i]!]!, undoing: scope.reversal[at[i]!] === UNDOING };
    // "Support" naming a service given ("extra support for practices") takes no position.
    if (anyPhraseAt(toks, i, c.support) && !isServiceSense(all, at[i]!)) hits.push(negatedAt(i) ? { support: 0, oppose: 1, ...where } : { support: 1, oppose: 0, ...where });
    if (anyPhraseAt(toks, i, c.oppose)) hits.push(negatedAt(i) ? { support: 0.5, oppose: 0, ...where } : { support: 0, oppose: 1, ...where });
  }
  const judged = new Set(hits.filter((h) => h.segment >= 0 && !h.undoing).map((h) => h.segment));
  let support = 0;
  let oppose = 0;
  for (const h of hits) {
    if (h.segment < 0) { support += h.support; oppose += h.oppose; continue; }
    if (h.undoing) {
      if (!judged.has(h.segment)) { support += h.support; oppose += h.oppose; }
      continue;
    }
    support += h.oppose;
    oppose += h.support;
  }
  return { support, oppose };
}

/** Stance from cue scores: a clear majority decides; both strong is mixed; neither is neutral. */
export function stanceFromScores(s: { support: number; oppose: number }): Stance {
  if (s.support === 0 && s.oppose === 0) return 'neutral';
  if (s.support >= 2 * s.oppose && s.support > 0) return 'support';
  if (s.oppose >= 2 * s.support && s.oppose > 0) return 'oppose';
  return 'mixed';
}

export function lexiconStance(text: string, topic: Topic): Stance {
  return stanceFromScores(cueScores(text, topic));
}

/** Gives a stance's probabilities for a text (and the words that report it, when known): a trained model, or the lexicon alone. */
export type StanceScorer = (text: string, frame?: string) => Record<Stance, number>;

/** The lexicon as a scorer: all weight on the stance its cues give (a baseline, and for tests). */
export function lexiconScorer(topic: Topic): StanceScorer {
  return (text) => {
    const p: Record<Stance, number> = { support: 0, oppose: 0, mixed: 0, neutral: 0 };
    p[lexiconStance(text, topic)] = 1;
    return p;
  };
}

const argmax = (p: Record<Stance, number>): Stance => (Object.keys(p) as Stance[]).reduce((a, b) => (p[b] > p[a] ? b : a));

/**
 * A stance the scorer gives less than this probability is unsure: within a document it gives way to
 * the position its speaker holds across their quotes. Without such a position the most probable stance
 * stands (calling such a quote neutral instead scored worse by cross-validation on the training examples
 * and on the held-out fifth: it made neutral the class most over-called).
 */
export const MIN_CONFIDENCE = 0.4;
/** A neutral call this unsure gives way to what the speaker says elsewhere in the document. */
const NEUTRAL_CONFIDENCE = 0.6;

/** A quote's stance and the probability the scorer gives it (0–1). */
export interface StanceCall {
  readonly stance: Stance;
  readonly confidence: number;
}

/** The most probable stance, and whether it is too unsure to stand against the speaker's position elsewhere. */
export function decideStance(p: Record<Stance, number>, minConfidence = MIN_CONFIDENCE): StanceCall & { readonly unsure: boolean } {
  const best = argmax(p);
  return { stance: best, confidence: p[best], unsure: p[best] < (best === 'neutral' ? NEUTRAL_CONFIDENCE : minConfidence) };
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Stances of a document's quotes. Each quote is scored on its own words (a partial quote on its
 * sentence) and its reporting frame when given; a quote the scorer is unsure of takes the position its
 * speaker holds across the document's quotes, when they hold one (with the share of that position as its confidence).
 */
export function quoteStances(quotes: readonly { text: string; speaker: string | null; context?: string; frame?: string }[], scorer: StanceScorer): StanceCall[] {
  // The scorer is pure: quotes judged on the same sentence and frame are scored once.
  const scored = new Map<string, Record<Stance, number>>();
  const own = quotes.map((q) => {
    const text = q.context ?? q.text;
    const key = q.frame === undefined ? text : `${text}\u0000${q.frame}`;
    let p = scored.get(key);
    if (!p) scored.set(key, (p = scorer(text, q.frame)));
    return p;
  });
  const bySpeaker = new Map<string, Record<Stance, number>>();
  quotes.forEach((q, i) => {
    if (!q.speaker) return;
    const t = bySpeaker.get(q.speaker) ?? { support: 0, oppose: 0, mixed: 0, neutral: 0 };
    for (const k of Object.keys(t) as Stance[]) t[k] += own[i]![k];
    bySpeaker.set(q.speaker, t);
  });
  return quotes.map((q, i) => {
    const call = decideStance(own[i]!);
    if (call.unsure && q.speaker) {
      const t = { ...bySpeaker.get(q.speaker)! };
      const total = t.support + t.oppose + t.mixed + t.neutral;
      t.neutral = 0;
      const alt = argmax(t);
      if (t[alt] >= MIN_CONFIDENCE * total) return { stance: alt, confidence: round(t[alt] / total) };
    }
    return { stance: call.stance, confidence: round(call.confidence) };
  });
}


export function summarisePositions(items: ReadonlyArray<{ key: string | null; stance: Stance }>): Position[] {
  const by = new Map<string, Record<Stance, number>>();
  for (const it of items) {
    if (!it.key) continue;
    const c = by.get(it.key) ?? { support: 0, oppose: 0, mixed: 0, neutral: 0 };
    c[it.stance]++;
    by.set(it.key, c);
  }
  return [...by].map(([name, counts]) => {
    const total = counts.support + counts.oppose + counts.mixed + counts.neutral;
    const stance: Stance = counts.support && counts.oppose ? 'mixed'
      : counts.support ? (counts.mixed > counts.support ? 'mixed' : 'support')
      : counts.oppose ? (counts.mixed > counts.oppose ? 'mixed' : 'oppose')
      : counts.mixed ? 'mixed' : 'neutral';
    return { name, stance, quotes: total, counts };
  });
}
