/**
 * The query and filter flags that search, quotes, timeline and who share. A flag is the same
 * filter as the query field of its name (`--org BMA` is `org:BMA`), validated alike: a bad date,
 * a reversed range, an unknown field or stance is a usage error (exit 2).
 */
import { UsageError } from '../core/errors.js';
import { STANCES, DOCUMENT_KINDS, documentKind, type Stance } from '../core/types.js';
import { parseQuery, normaliseDate, dateBounds, SORTS, type ParsedQuery, type Sort } from '../search/query-language.js';
import type { FacetValue, Facets } from '../search/execute.js';
import type { Options, Parsed } from './args.js';
import { str } from './args.js';
import { out } from './output.js';

export const FILTER_OPTIONS: Options = {
  speaker: { type: 'string', multiple: true },
  org: { type: 'string', multiple: true },
  stance: { type: 'string', multiple: true },
  source: { type: 'string', multiple: true },
  publisher: { type: 'string', multiple: true },
  kind: { type: 'string', multiple: true },
  year: { type: 'string', multiple: true },
  since: { type: 'string' },
  until: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  jsonl: { type: 'boolean' },
  csv: { type: 'boolean' },
};

/** The flags of a ranked list of results (search, quotes); timeline and who count every match and do not take them. */
export const RESULT_OPTIONS: Options = {
  limit: { type: 'string' },
  sort: { type: 'string' },
  facets: { type: 'boolean' },
};

export type Format = 'table' | 'json' | 'jsonl' | 'csv' | 'md';
export const FORMATS: readonly Format[] = ['table', 'json', 'jsonl', 'csv', 'md'];

/** `--format F`, or its shorthands `--json`, `--jsonl`, `--csv`; one format per command line. */
export function formatFrom(command: string, values: Parsed['values']): Format {
  const chosen = str(values.format);
  if (chosen !== undefined && !FORMATS.includes(chosen as Format)) throw new UsageError(`${command}: --format must be one of ${FORMATS.join(', ')}; got ${JSON.stringify(chosen)}`);
  const short = (['json', 'jsonl', 'csv'] as const).filter((f) => values[f] === true);
  if (chosen && short.length && !short.every((f) => f === chosen)) throw new UsageError(`${command}: choose one output format, not --format ${chosen} and --${short[0]}`, { showUsage: true });
  return (chosen as Format | undefined) ?? short[0] ?? 'table';
}

export const QUERY_HELP = `Query language (the same on the static page):
  words             every word must match (stemmed: "commissioning" finds "commissioned";
                    British and American spellings and accents are folded)
  "a phrase"        the words together, in this order
  -word -"phrase"   leave out results holding the word or phrase
  a OR b            either word
  speaker:NAME  org:NAME  stance:S  source:ID  publisher:NAME  kind:K  year:YYYY
  since:DATE  until:DATE   filters (quote values with spaces: org:"NHS England")
When nothing matches every word, the results that match any word are shown, labelled as such.`;

export const FILTER_HELP = `  --speaker NAME    quotes by this person ("Mehta", "Dr Raj Mehta", "Raj Mehta" all match)
  --org NAME        quotes for this organisation, its other names and its parts (--org BMA
                    includes the GPC); documents naming it
  --stance S        support, oppose, mixed or neutral
  --since DATE      published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --until DATE      published on or before DATE (a document dated only "2014" is in 2014)
  --year YYYY       published in that year
  --source ID       from this registry source;  --publisher NAME  by this publisher
  --kind K          news, report, blog, press release or page`;

/** The help of RESULT_OPTIONS and of the output formats, for search and quotes. */
export const RESULT_HELP = `  --sort S          relevance (default with words), date (oldest first), -date (newest first;
                    the default without words)
  --limit N         at most N results (default 20)
  --facets          also count the matches by organisation, speaker, stance, publisher and year
${formatHelp('{query, total, loose, hits, facets}', 'result')}`;

