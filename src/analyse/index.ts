/**
 * The analysis stage: main text in; organisations, people, dates and quotes with stance out. Pure;
 * the reference data comes in compiled (see `src/sources/` for loading it).
 *
 * Attribution reads as a model, one module a step:
 *   mentions     organisations.ts (organisations named), people.ts (people named), quote-marks.ts
 *                (quotations), sentences.ts;
 *   entities     people.ts merges a person's mentions into one entity; entities.ts gathers their
 *                organisation from wherever it is stated and ranks mentions by salience;
 *                descriptions.ts resolves "the GPC chair" to the entity with that role;
 *                attribution-context.ts holds them for one document (and resolves he/she);
 *   candidates   subjects.ts (the rules: who a quote's own sentence names; its speech-verb patterns
 *                are matched by hand in speech-patterns.ts, with alternation.ts), speaker-candidates.ts
 *                (every mention near a quote), candidates.ts (their features);
 *   scores       ranker.ts (learned weights, sources/models/speaker-ranker.json);
 *   attribution  quotes.ts (each quotation, its kind and its speaker).
 * Word lists are data in lexicon/.
 */
import type { DateMention, OrganisationMention, Person, Position, Positions, Quote } from '../core/types.js';
import { compileOrganisations, findOrganisations, summariseOrganisations, type CompiledOrganisations, type OrganisationReference } from './organisations.js';
import { findPeople, toPeople } from './people.js';
import { findQuotes, type QuoteOptions } from './quotes.js';
import type { SpeakerRanker } from './ranker.js';
import { findDates } from './dates.js';
import { quoteFrames } from './stance-frame.js';
import { quoteStances, summarisePositions, type Topic, type StanceScorer } from './stance.js';
import { splitParagraphs, splitSentences, type Span } from './sentences.js';
import { lowerBound } from './spans.js';

export interface Analysis {
  readonly organisations: OrganisationMention[];
  readonly people: Person[];
  readonly dates: DateMention[];
  readonly quotes: Quote[];
  readonly positions: Positions;
}



export interface AnalyseOptions {
  readonly organisations: CompiledOrganisations;
  readonly published?: string | null;
  /** Scores stance towards the topic: the trained classifier blend, or a topic's lexicon alone. */
  readonly stance: StanceScorer;
  /** Learned weights for choosing a speaker where the rules find none in the quote's sentence (sources/models/speaker-ranker.json). */
  readonly ranker?: SpeakerRanker | null;
  /** Sees each quote's candidate speakers and their features (the ranker's training script). */
  readonly collect?: QuoteOptions['collect'];
  /** Read at most this many characters (default MAX_ANALYSED_CHARS); benchmarks pass Infinity. */
  readonly maxChars?: number;
}

/** Analysis reads at most this much of a text (about 150,000 words), so that time stays bounded. */
export const MAX_ANALYSED_CHARS = 1_000_000;

export function analyse(fullText: string, options: AnalyseOptions): Analysis {
  const max = options.maxChars ?? MAX_ANALYSED_CHARS;
  const text = fullText.length > max ? fullText.slice(0, max) : fullText;
  const orgSpans = findOrganisations(text, options.organisations);
  const people = findPeople(text, orgSpans);
  const paragraphs = splitParagraphs(text);
  // A pull quote repeats words the article quotes in full: each quotation is kept once.
  const seen = new Set<string>();
  const found = findQuotes(text, paragraphs, people, orgSpans, { ranker: options.ranker ?? null, ...(options.collect ? { collect: options.collect } : {}) }).filter((q) => {
    const key = q.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (key.split(' ').length >= 4 && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // A partial quote ("‘nepotism and favouritism’") is judged on the sentence that carries it.
  const sentencesOf = new Map<number, Span[]>();
  const contextOf = new Map<number, string>();
  const withContext = found.map((q) => {
    if (!q.partial) return q;
    const para = paragraphs[q.paragraph]!;
    let sentences = sentencesOf.get(q.paragraph);
    if (!sentences) sentencesOf.set(q.paragraph, (sentences = splitSentences(text.slice(para.start, para.end), para.start)));
    const i = lowerBound(sentences, (s) => s.start, q.start + 1) - 1;
    const sentence = i >= 0 && q.start < sentences[i]!.end ? sentences[i] : undefined;
    if (!sentence) return { ...q, context: q.text };
    // One string per sentence: quotes of one sentence share it, and their stance is scored once.
    let context = contextOf.get(sentence.start);
    if (context === undefined) contextOf.set(sentence.start, (context = text.slice(sentence.start, sentence.end)));
    return { ...q, context };
  });
  // A whole quote is also judged by the words that report it ("warned:", "welcomed the plans, saying");
  // a partial one already is, by the sentence it is judged on.
  const frames = quoteFrames(text, paragraphs, found);
  const stances = quoteStances(withContext.map((q, i) => (q.partial ? q : { ...q, frame: frames[i]! })), options.stance);
  const quotes: Quote[] = found.map((q, i) => ({
    text: q.text,
    speaker: q.speaker,
    role: q.role,
    organisation: q.organisation,
    stance: stances[i]!.stance,
    stanceConfidence: stances[i]!.confidence,
    paragraph: q.paragraph,
    start: q.start,
    end: q.end,
    ...(q.partial ? { partial: true } : {}),
  }));
  return {
    organisations: summariseOrganisations(orgSpans),
    people: toPeople(people.people),
    dates: findDates(text, options.published ?? null),
    quotes,
    positions: {
      speakers: summarisePositions(quotes.map((q) => ({ key: q.speaker, stance: q.stance }))),
      organisations: summarisePositions(quotes.map((q) => ({ key: q.organisation, stance: q.stance }))),
    },
  };
}

export { compileOrganisations };
export type { CompiledOrganisations, OrganisationReference, Topic, Position, StanceScorer };
export { trainStanceModel, stanceModelFrom, trainingFingerprint, isHeldOut } from './stance-model.js';
export { lexiconScorer } from './stance.js';
export type { StanceModel, StanceExample } from './stance-model.js';
export { splitSentences, splitParagraphs } from './sentences.js';
export { trainRanker, rankerProblem, RANKER_VERSION, type SpeakerRanker, type TrainingGroup } from './ranker.js';
export { FEATURES } from './candidates.js';
