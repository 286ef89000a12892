/**
 * Matching a parsed query inside one partition, from its postings alone: words (with the last one
 * as a prefix and, when asked, forgiven typing errors), phrases checked by word positions, groups
 * of alternatives (OR) combined with AND (or OR for the looser results), exclusions, and the boost
 * of results holding the query's words together. Scores are BM25+ per field, weighted by field.
 * Pure and browser-safe.
 */
import { partitionPoint } from '../core/sorted.js';
import type { ParsedQuery, Term } from './query-language.js';
import { foldCase, foldSpelling, keyOf, processTerm } from './normalise.js';
import type { Decoded, TermReader } from './postings.js';

export interface Match {
  score: number;
  /** The index terms that matched (for highlighting and snippets). */
  readonly terms: string[];
}

export type Matches = Map<number, Match>;

export interface Attempt {
  /** Field numbers searched. */
  readonly fields: ReadonlySet<number>;
  /** Forgive typing errors in long words. */
  readonly typos: boolean;
  /** Any group may match (the looser results) instead of every group. */
  readonly loose: boolean;
  /** The last word also matches as the start of longer words (search as you type). */
  readonly prefixLast: boolean;
}

/** Results that hold the query's words together, in order, rank this many times higher. */
const PHRASE_BOOST = 5;
/** Words a prefix expands to, at most (shortest first). */
const PREFIX_TERMS = 60;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.3;

/**
 * How many typing errors a word forgives: judged by the word as typed, not by its stem, since a
 * misspelling can change what the stemmer cuts ("commisioning" → "commis", one edit from
 * "commiss"): one from 8 letters, two from 12.
 */
export function typoDistance(word: string): number {
  const n = [...word].length;
  return n >= 12 ? 2 : n >= 8 ? 1 : 0;
}

function bm25(tf: number, df: number, n: number, length: number, average: number): number {
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / (average || 1))));
}

/** The index terms a query word stands for, each with its weight. */
async function expansions(reader: TermReader, word: string, last: boolean, a: Attempt): Promise<Array<[string, number]>> {
  const key = processTerm(word);
  if (!key) return [];
  const out = new Map<string, number>([[key, 1]]);
  const add = (t: string, w: number): void => {
    if ((out.get(t) ?? 0) < w) out.set(t, w);
  };
  const d = a.typos ? typoDistance(word) : 0;
  // Typing errors are judged on the words as written, then stand for their keys.
  if (d) for (const [t, dist] of await reader.near(foldCase(word), d)) if (dist > 0 && t !== key) add(t, (FUZZY_WEIGHT * t.length) / (t.length + dist));
  if (last && a.prefixLast) {
    // Words of the index that start with the letters typed (search as you type), by the words as
    // written: "commissio" finds "commissioning" (key "commiss"), and "carer" does not find "care".
    const typed = foldCase(word);
    // American spelling typed, British written ("organiz" finds "organisation"), and as written.
    for (const prefix of new Set([typed, foldSpelling(typed)])) {
      if (prefix.length < 3) continue;
      for (const [t, n] of await reader.withPrefix(prefix, PREFIX_TERMS)) add(t, t === key ? 1 : (PREFIX_WEIGHT * n) / (n + 0.3 * (n - prefix.length)));
    }
  }
  return [...out];
}

/** The range of entries of `record` in a term's postings (records are in ascending order). */
function entriesOf(d: Decoded, record: number): [number, number] {
  const lo = partitionPoint(0, d.records.length, (i) => d.records[i]! < record);
  let end = lo;
  while (end < d.records.length && d.records[end] === record) end++;
  return [lo, end];
}

function entryIn(d: Decoded, record: number, field: number): number {
  const [from, to] = entriesOf(d, record);
  for (let e = from; e < to; e++) if (d.fields[e] === field) return e;
  return -1;
}

