/**
 * The attribution rules: who a quotation's own sentence names as its speaker. After the quote
 * ("’, she said.", ",’ said Dr X, chair of Y.", "” according to X", "” ― X"), before it ("X said:
 * ‘", "He commented that ‘", "NHS England wrote: ‘"), a caption ("Dr X: ‘…’"), a credit line under
 * it. A subject resolves to a person (a name, a pronoun, a description by role), an organisation
 * (named, "the college", a document it issued), or the noun phrase as written. Pure.
 */
import type { Span } from './sentences.js';
import { AUXILIARIES, INVERTIBLE_VERBS } from './lexicon/speech.js';
import { lowerBound, startingIn } from './spans.js';
import { authorOfDocument, organisationInFocus, spokespersonInFocus, spokespersonOfSubject, spokespersonOrganisation } from './entities.js';
import { describedPerson } from './descriptions.js';
import { afterDirectSubject, afterInvertedSubject } from './speech-patterns.js';
import { inQuote, lastVerb, personSpeaker, resolvePronoun, verbHits, wordsOf, type Context, type Speaker } from './attribution-context.js';

/** "“…” ― Ines Garside." */
const AFTER_DASH = /^[\s,.!?]*[―—–]\s*([^,.;:!?“”"‘()]{2,80}?)\s*(?:[,.;]|$)/u;
const AFTER_ACCORDING = /^[\s,.!?—–-]*according\s+to\s+([^,.;:!?“”"‘()]{2,120}?)(?=\s*(?:[,.;:!?]|$))/iu;
const NO_SPEAKER = /^(?:i|we|you|it|they|this|that|there|who|which|what)$/i;
/** A phrase this long after a quote is a clause of its own, not a speaker. */
const MAX_SUBJECT_WORDS = 10;
/** A speaker named by a noun phrase ("the 34-year-old mother of three") has at most this many words. */
const MAX_NP_WORDS = 8;

/** The last clause of a region, when it is a description of a person by role ("the GPC chair"). */
function describedSubject(ctx: Context, start: number, region: string): Speaker | null {
  const m = /(?:^|[,;:(—–]\s*|\b(?:and|but|so|then|however|meanwhile|also|while|as)\s+)((?:the|its|their)\s+[^,;:()—–]{2,60}?)\s*$/iu.exec(region);
  if (!m) return null;
  const s = start + region.trimEnd().length - m[1]!.length;
  const person = describedPerson(ctx.text, s, s + m[1]!.length, ctx.people, ctx.orgs);
  return person === null ? null : personSpeaker(ctx, person);
}

/** Auxiliaries, modals and adverbs at the end of a subject, before its verb ("will", "has previously"). */
const TRAILING_AUXILIARIES = new RegExp(`(?:\\s+(?:${AUXILIARIES.join('|')}|also|previously|later|then|once|again|already|reportedly|repeatedly|recently|often|never|not|just|still))+$`, 'i');
/** A phrase that starts as a clause or a predicate does, not as a noun phrase. */
const NOT_A_NOUN_PHRASE = new RegExp(`^(?:${AUXILIARIES.join('|')}|told|tells|said|says|asked|if|to|that|when|while|because|although|though|or|not|never|previously|by|with|for|from|of|in|on|at|after|before|about|than)\\b`, 'i');

/** A finite verb: what comes before the clause of the subject is a clause of its own. */
const FINITE_VERB = new RegExp(`\\b(?:${AUXILIARIES.join('|')}|\\p{Ll}+ed)\\b`, 'u');

/**
 * Where the clause before a verb starts: after the last comma, semicolon, colon or dash of the
 * region, when words follow it and what comes before is a clause with a verb of its own ("Trump has
 * much in common with them, the columnist suggested"); else the region's start. A name and an
 * apposition left open ("Ann Price, chair of the LMC said") stay whole.
 */
function lastClauseStart(text: string, start: number, end: number): number {
  const region = text.slice(start, end);
  if (/,\s*$/.test(region)) return start;
  const m = /[,;:—–][^,;:—–]*$/u.exec(region);
  return m && /\p{L}/u.test(m[0]) && FINITE_VERB.test(region.slice(0, m.index)) ? start + m.index + 1 : start;
}

/** Who a region of text names as a speaker: a person, a pronoun, an organisation, or the phrase itself. */
export function resolveSubject(ctx: Context, start: number, end: number, prefer: 'first' | 'last'): Speaker | null {
  // "But Trump has much in common with them, the columnist suggested": the subject is the clause just
  // before the verb, unless a comma closes it ("Dr X, chair of Y, said": an apposition of the name before).
  const from = prefer === 'last' ? lastClauseStart(ctx.text, start, end) : start;
  const people = startingIn(ctx.people.mentions, from, end).filter((m) => m.end <= end && !inQuote(ctx, m.start));
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
  // The noun phrase as written: the last clause before the verb ("The report", "a spokesman for the trust"),
  // without the titles quoted inside it ("The editorial, ‘Time to act’, says").
  // A short aside in brackets ("(CCG)", "(54)") is part of the phrase, not a boundary.
  const clauses = region.replace(/[“‘"][^”’"]{1,80}[”’"]/gu, '').replace(/\s*\([^()]{1,12}\)/g, '').split(/[,;:()—–]/).map((s) => s.trim()).filter(Boolean);
  // "A senior official, who spoke on condition of anonymity, said": the relative clause is not the subject.
  while (clauses.length > 1 && /^(?:who|whom|whose|which)\b/i.test(clauses[clauses.length - 1]!)) clauses.pop();
  let np = clauses.pop() ?? '';
  np = np.replace(/^(?:and|but|so|then|however|meanwhile|also|while|as|in a statement|in an? \w+)\s+/i, '').trim();
  // "One man who lives next to the surgery said": the noun phrase ends where its relative clause starts.
  np = np.replace(/^(\S.*?)\s+(?:who|whom|whose|which)\s.*$/i, '$1');
  // "the two-term president will say": the auxiliaries and adverbs before the verb are not the subject's.
  np = np.replace(TRAILING_AUXILIARIES, '');
  // What is left of a clause ("has previously", "told city leaders that the United") is no speaker.
  if (NOT_A_NOUN_PHRASE.test(np)) return null;
  // "The college said": the organisation in focus that the description fits.
  // "A spokesperson for the CCG": the organisation in focus speaks.
  const focus = np ? organisationInFocus(np, start, ctx.orgs) ?? spokespersonInFocus(np, start, ctx.orgs) ?? spokespersonOfSubject(np, start, ctx.text, ctx.orgs) : null;
  if (focus) return { speaker: focus.name, role: null, organisation: focus.name };
  if (!np || NO_SPEAKER.test(np) || wordsOf(np) > MAX_NP_WORDS || /^\p{Ll}+$/u.test(np) && wordsOf(np) === 1 && !/^(?:sources?|officials?|spokes\w+)$/i.test(np)) return null;
  // "an NHS spokeswoman" speaks for the NHS; "the letter" is the organisation that issued it speaking.
  const author = authorOfDocument(np, start, ctx.text, ctx.orgs);
  if (author) return { speaker: author, role: null, organisation: author };
  return { speaker: np, role: null, organisation: spokespersonOrganisation(np) };
}

/** Attribution after the quote, up to the end of its sentence or the next quote. */
export function attributeAfter(ctx: Context, from: number, to: number): Speaker | null {
  const after = ctx.masked.slice(from, to);
  const according = AFTER_ACCORDING.exec(after);
  if (according) {
    const s = from + according.index + according[0].length - according[1]!.length;
    return resolveSubject(ctx, s, s + according[1]!.length, 'first');
  }
  // ", said Dr X.": the subject ends where the match of the pattern would (afterInvertedSubject).
  const inverted = afterInvertedSubject(after);
  if (inverted) return resolveSubject(ctx, from + inverted.start, from + inverted.end, 'first');
  const m = AFTER_DASH.exec(after);
  if (m && wordsOf(m[1]!) <= 6) {
    const s = from + after.indexOf(m[1]!);
    return resolveSubject(ctx, s, s + m[1]!.length, 'first');
  }
  const span = afterDirectSubject(after);
  const direct = span ? after.slice(span.start, span.end) : null;
  // The subject proper (before any apposition) must be short, or this is a clause of its own.
  if (direct !== null && wordsOf(direct.split(',')[0]!) <= MAX_SUBJECT_WORDS) {
    const s = from + after.indexOf(direct);
    return resolveSubject(ctx, s, s + direct.length, 'first');
  }
  return null;
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
export function creditSpeaker(ctx: Context, para: Span | undefined): Speaker | null {
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
export function attributeBefore(ctx: Context, sentenceStart: number, open: number): Speaker | null {
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
  // A verb with its subject before it ("Dr Ann Price said Dr Tom Hale ‘…’") is not inverted: the
  // name after it is the subject of what was said. Inverted, the verb opens its clause.
  const lead = ctx.masked.slice(sentenceStart, v.start).trimEnd();
  const opensClause = !lead || /[,;:(—–“”"‘’]$/u.test(lead);
  if (next && invertible && opensClause) return personSpeaker(ctx, next.person);
  // A participle ("…, tweeting", "before asking her") belongs to the sentence's subject.
  if (/ing$/.test(verb)) return resolveSubject(ctx, sentenceStart, v.start, 'first');
  // Inverted: "said Dr X: ‘…’"
  const tail = ctx.masked.slice(v.end, open);
  const inv = /^\s+([^,.;:!?“”"‘]{2,80}?)\s*[:,]\s*$/u.exec(tail);
  if (invertible && opensClause && inv && wordsOf(inv[1]!) <= 6 && !/^(?:that|the|this|it|in|on|at|to)\b/i.test(inv[1]!)) {
    const s = v.end + tail.indexOf(inv[1]!);
    const who = resolveSubject(ctx, s, s + inv[1]!.length, 'first');
    if (who && who.speaker && /^\p{Lu}/u.test(who.speaker)) return who;
  }
  return resolveSubject(ctx, sentenceStart, v.start, 'last');
}

