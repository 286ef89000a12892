/**
 * Who is who in a document: what a mention of a person says about their organisation and how
 * salient the mention is. The people list (people.ts) merges mentions into one entity per person;
 * this module reads the words around each mention for the organisation the person speaks for,
 * wherever in the document it is stated:
 *   - "X from Y", "X of Y", "X at Y", "the Y's X" (the organisation next to the name);
 *   - "X is/was (elected|appointed) chair of Y", "X, who chairs Y", "X, who took the helm of Y";
 *   - a role that names an organisation not in the list ("NHS Wessex chief executive X",
 *     "X, chief officer for the three CCGs"): the words as written;
 *   - a spokesperson ("a Fenland CCG spokeswoman", "an NHS spokesman").
 * Salience: a name inside a relative clause or after a preposition ("Ann Price, who replaced Tom
 * Hale at …") is not the subject of its sentence, and a later pronoun refers to the subject first.
 * Pure.
 */
import { ORG_NOUNS, type OrganisationSpan } from './organisations.js';
import { lowerBound } from './spans.js';
import { ROLE_MODIFIERS, ROLE_NOUNS } from './lexicon/speech.js';
import { DESCRIPTIONS } from './lexicon/descriptions.js';

export interface Affiliation {
  /** The organisation's canonical name when it is in the list, else the words as written. */
  readonly organisation: string;
  /** The words that tie the person to it ("was elected chair of"), for diagnostics. */
  readonly cue: string;
}

const ROLE_SET = new Set(ROLE_NOUNS.map((r) => r.toLowerCase()));
const ORG_WORDS = new Set(ORG_NOUNS.split('|').map((w) => w.toLowerCase()));

/**
 * Words not in the organisation list that still name an organisation rather than a place: an
 * acronym ("NHS Wessex", "the three CCGs") or an organisation noun ("Westholme Partnership").
 * "the attorney general of Oklahoma" names a place.
 */
