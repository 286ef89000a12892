/**
 * Organisations named in a text: the reference list (sources/organisations.json), families with
 * hundreds of members ("NHS X CCG", "X LMC"), acronyms the text defines ("NHS Clinical
 * Commissioners (NHSCC)"), and capitalised names ending in an organisation noun. Pure: the
 * reference data comes in compiled.
 */
import type { OrganisationKind, OrganisationMention } from '../core/types.js';

export interface OrganisationEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: OrganisationKind;
}

export interface OrganisationFamily {
  readonly kind: OrganisationKind;
  /** e.g. "NHS {place} CCG" */
  readonly canonical: string;
  /** every written form, e.g. "{place} CCG", "{place} Clinical Commissioning Group" */
  readonly forms: readonly string[];
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
}

/** A run of capitalised words: a place or an organisation's proper name. */
const CAP_WORD = `(?!(?:CCGs?|LMCs?|ICBs?|NHS)(?![\\p{L}]))\\p{Lu}[\\p{L}'.&-]*`;
const PLACE = `${CAP_WORD}(?:\\s+(?:(?:and|upon|on|of|in|under|the|&)\\s+)?${CAP_WORD}){0,6}`;

/** Words that start a sentence or a phrase and are never part of an organisation's name. */
const LEADING_STOPWORDS = new Set([
  'the', 'a', 'an', 'all', 'each', 'every', 'this', 'that', 'these', 'those', 'our', 'their', 'its', 'his', 'her',
  'some', 'many', 'most', 'both', 'when', 'while', 'if', 'in', 'on', 'at', 'for', 'but', 'and', 'or', 'however',
  'yesterday', 'today', 'last', 'next', 'meanwhile', 'under', 'speaking', 'according', 'as', 'by', 'from', 'with',
  'without', 'after', 'before', 'since', 'nhs', 'new', 'former', 'local', 'other', 'one', 'two', 'three', 'several',
  'recently', 'earlier', 'later', 'also', 'then', 'now', 'so', 'thus', 'although', 'though', 'where', 'which', 'who',
  'mr', 'mrs', 'ms', 'dr', 'professor', 'prof', 'sir', 'dame', 'cllr', 'chair', 'chairman', 'chief', 'secretary',
  'president', 'head', 'director', 'gp', 'gps', 'ccg', 'ccgs', 'lmc', 'lmcs', 'icb', 'icbs', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'england', 'english', 'between', 'across',
  'read', 'see', 'via', 'to', 'of', 'is', 'was', 'are', 'were', 'he', 'she', 'they', 'we', 'it', 'there', 'here',
]);

/** Nouns that end the name of an organisation not in the list ("Oldham Health Forum"). */
const ORG_NOUNS = 'Committee|Committees|Board|Alliance|Federation|Partnership|Association|Society|Institute|Commission|Authority|Agency|Forum|Network|Foundation|Trust|Council|Commissioners|College|Confederation|Union|Department|Ministry|Office|Group|Collaborative';
const GENERIC_ORG = new RegExp(`(?<![\\p{L}\\p{N}])(${PLACE})\\s+(${ORG_NOUNS})(?![\\p{L}\\p{N}])`, 'gu');
/** A generic match needs at least this many capitalised words before its noun. */
const GENERIC_MIN_WORDS = 2;

const ACRONYM_DEF = new RegExp(`(?<![\\p{L}\\p{N}])(${PLACE})\\s+\\((\\p{Lu}[\\p{Lu}\\p{N}&/-]{1,9})\\)`, 'gu');

export interface CompiledOrganisations {
  readonly known: RegExp | null;
  readonly byAlias: ReadonlyMap<string, OrganisationEntry>;
  readonly families: ReadonlyArray<{ family: OrganisationFamily; re: RegExp; form: string }>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
const normKey = (s: string): string => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

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
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : null;
  const families = ref.families.flatMap((family) =>
    [...family.forms].sort((a, b) => b.length - a.length).map((form) => ({
      family,
      form,
      re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(form).replace('\\{place\\}', `(${PLACE})`)}(?![\\p{L}\\p{N}])`, 'gu'),
    })),
  );
  return { known, byAlias, families };
}

/** Strips leading words that are not part of a name; null when nothing is left. */
function trimPlace(place: string): { place: string; skipped: number } | null {
  const words = place.split(/\s+/);
  let i = 0;
  while (i < words.length && LEADING_STOPWORDS.has(words[i]!.toLowerCase().replace(/['’]s$/, ''))) i++;
  // A name does not start with a connecting word.
  while (i < words.length && /^(and|of|on|in|upon|the|&)$/.test(words[i]!)) i++;
  if (i >= words.length) return null;
  const kept = words.slice(i).join(' ');
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
  for (const { family, re, form } of orgs.families) {
    for (const m of text.matchAll(re)) {
      const t = trimPlace(m[1]!);
      if (!t || orgs.byAlias.has(normKey(t.place))) continue;
      const start = m.index + form.indexOf('{place}') + t.skipped;
      const prefix = form.slice(0, form.indexOf('{place}'));
      const realStart = prefix ? m.index : start;
      const written = text.slice(realStart, m.index + m[0].length);
      found.push({
        start: realStart,
        end: m.index + m[0].length,
        text: written,
        name: family.canonical.replace('{place}', t.place),
        kind: family.kind,
        aliases: family.forms.map((f) => f.replace('{place}', t.place)),
        priority: 2,
      });
    }
  }
  for (const m of text.matchAll(GENERIC_ORG)) {
    const t = trimPlace(m[1]!);
    if (!t || t.place.split(/\s+/).length < GENERIC_MIN_WORDS - 1) continue;
    const name = `${t.place} ${m[2]}`;
    if (name.split(/\s+/).length < GENERIC_MIN_WORDS) continue;
    const start = m.index + t.skipped;
    found.push({ start, end: m.index + m[0].length, text: name, name, kind: 'other', aliases: [], priority: 1 });
  }
  const spans = resolveOverlaps(found);
  return learnAcronyms(text, spans);
}

/** Longer spans win; on equal length the more trusted source (list > family > generic). */
function resolveOverlaps(found: Candidate[]): Candidate[] {
  found.sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of found) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** "Full Name (ACR)": the acronym becomes an alias of the organisation, and its later uses count. */
function learnAcronyms(text: string, spans: Candidate[]): OrganisationSpan[] {
  const learnt = new Map<string, Candidate>();
  const definitions = new Set<number>();
  for (const m of text.matchAll(ACRONYM_DEF)) {
    const acr = m[2]!;
    definitions.add(m.index + m[0].length - acr.length - 1);
    const nameEnd = m.index + m[1]!.length;
    const org = spans.find((s) => s.end === nameEnd || (s.end <= nameEnd && s.end >= nameEnd - 1));
    if (!org || !initialsFit(org.text, acr)) continue;
    learnt.set(acr, org);
  }
  if (!learnt.size) return spans;
  const out: OrganisationSpan[] = spans.map((s) => {
    const acr = [...learnt].find(([, o]) => o.name === s.name)?.[0];
    return acr && !s.aliases.includes(acr) ? { ...s, aliases: [...s.aliases, acr] } : s;
  });
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...learnt.keys()].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(re)) {
    const org = learnt.get(m[0])!;
    // The definition itself is not another mention.
    if (definitions.has(m.index)) continue;
    if (out.some((s) => m.index < s.end && s.start < m.index + m[0].length)) continue;
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
