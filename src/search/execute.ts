/**
 * Running a parsed query over a partitioned index: only the partitions the date filters allow are
 * loaded; every word group must match (phrases are then checked word for word, exclusions taken
 * out); when nothing matches with all the words, and only then, the looser results (any word) are
 * given, marked `loose`. Filters match identities (an organisation and its parts, a person's name
 * variants), not substrings of role text. Pure and browser-safe: the caller supplies the partitions.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Stance } from '../core/types.js';
import type { ParsedQuery, Term } from './query-language.js';
import { dateBounds } from './query-language.js';
import { foldCase, foldSpelling, holdsPhrase, keyOf, phraseKeys, processTerm } from './normalise.js';
import { QUOTE_MAIN_FIELDS, QUOTE_OPTIONS, DOCUMENT_OPTIONS, partitionKey, type DocumentRecord, type IndexManifest, type QuoteRecord } from './schema.js';
import { holdsWords, nameKey, orgMatcher } from './organisations.js';

/** Where the partitions come from: files read by the CLI, script tags loaded by the page. */
export interface IndexSource {
  readonly manifest: IndexManifest;
  quotes(key: string): Promise<MiniSearch<QuoteRecord>>;
  documents(key: string): Promise<MiniSearch<DocumentRecord>>;
  /** One partition's texts by document id (for phrases, exclusions and snippets). */
  texts(key: string): Promise<ReadonlyMap<string, string>>;
}

import type { Sort } from './query-language.js';
export type { Sort } from './query-language.js';
export { SORTS } from './query-language.js';

export interface RunOptions {
  readonly limit?: number;
  readonly offset?: number;
  /** Default: by relevance, or newest first when there are no words. */
  readonly sort?: Sort;
  /** Include partial quotes (a few words quoted inside reported speech). Default true. */
  readonly partial?: boolean;
}

export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

export interface Facets {
  readonly organisation: readonly FacetValue[];
  readonly speaker: readonly FacetValue[];
  readonly stance: readonly FacetValue[];
  readonly publisher: readonly FacetValue[];
  readonly year: readonly FacetValue[];
}

export interface Results<H> {
  readonly hits: H[];
  /** How many records matched (all of them, not only the hits shown). */
  readonly total: number;
  /** True when nothing matched with every word and these are the results matching any word. */
  readonly loose: boolean;
  readonly facets: Facets;
}

export interface QuoteHit extends Omit<QuoteRecord, 'context' | 'organisationAliases'> {
  readonly score: number;
}

export interface DocumentHit extends Omit<DocumentRecord, 'text' | 'authors' | 'organisations' | 'speakers'> {
  readonly score: number;
  readonly text: string;
  /** Query words as they matched in the document, for highlighting. */
  readonly terms: readonly string[];
}

// ——— filters ———

const TITLES = /^(dr|prof|professor|sir|dame|mr|mrs|ms|miss|mx|lord|lady|baroness|baron|cllr|councillor|rev|the|hon|rt)$/;

/** A person's name as words without titles: "Dr Raj Mehta" → ["raj", "mehta"]. */
function nameWords(name: string): string[] {
  return nameKey(name).split(' ').filter((w) => w && !TITLES.test(w));
}

/** `speaker:Mehta`, `speaker:"Dr Mehta"`, `speaker:"Raj Mehta"` all match "Dr Raj Mehta". */
export function speakerMatches(speaker: string | null, value: string): boolean {
  if (!speaker) return false;
  const have = nameWords(speaker);
  const want = nameWords(value);
  if (!want.length) return false;
  let i = 0;
  for (const w of have) if (w === want[i]) i++;
  return i === want.length;
}

function dateMatches(date: string | null, q: ParsedQuery): boolean {
  const { year, since, until } = q.filters;
  if (!year.length && !since && !until) return true;
  if (!date) return false;
  if (year.length && !year.some((y) => date.startsWith(y))) return false;
  const b = dateBounds(date);
  if (since && b.last < dateBounds(since).first) return false;
  if (until && b.first > dateBounds(until).last) return false;
  return true;
}

/** The partitions a query's date filters allow. */
export function partitionsFor(manifest: IndexManifest, q: ParsedQuery): string[] {
  const { year, since, until } = q.filters;
  const dated = year.length > 0 || since !== null || until !== null;
  return manifest.partitions.map((p) => p.key).filter((key) => {
    // A key may name a part of a year's partition ("2014.1": the static page's quote chunks).
    const k = key.split('.')[0]!;
    if (k === 'undated') return !dated;
    if (year.length && !year.includes(k)) return false;
    if (since && `${k}-12-31` < dateBounds(since).first) return false;
    if (until && `${k}-01-01` > dateBounds(until).last) return false;
    return true;
  });
}

