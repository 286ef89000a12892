/**
 * Candidate speakers of a quotation and what describes each: the mentions near the quote (names,
 * pronouns, organisations) and, for each, numeric features (where it stands relative to the quote,
 * whether a speech verb is next to it, whether it is the subject of its sentence, how salient it
 * is). The speaker ranker (ranker.ts) scores them with learned weights. Pure.
 */
import { lowerBound } from './spans.js';
import type { Span } from './sentences.js';

export type MentionKind = 'name' | 'pronoun' | 'organisation';

/** A mention that may be the speaker, with the speaker it stands for (a pronoun: the person it refers to). */
export interface Candidate<S> {
  readonly start: number;
  readonly end: number;
  readonly kind: MentionKind;
  readonly speaker: S;
  /** The speaker's key (its name): candidates with one key are one speaker. */
  readonly key: string;
  /** Mentions of the same speaker before this one (names and pronouns alike). */
  readonly mentionsBefore: number;
  /** A name inside a relative clause or after a preposition or a transitive verb. */
  readonly subordinate: boolean;
}

/** What is known of the document once, for the features of every quote in it. */
export interface DocumentFacts {
  readonly text: string;
  readonly paragraphs: readonly Span[];
  /** Every sentence, in order. */
  readonly sentences: readonly Span[];
  /** Every speech verb outside quotes, in order. */
  readonly verbs: readonly Span[];
}

/** The quotation being attributed: its marks and the paragraph that holds it. */
export interface QuoteSite {
  readonly open: number;
  readonly close: number;
  readonly paragraph: number;
  /** The key of the speaker the rules chose, or null. */
  readonly rules: string | null;
  /** The key of the previous quotation's speaker, or null. */
  readonly previous: string | null;
}

/** The features, in the order of a feature vector; the model file names them, and they must match. */
export const FEATURES = [
  'name', 'pronoun', 'organisation',
  'after', 'sameSentence', 'adjacentSentence', 'sentenceDistance', 'charDistance',
  'sameParagraph', 'previousParagraph',
  'verbJustAfter', 'verbJustBefore', 'sentenceHasVerb', 'sentenceStart', 'paragraphStart',
  'subordinate', 'possessive', 'nearestOfKind', 'nearest', 'salience', 'rules', 'previousSpeaker',
  'after&sameSentence', 'before&sameSentence', 'verbJustAfter&sameSentence', 'pronoun&sameSentence',
  'rules&sameSentence', 'quoteOpensParagraph&previousParagraph', 'betweenQuoteAndSentenceEnd',
] as const;
export type FeatureName = (typeof FEATURES)[number];

/** Candidates are looked for from the start of the previous paragraph to the end of the quote's. */
export const MAX_CANDIDATES = 30;

function indexAt(spans: readonly Span[], pos: number): number {
  return lowerBound(spans, (s) => s.start, pos + 1) - 1;
}

