/**
 * Organisations named in a text: the reference list (sources/organisations.json), families with
 * hundreds of members ("NHS X CCG", "X LMC"), acronyms the text defines ("NHS Clinical
 * Commissioners (NHSCC)"), and capitalised names ending in an organisation noun. Pure: the
 * reference data comes in compiled.
 */
import type { OrganisationKind, OrganisationMention } from '../core/types.js';
import { GrowingOverlapSet, lowerBound, OverlapIndex } from './spans.js';
import { LEADING_STOPWORDS, ORG_NOUNS } from './lexicon/organisations.js';
import { ROLE_NOUNS } from './lexicon/speech.js';

export { ORG_NOUNS };

export interface OrganisationEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: OrganisationKind;
  /** The organisation this one belongs to (the GPC is a committee of the BMA): filters by the parent include it. */
  readonly partOf?: string;
}

export interface OrganisationFamily {
  readonly kind: OrganisationKind;
  /** e.g. "NHS {place} CCG" */
  readonly canonical: string;
  /** every written form, e.g. "{place} CCG", "{place} Clinical Commissioning Group" */
  readonly forms: readonly string[];
  /** The organisation every member belongs to ("NHS England {place} Area Team" → NHS England). */
  readonly partOf?: string;
}

export interface OrganisationReference {
  readonly organisations: readonly OrganisationEntry[];
  readonly families: readonly OrganisationFamily[];
}

/** One place in the text where an organisation is named. */
export interface OrganisationSpan {
  readonly start: number;
  readonly end: number;
  /** The words as written. */
  readonly text: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  /** Other forms of the same organisation (family variants, acronyms). */
  readonly aliases: readonly string[];
  /** Named together with the mention before it, as one of a pair or list ("X and Y", "X, Y or the Z"). */
  readonly coordinated?: true;
}


/** A generic match needs at least this many capitalised words before its noun. */
const GENERIC_MIN_WORDS = 2;

/**
 * "(NHSCC)" after a name: the name is found by walking back from the bracket. The patterns over a
 * whole text start with a lookahead for the character every match starts with, which the engine
 * finds quickly, before the lookbehind that it would otherwise try at every position.
 */