const any = <T>(values: readonly T[], test: (v: T) => boolean): boolean => values.length === 0 || values.some(test);
const sameWords = (a: string | null, b: string): boolean => a !== null && nameKey(a) === nameKey(b);

function quoteFilter(q: ParsedQuery, manifest: IndexManifest, options: RunOptions): (r: QuoteRecord) => boolean {
  const f = q.filters;
  const orgs = f.org.map((v) => orgMatcher(v, manifest.organisations));
  return (r) =>
    (options.partial !== false || !r.partial) &&
    any(f.speaker, (v) => speakerMatches(r.speaker, v)) &&
    any(orgs, (m) => m(r.lineage ?? [])) &&
    any(f.stance, (s) => r.stance === s) &&
    any(f.source, (s) => sameWords(r.source, s)) &&
    any(f.publisher, (p) => r.publisher !== null && holdsWords(r.publisher, p)) &&
    any(f.kind, (k) => sameWords(r.kind, k)) &&
    dateMatches(r.date, q);
}

function documentFilter(q: ParsedQuery, manifest: IndexManifest): (r: DocumentRecord) => boolean {
  const f = q.filters;
  const orgs = f.org.map((v) => orgMatcher(v, manifest.organisations));
  return (r) =>
    any(f.speaker, (v) => (r.speakerList ?? []).some((s) => speakerMatches(s, v))) &&
    any(orgs, (m) => m(r.orgs ?? [])) &&
    any(f.stance, (s) => (r.stances ?? []).includes(s as Stance)) &&
    any(f.source, (s) => sameWords(r.source, s)) &&
    any(f.publisher, (p) => r.publisher !== null && holdsWords(r.publisher, p)) &&
    any(f.kind, (k) => sameWords(r.kind, k)) &&
    dateMatches(r.published, q);
}

// ——— matching ———

/** The last word also matches as the start of a longer word (search as you type), whatever its stem. */
function lastWordQuery(word: string, exact: Query): Query {
  const folded = foldSpelling(foldCase(word));
  if (folded.length < 3) return exact;
  // A complete word (one the stemmer shortens) matches as itself and as a prefix only.
  if (keyOf(folded) !== folded) {
    return { combineWith: 'OR', queries: [exact, { queries: [folded], prefix: true, fuzzy: false, processTerm: (t: string) => t, weights: { prefix: 0.3, fuzzy: 0 } }] } as Query;
  }
  // A stem can be shorter than the letters typed ("commissio" → "commiss"): the typed letters'
  // leading parts are tried as whole terms too.
  const heads: string[] = [];
  for (let n = Math.max(3, folded.length - 3); n < folded.length; n++) heads.push(folded.slice(0, n));
  return {
    combineWith: 'OR',
    queries: [
      exact,
      { queries: [folded], prefix: true, fuzzy: false, processTerm: (t: string) => t, weights: { prefix: 0.3, fuzzy: 0 } },
      { queries: heads, fuzzy: false, processTerm: (t: string) => t, weights: { prefix: 0, fuzzy: 0 } },
    ],
  } as Query;
}

/**
 * How many typing errors a word forgives: judged by the word as typed, not by its stem, since a
 * misspelling can change what the stemmer cuts ("commisioning" → "commis", one edit from
 * "commiss"): one from 8 letters, two from 12.
 */
export function typoDistance(word: string): number {
  const n = [...word].length;
  return n >= 12 ? 2 : n >= 8 ? 1 : 0;
}

function termQuery(t: Term, last: boolean, prefixLast: boolean, typos: boolean): Query | null {
  if (t.kind === 'word') {
    if (!processTerm(t.text)) return null;
    const exact = { queries: [t.text], fuzzy: typos ? typoDistance(t.text) : 0 } as Query;
    return last && prefixLast ? lastWordQuery(t.text, exact) : exact;
  }
  const words = t.words.filter((w) => processTerm(w));
  return words.length ? ({ combineWith: 'AND', queries: words } as Query) : null;
}

function miniQuery(q: ParsedQuery, loose: boolean, prefixLast: boolean, typos = true): Query | null {
  const groups = q.must
    .map((g, gi) => g.map((t, ti) => termQuery(t, gi === q.must.length - 1 && ti === g.length - 1, prefixLast, typos)).filter((x): x is Query => x !== null))
    .filter((g) => g.length > 0)
    .map((g) => (g.length === 1 ? g[0]! : ({ combineWith: 'OR', queries: g } as Query)));
  if (!groups.length) return null;
  return { combineWith: loose ? 'OR' : 'AND', queries: groups } as Query;
}

