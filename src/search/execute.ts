/**
 * Running a parsed query over the partitioned index: only the partitions the date filters allow
 * are read, and of each only its base (counts, columns), the shards of the query's words and the
 * records of the results shown. Every word group must match (phrases word for word, by positions;
 * exclusions taken out); exact words first in a quote's own fields, then in all its fields, then
 * with typing errors forgiven; when nothing matches with all the words, and only then, the looser
 * results (any word), marked `loose`. Filters match identities (an organisation and its parts, a
 * person's name variants), not substrings of role text. Pure and browser-safe: the caller supplies
 * the files.
 */
import { STANCES, type Stance } from '../core/types.js';
import type { ParsedQuery } from './query-language.js';
import { dateBounds } from './query-language.js';
import { holdsWords, nameKey, orgMatcher } from './organisations.js';
import { TermReader, type FileSource } from './postings.js';
import { PartitionMatcher, type Attempt, type Matches } from './match.js';
import type { VocabularyFile } from './fuzzy.js';
import {
  QUOTE_MAIN_FIELDS, RECORDS_PER_CHUNK, TEXTS_PER_CHUNK, fieldsOf,
  type Base, type DocumentRecord, type IndexManifest, type Kind, type PartitionInfo, type QuoteRecord,
} from './schema.js';

export { typoDistance } from './match.js';