/** A speech verb just after a mention ("X said", "X, chair of Y, said", "X also told"). */
function verbJustAfter(facts: DocumentFacts, end: number): boolean {
  const v = facts.verbs[lowerBound(facts.verbs, (s) => s.start, end)];
  if (!v || v.start - end > 120) return false;
  return /^(?:\s*,[^,.;:!?“”"]{1,100},)?\s+(?:\p{Ll}+ly\s+|also\s+|has\s+|had\s+|then\s+|later\s+)?$/u.test(facts.text.slice(end, v.start));
}

/** A speech verb just before a mention ("said X", "according to X"). */
function verbJustBefore(facts: DocumentFacts, start: number): boolean {
  const i = lowerBound(facts.verbs, (s) => s.end, start + 1) - 1;
  const v = facts.verbs[i];
  return !!v && start - v.end <= 4 && /^\s*$/.test(facts.text.slice(v.end, start));
}

function hasVerb(facts: DocumentFacts, s: Span): boolean {
  const v = facts.verbs[lowerBound(facts.verbs, (x) => x.start, s.start)];
  return !!v && v.start < s.end;
}

/** The feature vector of each candidate of one quote, in FEATURES order. */
export function candidateFeatures<S>(facts: DocumentFacts, q: QuoteSite, candidates: readonly Candidate<S>[]): number[][] {
  const { text, sentences, paragraphs } = facts;
  const qs = indexAt(sentences, q.open);
  const qe = indexAt(sentences, Math.max(q.open, q.close - 1));
  const opensParagraph = /^\s*$/.test(text.slice(paragraphs[q.paragraph]?.start ?? q.open, q.open));
  const distance = (c: Candidate<S>): number => (c.start >= q.close ? c.start - q.close : Math.max(0, q.open - c.end));
  const nearestOfKind = new Map<MentionKind, number>();
  let nearest = Infinity;
  for (const c of candidates) {
    const d = distance(c);
    nearest = Math.min(nearest, d);
    nearestOfKind.set(c.kind, Math.min(nearestOfKind.get(c.kind) ?? Infinity, d));
  }
  return candidates.map((c) => {
    const after = c.start >= q.close;
    const cs = indexAt(sentences, c.start);
    const sentence = sentences[cs];
    const same = cs >= qs && cs <= qe;
    const sentenceGap = same ? 0 : cs < qs ? qs - cs : cs - qe;
    const cp = indexAt(paragraphs, c.start);
    const para = paragraphs[cp];
    const d = distance(c);
    const justAfter = verbJustAfter(facts, c.end);
    const f: Record<FeatureName, number> = {
      name: c.kind === 'name' ? 1 : 0,
      pronoun: c.kind === 'pronoun' ? 1 : 0,
      organisation: c.kind === 'organisation' ? 1 : 0,
      after: after ? 1 : 0,
      sameSentence: same ? 1 : 0,
      adjacentSentence: sentenceGap === 1 ? 1 : 0,
      sentenceDistance: Math.min(sentenceGap, 6) / 6,
      charDistance: Math.log1p(d) / 8,
      sameParagraph: cp === q.paragraph ? 1 : 0,
      previousParagraph: cp === q.paragraph - 1 ? 1 : 0,
      verbJustAfter: justAfter ? 1 : 0,
      verbJustBefore: verbJustBefore(facts, c.start) ? 1 : 0,
      sentenceHasVerb: sentence && hasVerb(facts, sentence) ? 1 : 0,
      sentenceStart: sentence && /^[\s“"‘'(—–-]*(?:(?:But|And|So|Yet|Then|Now|Still|Meanwhile|However|Also),?\s+)?$/u.test(text.slice(sentence.start, c.start)) ? 1 : 0,
      paragraphStart: para && /^[\s“"‘'(—–-]*$/.test(text.slice(para.start, c.start)) ? 1 : 0,
      subordinate: c.subordinate ? 1 : 0,
      possessive: /^['’]s?(?![\p{L}])/u.test(text.slice(c.end, c.end + 3)) ? 1 : 0,
      nearestOfKind: d === nearestOfKind.get(c.kind) ? 1 : 0,
      nearest: d === nearest ? 1 : 0,
      salience: Math.log1p(c.mentionsBefore) / 3,
      rules: q.rules !== null && c.key === q.rules ? 1 : 0,
      previousSpeaker: q.previous !== null && c.key === q.previous ? 1 : 0,
      'after&sameSentence': after && same ? 1 : 0,
      'before&sameSentence': !after && same ? 1 : 0,
      'verbJustAfter&sameSentence': justAfter && same ? 1 : 0,
      'pronoun&sameSentence': c.kind === 'pronoun' && same ? 1 : 0,
      'rules&sameSentence': q.rules !== null && c.key === q.rules && same ? 1 : 0,
      'quoteOpensParagraph&previousParagraph': opensParagraph && cp === q.paragraph - 1 ? 1 : 0,
      betweenQuoteAndSentenceEnd: after && sentences[qe] !== undefined && c.start < sentences[qe]!.end ? 1 : 0,
    };
    return FEATURES.map((n) => f[n]);
  });
}