/** Does a group hold (any of its terms)? Phrases word for word; words by their keys. */
function groupHolds(group: readonly Term[], fields: readonly string[], matched: ReadonlySet<string>): boolean {
  return group.some((t) => (t.kind === 'phrase' ? fields.some((f) => holdsPhrase(f, t.words)) : matched.has(keyOf(t.text)) || !processTerm(t.text)));
}

function excluded(not: readonly Term[], fields: readonly string[]): boolean {
  if (!not.length) return false;
  // No set of every key per result: the fields' keys are kept (phraseKeys), and a quote's fields are short.
  return not.some((t) => {
    if (t.kind === 'phrase') return fields.some((f) => holdsPhrase(f, t.words));
    const key = keyOf(t.text);
    return fields.some((f) => phraseKeys(f).includes(key));
  });
}

const hasPhrase = (q: ParsedQuery): boolean => q.must.some((g) => g.some((t) => t.kind === 'phrase'));

/** Results that hold the query's words together, in order, rank this many times higher. */
const PHRASE_BOOST = 5;

/** The words of a query of several single words ("delegated commissioning"), to boost as a phrase. */
function impliedPhrase(q: ParsedQuery): string[] | null {
  if (q.must.length < 2 || !q.must.every((g) => g.length === 1 && g[0]!.kind === 'word')) return null;
  return q.must.map((g) => g[0]!.text);
}

interface Scored<R> {
  readonly record: R;
  readonly score: number;
  readonly terms: readonly string[];
}

/** Runs one MiniSearch query (or lists everything) and checks phrases and exclusions. */
function runOne<R>(ms: MiniSearch<R>, q: ParsedQuery, query: Query | null, filter: (r: R) => boolean, fieldsOf: (r: R) => string[], fields?: string[]): Scored<R>[] {
  const accept = (r: SearchResult): boolean => filter(r as unknown as R);
  const results = query === null ? ms.search(MiniSearch.wildcard, { filter: accept }) : ms.search(query, { filter: accept, ...(fields ? { fields } : {}) });
  const checkPhrases = hasPhrase(q);
  const boost = query !== null ? impliedPhrase(q) : null;
  const out: Scored<R>[] = [];
  for (const r of results) {
    const rec = r as unknown as R;
    const needsText = checkPhrases || q.not.length > 0 || boost !== null;
    const texts = needsText ? fieldsOf(rec) : [];
    if (checkPhrases) {
      const matched = new Set(r.queryTerms);
      if (!q.must.every((g) => !g.some((t) => t.kind === 'phrase') || groupHolds(g, texts, matched))) continue;
    }
    if (excluded(q.not, texts)) continue;
    const together = boost !== null && texts.some((t) => holdsPhrase(t, boost));
    out.push({ record: rec, score: together ? r.score * PHRASE_BOOST : r.score, terms: r.terms });
  }
  return out;
}

function sortScored<R>(rows: Scored<R>[], sort: Sort, dateOf: (r: R) => string | null): Scored<R>[] {
  const date = (r: Scored<R>): string => dateOf(r.record) ?? '';
  if (sort === 'relevance') return rows.sort((a, b) => b.score - a.score || date(b).localeCompare(date(a)));
  const dir = sort === 'date' ? 1 : -1;
  // Undated results go last either way.
  return rows.sort((a, b) => (date(a) === '' ? 1 : 0) - (date(b) === '' ? 1 : 0) || dir * date(a).localeCompare(date(b)) || b.score - a.score);
}

/** The page of results asked for, in the order asked for (relevance by default, newest first without words). */
function page<R>(rows: Scored<R>[], q: ParsedQuery, options: RunOptions, dateOf: (r: R) => string | null): Scored<R>[] {
  const sorted = sortScored(rows, options.sort ?? (q.must.length ? 'relevance' : '-date'), dateOf);
  const offset = options.offset ?? 0;
  return sorted.slice(offset, offset + (options.limit ?? 20));
}