const ACRONYM_DEF = /(?= \()(?<=[\p{L}.'&-]) \((\p{Lu}[\p{Lu}\p{N}&/-]{1,9})\)/gu;

interface FamilyForm {
  readonly family: OrganisationFamily;
  /** What stands before the place in this form ("NHS "), or "". */
  readonly prefix: string;
}

export interface CompiledOrganisations {
  readonly known: RegExp | null;
  readonly byAlias: ReadonlyMap<string, OrganisationEntry>;
  /** The forms of each family by the words after the place ("CCG" → NHS {place} CCG, {place} CCG). */
  readonly bySuffix: ReadonlyMap<string, readonly FamilyForm[]>;
  /** Family suffixes and organisation nouns, each after a word and a space. */
  readonly suffixes: RegExp;
  /** Family suffixes in the plural ("CCGs", "Clinical Commissioning Groups"), each after a word and a space. */
  readonly plurals: RegExp;
}

/** At most this many capitalised words make a place ("Bath and North East Somerset"). */
const MAX_PLACE_WORDS = 7;
const CONNECTORS = new Set(['and', 'upon', 'on', 'of', 'in', 'under', 'the', '&']);
const NOT_PLACE_WORDS = /^(?:CCGs?|LMCs?|ICBs?|PCTs?|CSUs?|STPs?|ICSs?|NHS)$/;

/** The run of capitalised words (with connectors) that ends just before `end`. */
function placeBefore(text: string, end: number): { start: number; text: string } | null {
  let start = -1;
  let i = end;
  let words = 0;
  while (words < MAX_PLACE_WORDS && i > 0) {
    let k = i;
    while (k > 0 && /[\p{L}\p{N}'’.&-]/u.test(text[k - 1]!)) k--;
    const w = text.slice(k, i);
    if (!w) break;
    if (/^\p{Lu}/u.test(w) && !NOT_PLACE_WORDS.test(w)) {
      start = k;
      words++;
    } else if (!CONNECTORS.has(w)) break;
    if (k === 0 || text[k - 1] !== ' ') break;
    i = k - 1;
  }
  return start < 0 ? null : { start, text: text.slice(start, end) };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
const normKey = (s: string): string => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A form as a pattern whose words after the first may start in either case: house styles write
 * "the BMA's GP Committee" and "the BMA's GP committee". The first word stays as written, so that a
 * name that is also a word ("Pulse") is not found in lower case.
 */
function laterWordsEitherCase(form: string): string {
  return escape(form).replace(/(\s)(\p{L})/gu, (_, space: string, c: string) => (c.toLowerCase() === c.toUpperCase() ? `${space}${c}` : `${space}[${c.toUpperCase()}${c.toLowerCase()}]`));
}

/** A lookahead for the characters the forms start with (an apostrophe in a form matches ’ too, see `escape`). */
function firstCharacters(forms: readonly string[]): string {
  const firsts = new Set(forms.map((f) => f.codePointAt(0)!));
  if (firsts.has(0x27)) firsts.add(0x2019);
  return `(?=[${[...firsts].map((c) => `\\u{${c.toString(16)}}`).join('')}])`;
}

export function compileOrganisations(ref: OrganisationReference): CompiledOrganisations {
  const byAlias = new Map<string, OrganisationEntry>();
  const forms: string[] = [];
  for (const o of ref.organisations) {
    for (const f of [o.name, ...o.aliases]) {
      byAlias.set(normKey(f), o);
      forms.push(f);
    }
  }
  forms.sort((a, b) => b.length - a.length);
  const known = forms.length
    ? new RegExp(`${firstCharacters(forms)}(?<![\\p{L}\\p{N}])(?:${forms.map(laterWordsEitherCase).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : null;
  const bySuffix = new Map<string, FamilyForm[]>();
  for (const family of ref.families) {
    for (const form of family.forms) {
      const at = form.indexOf('{place}');
      const suffix = form.slice(at + '{place}'.length).trim();
      const list = bySuffix.get(suffix) ?? [];
      list.push({ family, prefix: form.slice(0, at) });
      // A form with a prefix ("NHS {place} CCG") is tried before the bare one.
      list.sort((a, b) => b.prefix.length - a.prefix.length);
      bySuffix.set(suffix, list);
    }
  }
  const endings = [...new Set([...bySuffix.keys(), ...ORG_NOUNS.split('|')])].sort((a, b) => b.length - a.length);
  const suffixes = new RegExp(`(?= )(?<=[\\p{L}.'&-]) (?:${endings.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  // A plural that is itself the form of one body ("Wessex LMCs") is no list.
  const pluralOf = [...bySuffix.keys()].filter((k) => !bySuffix.has(`${k}s`)).sort((a, b) => b.length - a.length);
  const plurals = new RegExp(`(?= )(?<=[\\p{L}.'&-]) (?:${pluralOf.map(escape).join('|')})s(?![\\p{L}\\p{N}])`, 'gu');
  return { known, byAlias, bySuffix, suffixes, plurals };
}

/** Role nouns and their plurals ("chair", "leaders", "members"): people of an organisation, never a place. */
const PEOPLE_NOUNS: ReadonlySet<string> = new Set(ROLE_NOUNS.flatMap((n) => [n, `${n}s`]));
const isPeopleNoun = (word: string): boolean => PEOPLE_NOUNS.has(word.toLowerCase());

/** Strips leading words that are not part of a name; null when nothing is left. */
function trimPlace(place: string): { place: string; skipped: number } | null {
  const words = place.split(/\s+/);
  let i = 0;
  while (i < words.length && LEADING_STOPWORDS.has(words[i]!.toLowerCase().replace(/['’]s$/, ''))) i++;
  // A name does not start with a connecting word.
  while (i < words.length && /^(and|of|on|in|upon|the|&)$/.test(words[i]!)) i++;
  if (i >= words.length) return null;
  let kept = words.slice(i).join(' ');
  // "Dr Ann Price of Marchland CCG": a place has one word before "of" ("Vale of York"), a person two,
  // and people of the organisation one ("Leaders of Penmore LMC", "Members of X CCG").
  const of = kept.lastIndexOf(' of ');
  // What follows "of" may start with an article ("Dr Ann Price of the Marchland Trust"): it is not part of the name.
  if (of >= 0 && (kept.slice(0, of).split(/\s+/).length >= 2 || isPeopleNoun(kept.slice(0, of)))) kept = kept.slice(of + 4).replace(/^(?:the|The)\s+/, '');
  if (!kept.trim()) return null;
  return { place: kept, skipped: place.length - kept.length };
}

interface Candidate extends OrganisationSpan {
  readonly priority: number;
}

export function findOrganisations(text: string, orgs: CompiledOrganisations): OrganisationSpan[] {
  const found: Candidate[] = [];
  if (orgs.known) {
    for (const m of text.matchAll(orgs.known)) {
      const entry = orgs.byAlias.get(normKey(m[0]));
      if (!entry) continue;
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], name: entry.name, kind: entry.kind, aliases: entry.aliases, priority: 3 });
    }
  }
  // Families and generic names are found from their last word back ("… CCG", "… Committee"):
  // one pass for the suffixes, then a short walk back over the capitalised words before each.
  for (const m of text.matchAll(orgs.suffixes)) {
    const suffix = m[0].trimStart();
    const place = placeBefore(text, m.index);
    if (!place) continue;
    const t = trimPlace(place.text);
    if (!t) continue;
    const placeStart = place.start + t.skipped;
    const end = m.index + m[0].length;
    const forms = orgs.bySuffix.get(suffix);
    if (forms) {
      if (orgs.byAlias.has(normKey(t.place))) continue;
      const fit = forms.find(({ prefix }) => !prefix || text.slice(placeStart - prefix.length, placeStart) === prefix);
      if (!fit) continue;
      const realStart = placeStart - fit.prefix.length;
      found.push({
        start: realStart,
        end,
        text: text.slice(realStart, end),
        name: fit.family.canonical.replace('{place}', t.place),
        kind: fit.family.kind,
        aliases: fit.family.forms.map((f) => f.replace('{place}', t.place)),
        priority: 2,
      });
    } else if (t.place.split(/\s+/).length >= GENERIC_MIN_WORDS - 1) {
      const name = `${t.place} ${suffix}`;
      found.push({ start: placeStart, end, text: name, name, kind: 'other', aliases: [], priority: 1 });
    }
  }
  found.push(...listedMembers(text, orgs));
  const spans = resolveOverlaps(found);
  return markCoordinated(text, learnAcronyms(text, spans));
}

/** What stands between the places of a list: a comma, perhaps with "and" or "or", or "and", "or", "&" alone. */
const LIST_SEPARATOR = /(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)$/;
/** At most this many places are read back from a plural family name. */
const MAX_LISTED = 8;

/** The places of a list that ends at `end` ("Hollins, Tarnbury and Wexcombe"), in order; the last run splits at its last "and"/"or". */
function placesListedBefore(text: string, end: number): Array<{ start: number; end: number; place: string }> {
  const out: Array<{ start: number; end: number; place: string }> = [];
  const add = (start: number, words: string): void => {
    const t = trimPlace(words);
    if (t) out.unshift({ start: start + t.skipped, end: start + words.length, place: t.place });
  };
  const last = placeBefore(text, end);
  if (!last) return out;
  // The last run may hold the list's final pair ("Tarnbury and Wexcombe"): a single name with "and" in it is only ever singular.
  const pair = /^(.+?)\s+(?:and|or|&)\s+(?!(?:and|or|&)\s)(\S.*)$/.exec(last.text);
  if (pair && /^\p{Lu}/u.test(pair[2]!)) {
    add(last.start + last.text.length - pair[2]!.length, pair[2]!);
    add(last.start, pair[1]!);
  } else add(last.start, last.text);
  let at = out[0]?.start ?? last.start;
  while (out.length < MAX_LISTED) {
    const sep = LIST_SEPARATOR.exec(text.slice(Math.max(0, at - 8), at));
    if (!sep) break;
    const before = placeBefore(text, at - sep[0].length);
    if (!before) break;
    const count = out.length;
    add(before.start, before.text);
    if (out.length === count) break;
    at = before.start;
  }
  return out;
}

/**
 * "Hollins, Tarnbury and Wexcombe CCGs": each place of a list before a family name in the plural is
 * a member of the family. One place before a plural ("London CCGs") names no organisation.
 */
function listedMembers(text: string, orgs: CompiledOrganisations): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(orgs.plurals)) {
    const suffix = m[0].trim().slice(0, -1);
    const family = orgs.bySuffix.get(suffix)?.find((f) => !f.prefix)?.family;
    const places = family ? placesListedBefore(text, m.index) : [];
    if (places.length < 2) continue;
    places.forEach((p, i) => {
      const end = i === places.length - 1 ? m.index + m[0].length : p.end;
      found.push({
        start: p.start, end, text: text.slice(p.start, end), name: family!.canonical.replace('{place}', p.place), kind: family!.kind,
        aliases: family!.forms.map((f) => f.replace('{place}', p.place)), priority: 2,
      });
    });
  }
  return found;
}

/** What stands between two organisations named together: a comma, "and", "or", "&", and "the". */
const COORDINATION = /^\s*,?\s*(?:(?:and|or|&)\s+)?(?:the\s+)?$/i;

/** Marks each mention named together with the one before it ("The Times and the BMJ"). Spans are in order. */
function markCoordinated(text: string, spans: OrganisationSpan[]): OrganisationSpan[] {
  return spans.map((s, i) => {
    const before = i > 0 ? spans[i - 1]! : null;
    return before && before.name !== s.name && s.start > before.end && COORDINATION.test(text.slice(before.end, s.start)) ? { ...s, coordinated: true } : s;
  });
}

/** Longer spans win; on equal length the more trusted source (list > family > generic). */
function resolveOverlaps(found: Candidate[]): Candidate[] {
  found.sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  const taken = new GrowingOverlapSet(found.map((c) => c.start));
  for (const c of found) {
    if (taken.overlaps(c.start, c.end)) continue;
    kept.push(c);
    taken.add(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** "Full Name (ACR)": the acronym becomes an alias of the organisation, and its later uses count. */
function learnAcronyms(text: string, spans: Candidate[]): OrganisationSpan[] {
  const learnt = new Map<string, Candidate>();
  const definitions = new Set<number>();
  // The spans are in order and disjoint, so in order of their ends too.
  for (const m of text.matchAll(ACRONYM_DEF)) {
    const acr = m[1]!;
    definitions.add(m.index + m[0].length - acr.length - 1);
    const nameEnd = m.index;
    const first = spans[lowerBound(spans, (s) => s.end, nameEnd - 1)];
    const org = first && first.end <= nameEnd ? first : undefined;
    if (!org || !initialsFit(org.text, acr)) continue;
    learnt.set(acr, org);
  }
  if (!learnt.size) return spans;
  // The first acronym learnt for each name.
  const acronymOf = new Map<string, string>();
  for (const [acr, o] of learnt) if (!acronymOf.has(o.name)) acronymOf.set(o.name, acr);
  const out: OrganisationSpan[] = spans.map((s) => {
    const acr = acronymOf.get(s.name);
    return acr && !s.aliases.includes(acr) ? { ...s, aliases: [...s.aliases, acr] } : s;
  });
  // A later use of an acronym is new when it overlaps no named span (uses found here follow each other without overlapping).
  const named = new OverlapIndex(spans);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...learnt.keys()].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(re)) {
    const org = learnt.get(m[0])!;
    // The definition itself is not another mention.
    if (definitions.has(m.index)) continue;
    if (named.overlaps(m.index, m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], name: org.name, kind: org.kind, aliases: [...org.aliases, m[0]] });
  }
  return out.sort((a, b) => a.start - b.start);
}

function initialsFit(name: string, acronym: string): boolean {
  const initials = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : w[0])).join('');
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  // Every letter of the acronym in order among the initials ("NHSCC" in "NHS Clinical Commissioners").
  let i = 0;
  for (const ch of initials) if (ch === letters[i]) i++;
  return i === letters.length && letters.length >= 2;
}

/** One mention record per organisation, with every form the document uses among its aliases. */
export function summariseOrganisations(spans: readonly OrganisationSpan[]): OrganisationMention[] {
  const by = new Map<string, { name: string; kind: OrganisationKind; aliases: Set<string>; mentions: number }>();
  for (const s of spans) {
    const e = by.get(s.name) ?? { name: s.name, kind: s.kind, aliases: new Set<string>(), mentions: 0 };
    e.mentions++;
    for (const a of [s.text, ...s.aliases]) if (a !== s.name) e.aliases.add(a.replace(/’/g, "'"));
    by.set(s.name, e);
  }
  return [...by.values()]
    .map((e) => ({ name: e.name, aliases: [...e.aliases].filter((a) => a !== e.name), kind: e.kind, mentions: e.mentions }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}
