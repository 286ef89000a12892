/**
 * The query language, parsed once and shared by the CLI and the static page (pure, browser-safe):
 *
 *   words                 every word must match (in any field)
 *   "exact phrase"        the words must occur together, in this order
 *   -word  -"a phrase"    results holding the word or phrase are left out
 *   a OR b                either may match (binds tighter than the AND between words)
 *   field:value           a filter: speaker, org, stance, source, publisher, kind, year, since, until
 *   field:"two words"     a filter value with spaces
 *
 * `name:value` with a name that is not a field is an error (`colour:red`), as is an unbalanced
 * quotation mark; a colon elsewhere is part of a word ("10:30", "NHS:"). Problems that make a query
 * meaningless (an unknown field or stance, an impossible date, a reversed range) are collected in
 * `errors` so that the CLI can refuse the query with exit 2 and the page can say what is wrong.
 */
import { STANCES, DOCUMENT_KINDS, documentKind, type Stance } from '../core/types.js';
import { isoDay, isoMonth } from '../core/iso-dates.js';
import { STOP_WORDS } from './lexicon/stop-words.js';

/** How results are ordered: by relevance, oldest first, newest first. */
export type Sort = 'relevance' | 'date' | '-date';
export const SORTS: readonly Sort[] = ['relevance', 'date', '-date'];

export type Term =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'phrase'; readonly text: string; readonly words: readonly string[] };

export const FILTER_FIELDS = ['speaker', 'org', 'stance', 'source', 'publisher', 'kind', 'year', 'since', 'until'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export interface QueryFilters {
  /** Each list is OR within the field and AND across fields. */
  readonly speaker: readonly string[];
  readonly org: readonly string[];
  readonly stance: readonly Stance[];
  readonly source: readonly string[];
  readonly publisher: readonly string[];
  readonly kind: readonly string[];
  readonly year: readonly string[];
  /** Normalised to `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly since: string | null;
  readonly until: string | null;
}

export interface ParsedQuery {
  /** The text as given. */
  readonly input: string;
  /** Groups that must all match; within a group, any term may match (`a OR b`). */
  readonly must: readonly (readonly Term[])[];
  /** Terms that no result may hold. */
  readonly not: readonly Term[];
  readonly filters: QueryFilters;
  /** What is wrong with the query, one message each; empty when it is fine. */
  readonly errors: readonly string[];
}

interface Token {
  readonly text: string;
  /** A `name:` prefix that is not a field. */
  readonly unknownField?: string;
  /** A quotation mark opened and never closed. */
  readonly unbalanced?: boolean;
  readonly quoted: boolean;
  readonly negated: boolean;
  readonly field: FilterField | null;
}

const isField = (s: string): s is FilterField => (FILTER_FIELDS as readonly string[]).includes(s);

/** Words of a phrase or term: letters and digits, apostrophes kept inside words. */
export function termWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Splits the input into tokens; quotes group words, a leading '-' negates, `field:` names a filter. */
function tokenise(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = input.length;
  const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
  const isQuote = (c: string | undefined): boolean => c === '"' || c === '“' || c === '”';
  while (i < n) {
    while (i < n && isSpace(input[i])) i++;
    if (i >= n) break;
    let negated = false;
    if (input[i] === '-' && i + 1 < n && !isSpace(input[i + 1])) {
      negated = true;
      i++;
    }
    let field: FilterField | null = null;
    let unknownField: string | undefined;
    // A field's name with nothing after it ("speaker:" at the end) is that field without a value, an
    // error; any other word ending in a colon ("re:") stays a word.
    const bare = /^(\p{L}+):(?=\s|$)/u.exec(input.slice(i, i + 40));
    if (bare && isField(bare[1]!.toLowerCase())) {
      tokens.push({ text: '', quoted: false, negated, field: bare[1]!.toLowerCase() as FilterField });
      i += bare[0].length;
      continue;
    }
    const m = /^(\p{L}+):(?=[^\s:])/u.exec(input.slice(i, i + 40));
    if (m) {
      if (isField(m[1]!.toLowerCase())) field = m[1]!.toLowerCase() as FilterField;
      else unknownField = m[1]!;
      i += m[0].length;
    }
    if (isQuote(input[i])) {
      let close = -1;
      for (let j = i + 1; j < n; j++) if (isQuote(input[j])) { close = j; break; }
      const end = close < 0 ? n : close;
      tokens.push({ text: input.slice(i + 1, end).trim(), quoted: true, negated, field, ...(unknownField ? { unknownField } : {}), ...(close < 0 ? { unbalanced: true } : {}) });
      i = end + 1;
    } else {
      const start = i;
      while (i < n && !isSpace(input[i])) i++;
      tokens.push({ text: input.slice(start, i), quoted: false, negated, field, ...(unknownField ? { unknownField } : {}) });
    }
  }
  return tokens.filter((t) => t.text || t.field);
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` of a real date, else null. */
export function normaliseDate(value: string): string | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3] !== undefined) return isoDay(y, Number(m[2]), Number(m[3]));
  if (m[2] !== undefined) return isoMonth(y, Number(m[2]));
  return y >= 1900 && y <= 2100 ? m[1]! : null;
}

/** The first day a date stands for and the last: "2014" is 2014-01-01 … 2014-12-31. */
export function dateBounds(value: string): { first: string; last: string } {
  const [y, mo, d] = value.split('-');
  if (d) return { first: value, last: value };
  if (mo) {
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return { first: `${y}-${mo}-01`, last: `${y}-${mo}-${String(days).padStart(2, '0')}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

function toTerm(token: Token): Term | null {
  if (token.quoted) {
    const words = termWords(token.text);
    if (!words.length) return null;
    return words.length === 1 ? { kind: 'word', text: words[0]! } : { kind: 'phrase', text: token.text, words };
  }
  const words = termWords(token.text);
  if (!words.length) return null;
  // "co-commissioning", "NHS/GP": one token of several words is matched as a phrase.
  return words.length === 1 ? { kind: 'word', text: words[0]! } : { kind: 'phrase', text: words.join(' '), words };
}

export function parseQuery(input: string): ParsedQuery {
  const errors: string[] = [];
  const lists: Record<Exclude<FilterField, 'since' | 'until'>, string[]> = { speaker: [], org: [], stance: [], source: [], publisher: [], kind: [], year: [] };
  let since: string | null = null;
  let until: string | null = null;
  const must: Term[][] = [];
  const not: Term[] = [];
  let joinNext = false;
  const tokens = tokenise(input);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.unbalanced) errors.push(`a quotation mark is opened before "${t.text.slice(0, 30)}" and never closed`);
    if (t.unknownField) {
      errors.push(`${t.unknownField}: is not a field (the fields are ${FILTER_FIELDS.map((f) => `${f}:`).join(' ')})`);
      continue;
    }
    if (t.field) {
      const value = t.text.trim();
      if (!value) {
        errors.push(`${t.field}: needs a value right after the colon (${t.field}:VALUE, or ${t.field}:"TWO WORDS")`);
        continue;
      }
      if (t.negated) errors.push(`-${t.field}: filters cannot be negated; leave the filter out instead`);
      else if (t.field === 'since' || t.field === 'until') {
        const d = normaliseDate(value);
        if (!d) errors.push(`${t.field}:${value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD of a real day)`);
        else if (t.field === 'since') since = d;
        else until = d;
      } else if (t.field === 'stance') {
        const s = value.toLowerCase();
        if (!STANCES.includes(s as Stance)) errors.push(`stance:${value} is not a stance (one of ${STANCES.join(', ')})`);
        else lists.stance.push(s);
      } else if (t.field === 'kind') {
        const kind = documentKind(value);
        if (!kind) errors.push(`kind:${value} is not a kind of document (one of ${DOCUMENT_KINDS.join(', ')})`);
        else lists.kind.push(kind);
      } else if (t.field === 'year') {
        if (!/^\d{4}$/.test(value) || !normaliseDate(value)) errors.push(`year:${value} is not a year`);
        else lists.year.push(value);
      } else lists[t.field].push(value);
      continue;
    }
    if (!t.quoted && !t.negated && t.text === 'OR') {
      if (must.length && k + 1 < tokens.length) joinNext = true;
      continue;
    }
    const term = toTerm(t);
    if (!term) continue;
    if (t.negated) {
      not.push(term);
      joinNext = false;
    } else if (joinNext) {
      must[must.length - 1]!.push(term);
      joinNext = false;
    } else must.push([term]);
  }
  if (since && until && dateBounds(since).first > dateBounds(until).last) errors.push(`since:${since} is after until:${until}`);
  const narrowed = not.length > 0 || since !== null || until !== null || Object.values(lists).some((l) => l.length > 0);
  const nothing = narrowed || errors.length ? null : nothingToSearch(input, tokens, must);
  if (nothing) errors.push(nothing);
  return {
    input,
    must,
    not,
    filters: { ...lists, stance: lists.stance as Stance[], since, until },
    errors,
  };
}