function count(values: Iterable<string | null | undefined>): FacetValue[] {
  const m = new Map<string, number>();
  for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Searches across partitions: strict first (main fields, then all fields), then loose. */
async function searchPartitions<R>(
  keys: readonly string[],
  load: (key: string) => Promise<MiniSearch<R>>,
  q: ParsedQuery,
  filter: (r: R) => boolean,
  fieldsOf: (key: string, wide: boolean) => Promise<(r: R) => string[]>,
  mainFields: string[] | undefined,
  prefixLast: boolean,
): Promise<{ rows: Scored<R>[]; loose: boolean }> {
  const attempts: Array<{ query: Query | null; fields?: string[]; loose: boolean }> = [];
  // Exact words before forgiven typos: a typo match in the quote never hides an exact match in the
  // paragraph around it.
  const exact = miniQuery(q, false, prefixLast, false);
  const strict = miniQuery(q, false, prefixLast);
  attempts.push({ query: exact, ...(mainFields ? { fields: mainFields } : {}), loose: false });
  if (exact !== null && mainFields) attempts.push({ query: exact, loose: false });
  if (strict !== null) attempts.push({ query: strict, loose: false });
  if (strict !== null && q.must.length > 1) attempts.push({ query: miniQuery(q, true, prefixLast), loose: true });
  for (const a of attempts) {
    const rows: Scored<R>[] = [];
    for (const key of keys) {
      const ms = await load(key);
      rows.push(...runOne(ms, q, a.query, filter, await fieldsOf(key, !a.fields), a.fields));
    }
    if (rows.length || a === attempts[attempts.length - 1]) return { rows, loose: a.loose };
  }
  return { rows: [], loose: false };
}

export async function searchQuotes(src: IndexSource, q: ParsedQuery, options: RunOptions = {}): Promise<Results<QuoteHit>> {
  const keys = partitionsFor(src.manifest, q);
  const main = (r: QuoteRecord): string[] => [r.text, r.speaker ?? '', r.organisation ?? '', r.role ?? ''];
  const wide = (r: QuoteRecord): string[] => [...main(r), r.title];
  const { rows, loose } = await searchPartitions(keys, (k) => src.quotes(k), q, quoteFilter(q, src.manifest, options), async (_k, all) => (all ? wide : main), QUOTE_MAIN_FIELDS, true);
  const hits = page(rows, q, options, (r) => r.date).map(({ record: r, score }) => ({
    id: String((r as unknown as { id: string }).id), score, documentId: r.documentId, text: r.text, speaker: r.speaker ?? null, role: r.role ?? null,
    organisation: r.organisation ?? null, lineage: r.lineage ?? [], stance: r.stance, partial: r.partial === true, date: r.date ?? null,
    approximate: r.approximate === true, accessed: r.accessed ?? null, page: r.page ?? null,
    title: r.title, publisher: r.publisher ?? null, url: r.url ?? null, source: r.source ?? null, kind: r.kind,
  }));
  const recs = rows.map((x) => x.record);
  return {
    hits,
    total: rows.length,
    loose,
    facets: {
      organisation: count(recs.map((r) => r.organisation)),
      speaker: count(recs.map((r) => r.speaker)),
      stance: count(recs.map((r) => r.stance)),
      publisher: count(recs.map((r) => r.publisher)),
      year: count(recs.map((r) => r.date?.slice(0, 4))),
    },
  };
}

export async function searchDocuments(src: IndexSource, q: ParsedQuery, options: RunOptions = {}): Promise<Results<DocumentHit>> {
  const keys = partitionsFor(src.manifest, q);
  const needsText = hasPhrase(q) || q.not.length > 0 || impliedPhrase(q) !== null;
  const fieldsOf = async (key: string): Promise<(r: DocumentRecord) => string[]> => {
    if (!needsText) return (r) => [r.title];
    const texts = await src.texts(key);
    return (r) => [r.title, texts.get(String(r.id)) ?? ''];
  };
  const { rows, loose } = await searchPartitions(keys, (k) => src.documents(k), q, documentFilter(q, src.manifest), fieldsOf, undefined, true);
  const hits: DocumentHit[] = [];
  for (const { record: r, score, terms } of page(rows, q, options, (r) => r.published)) {
    // Texts come from the index source, which loads each partition's once.
    const texts = await src.texts(partitionKey(r.published));
    hits.push({
      id: String(r.id), score, title: r.title, publisher: r.publisher ?? null, published: r.published ?? null, approximate: r.approximate === true, url: r.url ?? null, source: r.source ?? null,
      kind: r.kind, orgs: r.orgs ?? [], speakerList: r.speakerList ?? [], stances: r.stances ?? [], text: texts.get(String(r.id)) ?? '', terms,
    });
  }
  const recs = rows.map((x) => x.record);
  return {
    hits,
    total: rows.length,
    loose,
    facets: {
      organisation: count(recs.flatMap((r) => r.orgs ?? [])),
      speaker: count(recs.flatMap((r) => r.speakerList ?? [])),
      stance: count(recs.flatMap((r) => r.stances ?? [])),
      publisher: count(recs.map((r) => r.publisher)),
      year: count(recs.map((r) => r.published?.slice(0, 4))),
    },
  };
}

export { QUOTE_OPTIONS, DOCUMENT_OPTIONS };
