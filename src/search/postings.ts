/**
 * Reading a partition's postings: the term shard that holds a word, its postings decoded once
 * (record numbers, fields, counts, positions), the terms that start with some letters and the
 * terms within a few typing errors of a word. Every file comes through the index source, which
 * caches what it has read; what is derived from a file is cached with it. Pure and browser-safe.
 */
import { partitionPoint } from '../core/sorted.js';
import { nearKeys, prefixKeys, vocabulary, type Vocabulary, type VocabularyFile } from './fuzzy.js';
import { fieldsOf, type Base, type FieldSpec, type Kind, type Postings } from './schema.js';

/** Where a partition's files come from: files read by the CLI, data scripts loaded by the page. */
export interface FileSource {
  /** A partition's file (key '': a file of the whole index), parsed; the same object each time it is asked for. */
  file(key: string, name: string): Promise<unknown>;
}

/** One term's postings, decoded: entry i is (records[i], fields[i]) with counts[i] positions from starts[i]. */
export interface Decoded {
  readonly records: Int32Array;
  readonly fields: Uint8Array;
  readonly counts: Int32Array;
  readonly starts: Int32Array;
  readonly positions: Int32Array;
  /** Records holding the term, per field. */
  readonly df: readonly number[];
}

export function decode(p: Postings, fields: readonly FieldSpec[]): Decoded {
  let entries = 0;
  let npos = 0;
  for (let i = 0; i < p.length; ) {
    const n = p[i + 2]!;
    entries++;
    const positional = fields[p[i + 1]!]!.positions;
    i += 3 + (positional ? n : 0);
    if (positional) npos += n;
  }
  const records = new Int32Array(entries);
  const fs = new Uint8Array(entries);
  const counts = new Int32Array(entries);
  const starts = new Int32Array(entries);
  const positions = new Int32Array(npos);
  const df = fields.map(() => 0);
  let record = 0;
  let e = 0;
  let at = 0;
  for (let i = 0; i < p.length; e++) {
    record += p[i]!;
    const f = p[i + 1]!;
    const n = p[i + 2]!;
    records[e] = record;
    fs[e] = f;
    counts[e] = n;
    starts[e] = at;
    df[f]!++;
    i += 3;
    if (!fields[f]!.positions) continue;
    let pos = 0;
    for (let j = 0; j < n; j++) {
      pos += p[i + j]!;
      positions[at++] = pos;
    }
    i += n;
  }
  return { records, fields: fs, counts, starts, positions, df };
}

type Shard = Record<string, Postings>;

const decodedCache = new WeakMap<Shard, Map<string, Decoded>>();
const prepared = new WeakMap<VocabularyFile, Vocabulary>();

/** The last index i with sorted[i] <= term, or -1. */
function floorIndex(sorted: readonly string[], term: string): number {
  return partitionPoint(0, sorted.length, (i) => sorted[i]! <= term) - 1;
}

/** One partition's terms of one kind of record. */
export class TermReader {
  readonly fields: readonly FieldSpec[];

  constructor(private readonly src: FileSource, readonly key: string, readonly kind: Kind, readonly base: Base, private readonly vocabularyFile: () => Promise<VocabularyFile>) {
    this.fields = fieldsOf(kind);
  }

  private async shard(i: number): Promise<Shard> {
    return (await this.src.file(this.key, `${this.kind}-terms-${i}.json`)) as Shard;
  }

  /** A term's postings, or null when the partition does not have it. */
  async postings(term: string): Promise<Decoded | null> {
    const i = floorIndex(this.base.shards, term);
    if (i < 0) return null;
    const shard = await this.shard(i);
    const raw = Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : undefined;
    if (!raw) return null;
    let cache = decodedCache.get(shard);
    if (!cache) decodedCache.set(shard, (cache = new Map()));
    let d = cache.get(term);
    if (!d) cache.set(term, (d = decode(raw, this.fields)));
    return d;
  }

  /** Keys of the index's words that start with `prefix` (as typed, folded), each with its shortest word's length; at most `limit`. */
  async withPrefix(prefix: string, limit: number): Promise<Array<[string, number]>> {
    return prefixKeys(await this.vocabularyFile(), prefix, limit);
  }

  /** Keys of the index's words within `distance` edits of `word` (as typed, folded), with their distance. */
  async near(word: string, distance: number): Promise<Map<string, number>> {
    const file = await this.vocabularyFile();
    let v = prepared.get(file);
    if (!v) prepared.set(file, (v = vocabulary(file)));
    return nearKeys(v, word, distance);
  }
}