function looksLikeOrganisation(words: string): boolean {
  return words.split(/\s+/).some((w) => /^\p{Lu}{2,}s?$/u.test(w) || ORG_WORDS.has(w.toLowerCase().replace(/['’]s$/, '')));
}

/** The organisation span that starts at `pos`, after an optional article. */
export function organisationAt(text: string, pos: number, orgs: readonly OrganisationSpan[]): OrganisationSpan | undefined {
  const art = /^(?:the\s+)?/i.exec(text.slice(pos, pos + 5))![0].length;
  const o = orgs[lowerBound(orgs, (s) => s.start, pos + art)];
  return o && o.start === pos + art ? o : undefined;
}

/** A run of capitalised words at `pos` ("NHS Wessex", "Acme Health Partnership"): an organisation not in the list. */
function capitalisedAt(text: string, pos: number): string | null {
  const m = /^(?:the\s+)?((?:\p{Lu}[\p{L}\p{N}&'’-]*)(?:\s+(?:and|of|for|&|on|upon)?\s*\p{Lu}[\p{L}\p{N}&'’-]*){0,5})/u.exec(text.slice(pos, pos + 120));
  if (!m) return null;
  const words = m[1]!.replace(/['’]s$/, '').split(/\s+/);
  // Stop at a capitalised role word ("Fenland Health Chief Officer" → "Fenland Health").
  const cut = words.findIndex((w) => ROLE_SET.has(w.toLowerCase()));
  const kept = (cut >= 0 ? words.slice(0, cut) : words).join(' ').replace(/\s+(?:and|of|for|&|on|upon)$/, '');
  return kept || null;
}

/** Words that tie the person named just before them to an organisation named just after. */
const PREDICATE = new RegExp(
  [
    // "X from Y", "X of Y", "X at Y", with or without commas
    String.raw`^,?\s+(?:from|of|at)\s+`,
    // "X, who chairs Y", "X leads Y", "X, who took the helm of Y last year"
    String.raw`^,?\s+(?:who\s+)?(?:now\s+|currently\s+|also\s+)?(?:chairs|chaired|leads|led|heads|headed|runs|ran|directs|directed|represents|joined|founded|co-founded)\s+`,
    String.raw`^,?\s+(?:who\s+)?(?:(?:is|was|has\s+been)\s+)?(?:(?:now|currently)\s+)?(?:took|takes|has\s+taken|had\s+taken|taking)?\s*(?:over\s+)?(?:at\s+)?the\s+helm\s+(?:of|at)\s+`,
    // "X is chief executive of Y", "X was elected chair of the Y", "X, who became president of Y"
    String.raw`^,?\s+(?:who\s+)?(?:is|was|has\s+been|had\s+been|became|becomes|will\s+become|remains)\s+(?:(?:newly\s+|recently\s+|last\s+\w+\s+)?(?:elected|appointed|named|made|confirmed|installed|re-elected)\s+(?:as\s+)?)?(?:the\s+|an?\s+|its\s+)?(?:new\s+|former\s+|interim\s+|acting\s+|joint\s+)?(?:[\p{L}-]+\s+){0,4}?(?:of|at|for)\s+`,
  ].join('|'),
  'iu',
);

/** The organisation the words right after a person's name tie them to, if any. */
export function affiliationAfter(text: string, end: number, orgs: readonly OrganisationSpan[]): Affiliation | null {
  const window = text.slice(end, end + 200);
  const m = PREDICATE.exec(window);
  if (!m) return null;
  const cue = m[0];
  // A predicate with role words must name a role ("was elected chair of"), not any verb phrase.
  if (/\b(?:is|was|been|became|becomes|become|remains)\b/i.test(cue) && !cue.split(/\s+/).some((w) => ROLE_SET.has(w.toLowerCase().replace(/[^a-z-]/g, '')))) return null;
  const at = end + cue.length;
  const org = organisationAt(text, at, orgs);
  if (org) return { organisation: org.name, cue: cue.trim() };
  // Without a known organisation only a role predicate counts ("chief officer of NHS Wessex"):
  // "X from Y" could be a place ("a GP from Leeds").
  if (!/\b(?:helm|chairs|chaired|leads|led|heads|headed|runs|ran)\b/i.test(cue) && !cue.split(/\s+/).some((w) => ROLE_SET.has(w.toLowerCase()))) return null;
  // "who led the group", "who chairs the CCG's governing body": a kind of organisation, not a name;
  // the one in focus that it fits, or none.
  const described = /^\s*the\s+([\p{L}-]+)(?:['’]s)?(?![\p{L}'’-])/u.exec(text.slice(at, at + 40));
  if (described && isDescriptionNoun(described[1]!)) {
    const inFocus = organisationInFocus(`the ${described[1]}`, end, orgs, true);
    return inFocus ? { organisation: inFocus.name, cue: cue.trim() } : null;
  }
  const written = capitalisedAt(text, at);
  if (!written || isDescriptionNoun(written.replace(/['’]s?$/, ''))) return null;
  return looksLikeOrganisation(written) ? { organisation: written, cue: cue.trim() } : null;
}

/** "the Y's X", "Y’s X": the organisation just before a name, with its possessive. */
export function affiliationBefore(text: string, start: number, orgs: readonly OrganisationSpan[]): Affiliation | null {
  // The spans are in order and disjoint: the last one that ends by `start`.
  const o = orgs[lowerBound(orgs, (s) => s.end, start + 1) - 1];
  if (!o) return null;
  return /^['’]s\s+$/.test(text.slice(o.end, start)) ? { organisation: o.name, cue: "'s" } : null;
}

/**
 * The organisation a role names when none from the list is in it: the capitalised words before
 * the role noun ("NHS Wessex chief executive"), or those after of/at/for ("chief officer for the
 * three CCGs" → "three CCGs").
 */
export function organisationInRole(role: string): string | null {
  const of = /^.*\b(?:of|at|for|with)\s+(?:the\s+)?([^,;]{2,60})$/u.exec(role);
  if (of && looksLikeOrganisation(of[1]!) && !isDescriptionNoun(of[1]!) && of[1]!.split(/\s+/).length <= 6) return of[1]!.trim();
  const words = role.split(/\s+/);
  const firstRole = words.findIndex((w) => ROLE_SET.has(w.toLowerCase().replace(/['’]s$/, '')));
  if (firstRole > 0) {
    const before = words.slice(0, firstRole).map((w) => w.replace(/['’]s$/, ''));
    // Words that qualify the role are not the organisation ("Accountable Officer", "Senior Clinical Lead").
    while (before.length && ROLE_MODIFIERS.has(before[before.length - 1]!.toLowerCase())) before.pop();
    if (!before.length || !looksLikeOrganisation(before.join(' ')) || isDescriptionNoun(before.join(' '))) return null;
    if (before.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || /^(?:and|of|for|&)$/.test(w)) && /^\p{Lu}/u.test(before[0]!)) return before.join(' ');
  }
  return null;
}

const SPOKES = /\b(?:spokes(?:man|woman|person|people)|representative|press\s+officer|press\s+office)\b/i;

/**
 * A spokesperson speaks for the organisation that qualifies them: "a Fenland CCG spokeswoman"
 * (the caller has already looked for a listed organisation) → the capitalised words before the
 * noun ("an NHS spokesman" → "NHS").
 */
export function spokespersonOrganisation(np: string): string | null {
  if (!SPOKES.test(np)) return null;
  const before = /^(?:[Aa]n?\s+|[Tt]he\s+)?(?!(?:An?|The)\s)((?:\p{Lu}[\p{L}\p{N}&'’-]*\s+){1,6})(?:spokes|representative|press)/u.exec(np);
  const named = before?.[1]!.trim().replace(/['’]s$/, '');
  if (named) return isDescriptionNoun(named) ? null : named;
  const forOrg = /\b(?:for|from|at)\s+(?:the\s+)?(\p{Lu}[^,;]{1,60})$/u.exec(np);
  return forOrg && !isDescriptionNoun(forOrg[1]!.trim()) ? forOrg[1]!.trim() : null;
}

/** Words that describe an organisation without naming it ("the CCG", "the college"), as alternatives of a pattern. */
const DESCRIPTION_WORDS = Object.keys(DESCRIPTIONS).map((d) => d.replace(/ /g, '\\s+')).join('|');
/** "The college", "the think tank": a definite description of an organisation (lexicon/descriptions.ts). */
const DESCRIBED = new RegExp(`^the\\s+(${DESCRIPTION_WORDS})$`, 'i');
const DESCRIPTION_RE = new RegExp(`^(?:${DESCRIPTION_WORDS})$`, 'i');

/** Whether a word or two only describe an organisation ("CCG", "Trust", "college"): a kind, not a name. */
export function isDescriptionNoun(words: string): boolean {
  return DESCRIPTION_RE.test(words.trim());
}

/**
 * "A spokesperson for the CCG", "the trust's spokesman", "a CCG spokeswoman": a spokesperson for
 * an organisation the text describes rather than names speaks for the organisation in focus that the
 * description fits. Null when the phrase names no spokesperson, or nothing in focus fits.
 */
export function spokespersonInFocus(np: string, pos: number, orgs: readonly OrganisationSpan[]): OrganisationSpan | null {
  if (!SPOKES.test(np)) return null;
  const m = /\b(?:for|from|at|of)\s+the\s+([\p{L}-]+(?:\s+tank)?)$/iu.exec(np.trim())
    ?? /^(?:the|an?)\s+([\p{L}-]+(?:\s+tank)?)(?:['’]s)?\s+(?:spokes|representative|press)/iu.exec(np.trim());
  return m ? describedInFocus(m[1]!, pos, orgs) : null;
}

/** A spokesperson the phrase ties to no organisation: "a spokeswoman", "a spokesman". */
const BARE_SPOKESPERSON = /^an?\s+spokes(?:man|woman|person)$/i;
/** How far back the sentence before may start. */
const SUBJECT_REACH = 400;

/**
 * "X CCG defended the timetable. A spokeswoman said": a spokesperson tied to no organisation speaks
 * for the organisation that is the subject of the sentence just before, in the same paragraph. An
 * organisation that is no subject there ("Dr Lee criticised X CCG") leaves it open: none rather than a guess.
 */
export function spokespersonOfSubject(np: string, pos: number, text: string, orgs: readonly OrganisationSpan[]): OrganisationSpan | null {
  if (!BARE_SPOKESPERSON.test(np.trim())) return null;
  // The sentence before: from the end of the one before it to the start of this one.
  const here = Math.max(text.lastIndexOf('. ', pos), text.lastIndexOf('\n', pos));
  if (here < 0 || text[here] === '\n') return null;
  const dot = text.lastIndexOf('. ', here - 1);
  const from = Math.max(dot < 0 ? 0 : dot + 2, text.lastIndexOf('\n', here - 1) + 1, here - SUBJECT_REACH);
  const o = orgs[lowerBound(orgs, (x) => x.start, from)];
  if (!o || o.end > here || o.kind === 'publisher' || o.coordinated) return null;
  // The subject opens its sentence, perhaps after "The".
  return /^(?:the\s+)?$/i.test(text.slice(from, o.start)) ? o : null;
}

/** The organisation in focus that a word describing one fits ("CCG" → the CCG last named), or null for any other word. */
function describedInFocus(word: string, pos: number, orgs: readonly OrganisationSpan[]): OrganisationSpan | null {
  return isDescriptionNoun(word) ? organisationInFocus(`the ${word}`, pos, orgs, true) : null;
}

/**
 * A mention that is not the subject of its clause: inside a relative clause that another name
 * opens (", who replaced X"), or the object of a preposition or of a verb ("with X", "replaced X").
 * Such a mention is less salient for a later "he" or "she" than the subject before it.
 */
export function isSubordinate(text: string, start: number): boolean {
  // The clause back to the last boundary, on the same sentence.
  let from = start;
  const limit = Math.max(0, start - 200);
  while (from > limit && !'.;:!?“”"‘\n'.includes(text[from - 1]!)) from--;
  const clause = text.slice(from, start);
  // After ", who …" with no comma closing the relative clause before the name.
  const rel = /,\s*(?:who|whom|whose|which)\b([^,]*)$/iu.exec(clause);
  if (rel) return true;
  // Directly after a preposition or a transitive verb.
  return /\b(?:to|with|by|from|for|at|of|than|like|against|about|replaced|succeeded|succeeds|replaces|appointed|thanked|criticised|praised|met|beat|defeated|told|asked|called|named)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Cllr)\.?\s+)*$/u.test(clause);
}

/** How far back (in characters) an organisation stays in focus for "the college said". */
const FOCUS_REACH = 3000;

/**
 * "The college said", "the organisation added": the organisation last named before `pos` that such
 * a description fits, within a few paragraphs. `orgs` are in order of their start.
 */
export function organisationInFocus(np: string, pos: number, orgs: readonly OrganisationSpan[], loose = false): OrganisationSpan | null {
  const m = DESCRIBED.exec(np.trim());
  // "The group said" in general news is often a group of people; "chair of the body" is an organisation.
  if (!m || (!loose && /^(?:body|group)$/i.test(m[1]!))) return null;
  const want = DESCRIPTIONS[m[1]!.toLowerCase().replace(/\s+/g, ' ')]!;
  const generic = !want.kinds.length && !want.words;
  const fits = (o: OrganisationSpan): boolean => generic || want.kinds.includes(o.kind) || (want.words?.test(o.name) ?? false);
  for (let i = lowerBound(orgs, (o) => o.start, pos) - 1; i >= 0 && orgs[i]!.end > pos - FOCUS_REACH; i--) {
    const o = orgs[i]!;
    if (o.kind === 'publisher') continue;
    if (!fits(o)) continue;
    // "Dartford CCG and Swale CCG …; the CCG said": two that fit, named together, leave it open.
    if (o.coordinated && fits(orgs[i - 1]!)) return null;
    return o;
  }
  return null;
}

/** "chair of the body", "chief executive of the college": the organisation in focus that a role names. */
export function organisationOfDescribedRole(role: string, pos: number, orgs: readonly OrganisationSpan[]): string | null {
  const m = /\b(?:of|at|for)\s+(the\s+[\p{L}-]+(?:\s+tank)?)$/u.exec(role);
  return m ? organisationInFocus(m[1]!, pos, orgs, true)?.name ?? null : null;
}

/**
 * "The CCG's accountable officer", "the college's chair": a role after "the" and a description in the
 * possessive, with its "the" or without, belongs to the organisation in focus that the description fits.
 */
export function organisationOfPossessiveRole(role: string, pos: number, orgs: readonly OrganisationSpan[]): string | null {
  const m = /^(?:the\s+)?([\p{L}-]+)['’]s?\s/iu.exec(role);
  return m ? describedInFocus(m[1]!, pos, orgs)?.name ?? null : null;
}

const DOCUMENT_NOUNS = 'letter|report|statement|document|guidance|paper|review|memo|email|circular|briefing|submission|consultation|plan|strategy';

const DESCRIBED_DOCUMENT = new RegExp(`^(?:an?|the)\\s+([\\p{L}-]+)\\s+(?:${DOCUMENT_NOUNS})$`, 'iu');
const DOCUMENT = new RegExp(`^the\\s+(?:new\\s+|latest\\s+|draft\\s+|final\\s+)?(${DOCUMENT_NOUNS})$`, 'i');
/** For each document noun, the patterns that say who issued the document: made once per noun, not per call. */
const issuedPatterns = new Map<string, { issued: RegExp; from: RegExp }>();
function documentPatterns(noun: string): { issued: RegExp; from: RegExp } {
  let p = issuedPatterns.get(noun);
  if (!p) {
    p = {
      issued: new RegExp(`^\\s+(?:has\\s+|have\\s+|had\\s+)?(?:issued|published|sent|released|wrote|circulated|produced|launched)\\s+(?:a|an|its|the)\\s+(?:[\\p{L}-]+\\s+){0,3}${noun}s?\\b`, 'iu'),
      from: new RegExp(`\\b${noun}s?\\s+(?:from|by|published\\s+by|issued\\s+by|sent\\s+by)\\s+(?:the\\s+)?$`, 'iu'),
    };
    issuedPatterns.set(noun, p);
  }
  return p;
}

/**
 * "The letter said": a document speaks for the organisation that issued it, when the text says so
 * shortly before ("NHS England issued a letter", "a report from the King’s Fund"). Null otherwise.
 */
export function authorOfDocument(np: string, pos: number, text: string, orgs: readonly OrganisationSpan[]): string | null {
  // "The leading article said", "the paper's editorial": a newspaper's own piece speaks for the paper last named.
  if (/^the\s+(?:paper['’]s\s+)?(?:leading\s+article|leader|editorial)$/i.test(np.trim())) {
    for (let i = lowerBound(orgs, (o) => o.start, pos) - 1; i >= 0 && orgs[i]!.end > pos - FOCUS_REACH; i--) {
      const o = orgs[i]!;
      if (o.kind !== 'publisher') continue;
      // "An investigation by The Times and the BMJ … the leading article": either paper; none is named.
      return o.coordinated && orgs[i - 1]!.kind === 'publisher' ? null : o.name;
    }
    return null;
  }
  // "according to a CCG statement": a document of the organisation in focus that the description fits.
  const described = DESCRIBED_DOCUMENT.exec(np.trim());
  if (described && isDescriptionNoun(described[1]!)) return describedInFocus(described[1]!, pos, orgs)?.name ?? null;
  const m = DOCUMENT.exec(np.trim());
  if (!m) return null;
  const { issued, from } = documentPatterns(m[1]!.toLowerCase());
  for (let i = lowerBound(orgs, (o) => o.start, pos) - 1; i >= 0 && orgs[i]!.end > pos - FOCUS_REACH; i--) {
    const o = orgs[i]!;
    if (issued.test(text.slice(o.end, Math.min(pos, o.end + 80))) || from.test(text.slice(Math.max(0, o.start - 60), o.start))) return o.name;
  }
  return null;
}
