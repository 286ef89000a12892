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
 *      the subject of its last speech verb: "Dr Ola Brenn said fragmentation was a problem.").
 * Subjects resolve to people (full name, surname, title), pronouns (the last person of a compatible
 * gender), organisations, or the noun phrase as written ("The report").
 */
import type { OrganisationSpan } from './organisations.js';
import type { PeopleResult } from './people.js';
import { SPEECH_VERBS, PRONOUNS, INVERTIBLE_VERBS } from './lexicon/speech.js';
import { findQuoteMarks } from './quote-marks.js';
import { splitSentences, maskAbbreviations, type Span } from './sentences.js';
import { lowerBound, startingIn } from './spans.js';
import { authorOfDocument, isSubordinate, organisationInFocus, spokespersonOrganisation } from './entities.js';
import { describedPerson } from './descriptions.js';
import { candidateFeatures, MAX_CANDIDATES, type Candidate, type DocumentFacts } from './candidates.js';
import { best, type SpeakerRanker } from './ranker.js';

export interface Speaker {
  readonly speaker: string | null;
  readonly role: string | null;
  readonly organisation: string | null;
}

export interface FoundQuote extends Speaker {
  readonly text: string;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly partial: boolean;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const VERBS = [...SPEECH_VERBS].sort((a, b) => b.length - a.length).map((v) => esc(v).replace(/ /g, '\\s+')).join('|');
const VERB_RE = new RegExp(`(?<![\\p{L}])(?:${VERBS}|according\\s+to)(?![\\p{L}])`, 'giu');
/** The text before a quote ends with a speech verb ("said", "warned that"): the quote is its object. */
const INTRODUCED_BY_VERB = new RegExp(`(?:${VERBS})(?:\\s+that)?\\s*$`, 'iu');
const AFTER_INVERTED = new RegExp(`^[\\s,.!?—–-]*(?:${VERBS})\\s+(?!that\\b)([^,.;:!?“”"‘()]{2,120}?)(?=\\s*(?:[,.;:!?()]|$|\\s(?:in|on|at|during|after|before|when|while|last|yesterday|told|to)\\s))`, 'iu');
/** What may follow "X said" when the quote is its object: the clause ends, or a time or place follows. */
const CLAUSE_END = `(?=\\s*(?:[,.;:!?()—–]|$|\\s(?:in|on|at|during|after|before|when|while|last|yesterday|today|tonight|this|to|of|about|from|with|by|as|recently|earlier|later|afterward|afterwards|again|then|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\\b))`;
/** "told Varley", "told reporters", "told the BBC": the hearer after a verb of telling. */
const HEARER = `(?:\\s+(?:reporters|journalists|colleagues|delegates|supporters|the\\s+\\S+|an?\\s+\\S+|\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}))?`;
const AFTER_DIRECT = new RegExp(`^[\\s,.!?—–-]*([^,.;:!?“”"‘]{1,120}?(?:,[^,.;:!?“”"‘]{1,100}){0,2},?)\\s+(?:also\\s+|later\\s+|then\\s+|has\\s+|had\\s+|previously\\s+|once\\s+)?(?:${VERBS})(?![\\p{L}])${HEARER}${CLAUSE_END}`, 'iu');
/** "“…” ― Ines Garside." */
const AFTER_DASH = /^[\s,.!?]*[―—–]\s*([^,.;:!?“”"‘()]{2,80}?)\s*(?:[,.;]|$)/u;
const AFTER_ACCORDING = /^[\s,.!?—–-]*according\s+to\s+([^,.;:!?“”"‘()]{2,120}?)(?=\s*(?:[,.;:!?]|$))/iu;
const NO_SPEAKER = /^(?:i|we|you|it|they|this|that|there|who|which|what)$/i;
/** A phrase this long after a quote is a clause of its own, not a speaker. */
const MAX_SUBJECT_WORDS = 10;
/** A speaker named by a noun phrase ("the 34-year-old mother of three") has at most this many words. */
const MAX_NP_WORDS = 8;
/** Quoted words against the reported clause: at least this share makes a direct quote. */
const DIRECT_SHARE = 0.6;
/** Unattributed quotations shorter than this, outside reported speech, are scare quotes or titles. */
const MIN_UNATTRIBUTED_WORDS = 8;
/** Quotations of this many words or fewer inside a sentence are partial ("‘nepotism and favouritism’"). */
const MAX_PARTIAL_WORDS = 3;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const wordsOf = (s: string): number => (s.match(WORD) ?? []).length;

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

interface Context {
  readonly text: string;
  /** The text with abbreviation stops masked, for patterns that end at a full stop. */
  readonly masked: string;
  readonly people: PeopleResult;
  readonly orgs: readonly OrganisationSpan[];
  /** Spans of every quotation (in order, disjoint), so that names inside quotes are not taken for speakers. */
  quoted: Span[];
  /**
   * For each person mention i, the last mention at or before i outside quotes: of any gender, of a
   * gender that fits "she", of one that fits "he" (-1 when there is none). Built once per document.
   */
  lastMention: { any: Int32Array; f: Int32Array; m: Int32Array; salientF: Int32Array; salientM: Int32Array };
}

function personSpeaker(ctx: Context, index: number): Speaker {
  const p = ctx.people.people[index]!;
  return { speaker: p.name, role: p.role, organisation: p.organisation };
}

/** Inside a quotation: the quotations are in order and disjoint, so only the last that opens before `pos` can hold it. */
function inQuote(ctx: Context, pos: number): boolean {
  const i = lowerBound(ctx.quoted, (q) => q.start, pos) - 1;
  return i >= 0 && pos < ctx.quoted[i]!.end;
}

function lastMentions(ctx: Context): Context['lastMention'] {
  const { mentions, people } = ctx.people;
  const size = mentions.length;
  const out = { any: new Int32Array(size), f: new Int32Array(size), m: new Int32Array(size), salientF: new Int32Array(size), salientM: new Int32Array(size) };
  let a = -1;
  let lf = -1;
  let lm = -1;
  let sf = -1;
  let sm = -1;
  mentions.forEach((mention, i) => {
    if (!inQuote(ctx, mention.start)) {
      const g = people[mention.person]!.gender;
      const salient = !isSubordinate(ctx.text, mention.start);
      a = i;
      if (g === null || g === 'f') {
        lf = i;
        if (salient) sf = i;
      }
      if (g === null || g === 'm') {
        lm = i;
        if (salient) sm = i;
      }
    }
    out.any[i] = a;
    out.f[i] = lf;
    out.m[i] = lm;
    out.salientF[i] = sf;
    out.salientM[i] = sm;
  });
  return out;
}

/** A subject this far back still outranks a later name inside a clause or after a preposition. */
const SALIENCE_REACH = 400;

/**
 * The person a "he" or "she" at `pos` refers to: the last subject of a fitting gender (a name inside
 * a relative clause or after a preposition is passed over when a subject stands shortly before it),
 * else the last person named whose gender fits, else the last person named.
 */
function resolvePronoun(ctx: Context, pos: number, pronoun: string): Speaker | null {
  const want = PRONOUNS[pronoun] ?? 'any';
  // Mentions are in order and disjoint: those that end by `pos` are a prefix of the list.
  const k = lowerBound(ctx.people.mentions, (m) => m.end, pos + 1) - 1;
  if (k < 0) return null;
  const fit = want === 'any' ? ctx.lastMention.any[k]! : ctx.lastMention[want][k]!;
  const salient = want === 'f' ? ctx.lastMention.salientF[k]! : want === 'm' ? ctx.lastMention.salientM[k]! : -1;
  const mentions = ctx.people.mentions;
  const useSalient = salient >= 0 && fit >= 0 && salient !== fit && mentions[fit]!.start - mentions[salient]!.start <= SALIENCE_REACH
    && mentions[salient]!.person !== mentions[fit]!.person;
  // Nobody of that gender: the gender lists can be wrong, and the last person named is the best guess.
  const at = useSalient ? salient : fit >= 0 ? fit : ctx.lastMention.any[k]!;
  return at >= 0 ? personSpeaker(ctx, mentions[at]!.person) : null;
}

/** The last clause of a region, when it is a description of a person by role ("the GPC chair"). */
function describedSubject(ctx: Context, start: number, region: string): Speaker | null {
  const m = /(?:^|[,;:(—–]\s*|\b(?:and|but|so|then|however|meanwhile|also|while|as)\s+)((?:the|its|their)\s+[^,;:()—–]{2,60}?)\s*$/iu.exec(region);
  if (!m) return null;
  const s = start + region.trimEnd().length - m[1]!.length;
  const person = describedPerson(ctx.text, s, s + m[1]!.length, ctx.people, ctx.orgs);
  return person === null ? null : personSpeaker(ctx, person);
}

/** Who a region of text names as a speaker: a person, a pronoun, an organisation, or the phrase itself. */
function resolveSubject(ctx: Context, start: number, end: number, prefer: 'first' | 'last'): Speaker | null {
  const people = startingIn(ctx.people.mentions, start, end).filter((m) => m.end <= end && !inQuote(ctx, m.start));
  if (people.length) return personSpeaker(ctx, (prefer === 'last' ? people[people.length - 1]! : people[0]!).person);
  const region = ctx.text.slice(start, end);
  const pron = /(?<![\p{L}])(he|she|He|She)(?![\p{L}])/u.exec(prefer === 'last' ? region.split(/[,;]/).pop() ?? region : region);
  if (pron) {
    const at = prefer === 'last' ? start + region.lastIndexOf(pron[1]!) : start + pron.index;
    return resolvePronoun(ctx, at, pron[1]!);
  }
  // "the chief officer said", "the GPC chair added": the person of the document with that role.
  const described = describedSubject(ctx, start, region);
  if (described) return described;
  const orgs = startingIn(ctx.orgs, start, end).filter((o) => o.end <= end);
  if (orgs.length) {
    const o = prefer === 'last' ? orgs[orgs.length - 1]! : orgs[0]!;
    return { speaker: o.name, role: null, organisation: o.name };
  }
  // The noun phrase as written: the last clause before the verb ("The report", "a spokesman for the trust").
  let np = region.split(/[,;:()—–]/).map((s) => s.trim()).filter(Boolean).pop() ?? '';
  np = np.replace(/^(?:and|but|so|then|however|meanwhile|also|while|as|in a statement|in an? \w+)\s+/i, '').trim();
  // "The college said": the organisation in focus that the description fits.
  const focus = np ? organisationInFocus(np, start, ctx.orgs) : null;
  if (focus) return { speaker: focus.name, role: null, organisation: focus.name };
  if (!np || NO_SPEAKER.test(np) || wordsOf(np) > MAX_NP_WORDS || /^\p{Ll}+$/u.test(np) && wordsOf(np) === 1 && !/^(?:sources?|officials?|spokes\w+)$/i.test(np)) return null;
  // "an NHS spokeswoman" speaks for the NHS; "the letter" is the organisation that issued it speaking.
  const author = authorOfDocument(np, start, ctx.text, ctx.orgs);
  if (author) return { speaker: author, role: null, organisation: author };
  return { speaker: np, role: null, organisation: spokespersonOrganisation(np) };
}

/** Attribution after the quote, up to the end of its sentence or the next quote. */
function attributeAfter(ctx: Context, from: number, to: number): Speaker | null {
  const after = ctx.masked.slice(from, to);
  let m = AFTER_ACCORDING.exec(after) ?? AFTER_INVERTED.exec(after);
  if (m) {
    const s = from + m.index + m[0].length - m[1]!.length;
    return resolveSubject(ctx, s, s + m[1]!.length, 'first');
  }
  m = AFTER_DASH.exec(after);
  if (m && wordsOf(m[1]!) <= 6) {
    const s = from + after.indexOf(m[1]!);
    return resolveSubject(ctx, s, s + m[1]!.length, 'first');
  }
  m = AFTER_DIRECT.exec(after);
  // The subject proper (before any apposition) must be short, or this is a clause of its own.
  if (m && wordsOf(m[1]!.split(',')[0]!) <= MAX_SUBJECT_WORDS) {
    const s = from + after.indexOf(m[1]!);
    return resolveSubject(ctx, s, s + m[1]!.length, 'first');
  }
  return null;
}

interface VerbHit {
  readonly start: number;
  readonly end: number;
  readonly according: boolean;
}

/** The speech verbs of a region, outside quotes, in order. */
function verbHits(ctx: Context, start: number, end: number): VerbHit[] {
  const hits: VerbHit[] = [];
  for (const m of ctx.text.slice(start, end).matchAll(VERB_RE)) {
    const s = start + m.index;
    if (!inQuote(ctx, s)) hits.push({ start: s, end: s + m[0].length, according: /^according/i.test(m[0]) });
  }
  return hits;
}

function lastVerb(ctx: Context, start: number, end: number): VerbHit | null {
  return verbHits(ctx, start, end).at(-1) ?? null;
}

/** A caption: a name (or an organisation) and a colon, then the quote ("Dr Okafor: ‘…’"). */
function captionSpeaker(ctx: Context, sentenceStart: number, open: number): Speaker | null {
  const m = /^\s*([^,.;:!?“”"‘]{2,80}?)\s*:\s*$/u.exec(ctx.masked.slice(sentenceStart, open));
  if (!m || wordsOf(m[1]!) > 6) return null;
  const s = sentenceStart + ctx.masked.slice(sentenceStart, open).indexOf(m[1]!);
  const e = s + m[1]!.length;
  const person = startingIn(ctx.people.mentions, s, e).find((x) => x.end === e || /^['’]s?\s*$/.test(ctx.text.slice(x.end, e)));
  if (person) return personSpeaker(ctx, person.person);
  const org = startingIn(ctx.orgs, s, e).find((o) => o.end === e);
  return org ? { speaker: org.name, role: null, organisation: org.name } : null;
}

/**
 * A credit line: a quotation that fills its paragraph, then a paragraph that only names a person
 * ("Ann Price, director of policy, Fenland Trust"): no speech verb, a person named first.
 */
function creditSpeaker(ctx: Context, para: Span | undefined): Speaker | null {
  if (!para) return null;
  const line = ctx.text.slice(para.start, para.end);
  if (wordsOf(line) > 25 || /[.!?]\s*$/.test(line.trim()) && !/\p{Lu}\.\s*$/u.test(line.trim()) || verbHits(ctx, para.start, para.end).length) return null;
  const first = ctx.people.mentions[lowerBound(ctx.people.mentions, (m) => m.start, para.start)];
  if (!first || first.end > para.end || !/^[\s—–―-]*$/.test(ctx.text.slice(para.start, first.start)) || !/^\s*(?:[,(—–-]|$)/.test(ctx.text.slice(first.end, para.end))) return null;
  const who = personSpeaker(ctx, first.person);
  if (who.organisation) return who;
  // The organisation the line names after the person ("…, Fellow in Policy, Fenland Trust").
  const org = startingIn(ctx.orgs, first.end, para.end)[0];
  return { ...who, organisation: org?.name ?? null };
}

/** Attribution before the quote, in its sentence: the subject of the last speech verb. */
function attributeBefore(ctx: Context, sentenceStart: number, open: number): Speaker | null {
  const v = lastVerb(ctx, sentenceStart, open);
  if (!v) return captionSpeaker(ctx, sentenceStart, open);
  if (v.according) {
    const m = /^\s*([^,.;:!?“”"‘]{2,120}?)\s*[,:]/u.exec(ctx.masked.slice(v.end, open));
    if (m) return resolveSubject(ctx, v.end, v.end + m[0].length, 'first');
  }
  const verb = ctx.text.slice(v.start, v.end).toLowerCase().replace(/\s+/g, ' ');
  const invertible = INVERTIBLE_VERBS.has(verb);
  // Inverted, as a parenthesis: "Fragmentation, said Dr Brenn, had provided ‘…’"
  // Only the first mention after the verb can follow it across white space alone (mentions are disjoint).
  const first = ctx.people.mentions[lowerBound(ctx.people.mentions, (m) => m.start, v.end)];
  const next = first && /^\s*$/.test(ctx.text.slice(v.end, first.start)) && !/^['’]s\b/.test(ctx.text.slice(first.end, first.end + 3)) ? first : undefined;
  if (next && invertible) return personSpeaker(ctx, next.person);
  // A participle ("…, tweeting", "before asking her") belongs to the sentence's subject.
  if (/ing$/.test(verb)) return resolveSubject(ctx, sentenceStart, v.start, 'first');
  // Inverted: "said Dr X: ‘…’"
  const tail = ctx.masked.slice(v.end, open);
  const inv = /^\s+([^,.;:!?“”"‘]{2,80}?)\s*[:,]\s*$/u.exec(tail);
  if (invertible && inv && wordsOf(inv[1]!) <= 6 && !/^(?:that|the|this|it|in|on|at|to)\b/i.test(inv[1]!)) {
    const s = v.end + tail.indexOf(inv[1]!);
    const who = resolveSubject(ctx, s, s + inv[1]!.length, 'first');
    if (who && who.speaker && /^\p{Lu}/u.test(who.speaker)) return who;
  }
  return resolveSubject(ctx, sentenceStart, v.start, 'last');
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

const PRONOUN_RE = /(?<![\p{L}])(?:he|she|He|She)(?![\p{L}])/gu;

/** The document-level facts and mention lists that candidates are drawn from, built once. */
interface CandidateIndex {
  readonly facts: DocumentFacts;
  readonly pronouns: Span[];
  /** For each person mention, how many mentions of that person come before it. */
  readonly personRank: Int32Array;
  readonly orgRank: Int32Array;
}

function candidateIndex(ctx: Context, paragraphs: readonly Span[]): CandidateIndex {
  const sentences = paragraphs.flatMap((p) => splitSentences(ctx.text.slice(p.start, p.end), p.start));
  const verbs = verbHits(ctx, 0, ctx.text.length);
  const pronouns: Span[] = [];
  for (const m of ctx.text.matchAll(PRONOUN_RE)) if (!inQuote(ctx, m.index)) pronouns.push({ start: m.index, end: m.index + m[0].length });
  const seen = new Map<number | string, number>();
  const personRank = Int32Array.from(ctx.people.mentions, (m) => {
    const k = seen.get(m.person) ?? 0;
    seen.set(m.person, k + 1);
    return k;
  });
  const orgRank = Int32Array.from(ctx.orgs, (o) => {
    const k = seen.get(`o:${o.name}`) ?? 0;
    seen.set(`o:${o.name}`, k + 1);
    return k;
  });
  return { facts: { text: ctx.text, paragraphs, sentences, verbs }, pronouns, personRank, orgRank };
}

/** The mentions that may have said a quote in paragraph `pi`: from the previous paragraph's start to the end of its own, nearest first. */
function candidatesOf(ctx: Context, index: CandidateIndex, paragraphs: readonly Span[], pi: number, open: number, close: number): Candidate<Speaker>[] {
  const from = paragraphs[Math.max(0, pi - 1)]!.start;
  const to = paragraphs[pi]!.end;
  const out: Candidate<Speaker>[] = [];
  const first = lowerBound(ctx.people.mentions, (m) => m.start, from);
  for (let i = first; i < ctx.people.mentions.length && ctx.people.mentions[i]!.start < to; i++) {
    const m = ctx.people.mentions[i]!;
    if (inQuote(ctx, m.start)) continue;
    const speaker = personSpeaker(ctx, m.person);
    out.push({ start: m.start, end: m.end, kind: 'name', speaker, key: speaker.speaker!, mentionsBefore: index.personRank[i]!, subordinate: isSubordinate(ctx.text, m.start) });
  }
  for (const p of startingIn(index.pronouns, from, to)) {
    const speaker = resolvePronoun(ctx, p.start, ctx.text.slice(p.start, p.end));
    if (!speaker?.speaker) continue;
    const k = lowerBound(ctx.people.mentions, (m) => m.end, p.start + 1) - 1;
    const person = k >= 0 ? ctx.people.mentions[k]!.person : -1;
    let before = 0;
    for (let j = k; j >= 0; j--) if (ctx.people.mentions[j]!.person === person) before++;
    out.push({ start: p.start, end: p.end, kind: 'pronoun', speaker, key: speaker.speaker, mentionsBefore: Math.min(before, 20), subordinate: false });
  }
  const firstOrg = lowerBound(ctx.orgs, (o) => o.start, from);
  for (let i = firstOrg; i < ctx.orgs.length && ctx.orgs[i]!.start < to; i++) {
    const o = ctx.orgs[i]!;
    if (inQuote(ctx, o.start) || o.kind === 'publisher') continue;
    out.push({ start: o.start, end: o.end, kind: 'organisation', speaker: { speaker: o.name, role: null, organisation: o.name }, key: o.name, mentionsBefore: index.orgRank[i]!, subordinate: isSubordinate(ctx.text, o.start) });
  }
  const distance = (c: Candidate<Speaker>): number => (c.start >= close ? c.start - close : open - c.end);
  return out.sort((a, b) => distance(a) - distance(b)).slice(0, MAX_CANDIDATES).sort((a, b) => a.start - b.start);
}

export function findQuotes(text: string, paragraphs: readonly Span[], people: PeopleResult, orgs: readonly OrganisationSpan[], options: QuoteOptions = {}): FoundQuote[] {
  const ctx: Context = { text, masked: maskAbbreviations(text), people, orgs, quoted: [], lastMention: { any: new Int32Array(0), f: new Int32Array(0), m: new Int32Array(0), salientF: new Int32Array(0), salientM: new Int32Array(0) } };
  const perParagraph = paragraphs.map((p) => findQuoteMarks(text.slice(p.start, p.end)).map((m) => ({
    ...m,
    open: p.start + m.open,
    close: p.start + m.close,
  })));
  ctx.quoted = perParagraph.flat().map((m) => ({ start: m.open, end: m.close }));
  ctx.lastMention = lastMentions(ctx);

  const out: FoundQuote[] = [];
  /** The furthest end of the quotes kept so far (they are kept in order of their start). */
  let keptEnd = -Infinity;
  let previousUnclosed = false;
  let previousSpeaker: Speaker | null = null;
  let previousParagraphSpeaker: Speaker | null = null;
  let index: CandidateIndex | null = null;

  paragraphs.forEach((para, pi) => {
    const sentences = splitSentences(text.slice(para.start, para.end), para.start);
    const sentenceVerbs = new Map<string, SentenceFacts>();
    const marks = perParagraph[pi]!;
    let lastInParagraph: Speaker | null = null;
    marks.forEach((mark, mi) => {
      const qStart = mark.open + 1;
      const qEnd = mark.close;
      const body = text.slice(qStart, qEnd);
      const trimmedStart = qStart + (body.length - body.trimStart().length);
      const written = body.trim().replace(/[,;:]$/, '').trim();
      if (!written || wordsOf(written) === 0) return;
      const sOpen = sentenceAt(sentences, mark.open)!;
      const sClose = sentenceAt(sentences, Math.max(mark.open, mark.close - 1))!;
      const nextOpen = marks[mi + 1]?.open ?? para.end;
      const afterEnd = Math.min(Math.max(sClose.end, mark.close + 1), nextOpen);
      const clauseStart = Math.max(sOpen.start, mi > 0 ? marks[mi - 1]!.close + 1 : para.start);
      const beforeText = text.slice(clauseStart, mark.open);
      const atStart = mark.open === para.start || /^[\s—–-]*$/.test(text.slice(sOpen.start, mark.open));
      const continuation = mark.open === para.start && previousUnclosed && mi === 0;

      const saidAfter = mark.unclosed ? null : attributeAfter(ctx, mark.close + 1, afterEnd);
      let who: Speaker | null = saidAfter;
      const introduced = /[:,]\s*$/.test(beforeText) || INTRODUCED_BY_VERB.test(beforeText);
      if (!who && !atStart) who = attributeBefore(ctx, clauseStart, mark.open);
      let rule: Rule = who ? 'sentence' : 'none';
      if (!who && continuation) who = previousSpeaker;
      if (!who && mi > 0 && lastInParagraph && atStart) who = lastInParagraph;
      if (!who && mark.open === para.start && !mark.unclosed && /^[\s.,!?]*$/.test(text.slice(mark.close + 1, para.end))) {
        who = creditSpeaker(ctx, paragraphs[pi + 1]);
        if (who) rule = 'credit';
      }
      if (!who && mark.open === para.start) who = pi > 0 && perParagraph[pi - 1]!.length ? previousSpeaker : previousParagraphSpeaker;
      if (who && rule === 'none') rule = 'carried';
      let candidates: Candidate<Speaker>[] = [];
      let features: number[][] = [];
      if (options.collect || (options.ranker && rule === 'none')) {
        index ??= candidateIndex(ctx, paragraphs);
        candidates = candidatesOf(ctx, index, paragraphs, pi, mark.open, mark.close);
        features = candidateFeatures(index.facts, { open: mark.open, close: mark.close, paragraph: pi, rules: who?.speaker ?? null, previous: previousSpeaker?.speaker ?? null }, candidates);
      }
      // Where the rules find no speaker, the ranker's choice stands (what the quote is, direct or
      // partial, stays the rules' reading). Measured on the development data, the rules stay better
      // where they find one, in the quote's sentence or carried over from before.
      const ruled = who;
      if (options.ranker && rule === 'none') {
        const top = best(options.ranker, features);
        if (top) who = candidates[top.index]!.speaker;
      }

      // Direct, partial, or not a quotation at all (scare quotes, titles).
      const quotedWords = wordsOf(written);
      // The verbs and words of the quote's sentences, found once for all the quotes in them (a sentence may hold hundreds).
      const key = `${sOpen.start}:${sClose.end}`;
      let facts = sentenceVerbs.get(key);
      if (!facts) sentenceVerbs.set(key, (facts = sentenceFacts(ctx, sOpen.start, sClose.end)));
      const hits = facts.verbs;
      const sentenceHasVerb = hits.length > 0;
      let partial = false;
      if (!(atStart || continuation || introduced || saidAfter)) {
        // The last verb before the mark: no verb runs across a quotation mark, so this is what a
        // search of the text from the sentence's start to the mark would find.
        const v = hits[lowerBound(hits, (h) => h.end, mark.open + 1) - 1] ?? null;
        const share = quotedWords / Math.max(1, wordsFrom(ctx, facts, v ? v.end : sOpen.start));
        if (sentenceHasVerb || ruled) partial = share < DIRECT_SHARE;
        else if (quotedWords < MIN_UNATTRIBUTED_WORDS) return; // scare quote or title
      }
      // A few words quoted inside a sentence are a partial quote, whoever is named around them.
      if (!partial && !atStart && !continuation && !/:\s*$/.test(beforeText) && (quotedWords <= MAX_PARTIAL_WORDS || (quotedWords <= 2 * MAX_PARTIAL_WORDS && /^\p{Ll}/u.test(written)))) partial = true;
      // A short quotation that nobody said is a heading or a title ('Fractured system').
      const wholeParagraph = text.slice(para.start, para.end).trim().length <= mark.close - mark.open + 2;
      if (((!ruled && !sentenceHasVerb) || wholeParagraph) && quotedWords < MIN_UNATTRIBUTED_WORDS && !continuation) return;
      // Nested marks inside a quote are part of it; a quote inside another quote is never separate.
      if (trimmedStart < keptEnd) return;
      const start = trimmedStart;
      const end = start + written.length;
      const quote: FoundQuote = {
        text: written.replace(/\s+/g, ' '),
        speaker: who?.speaker ?? null,
        role: who?.role ?? null,
        organisation: who?.organisation ?? null,
        paragraph: pi,
        start,
        end,
        partial,
      };
      out.push(quote);
      options.collect?.(quote, candidates, features, rule);
      keptEnd = Math.max(keptEnd, end);
      if (who) lastInParagraph = who;
      if (who) previousSpeaker = who;
    });
    previousUnclosed = marks.length > 0 && marks[marks.length - 1]!.unclosed;
    // The subject of the paragraph's last speech verb outside quotes, for a quote that opens the next one.
    const v = lastVerb(ctx, para.start, para.end);
    previousParagraphSpeaker = v && !marks.length ? resolveSubject(ctx, sentenceAt(sentences, v.start)?.start ?? para.start, v.start, 'last') : lastInParagraph ?? null;
    if (!marks.length && !v) previousParagraphSpeaker = null;
    if (!marks.length) previousSpeaker = previousParagraphSpeaker ?? previousSpeaker;
  });
  return out;
}

