/**
 * People named in a text, their roles and organisations. A capitalised name counts as a person
 * when it carries a title (Dr, Professor, Ms…), starts with a known given name, or stands in a
 * role ("GPC negotiator Dr Ines Garside", "Tom Reyes, interim director at NHS Clinical
 * Commissioners"). Mentions by surname or by title and surname are the same person. Pure.
 */
import type { Person } from '../core/types.js';
import type { OrganisationSpan } from './organisations.js';
import { FEMALE_NAMES, MALE_NAMES } from './lexicon/first-names.js';
import { OverlapIndex, lowerBound, startingIn } from './spans.js';
import { affiliationAfter, affiliationBefore, isDescriptionNoun, organisationInRole, organisationOfDescribedRole, organisationOfPossessiveRole } from './entities.js';
import { HONORIFICS, FEMALE_HONORIFICS, MALE_HONORIFICS, AUXILIARIES, ROLE_MODIFIERS as ROLE_MODIFIERS_LIST, ROLE_NOUNS, SHARED_POST_ROLES, SPEECH_VERBS } from './lexicon/speech.js';
import { NOT_NAMES, PLACE_STARTS } from './lexicon/names.js';
import { ORG_NOUNS } from './lexicon/organisations.js';

export type Gender = 'f' | 'm' | null;

export interface PersonMention {
  readonly start: number;
  readonly end: number;
  /** The person this mention refers to (index into the people list). */
  readonly person: number;
}

export interface PersonRecord {
  name: string;
  surname: string;
  role: string | null;
  organisation: string | null;
  gender: Gender;
}

