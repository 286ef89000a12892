/**
 * What attribution knows of one document once: its text (and the text with abbreviation stops
 * masked), the people and organisations mentioned, where the quotations are, the speech verbs, and
 * for each person mention the last mention before it that a "he" or "she" could refer to (by
 * gender, and by salience: a subject before a name in a relative clause). The quote finder, the
 * attribution rules and the candidate ranker all read it. Pure.
 */
import type { OrganisationSpan } from './organisations.js';
import type { PeopleResult } from './people.js';
import { PRONOUNS } from './lexicon/speech.js';
import { maskAbbreviations, type Span } from './sentences.js';
import { lowerBound } from './spans.js';
import { isSubordinate } from './entities.js';
import { scanVerbs, type VerbHit } from './speech-patterns.js';

/** Who said a quote: a person (with their role and organisation), an organisation, or a phrase as written. */
export interface Speaker {
  readonly speaker: string | null;
  readonly role: string | null;
  readonly organisation: string | null;
}


export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
export const wordsOf = (s: string): number => (s.match(WORD) ?? []).length;

export interface Context {
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

export function personSpeaker(ctx: Context, index: number): Speaker {
  const p = ctx.people.people[index]!;
  return { speaker: p.name, role: p.role, organisation: p.organisation };
}

/** Inside a quotation: the quotations are in order and disjoint, so only the last that opens before `pos` can hold it. */
export function inQuote(ctx: Context, pos: number): boolean {
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
export function resolvePronoun(ctx: Context, pos: number, pronoun: string): Speaker | null {
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


/**
 * The context of a document whose quotation marks are known: `quoted` are the quotations' spans,
 * in order and disjoint.
 */
export function documentContext(text: string, people: PeopleResult, orgs: readonly OrganisationSpan[], quoted: Span[]): Context {
  let masked: string | null = null;
  const ctx: Context = {
    text, people, orgs, quoted,
    // Masked when first read: a text without quotations never needs it.
    get masked() { return (masked ??= maskAbbreviations(text)); },
    lastMention: { any: new Int32Array(0), f: new Int32Array(0), m: new Int32Array(0), salientF: new Int32Array(0), salientM: new Int32Array(0) },
  };
  ctx.lastMention = lastMentions(ctx);
  return ctx;
}

export type { VerbHit };

/** The verbs of each document's whole text, scanned once when a region is first asked for. */
const wholeScans = new WeakMap<Context, VerbHit[]>();
const LETTER_BEFORE = /\p{L}$/u;
const LETTER_AFTER = /^\p{L}/u;

/**
 * The verbs of a region read from the scan of the whole text: what a scan of the region alone
 * finds, when no letter touches the region (the pattern looks for one on each side) and no verb
 * of the whole scan runs across either end. Null otherwise: the region is scanned on its own.
 */
function verbsFromWholeScan(ctx: Context, start: number, end: number): VerbHit[] | null {
  const { text } = ctx;
  if (start > 0 && LETTER_BEFORE.test(text.slice(Math.max(0, start - 2), start))) return null;
  if (end < text.length && LETTER_AFTER.test(text.slice(end, end + 2))) return null;
  let all = wholeScans.get(ctx);
  if (!all) wholeScans.set(ctx, (all = scanVerbs(text, 0, text.length)));
  const i = lowerBound(all, (h) => h.start, start);
  if (i > 0 && all[i - 1]!.end > start) return null;
  const out: VerbHit[] = [];
  for (let k = i; k < all.length && all[k]!.start < end; k++) {
    if (all[k]!.end > end) return null;
    out.push(all[k]!);
  }
  return out;
}

/** The speech verbs of a region, outside quotes, in order. */
export function verbHits(ctx: Context, start: number, end: number): VerbHit[] {
  const hits = verbsFromWholeScan(ctx, start, end) ?? scanVerbs(ctx.text, start, end);
  return hits.filter((h) => !inQuote(ctx, h.start) && !NOUN_BEFORE.test(ctx.text.slice(Math.max(0, h.start - 12), h.start)));
}

/** A possessive or a determiner before a speech verb's form makes it a noun ("Mr Hale's comments were", "their claims"). */
const NOUN_BEFORE = /(?:\p{L}['’]s|\b(?:the|his|her|their|its|our|my|your|these|those|such))\s+$/iu;

export function lastVerb(ctx: Context, start: number, end: number): VerbHit | null {
  return verbHits(ctx, start, end).at(-1) ?? null;
}