const isStopWord = (t: Term): boolean => t.kind === 'word' && STOP_WORDS.has(t.text.toLowerCase());

/**
 * Why a query with words but no filter searches for nothing, or null: words the index does not hold
 * on their own ("the of") or no words at all ("!!"). Without this it would list everything, as a
 * query of filters only does.
 */
function nothingToSearch(input: string, tokens: readonly Token[], must: readonly (readonly Term[])[]): string | null {
  if (!tokens.some((t) => !t.field && !t.unknownField)) return null;
  if (must.some((g) => g.some((t) => !isStopWord(t)))) return null;
  const typed = input.trim();
  const shown = /^["“].*["”]$/.test(typed) ? typed : `"${typed}"`;
  if (!must.length) return `${shown} has no words to search for`;
  const common = must.flat().map((t) => t.text);
  return `${shown} has only common words (${common.join(', ')}), which are not searched on their own: add another word, put them in a "phrase", or add a filter`;
}

/** True when the query asks for nothing but filters (list everything that passes them). */
export function isFilterOnly(q: ParsedQuery): boolean {
  return q.must.length === 0;
}

/** The query written back in its canonical form (for a page's URL, or to show what was understood). */
export function formatQuery(q: ParsedQuery): string {
  const term = (t: Term): string => (t.kind === 'phrase' ? `"${t.text}"` : t.text);
  const value = (v: string): string => (/\s/.test(v) ? `"${v}"` : v);
  const parts = [
    ...q.must.map((g) => g.map(term).join(' OR ')),
    ...q.not.map((t) => `-${term(t)}`),
    ...(['speaker', 'org', 'stance', 'source', 'publisher', 'kind', 'year'] as const).flatMap((f) => q.filters[f].map((v) => `${f}:${value(v)}`)),
    ...(q.filters.since ? [`since:${q.filters.since}`] : []),
    ...(q.filters.until ? [`until:${q.filters.until}`] : []),
  ];
  return parts.join(' ');
}