/** The --format line of a command's help, with the shape its JSON takes and what one JSON line holds. */
export function formatHelp(json: string, row: string): string {
  const words = `table (default), json (${json}), jsonl (one ${row} per line), csv (a spreadsheet, UTF-8 with a byte-order mark) or md (a Markdown table); --json, --jsonl and --csv are short for them`.split(' ');
  const lines = [''];
  for (const w of words) {
    const last = lines.length - 1;
    if (lines[last] && lines[last]!.length + 1 + w.length > 76) lines.push(w);
    else lines[last] = lines[last] ? `${lines[last]} ${w}` : w;
  }
  return lines.map((l, i) => `${i ? ' '.repeat(20) : '  --format F        '}${l}`).join('\n');
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** The query from the positional words and the filter flags; exit 2 when either is wrong. */
export function queryFrom(command: string, words: readonly string[], values: Parsed['values']): { query: ParsedQuery; limit: number; sort: Sort | undefined } {
  const q = parseQuery(words.join(' '));
  const errors = [...q.errors];
  const stances = list(values.stance).map((s) => s.toLowerCase());
  for (const s of stances) if (!STANCES.includes(s as Stance)) errors.push(`--stance must be one of ${STANCES.join(', ')}; got ${JSON.stringify(s)}`);
  const date = (flag: 'since' | 'until'): string | null => {
    const v = str(values[flag]);
    if (v === undefined) return null;
    const d = normaliseDate(v);
    if (!d) errors.push(`--${flag} must be YYYY, YYYY-MM or YYYY-MM-DD of a real day; got ${JSON.stringify(v)}`);
    return d;
  };
  const since = date('since') ?? q.filters.since;
  const until = date('until') ?? q.filters.until;
  if (since && until && dateBounds(since).first > dateBounds(until).last && !errors.length) errors.push(`--since ${since} is after --until ${until}`);
  const kinds = list(values.kind).map((k) => {
    const kind = documentKind(k);
    if (!kind) errors.push(`--kind must be one of ${DOCUMENT_KINDS.join(', ')}; got ${JSON.stringify(k)}`);
    return kind ?? k;
  });
  const years = list(values.year);
  for (const y of years) if (!/^\d{4}$/.test(y) || !normaliseDate(y)) errors.push(`--year must be a year such as 2014; got ${JSON.stringify(y)}`);
  const limitRaw = str(values.limit);
  const limit = limitRaw === undefined ? 20 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1) errors.push(`--limit must be a positive whole number; got ${JSON.stringify(limitRaw)}`);
  const sortRaw = str(values.sort);
  if (sortRaw !== undefined && !SORTS.includes(sortRaw as Sort)) errors.push(`--sort must be one of ${SORTS.join(', ')}; got ${JSON.stringify(sortRaw)}`);
  if (errors.length) throw new UsageError(`${command}: ${errors.join('; ')}`);
  const f = q.filters;
  const query: ParsedQuery = {
    ...q,
    filters: {
      speaker: [...f.speaker, ...list(values.speaker)],
      org: [...f.org, ...list(values.org)],
      stance: [...f.stance, ...(stances as Stance[])],
      source: [...f.source, ...list(values.source)],
      publisher: [...f.publisher, ...list(values.publisher)],
      kind: [...f.kind, ...kinds],
      year: [...f.year, ...years],
      since,
      until,
    },
  };
  return { query, limit, sort: sortRaw as Sort | undefined };
}

/**
 * The machine-readable formats: `json` prints the envelope (pretty), `jsonl` one row per line.
 * True when it printed (the command is done), false for the formats the command prints itself.
 */
export function printStructured(format: Format, envelope: () => object, rows: readonly object[]): boolean {
  if (format === 'json') out(JSON.stringify(envelope(), null, 2));
  else if (format === 'jsonl') for (const r of rows) out(JSON.stringify(r));
  else return false;
  return true;
}

/** Facet counts as lines: "organisation: GPC 12 · NHS England 9 · …". */
export function facetLines(facets: Facets, top = 8): string[] {
  const line = (name: string, values: readonly FacetValue[]): string | null =>
    values.length ? `${name}: ${values.slice(0, top).map((v) => `${v.value} ${v.count}`).join(' · ')}${values.length > top ? ` · … (${values.length - top} more)` : ''}` : null;
  return [
    line('organisation', facets.organisation),
    line('speaker', facets.speaker),
    line('stance', facets.stance),
    line('publisher', facets.publisher),
    line('year', facets.year),
  ].filter((l): l is string => l !== null);
}

export function describeTotal(shown: number, total: number, noun: string, loose: boolean): string {
  const what = `${noun}${total === 1 ? '' : 's'}`;
  const base = shown < total ? `showing ${shown} of ${total} ${what}` : `${total} ${what}`;
  return loose ? `${base} matching some of the words (none matched all of them)` : base;
}

/** A query as quoted in a sentence: in quotation marks, unless it has its own ('"conflict of interest"'). */
export function quoted(query: string): string {
  return query.includes('"') ? query : `"${query}"`;
}