/** Where the index comes from: files read by the CLI, data scripts loaded by the page. */
export interface IndexSource extends FileSource {
  readonly manifest: IndexManifest;
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

export interface QuoteHit extends QuoteRecord {
  readonly score: number;
}

export interface DocumentHit extends DocumentRecord {
  readonly score: number;
  readonly text: string;
  /** Query words as they matched in the document (index terms), for highlighting. */
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

/** The partitions a query's date filters allow (a partition's dates run from `first` to `last`). */
export function partitionsFor(manifest: IndexManifest, q: ParsedQuery): string[] {
  const { year, since, until } = q.filters;
  const dated = year.length > 0 || since !== null || until !== null;
  return manifest.partitions.filter((p) => {
    if (!dated) return true;
    if (p.first === null || p.last === null) return false;
    const first = dateBounds(p.first).first;
    const last = dateBounds(p.last).last;
    if (year.length && !year.some((y) => `${y}-12-31` >= first && `${y}-01-01` <= last)) return false;
    if (since && last < dateBounds(since).first) return false;
    if (until && first > dateBounds(until).last) return false;
    return true;
  }).map((p) => p.key);
}

const any = <T>(values: readonly T[], test: (v: T) => boolean): boolean => values.length === 0 || values.some(test);
const sameWords = (a: string | null, b: string): boolean => a !== null && nameKey(a) === nameKey(b);

/** For each entry of a table, whether it passes a test (computed once per table and query). */
function passes<T>(values: readonly T[], tests: ReadonlyArray<(v: T) => boolean>): Uint8Array | null {
  if (!tests.length) return null;
  return Uint8Array.from(values, (v) => (tests.some((t) => t(v)) ? 1 : 0));
}

const lineageCache = new WeakMap<Base, ReadonlyArray<readonly string[]>>();

/** A partition's lineages as lists of names (the base stores them by number). */
export function lineageNames(base: Base): ReadonlyArray<readonly string[]> {
  let out = lineageCache.get(base);
  if (!out) lineageCache.set(base, (out = base.tables.lineages.map((ids) => ids.map((i) => base.tables.names[i]!))));
  return out;
}

/** A record's date as stored, or null. */
export const dateOf = (base: Base, record: number): string | null => base.tables.dates[base.columns.date[record]!] ?? null;

/** Which records of a partition the query's filters (and its deletions) let through. */
function recordFilter(base: Base, info: PartitionInfo, q: ParsedQuery, orgs: ReadonlyArray<(lineage: readonly string[]) => boolean>, options: RunOptions): (r: number) => boolean {
  const f = q.filters;
  const t = base.tables;
  const c = base.columns;
  const quotes = base.kind === 'quotes';
  const speakerOk = passes(t.speakers, f.speaker.map((v) => (s: string) => speakerMatches(s, v)));
  const setOk = speakerOk && passes(t.speakerSets, [(set: readonly number[]) => set.some((i) => speakerOk[i] === 1)]);
  const lineageOk = passes(lineageNames(base), orgs);
  const publisherOk = passes(t.publishers, f.publisher.map((p) => (v: string) => holdsWords(v, p)));
  const sourceOk = passes(t.sources, f.source.map((s) => (v: string) => sameWords(v, s)));
  const kindOk = passes(t.kinds, f.kind.map((k) => (v: string) => sameWords(v, k)));
  const stanceBits = f.stance.reduce((bits, s) => bits | (1 << STANCES.indexOf(s as Stance)), 0);
  const deleted = new Set(info.deleted);
  const dated = f.year.length > 0 || f.since !== null || f.until !== null;
  const dateOk = dated ? Uint8Array.from(t.dates, (d) => (dateMatches(d, q) ? 1 : 0)) : null;
  const hit = (ok: Uint8Array | null, i: number): boolean => ok === null || (i >= 0 && ok[i] === 1);
  return (r) =>
    !deleted.has(c.doc[r]!) &&
    (!quotes || options.partial !== false || (c.flags[r]! & 2) === 0) &&
    hit(quotes ? speakerOk : setOk, c.speaker[r]!) &&
    hit(lineageOk, c.lineage[r]!) &&
    (!stanceBits || (quotes ? ((1 << c.stance[r]!) & stanceBits) !== 0 : (c.stance[r]! & stanceBits) !== 0)) &&
    hit(sourceOk, c.source[r]!) &&
    hit(publisherOk, c.publisher[r]!) &&
    hit(kindOk, c.kind[r]!) &&
    hit(dateOk, c.date[r]!);
}

// ——— running ———

interface Row {
  readonly key: string;
  readonly record: number;
  readonly score: number;
  readonly terms: readonly string[];
  readonly date: string | null;
}

interface Loaded {
  readonly info: PartitionInfo;
  readonly base: Base;
  readonly matcher: PartitionMatcher;
}

/** The index's vocabulary of one kind, read when a query first needs it (prefixes, typing errors). */
function lazyVocabulary(src: IndexSource, kind: Kind): () => Promise<VocabularyFile> {
  return async () => (await src.file('', src.manifest.vocabulary[kind])) as VocabularyFile;
}

async function loadPartitions(src: IndexSource, kind: Kind, q: ParsedQuery, options: RunOptions): Promise<Loaded[]> {
  const keys = new Set(partitionsFor(src.manifest, q));
  const vocab = lazyVocabulary(src, kind);
  // Made once for the query: resolving a value reads the whole organisation list.
  const orgs = q.filters.org.map((v) => orgMatcher(v, src.manifest.organisations));
  const out: Loaded[] = [];
  for (const info of src.manifest.partitions) {
    if (!keys.has(info.key)) continue;
    const base = (await src.file(info.key, `${kind}-base.json`)) as Base;
    const reader = new TermReader(src, info.key, kind, base, vocab);
    out.push({ info, base, matcher: new PartitionMatcher(reader, recordFilter(base, info, q, orgs, options)) });
  }
  return out;
}

function attempts(kind: Kind, q: ParsedQuery): Attempt[] {
  const fields = fieldsOf(kind);
  const all = new Set(fields.map((_, i) => i));
  const main = kind === 'quotes' ? new Set(QUOTE_MAIN_FIELDS.map((n) => fields.findIndex((f) => f.name === n))) : all;
  // Exact words before forgiven typos, and a quote's own fields before its title and paragraph.
  const out: Attempt[] = [{ fields: main, typos: false, loose: false, prefixLast: true }];
  if (main !== all) out.push({ fields: all, typos: false, loose: false, prefixLast: true });
  out.push({ fields: main, typos: true, loose: false, prefixLast: true });
  if (main !== all) out.push({ fields: all, typos: true, loose: false, prefixLast: true });
  if (q.must.length > 1) out.push({ fields: all, typos: true, loose: true, prefixLast: true });
  return out;
}

async function matchAll(parts: readonly Loaded[], kind: Kind, q: ParsedQuery): Promise<{ rows: Row[]; loose: boolean }> {
  const toRows = (p: Loaded, m: Matches): Row[] => [...m].map(([record, x]) => ({ key: p.info.key, record, score: x.score, terms: x.terms, date: dateOf(p.base, record) }));
  const list = attempts(kind, q);
  for (const a of list) {
    const rows: Row[] = [];
    let words = false;
    for (const p of parts) {
      const m = await p.matcher.run(q, a);
      if (m === null) rows.push(...toRows(p, await p.matcher.all(q, a)));
      else {
        words = true;
        rows.push(...toRows(p, m));
      }
    }
    if (rows.length || !words || a === list[list.length - 1]) return { rows, loose: a.loose };
  }
  return { rows: [], loose: false };
}

/** The order results are given in: by relevance (then newest), or by date either way with undated last. */
function comparator(sort: Sort): (a: Row, b: Row) => number {
  const date = (r: Row): string => r.date ?? '';
  if (sort === 'relevance') return (a, b) => b.score - a.score || date(b).localeCompare(date(a));
  const dir = sort === 'date' ? 1 : -1;
  return (a, b) => (date(a) === '' ? 1 : 0) - (date(b) === '' ? 1 : 0) || dir * date(a).localeCompare(date(b)) || b.score - a.score;
}

/**
 * The page of results asked for, in the order asked for (relevance by default, newest first without
 * words). A page near the top of many results is picked by a single pass keeping the best ones,
 * rather than by sorting every result.
 */
function page(rows: Row[], q: ParsedQuery, options: RunOptions): Row[] {
  const cmp = comparator(options.sort ?? (q.must.length ? 'relevance' : '-date'));
  const offset = options.offset ?? 0;
  const want = offset + (options.limit ?? 20);
  if (want * 8 >= rows.length) return rows.sort(cmp).slice(offset, want);
  const best: Row[] = [];
  for (const row of rows) {
    if (best.length === want && cmp(row, best[want - 1]!) >= 0) continue;
    let i = best.length;
    while (i > 0 && cmp(row, best[i - 1]!) < 0) i--;
    best.splice(i, 0, row);
    if (best.length > want) best.pop();
  }
  return best.slice(offset);
}

/** Facet counts over every matching record: counted by table entry per partition, then named. */
function facets(rows: readonly Row[], parts: readonly Loaded[]): Facets {
  const m = { organisation: new Map<string, number>(), speaker: new Map<string, number>(), stance: new Map<string, number>(), publisher: new Map<string, number>(), year: new Map<string, number>() };
  const add = (map: Map<string, number>, v: string | null | undefined, n: number): void => {
    if (v && n) map.set(v, (map.get(v) ?? 0) + n);
  };
  const byKey = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byKey.get(row.key);
    if (list) list.push(row);
    else byKey.set(row.key, [row]);
  }
  for (const p of parts) {
    const mine = byKey.get(p.info.key);
    if (!mine) continue;
    const { columns: c, tables: t, kind } = p.base;
    const tally = (column: readonly number[], size: number): Int32Array => {
      const counts = new Int32Array(size + 1);
      for (const row of mine) counts[column[row.record]! + 1]!++;
      return counts;
    };
    const publishers = tally(c.publisher, t.publishers.length);
    t.publishers.forEach((name, i) => add(m.publisher, name, publishers[i + 1]!));
    const dates = tally(c.date, t.dates.length);
    t.dates.forEach((d, i) => add(m.year, d.slice(0, 4), dates[i + 1]!));
    if (kind === 'quotes') {
      const orgs = tally(c.organisation, t.organisations.length);
      t.organisations.forEach((name, i) => add(m.organisation, name, orgs[i + 1]!));
      const speakers = tally(c.speaker, t.speakers.length);
      t.speakers.forEach((name, i) => add(m.speaker, name, speakers[i + 1]!));
      const stances = tally(c.stance, STANCES.length);
      STANCES.forEach((name, i) => add(m.stance, name, stances[i + 1]!));
    } else {
      for (const row of mine) {
        const r = row.record;
        for (const o of lineageNames(p.base)[c.lineage[r]!] ?? []) add(m.organisation, o, 1);
        for (const sp of t.speakerSets[c.speaker[r]!] ?? []) add(m.speaker, t.speakers[sp], 1);
        STANCES.forEach((st, i) => add(m.stance, st, c.stance[r]! & (1 << i) ? 1 : 0));
      }
    }
  }
  return { organisation: count(m.organisation), speaker: count(m.speaker), stance: count(m.stance), publisher: count(m.publisher), year: count(m.year) };
}

function count(counts: Map<string, number>): FacetValue[] {
  return [...counts].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

async function recordOf<T>(src: IndexSource, kind: Kind, row: Row): Promise<T> {
  const chunk = (await src.file(row.key, `${kind}-${Math.floor(row.record / RECORDS_PER_CHUNK)}.json`)) as T[];
  return chunk[row.record % RECORDS_PER_CHUNK]!;
}

async function search(src: IndexSource, kind: Kind, q: ParsedQuery, options: RunOptions): Promise<{ rows: Row[]; shown: Row[]; loose: boolean; facets: Facets }> {
  const parts = await loadPartitions(src, kind, q, options);
  const { rows, loose } = await matchAll(parts, kind, q);
  return { rows, shown: page(rows, q, options), loose, facets: facets(rows, parts) };
}

/** Who said a matching quote, for whom and with what stance: read from the columns, no record loaded. */
export interface Voiced {
  readonly speaker: string | null;
  readonly organisation: string | null;
  readonly stance: Stance;
}

/** Every matching quote's speaker, organisation and stance, for counts over many quotes (`ccg who`). */
export async function quoteVoices(src: IndexSource, q: ParsedQuery, options: RunOptions = {}): Promise<{ voices: Voiced[]; total: number; loose: boolean }> {
  const parts = await loadPartitions(src, 'quotes', q, options);
  const { rows, loose } = await matchAll(parts, 'quotes', q);
  const byKey = new Map(parts.map((p) => [p.info.key, p.base]));
  const voices = rows.map((row) => {
    const { columns: c, tables: t } = byKey.get(row.key)!;
    return { speaker: t.speakers[c.speaker[row.record]!] ?? null, organisation: t.organisations[c.organisation[row.record]!] ?? null, stance: STANCES[c.stance[row.record]!]! };
  });
  return { voices, total: rows.length, loose };
}

export async function searchQuotes(src: IndexSource, q: ParsedQuery, options: RunOptions = {}): Promise<Results<QuoteHit>> {
  const { rows, shown, loose, facets: f } = await search(src, 'quotes', q, options);
  const hits: QuoteHit[] = [];
  for (const row of shown) hits.push({ ...(await recordOf<QuoteRecord>(src, 'quotes', row)), score: row.score });
  return { hits, total: rows.length, loose, facets: f };
}

export async function searchDocuments(src: IndexSource, q: ParsedQuery, options: RunOptions = {}): Promise<Results<DocumentHit>> {
  const { rows, shown, loose, facets: f } = await search(src, 'documents', q, options);
  const hits: DocumentHit[] = [];
  for (const row of shown) {
    const texts = (await src.file(row.key, `texts-${Math.floor(row.record / TEXTS_PER_CHUNK)}.json`)) as string[];
    hits.push({ ...(await recordOf<DocumentRecord>(src, 'documents', row)), score: row.score, text: texts[row.record % TEXTS_PER_CHUNK] ?? '', terms: row.terms });
  }
  return { hits, total: rows.length, loose, facets: f };
}
