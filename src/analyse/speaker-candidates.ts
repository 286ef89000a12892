/**
 * The candidate speakers of a quotation in its document: every person named, every "he" or "she"
 * (resolved to the person it refers to), every organisation, from the start of the previous
 * paragraph to the end of the quote's own, the nearest first (candidates.ts describes each by its
 * features). Pure.
 */
import type { Span } from './sentences.js';
import { splitSentences } from './sentences.js';
import { lowerBound, startingIn } from './spans.js';
import { isSubordinate } from './entities.js';
import { MAX_CANDIDATES, type Candidate, type DocumentFacts } from './candidates.js';
import { inQuote, personSpeaker, resolvePronoun, verbHits, type Context, type Speaker } from './attribution-context.js';

const PRONOUN_RE = /(?<![\p{L}])(?:he|she|He|She)(?![\p{L}])/gu;

/** The document-level facts and mention lists that candidates are drawn from, built once. */
export interface CandidateIndex {
  readonly facts: DocumentFacts;
  readonly pronouns: Span[];
  /** For each person mention, how many mentions of that person come before it. */
  readonly personRank: Int32Array;
  readonly orgRank: Int32Array;
}

export function candidateIndex(ctx: Context, paragraphs: readonly Span[]): CandidateIndex {
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
export function candidatesOf(ctx: Context, index: CandidateIndex, paragraphs: readonly Span[], pi: number, open: number, close: number): Candidate<Speaker>[] {
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