export interface PeopleResult {
  readonly people: PersonRecord[];
  readonly mentions: PersonMention[];
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TITLE = `(?:${[...HONORIFICS].sort((a, b) => b.length - a.length).map(esc).join('|')})`;
const NAME_WORD = `(?:(?:Mc|Mac|O['’]|D['’])?\\p{Lu}[\\p{Ll}\\p{M}]+(?:[-'’]\\p{Lu}?[\\p{Ll}\\p{M}]+)*|\\p{Lu}\\.)`;
const PARTICLE = `(?:van|von|de|der|den|du|da|di|la|le|bin|al|el)`;
const NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)?${NAME_WORD}){0,7}`;
/**
 * Every match starts with a capital (the titles do, and so does a name word): the lookahead says so
 * first, so that the engine passes over other characters at once (a scan about twice as fast).
 */
const STARTS_CAPITAL = HONORIFICS.every((h) => /^\p{Lu}/u.test(h)) ? '(?=\\p{Lu})' : '';
/** Personal titles (not offices: "Health Secretary X" is a role). */
const PERSONAL_TITLES: ReadonlySet<string> = new Set([...FEMALE_HONORIFICS, ...MALE_HONORIFICS, 'Dr', 'Dr.', 'Professor', 'Prof', 'Prof.', 'Cllr', 'Rev', 'Revd']);
/** Personal titles at the end of a run of words, just before a name. */
const PERSONAL_TITLE = `(?:${[...PERSONAL_TITLES].sort((a, b) => b.length - a.length).map(esc).join('|')})`;
const TITLE_BEFORE = new RegExp(`(?<![\\p{L}])(?:${PERSONAL_TITLE}\\s+){1,3}$`, 'u');
const PERSON_RE = new RegExp(`${STARTS_CAPITAL}(?<![\\p{L}\\p{N}])((?:${TITLE}\\s+){0,3})(${NAME})(?![\\p{L}\\p{N}])`, 'gu');

const SPEAKS_AFTER = new RegExp(`^(?:\\s*,[^,.;:!?]{1,100},)?\\s+(?:${SPEECH_VERBS.map(esc).join('|')})\\b`, 'u');

const ROLE_WORD = new RegExp(`(?<![\\p{L}-])(?:${ROLE_NOUNS.map(esc).join('|')})(?![\\p{L}-])`, 'iu');

function genderOf(title: string, first: string): Gender {
  const titles = title.trim().split(/\s+/);
  if (titles.some((t) => FEMALE_HONORIFICS.has(t))) return 'f';
  if (titles.some((t) => MALE_HONORIFICS.has(t))) return 'm';
  if (FEMALE_NAMES.has(first)) return 'f';
  if (MALE_NAMES.has(first)) return 'm';
  return null;
}


/** A dash set off by white space (" - ") ends at `at`: what /\s-\s$/ finds in s.slice(at - 3, at). */
const spacedDashBefore = (s: string, at: number): boolean => at >= 3 && s[at - 2] === '-' && /\s/.test(s[at - 1]!) && /\s/.test(s[at - 3]!);

/** Words a role cannot end in: the role would run into the name ("chair of Dr X"). */
/** "Dr X, also chair of Y": an adverb before a role is no part of it. */
const LEADING_ADVERB = /^(?:also|now|currently|formerly|previously|then|still|until recently|at the time)\s+/i;
/** Auxiliary and modal verbs: a role before a name holds none. */
const AUXILIARY = new RegExp(`^(?:${AUXILIARIES.join('|')}|be|been|being|(?:is|are|was|were|has|have|had|does|do|did|wo|ca|would|could|should)n['’]t)$`);
const STARTS_WITH_PREPOSITION = /^(?:to|with|for|at|in|on|by|from|about|after|before|during|since)\s/i;
const ENDS_IN_PREPOSITION: ReadonlySet<string> = new Set(['of', 'at', 'for', 'to', 'and', 'the', 'with', 'a', 'an', 'in', 'on', 'by', 'from', 'after', 'before', 'about', 'than', 'over', 'into', 'against', 'during', 'since', 'like', 'as']);
const isAsciiWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
/** The run of `\w` characters that ends `s`, in lower case: the word `/\b(?:…)$/i` would test. */
function lastWord(s: string): string {
  let i = s.length;
  while (i > 0 && isAsciiWordChar(s.charCodeAt(i - 1))) i--;
  return s.slice(i).toLowerCase();
}

/** The role phrase just before a name ("Birmingham LMC secretary"), back to a comma or a sentence start. */
function roleBefore(text: string, start: number): { role: string; start: number } | null {
  let seg = text.slice(Math.max(0, start - 160), start);
  // A role set off by a comma before the name ("NHS England’s director of primary care, Dr X").
  const comma = /,\s*$/.exec(seg);
  if (comma) seg = seg.slice(0, comma.index);
  // Back to the last clause boundary (a scan, not a regex anchored at the end: that is quadratic).
  let from = seg.length;
  while (from > 0 && !',.;:!?()\n“”"‘—–'.includes(seg[from - 1]!) && !spacedDashBefore(seg, from)) from--;
  let role = seg.slice(from).trim();
  // Stop at words that belong to the sentence, not the role (temporal phrases, verbs, prepositions that start clauses).
  role = role.replace(/^.*\b(?:said|says|told|added|last (?:week|month|year)|this (?:week|month|year)|yesterday|today|speaking|alongside|while|when|after|before|according to|with|by|from|that|as|and then|but|however)(?:\s+|$)/i, '');
  // "Dr X, chair of Y, and her deputy Dr Z": the role starts after the conjunction.
  role = role.replace(/^(?:and|or)\s+/i, '').replace(LEADING_ADVERB, '');
  // A clause before the role ("Republicans are slamming Democratic nominee X"): the role is what
  // follows its last auxiliary verb and the participle after it.
  const words = role.split(/\s+/);
  let verbAt = -1;
  words.forEach((w, k) => { if (AUXILIARY.test(w)) verbAt = k; });
  if (verbAt >= 0) role = words.slice(verbAt + (/^\p{Ll}+(?:ing|ed)$/u.test(words[verbAt + 1] ?? '') ? 2 : 1)).join(' ');
  role = role.replace(/^(?:the|a|an)\s+/i, '').trim();
  if (!role || role.split(/\s+/).length > 12 || !ROLE_WORD.test(role)) return null;
  // Nor does it start with one ("Speaking to GP Today, Professor X": "to GP Today" is no role).
  if (STARTS_WITH_PREPOSITION.test(role)) return null;
  // A role ends at the name: its last word must not be a preposition ("chair of Dr X" is not a role).
  if (ENDS_IN_PREPOSITION.has(lastWord(role))) return null;
  return { role, start: Math.max(0, start - 160) + seg.lastIndexOf(role) };
}

/** The apposition after a name (", chair of the GPC's commissioning subcommittee,"). */
function roleAfter(text: string, end: number): string | null {
  const m = /^,\s*([^,.;:!?“”"‘()]{3,160}?)(?:\s*\([^)]{1,20}\))?\s*(?:,|\.(?:\s|$)|$|\s+(?:said|says|told|added|wrote|writes|explained|commented|argued|warned|suggests|suggested|insisted|stated|states)\b)/u.exec(text.slice(end, end + 220));
  if (!m) return null;
  const role = m[1]!.trim();
  // "Dr X, who chairs the BMA's GP committee, said": the clause is the role.
  const relative = /^who\s+(?:chairs|leads|heads|runs|directs|manages|represents)\s+(.+)$/i.exec(role);
  if (relative) return role.replace(/^who\s+/i, '');
  // "Dr X, who was appointed chief officer of Y last month, said": the post named, without when.
  const post = /^who\s+(?:is|was|has\s+been|had\s+been|became|becomes|will\s+become)\s+(?:(?:appointed|named|elected|made|confirmed)\s+(?:as\s+)?)?(?:(?:the|a|an)\s+)?(.+)$/i.exec(role);
  if (post) {
    const held = post[1]!.replace(LEADING_ADVERB, '').replace(/^(?:the|a|an)\s+/i, '').replace(/\s+(?:(?:last|this|next)\s+(?:week|month|year|spring|summer|autumn|winter)|in\s+(?:\p{Lu}\p{L}+\s+)?\d{4}|on\s+\p{Lu}\p{L}+day|yesterday|today)$/iu, '');
    return ROLE_WORD.test(held) && !ENDS_IN_PREPOSITION.has(lastWord(held)) ? held : null;
  }
  if (!ROLE_WORD.test(role) || /^(?:who|which|that|but|and|he|she|they)\b/i.test(role)) return null;
  return role.replace(LEADING_ADVERB, '');
}

/** The organisation a role names: "X at ORG" (the employer) first, else the first organisation in it. */
function organisationOfRole(roleStart: number, roleEnd: number, text: string, orgs: readonly OrganisationSpan[]): string | null {
  const inside = startingIn(orgs, roleStart, roleEnd).filter((o) => o.end <= roleEnd);
  if (!inside.length) return null;
  const at = inside.find((o) => /\bat\s+(?:the\s+)?$/i.test(text.slice(Math.max(roleStart, o.start - 10), o.start)));
  return (at ?? inside[0]!).name;
}

/**
 * The organisation stated next to a name ("the BMA's Dr X", "X, of the Nuffield Trust", "X was
 * appointed chair of Y"), and the post a predicate names when no role was given ("chair of Y"), so
 * that "the chair" later finds the person.
 */
function statedNextTo(text: string, start: number, end: number, orgs: readonly OrganisationSpan[], role: string | null): { organisation: string | null; role: string | null } {
  const before = affiliationBefore(text, start, orgs);
  if (before) return { organisation: before.organisation, role };
  const after = affiliationAfter(text, end, orgs);
  if (!after) return { organisation: null, role };
  const words = after.cue.split(/\s+/);
  const post = words.findIndex((w) => ROLE_NOUNS.includes(w.toLowerCase()));
  return { organisation: after.organisation, role: role ?? (post >= 0 && /\b(?:of|at|for)$/i.test(after.cue) ? `${words.slice(post).join(' ')} ${after.organisation}` : null) };
}

/**
 * Drops the words of a matched name (in place) that are not part of it, and returns where the name
 * now starts: leading words that cannot begin a name ("However John Smith" → "John Smith"),
 * capitalised role words before a given name ("Deputy Leader Anna Kerrow"), words after the fourth.
 */
function trimName(text: string, at: number, words: string[]): number {
  let start = at;
  const dropFirst = (): void => {
    start += words[0]!.length;
    words.shift();
    start += (text.slice(start).match(/^\s+/)?.[0].length ?? 0);
  };
  while (words.length && NOT_NAMES.has(words[0]!)) dropFirst();
  // "… General Practitioners Dr Lena Osei": a personal title inside the run starts the name (the caller takes the title back).
  const titleAt = words.findIndex((w, k) => k > 0 && k < words.length - 1 && PERSONAL_TITLES.has(w));
  for (let k = 0; k <= titleAt; k++) dropFirst();
  const firstAt = words.findIndex((w, k) => k > 0 && (FEMALE_NAMES.has(w) || MALE_NAMES.has(w)) && k < words.length - 1);
  for (let k = 0; k < firstAt; k++) dropFirst();
  // "… National Executive Director Nihal Aswad": capitalised role words before a name are not part of it.
  if (firstAt < 0) {
    let roleAt = -1;
    words.forEach((w, k) => { if (k < words.length - 1 && ROLE_WORD_SET.has(w.toLowerCase())) roleAt = k; });
    if (roleAt >= 0 && words.length - roleAt - 1 >= 2) for (let k = 0; k <= roleAt; k++) dropFirst();
  }
  if (words.length > 4) words.splice(4);
  return start;
}

/** The last words of the names of bodies and places of work, lower case. */
const INSTITUTION_WORDS: ReadonlySet<string> = new Set([...ORG_NOUNS.toLowerCase().split('|'), 'surgery', 'practice', 'centre', 'center', 'clinic', 'hospital', 'hospitals', 'pharmacy', 'university', 'school']);
/** Role nouns and the words that qualify them, lower case: capitalised before a name, they are a role. */
const ROLE_WORD_SET: ReadonlySet<string> = new Set([...ROLE_NOUNS, ...ROLE_MODIFIERS_LIST]);
const POSSESSIVE_PRONOUN = /^(his|her|its)\s+(.+)$/i;
const POSSESSIVE_NAME = /^(?:(?:Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Sir|Dame|Lord|Lady)\.?\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){0,2}(\p{Lu}[\p{L}-]+)['’]s\s+(.+)$/u;
/** How far back (in characters) "its" looks for the organisation it stands for. */
const ITS_REACH = 300;

interface Known {
  readonly people: readonly PersonRecord[];
  readonly mentions: readonly PersonMention[];
  readonly bySurname: ReadonlyMap<string, number>;
  readonly orgs: readonly OrganisationSpan[];
}

/**
 * A role held under another of the document, when the role names no organisation itself: "its
 * medical secretary" (the organisation last named, just before), "her deputy" (the person just
 * mentioned, when the gender fits), "Mrs Khan's deputy" (a person already met). A person's
 * organisation passes only to roles held in the same organisation (SHARED_POST_ROLES: a deputy, not
 * a counterpart). The role is returned without the pronoun. Null when nothing fits.
 */
function heldUnder(role: { role: string; start: number }, known: Known): { role: string; organisation: string } | null {
  const pronoun = POSSESSIVE_PRONOUN.exec(role.role);
  const byName = pronoun ? null : POSSESSIVE_NAME.exec(role.role);
  const post = (pronoun ?? byName)?.[2];
  if (!post) return null;
  const word = pronoun?.[1]!.toLowerCase();
  if (word === 'its') {
    const i = lowerBound(known.orgs, (o) => o.start, role.start) - 1;
    const o = i >= 0 && known.orgs[i]!.end > role.start - ITS_REACH && known.orgs[i]!.kind !== 'publisher' ? known.orgs[i]! : null;
    return o ? { role: post, organisation: o.name } : null;
  }
  if (!SHARED_POST_ROLES.has(lastWord(post).toLowerCase())) return null;
  let p: PersonRecord | null = null;
  if (pronoun) {
    // Only the person just mentioned, of the gender the pronoun names (or unknown): anything further is a guess.
    const last = known.mentions.at(-1);
    p = last ? known.people[last.person]! : null;
    if (p?.gender && p.gender !== (word === 'her' ? 'f' : 'm')) return null;
  } else {
    const at = known.bySurname.get(byName![1]!);
    p = at === undefined ? null : known.people[at]!;
  }
  return p?.organisation ? { role: pronoun ? post : role.role, organisation: p.organisation } : null;
}

/**
 * The name of a match with the words that are not part of it trimmed off (in place, trimName), and
 * its title: words trimmed off the front take the title before them with them ("General
 * Practitioners Dr …"), and may end with the name's own ("… GP Committee Dr Jane Smith").
 */
function trimmedName(text: string, at: number, title: string, words: string[]): { start: number; title: string; titleAt: number } {
  const start = trimName(text, at + title.length, words);
  if (start > at + title.length) title = '';
  const lost = !title && start > at ? TITLE_BEFORE.exec(text.slice(at, start)) : null;
  return lost ? { start, title: lost[0], titleAt: start - lost[0].length } : { start, title, titleAt: at };
}

export function findPeople(text: string, orgs: readonly OrganisationSpan[]): PeopleResult {
  const people: PersonRecord[] = [];
  const mentions: PersonMention[] = [];
  const bySurname = new Map<string, number>();
  const orgIndex = new OverlapIndex(orgs);

  for (const m of text.matchAll(PERSON_RE)) {
    let title = m[1] ?? '';
    let titleAt: number;
    let name = m[2]!;
    // Most matches are one capitalised word without a title ("The", "But", "NHS"): it names a person
    // only once that surname is known, which the steps below would find after more work.
    if (!title && !/\s/.test(name) && (NOT_NAMES.has(name) || !bySurname.has(name.replace(/['’]s$/, '')))) continue;
    const words = name.split(/\s+/);
    let start: number;
    ({ start, title, titleAt } = trimmedName(text, m.index, title, words));
    if (!words.length || (PLACE_STARTS.has(words[0]!) && !title)) continue;
    name = words.join(' ');
    const end = start + name.length;
    if (orgIndex.overlaps(title ? titleAt : start, end)) continue;
    if (words.some((w) => NOT_NAMES.has(w) && w !== words[0])) {
      // A name does not contain sentence words ("Michael Dixon said" never reaches here; "Leeds Health" does).
      if (!title) continue;
    }
    const first = words[0]!;
    const hasTitle = title.trim().length > 0;
    // "Elm Surgery said": a name ending in a word for a body or a place of work is not a person's.
    if (!hasTitle && words.length > 1 && INSTITUTION_WORDS.has(words[words.length - 1]!.replace(/['’]s$/, '').toLowerCase())) continue;
    const surname = words[words.length - 1]!.replace(/['’]s$/, '');
    const known = bySurname.get(surname);
    // A single word is a name only with a title or once the person is known (checked before the costlier tests below).
    if (!hasTitle && words.length === 1 && known === undefined) continue;
    if (/^\p{Lu}\.$/u.test(surname)) continue;
    const knownFirst = FEMALE_NAMES.has(first) || MALE_NAMES.has(first);
    const before = roleBefore(text, title ? titleAt : start);
    const after = roleAfter(text, end);
    // The subject of a speech verb is a speaker whatever their name ("Odile K. Marchetti said").
    const speaks = (): boolean => words.length > 1 && SPEAKS_AFTER.test(text.slice(end, end + 160));
    if (!hasTitle && !knownFirst && !before && !after && known === undefined && !speaks()) continue;

    let role = before?.role ?? after ?? null;
    let organisation: string | null = null;
    if (before) organisation = organisationOfRole(before.start, start, text, orgs);
    // "her deputy, Dr X", "Mrs Khan's deputy, Dr X", "its secretary, Dr X": the organisation of the one the role is held under.
    const held = before && !organisation ? heldUnder(before, { people, mentions, bySurname, orgs }) : null;
    if (held) ({ role, organisation } = held);
    if (!organisation && after) {
      const roleStart = text.indexOf(after, end);
      organisation = organisationOfRole(roleStart, roleStart + after.length, text, orgs);
    }
    // "Dr Jane Smith, of the Nuffield Trust, said", "the BMA's Dr X", "X was elected chair of Y",
    // "X, who took the helm of Y": the organisation stated next to the name.
    if (!organisation) ({ organisation, role } = statedNextTo(text, title ? titleAt : start, end, orgs, role));
    // A role naming an organisation not in the list ("NHS Wessex chief executive").
    // "chair of the college" names the organisation in focus before it names the words "the college".
    // "The CCG's accountable officer": the organisation in focus that the possessive describes.
    if (!organisation && role) {
      const possessive = /^the\s/i.test(role) || (before?.role === role && /\bthe\s+$/i.test(text.slice(Math.max(0, before.start - 5), before.start)));
      organisation = (possessive ? organisationOfPossessiveRole(role, start, orgs) : null) ?? organisationOfDescribedRole(role, start, orgs) ?? organisationInRole(role);
    }
    if (organisation && isDescriptionNoun(organisation)) organisation = null; // a kind ("CCG") is no name: none rather than that
    // "Mr Donald Trump’s plan": the possessive is no part of the name.
    const displayName = `${title}${words.length > 1 || !known ? name.replace(/['’]s$/, '') : ''}`.trim() || name;
    let index = known;
    if (index === undefined) {
      index = people.length;
      people.push({ name: displayName, surname, role, organisation, gender: genderOf(title, first) });
      bySurname.set(surname, index);
    } else {
      const p = people[index]!;
      // The fullest form of the name, and the first role and organisation given, describe the person.
      if (words.length > 1 && displayName.split(/\s+/).length > p.name.split(/\s+/).length) p.name = displayName;
      p.role ??= role;
      p.organisation ??= organisation;
      p.gender ??= genderOf(title, first);
    }
    mentions.push({ start: title ? titleAt : start, end, person: index });
  }
  return { people, mentions };
}

export function toPeople(records: readonly PersonRecord[]): Person[] {
  return records.map((p) => ({ name: p.name, role: p.role, organisation: p.organisation }));
}
