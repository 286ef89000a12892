/**
 * Direct quotations and who said them. Pure: the text, its paragraphs, people and organisations in;
 * quotes with speaker, role, organisation and whether they are partial out (stance comes later).
 *
 * Attribution, in order, for each quote:
 *   1. after the quote in its sentence: "’, she said." / ",’ said Dr X, chair of Y." / "” according to X";
 *   2. before the quote in its sentence: "X said: ‘" / "He commented that ‘" / "NHS England wrote: ‘";
 *   3. a quote that continues an open quote from the previous paragraph keeps its speaker;
 *   4. a quote after another in the same paragraph keeps that quote's speaker;
 *   5. a quote opening a paragraph takes the speaker of the previous paragraph (its last quote, or
 *      the subject of its last speech verb: "Dr Ola Brenn said fragmentation was a problem."), or
 *      the person named on a credit line under it;
 *   6. where the rules find nobody, the speaker ranker chooses among the candidates near the quote.
 * Subjects resolve to people (full name, surname, title, a role: "the GPC chair"), pronouns (by
 * salience and gender), organisations, or the noun phrase as written (subjects.ts).
 */
import type { OrganisationSpan } from './organisations.js';
import type { PeopleResult } from './people.js';
import { findQuoteMarks } from './quote-marks.js';
import { splitSentences, type Span } from './sentences.js';
import { lowerBound } from './spans.js';
import { candidateFeatures, type Candidate } from './candidates.js';
import { best, type SpeakerRanker } from './ranker.js';
import { documentContext, lastVerb, verbHits, WORD, wordsOf, type Context, type Speaker, type VerbHit } from './attribution-context.js';
import { attributeAfter, attributeBefore, creditSpeaker, resolveSubject } from './subjects.js';
import { introducedByVerb } from './speech-patterns.js';
import { candidateIndex, candidatesOf, type CandidateIndex } from './speaker-candidates.js';

export type { Speaker } from './attribution-context.js';

export interface FoundQuote extends Speaker {
  readonly text: string;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly partial: boolean;
}

/** Quoted words against the reported clause: at least this share makes a direct quote. */
const DIRECT_SHARE = 0.6;
/** Unattributed quotations shorter than this, outside reported speech, are scare quotes or titles. */
const MIN_UNATTRIBUTED_WORDS = 8;
/** Quotations of this many words or fewer inside a sentence are partial ("‘nepotism and favouritism’"). */
const MAX_PARTIAL_WORDS = 3;

/** The verbs and the words of a quote's sentences, found once for all the quotes in them. */
interface SentenceFacts {
  readonly start: number;
  readonly end: number;
  readonly verbs: VerbHit[];
  /** The words' offsets, found when first asked for. */
  words?: { readonly starts: number[]; readonly ends: number[] };
}

function sentenceFacts(ctx: Context, start: number, end: number): SentenceFacts {
  return { start, end, verbs: verbHits(ctx, start, end) };
}

/**
 * `wordsOf(text.slice(from, end))` for a sentence region [start, end) and `from` its start or the end
 * of one of its verbs: the words that start at `from` or later, and the rest of a word cut by `from`
 * (a verb ends before a non-letter, so a cut word goes on with digits or ’s to where it ended).
 */
function wordsFrom(ctx: Context, facts: SentenceFacts, from: number): number {
  if (!facts.words) {
    const starts: number[] = [];
    const ends: number[] = [];
    for (const m of ctx.text.slice(facts.start, facts.end).matchAll(WORD)) {
      starts.push(facts.start + m.index);
      ends.push(facts.start + m.index + m[0].length);
    }
    facts.words = { starts, ends };
  }
  const { starts, ends } = facts.words;
  const i = lowerBound(starts, (x) => x, from);
  const cut = i > 0 && ends[i - 1]! > from ? 1 : 0;
  return starts.length - i + cut;
}