function hasPosition(d: Decoded, e: number, pos: number): boolean {
  const end = d.starts[e]! + d.counts[e]!;
  const i = partitionPoint(d.starts[e]!, end, (k) => d.positions[k]! < pos);
  return i < end && d.positions[i] === pos;
}

/** Does `record` hold the words (their postings, in order) one after another in a positional field of `fields`? */
function phraseAt(ds: readonly Decoded[], record: number, fields: ReadonlySet<number>, reader: TermReader): boolean {
  const [from, to] = entriesOf(ds[0]!, record);
  for (let e0 = from; e0 < to; e0++) {
    const f = ds[0]!.fields[e0]!;
    const spec = reader.fields[f]!;
    if (!fields.has(f) || !spec.positions || !spec.shown) continue;
    const es = ds.map((d, i) => (i === 0 ? e0 : entryIn(d, record, f)));
    if (es.some((e) => e < 0)) continue;
    const d0 = ds[0]!;
    for (let k = 0; k < d0.counts[e0]!; k++) {
      const p = d0.positions[d0.starts[e0]! + k]!;
      if (ds.every((d, i) => i === 0 || hasPosition(d, es[i]!, p + i))) return true;
    }
  }
  return false;
}

export class PartitionMatcher {
  constructor(private readonly reader: TermReader, private readonly ok: (record: number) => boolean) {}

  private score(d: Decoded, e: number, weight: number): number {
    const f = d.fields[e]!;
    const base = this.reader.base;
    return weight * this.reader.fields[f]!.boost * bm25(d.counts[e]!, d.df[f]!, base.count, base.columns.lengths[f]![d.records[e]!] ?? 0, base.averageLengths[f] ?? 0);
  }

  private async word(word: string, last: boolean, a: Attempt): Promise<Matches | null> {
    const exp = await expansions(this.reader, word, last, a);
    if (!exp.length) return null;
    const out: Matches = new Map();
    for (const [term, weight] of exp) {
      const d = await this.reader.postings(term);
      if (!d) continue;
      for (let e = 0; e < d.records.length; e++) {
        const r = d.records[e]!;
        if (!a.fields.has(d.fields[e]!) || !this.ok(r)) continue;
        const s = this.score(d, e, weight);
        const m = out.get(r);
        if (!m) out.set(r, { score: s, terms: [term] });
        else {
          m.score += s;
          if (!m.terms.includes(term)) m.terms.push(term);
        }
      }
    }
    return out;
  }

  /** Records holding the phrase's words one after another, and their postings. */
  private async phraseRecords(words: readonly string[], fields: ReadonlySet<number>): Promise<{ records: number[]; ds: Decoded[]; keys: string[] } | null> {
    const keys = words.map((w) => keyOf(w)).filter((k) => k);
    if (!keys.length) return null;
    const ds: Decoded[] = [];
    for (const k of keys) {
      const d = await this.reader.postings(k);
      if (!d) return { records: [], ds: [], keys };
      ds.push(d);
    }
    const records: number[] = [];
    let prev = -1;
    for (let e = 0; e < ds[0]!.records.length; e++) {
      const r = ds[0]!.records[e]!;
      if (r === prev) continue;
      prev = r;
      if (this.ok(r) && phraseAt(ds, r, fields, this.reader)) records.push(r);
    }
    return { records, ds, keys };
  }

  private async phrase(words: readonly string[], a: Attempt): Promise<Matches | null> {
    const found = await this.phraseRecords(words, a.fields);
    if (!found) return null;
    const out: Matches = new Map();
    const scored = found.keys.map((k, i) => [k, found.ds[i]] as const).filter(([k]) => processTerm(k) !== null);
    for (const r of found.records) {
      let s = 0;
      for (const [, d] of scored) {
        const [from, to] = entriesOf(d!, r);
        for (let e = from; e < to; e++) if (a.fields.has(d!.fields[e]!)) s += this.score(d!, e, 1);
      }
      out.set(r, { score: s, terms: scored.map(([k]) => k) });
    }
    return out;
  }