/** The sentence that holds `pos` (sentences are in order and disjoint), else the last one. */
function sentenceAt(sentences: readonly Span[], pos: number): Span | undefined {
  const i = lowerBound(sentences, (s) => s.start, pos + 1) - 1;
  return (i >= 0 && pos < sentences[i]!.end ? sentences[i] : undefined) ?? sentences[sentences.length - 1];
}


/** How the rules found a quote's speaker: in its own sentence, or carried over from before. */
type Rule = 'sentence' | 'credit' | 'carried' | 'none';

export interface QuoteOptions {
  /** Learned weights that rank candidate speakers where the rules only carry a speaker over or find none. */
  readonly ranker?: SpeakerRanker | null;
  /** Called for each quote with its candidates and their features (to train the ranker). */
  readonly collect?: (quote: FoundQuote, candidates: readonly Candidate<Speaker>[], features: number[][], rule: Rule) => void;
}


type Mark = ReturnType<typeof findQuoteMarks>[number];

/** Where a quotation stands in its paragraph and sentences. */
interface Site {
  readonly mark: Mark;
  readonly paragraph: number;
  /** The quotation as written (trimmed, without a trailing comma) and where it starts. */
  readonly written: string;
  readonly start: number;
  readonly sOpen: Span;
  readonly sClose: Span;
  /** The end of the text after the quote that may attribute it (its sentence, up to the next quote). */
  readonly afterEnd: number;
  /** The start of the text before the quote that may attribute it (its sentence, after the previous quote). */
  readonly clauseStart: number;
  readonly beforeText: string;
  /** Where the subject of a verb before the quote may start: the clause, or the sentence when only a quoted title stands between. */
  readonly subjectStart: number;
  /** The quote opens its sentence or paragraph. */
  readonly atStart: boolean;
  /** The quote goes on from a quotation left open in the previous paragraph. */
  readonly continuation: boolean;
}

/** What the reading of a document carries from one quote to the next. */
interface Reading {
  readonly ctx: Context;
  readonly paragraphs: readonly Span[];
  readonly marks: readonly (readonly Mark[])[];
  readonly options: QuoteOptions;
  keptEnd: number;
  previousUnclosed: boolean;
  previousSpeaker: Speaker | null;
  previousParagraphSpeaker: Speaker | null;
  lastInParagraph: Speaker | null;
  index: CandidateIndex | null;
}

function siteOf(r: Reading, pi: number, mi: number, sentences: readonly Span[]): Site | null {
  const { text } = r.ctx;
  const para = r.paragraphs[pi]!;
  const marks = r.marks[pi]!;
  const mark = marks[mi]!;
  const body = text.slice(mark.open + 1, mark.close);
  const written = body.trim().replace(/[,;:]$/, '').trim();
  if (!written || wordsOf(written) === 0) return null;
  const sOpen = sentenceAt(sentences, mark.open)!;
  const sClose = sentenceAt(sentences, Math.max(mark.open, mark.close - 1))!;
  const clauseStart = Math.max(sOpen.start, mi > 0 ? marks[mi - 1]!.close + 1 : para.start);
  return {
    mark,
    paragraph: pi,
    written,
    start: mark.open + 1 + (body.length - body.trimStart().length),
    sOpen,
    sClose,
    afterEnd: Math.min(Math.max(sClose.end, mark.close + 1), marks[mi + 1]?.open ?? para.end),
    clauseStart,
    beforeText: text.slice(clauseStart, mark.open),
    // "The editorial, ‘Time to act’, says: ‘…’": a short quoted title does not end the subject.
    subjectStart: mi > 0 && marks[mi - 1]!.open >= sOpen.start && wordsOf(text.slice(marks[mi - 1]!.open, marks[mi - 1]!.close)) <= 2 * MAX_PARTIAL_WORDS ? sOpen.start : clauseStart,
    atStart: mark.open === para.start || /^[\s—–-]*$/.test(text.slice(sOpen.start, mark.open)),
    continuation: mark.open === para.start && r.previousUnclosed && mi === 0,
  };
}