  private async term(t: Term, last: boolean, a: Attempt): Promise<Matches | null> {
    return t.kind === 'word' ? this.word(t.text, last, a) : this.phrase(t.words, a);
  }

  /** Records holding an excluded word or phrase in the attempt's positional fields. */
  private async excluded(not: readonly Term[], a: Attempt): Promise<Set<number>> {
    const out = new Set<number>();
    const positional = new Set([...a.fields].filter((f) => this.reader.fields[f]!.positions && this.reader.fields[f]!.shown));
    for (const t of not) {
      if (t.kind === 'phrase') {
        for (const r of (await this.phraseRecords(t.words, positional))?.records ?? []) out.add(r);
        continue;
      }
      const d = await this.reader.postings(keyOf(t.text));
      if (!d) continue;
      for (let e = 0; e < d.records.length; e++) if (positional.has(d.fields[e]!)) out.add(d.records[e]!);
    }
    return out;
  }

  /** Every record the filters allow, less the exclusions (a query of filters only). */
  async all(q: ParsedQuery, a: Attempt): Promise<Matches> {
    const gone = q.not.length ? await this.excluded(q.not, a) : null;
    const out: Matches = new Map();
    for (let r = 0; r < this.reader.base.count; r++) if (this.ok(r) && !gone?.has(r)) out.set(r, { score: 0, terms: [] });
    return out;
  }

  /** The records matching the query's words in this attempt; null when the query has no word to search. */
  async run(q: ParsedQuery, a: Attempt): Promise<Matches | null> {
    const groups: Matches[] = [];
    for (let gi = 0; gi < q.must.length; gi++) {
      const g = q.must[gi]!;
      let union: Matches | null = null;
      for (let ti = 0; ti < g.length; ti++) {
        const m = await this.term(g[ti]!, gi === q.must.length - 1 && ti === g.length - 1, a);
        if (m === null) continue;
        union = union ? merge(union, m) : m;
      }
      if (union) groups.push(union);
    }
    if (!groups.length) return null;
    let out = a.loose ? groups.reduce(merge) : intersect(groups);
    if (q.not.length) {
      const gone = await this.excluded(q.not, a);
      out = new Map([...out].filter(([r]) => !gone.has(r)));
    }
    await this.boostPhrase(q, out, a);
    return out;
  }

  /** A query of several single words ("delegated commissioning") ranks them higher when together. */
  private async boostPhrase(q: ParsedQuery, out: Matches, a: Attempt): Promise<void> {
    if (q.must.length < 2 || !q.must.every((g) => g.length === 1 && g[0]!.kind === 'word')) return;
    const keys = q.must.map((g) => keyOf(g[0]!.text));
    const ds: Decoded[] = [];
    for (const k of keys) {
      const d = await this.reader.postings(k);
      if (!d) return;
      ds.push(d);
    }
    for (const [r, m] of out) if (phraseAt(ds, r, a.fields, this.reader)) m.score *= PHRASE_BOOST;
  }
}

function merge(a: Matches, b: Matches): Matches {
  const out: Matches = new Map(a);
  for (const [r, m] of b) {
    const x = out.get(r);
    if (!x) out.set(r, { score: m.score, terms: [...m.terms] });
    else out.set(r, { score: x.score + m.score, terms: [...new Set([...x.terms, ...m.terms])] });
  }
  return out;
}

function intersect(groups: Matches[]): Matches {
  if (groups.length === 1) return groups[0]!;
  const sorted = [...groups].sort((x, y) => x.size - y.size);
  const out: Matches = new Map();
  for (const [r, m] of sorted[0]!) {
    let score = m.score;
    const terms = [...m.terms];
    let all = true;
    for (let i = 1; i < sorted.length; i++) {
      const o = sorted[i]!.get(r);
      if (!o) {
        all = false;
        break;
      }
      score += o.score;
      for (const t of o.terms) if (!terms.includes(t)) terms.push(t);
    }
    if (all) out.set(r, { score, terms });
  }
  return out;
}