/** The rules' speaker: in the quote's sentence, else carried over from the quote or paragraph before. */
function attributeByRules(r: Reading, site: Site, mi: number): { who: Speaker | null; rule: Rule; saidAfter: Speaker | null } {
  const { ctx, paragraphs } = r;
  const { mark, paragraph: pi } = site;
  const para = paragraphs[pi]!;
  const saidAfter = mark.unclosed ? null : attributeAfter(ctx, mark.close + 1, site.afterEnd);
  let who = saidAfter ?? (site.atStart ? null : attributeBefore(ctx, site.subjectStart, mark.open));
  if (who) return { who, rule: 'sentence', saidAfter };
  if (site.continuation) who = r.previousSpeaker;
  if (!who && mi > 0 && r.lastInParagraph && site.atStart) who = r.lastInParagraph;
  if (!who && mark.open === para.start && !mark.unclosed && /^[\s.,!?]*$/.test(ctx.text.slice(mark.close + 1, para.end))) {
    const credit = creditSpeaker(ctx, paragraphs[pi + 1]);
    if (credit) return { who: credit, rule: 'credit', saidAfter };
  }
  if (!who && mark.open === para.start) who = pi > 0 && r.marks[pi - 1]!.length ? r.previousSpeaker : r.previousParagraphSpeaker;
  return { who, rule: who ? 'carried' : 'none', saidAfter };
}

/**
 * Where the rules find no speaker, the ranker's choice stands. Measured on the development data,
 * the rules stay better where they find one, in the quote's sentence or carried over from before.
 */
function rankedSpeaker(r: Reading, site: Site, rules: Speaker | null, rule: Rule): { who: Speaker | null; candidates: Candidate<Speaker>[]; features: number[][] } {
  const { options } = r;
  if (!options.collect && !(options.ranker && rule === 'none')) return { who: rules, candidates: [], features: [] };
  r.index ??= candidateIndex(r.ctx, r.paragraphs);
  const { mark, paragraph } = site;
  const candidates = candidatesOf(r.ctx, r.index, r.paragraphs, paragraph, mark.open, mark.close);
  const features = candidateFeatures(r.index.facts, { open: mark.open, close: mark.close, paragraph, rules: rules?.speaker ?? null, previous: r.previousSpeaker?.speaker ?? null }, candidates);
  const top = options.ranker && rule === 'none' ? best(options.ranker, features) : null;
  return { who: top ? candidates[top.index]!.speaker : rules, candidates, features };
}

/**
 * Direct, partial, or not a quotation at all (scare quotes, titles): read from the words quoted
 * against the reported clause, and whether the rules found a speaker (`ruled`).
 */
function quoteKind(r: Reading, site: Site, facts: SentenceFacts, ruled: boolean, saidAfter: boolean): 'direct' | 'partial' | null {
  const { ctx } = r;
  const { mark, written, atStart, continuation, beforeText } = site;
  const para = r.paragraphs[site.paragraph]!;
  const quotedWords = wordsOf(written);
  const introduced = /[:,]\s*$/.test(beforeText) || introducedByVerb(beforeText);
  const hits = facts.verbs;
  const sentenceHasVerb = hits.length > 0;
  let partial = false;
  if (!(atStart || continuation || introduced || saidAfter)) {
    // The last verb before the mark: no verb runs across a quotation mark, so this is what a
    // search of the text from the sentence's start to the mark would find.
    const v = hits[lowerBound(hits, (h) => h.end, mark.open + 1) - 1] ?? null;
    const share = quotedWords / Math.max(1, wordsFrom(ctx, facts, v ? v.end : site.sOpen.start));
    if (sentenceHasVerb || ruled) partial = share < DIRECT_SHARE;
    else if (quotedWords < MIN_UNATTRIBUTED_WORDS) return null; // scare quote or title
  }
  // A few words quoted inside a sentence are a partial quote, whoever is named around them.
  if (!partial && !atStart && !continuation && !/:\s*$/.test(beforeText) && (quotedWords <= MAX_PARTIAL_WORDS || (quotedWords <= 2 * MAX_PARTIAL_WORDS && /^\p{Ll}/u.test(written)))) partial = true;
  // A short quotation that nobody said is a heading or a title ('Fractured system').
  const wholeParagraph = ctx.text.slice(para.start, para.end).trim().length <= mark.close - mark.open + 2;
  if (((!ruled && !sentenceHasVerb) || wholeParagraph) && quotedWords < MIN_UNATTRIBUTED_WORDS && !continuation) return null;
  return partial ? 'partial' : 'direct';
}

/** The quotes of one paragraph, in order; the reading's state moves on with each. */
function readParagraph(r: Reading, pi: number, out: FoundQuote[]): void {
  const { ctx, paragraphs, options } = r;
  const para = paragraphs[pi]!;
  const sentences = splitSentences(ctx.text.slice(para.start, para.end), para.start);
  // The verbs and words of the quotes' sentences, found once for all the quotes in them (a sentence may hold hundreds).
  const sentenceVerbs = new Map<string, SentenceFacts>();
  const marks = r.marks[pi]!;
  r.lastInParagraph = null;
  marks.forEach((_mark, mi) => {
    const site = siteOf(r, pi, mi, sentences);
    if (!site) return;
    const rules = attributeByRules(r, site, mi);
    const { who, candidates, features } = rankedSpeaker(r, site, rules.who, rules.rule);
    const key = `${site.sOpen.start}:${site.sClose.end}`;
    let facts = sentenceVerbs.get(key);
    if (!facts) sentenceVerbs.set(key, (facts = sentenceFacts(ctx, site.sOpen.start, site.sClose.end)));
    // What the quote is stays the rules' reading, whoever the ranker chose.
    const kind = quoteKind(r, site, facts, rules.who !== null, rules.saidAfter !== null);
    // Nested marks inside a quote are part of it; a quote inside another quote is never separate.
    if (!kind || site.start < r.keptEnd) return;
    const quote: FoundQuote = {
      text: site.written.replace(/\s+/g, ' '),
      speaker: who?.speaker ?? null,
      role: who?.role ?? null,
      organisation: who?.organisation ?? null,
      paragraph: pi,
      start: site.start,
      end: site.start + site.written.length,
      partial: kind === 'partial',
    };
    out.push(quote);
    options.collect?.(quote, candidates, features, rules.rule);
    r.keptEnd = Math.max(r.keptEnd, quote.end);
    if (who) r.lastInParagraph = r.previousSpeaker = who;
  });
  r.previousUnclosed = marks.length > 0 && marks[marks.length - 1]!.unclosed;
  // The subject of the paragraph's last speech verb outside quotes, for a quote that opens the next one.
  const v = lastVerb(ctx, para.start, para.end);
  r.previousParagraphSpeaker = v && !marks.length ? resolveSubject(ctx, sentenceAt(sentences, v.start)?.start ?? para.start, v.start, 'last') : r.lastInParagraph ?? null;
  if (!marks.length && !v) r.previousParagraphSpeaker = null;
  if (!marks.length) r.previousSpeaker = r.previousParagraphSpeaker ?? r.previousSpeaker;
}

export function findQuotes(text: string, paragraphs: readonly Span[], people: PeopleResult, orgs: readonly OrganisationSpan[], options: QuoteOptions = {}): FoundQuote[] {
  const marks = paragraphs.map((p) => findQuoteMarks(text.slice(p.start, p.end)).map((m) => ({ ...m, open: p.start + m.open, close: p.start + m.close })));
  const ctx = documentContext(text, people, orgs, marks.flat().map((m) => ({ start: m.open, end: m.close })));
  const reading: Reading = {
    ctx, paragraphs, marks, options,
    keptEnd: -Infinity, previousUnclosed: false, previousSpeaker: null, previousParagraphSpeaker: null, lastInParagraph: null, index: null,
  };
  const out: FoundQuote[] = [];
  paragraphs.forEach((_p, pi) => readParagraph(reading, pi, out));
  return out;
}
