/**
 * Validating a stored document against the data model (src/core/types.ts `Document`): the type of
 * every field, the values an enumerated field may take, dates and timestamps that are well formed,
 * and quotes whose offsets lie inside the text and point at the quote's own words. Pure.
 *
 * Fields this build does not know are allowed (a newer build may add some); a field it knows with
 * the wrong type is a problem. Each problem is one line: the field's path and what is wrong.
 */
import { STANCES, type DocumentKind, type OrganisationKind } from '../core/types.js';
import { isSafeId } from '../core/safe-path.js';
import { plural } from '../core/plural.js';

const DOCUMENT_KINDS = ['news', 'report', 'blog', 'press release', 'page'] as const satisfies readonly DocumentKind[];
const ORGANISATION_KINDS = [
  'ccg', 'icb', 'nhs body', 'government', 'regulator', 'union', 'royal college', 'lmc', 'think tank',
  'membership body', 'trust', 'local authority', 'publisher', 'committee', 'other',
] as const satisfies readonly OrganisationKind[];
// The lists above must name every kind in types.ts: this fails to compile when one is missing.
type Missing = Exclude<DocumentKind, (typeof DOCUMENT_KINDS)[number]> | Exclude<OrganisationKind, (typeof ORGANISATION_KINDS)[number]>;
const everyKindListed: [Missing] extends [never] ? true : never = true;
void everyKindListed;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a month and day that exist. */
export function isDateValue(v: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/** An ISO 8601 timestamp as `Date.toISOString()` writes it (seconds and a zone required). */
export function isTimestamp(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)) && isDateValue(v.slice(0, 10));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};
const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/** Collects problems as `path: what is wrong`. */
class Checker {
  readonly problems: string[] = [];
  /** At most this many problems are kept: a record broken everywhere is named, not listed. */
  private static readonly MAX = 20;

  fail(path: string, problem: string): false {
    if (this.problems.length < Checker.MAX) this.problems.push(`${path}: ${problem}`);
    return false;
  }

  string(o: Record<string, unknown>, key: string, path: string, nullable = false): string | null | undefined {
    const v = o[key];
    if (typeof v === 'string') return v;
    if (nullable && v === null) return null;
    this.fail(`${path}${key}`, `expected a string${nullable ? ' or null' : ''}, got ${v === undefined ? 'nothing' : typeName(v)}`);
    return undefined;
  }

  integer(o: Record<string, unknown>, key: string, path: string, min = 0): number | undefined {
    const v = o[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= min) return v;
    this.fail(`${path}${key}`, `expected a whole number ≥ ${min}, got ${v === undefined ? 'nothing' : show(v)}`);
    return undefined;
  }

  oneOf<T extends string>(o: Record<string, unknown>, key: string, path: string, allowed: readonly T[]): T | undefined {
    const v = o[key];
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.fail(`${path}${key}`, `expected one of ${allowed.join(', ')}; got ${v === undefined ? 'nothing' : show(v)}`);
    return undefined;
  }

  array(o: Record<string, unknown>, key: string, path: string, optional = false): unknown[] | undefined {
    const v = o[key];
    if (Array.isArray(v)) return v;
    if (optional && v === undefined) return undefined;
    this.fail(`${path}${key}`, `expected an array, got ${v === undefined ? 'nothing' : typeName(v)}`);
    return undefined;
  }

  object(o: Record<string, unknown>, key: string, path: string, optional = false): Record<string, unknown> | undefined {
    const v = o[key];
    if (isObject(v)) return v;
    if (optional && v === undefined) return undefined;
    this.fail(`${path}${key}`, `expected an object, got ${v === undefined ? 'nothing' : typeName(v)}`);
    return undefined;
  }

  strings(o: Record<string, unknown>, key: string, path: string, optional = false): void {
    this.array(o, key, path, optional)?.forEach((s, i) => typeof s === 'string' || this.fail(`${path}${key}[${i}]`, `expected a string, got ${typeName(s)}`));
  }

  date(o: Record<string, unknown>, key: string, path: string, nullable: boolean): void {
    const v = this.string(o, key, path, nullable);
    if (typeof v === 'string' && !isDateValue(v)) this.fail(`${path}${key}`, `expected a date YYYY, YYYY-MM or YYYY-MM-DD, got ${show(v)}`);
  }

  timestamp(o: Record<string, unknown>, key: string, path: string): void {
    const v = this.string(o, key, path);
    if (typeof v === 'string' && !isTimestamp(v)) this.fail(`${path}${key}`, `expected an ISO timestamp, got ${show(v)}`);
  }

  url(o: Record<string, unknown>, key: string, path: string): void {
    const v = this.string(o, key, path, true);
    if (typeof v === 'string' && !URL.canParse(v)) this.fail(`${path}${key}`, `expected a URL, got ${show(v)}`);
  }

  sha256(o: Record<string, unknown>, key: string, path: string): void {
    const v = this.string(o, key, path);
    if (typeof v === 'string' && !/^[0-9a-f]{64}$/.test(v)) this.fail(`${path}${key}`, `expected a sha256 (64 hex digits), got ${show(v)}`);
  }

  /** Each element of an array field is an object checked by `each`. */
  each(o: Record<string, unknown>, key: string, path: string, each: (e: Record<string, unknown>, at: string) => void): void {
    this.array(o, key, path)?.forEach((e, i) => {
      const at = `${path}${key}[${i}]`;
      if (isObject(e)) each(e, `${at}.`);
      else this.fail(at, `expected an object, got ${typeName(e)}`);
    });
  }
}

function checkPosition(c: Checker, p: Record<string, unknown>, at: string): void {
  c.string(p, 'name', at);
  c.oneOf(p, 'stance', at, STANCES);
  c.integer(p, 'quotes', at);
  const counts = c.object(p, 'counts', at);
  if (counts) for (const s of STANCES) c.integer(counts, s, `${at}counts.`);
}

/** What the document is: its id, where it is from, its title, authors, dates, language and kind. */
function checkDescription(c: Checker, d: Record<string, unknown>): void {
  const id = c.string(d, 'id', '');
  if (typeof id === 'string' && !isSafeId(id)) c.fail('id', `expected lower-case letters, digits and hyphens, got ${show(id)}`);
  c.string(d, 'source', '', true);
  c.url(d, 'url', '');
  c.url(d, 'canonicalUrl', '');
  c.strings(d, 'alternateUrls', '', true);
  c.string(d, 'title', '');
  c.string(d, 'publisher', '', true);
  c.strings(d, 'authors', '');
  c.date(d, 'published', '', true);
  if (d.datePrecision !== undefined) {
    c.oneOf(d, 'datePrecision', '', ['approximate'] as const);
    if (d.published === null) c.fail('datePrecision', 'an approximate date needs a published date');
  }
  c.date(d, 'modified', '', true);
  c.string(d, 'language', '', true);
  c.oneOf(d, 'kind', '', DOCUMENT_KINDS);
}

/** The organisations, people and dates the text mentions. */
function checkMentions(c: Checker, d: Record<string, unknown>): void {
  c.each(d, 'organisations', '', (o, at) => {
    c.string(o, 'name', at);
    c.strings(o, 'aliases', at);
    c.oneOf(o, 'kind', at, ORGANISATION_KINDS);
    c.integer(o, 'mentions', at);
  });
  c.each(d, 'people', '', (p, at) => {
    c.string(p, 'name', at);
    c.string(p, 'role', at, true);
    c.string(p, 'organisation', at, true);
  });
  c.each(d, 'dates', '', (m, at) => {
    c.string(m, 'text', at);
    c.date(m, 'value', at, false);
  });
}

/** The document's text and its paragraph count, when the text is a string. */
interface Text {
  readonly text: string;
  readonly paragraphs: number;
}

/** A quote's fields, and (when the text could be read) its paragraph and offsets inside the text. */
function checkQuote(c: Checker, q: Record<string, unknown>, at: string, t: Text | null): void {
  const words = c.string(q, 'text', at);
  c.string(q, 'speaker', at, true);
  c.string(q, 'role', at, true);
  c.string(q, 'organisation', at, true);
  c.oneOf(q, 'stance', at, STANCES);
  const paragraph = c.integer(q, 'paragraph', at);
  const start = c.integer(q, 'start', at);
  const end = c.integer(q, 'end', at);
  if (q.partial !== undefined && typeof q.partial !== 'boolean') c.fail(`${at}partial`, `expected true or false, got ${show(q.partial)}`);
  if (q.stanceConfidence !== undefined && !(typeof q.stanceConfidence === 'number' && q.stanceConfidence >= 0 && q.stanceConfidence <= 1)) c.fail(`${at}stanceConfidence`, `expected a number from 0 to 1, got ${show(q.stanceConfidence)}`);
  if (q.page !== undefined) c.integer(q, 'page', at, 1);
  if (!t) return;
  const { text, paragraphs } = t;
  if (paragraph !== undefined && paragraph >= paragraphs) c.fail(`${at}paragraph`, `${paragraph} is past the text's last paragraph (${paragraphs - 1})`);
  if (start === undefined || end === undefined) return;
  if (start > end || end > text.length) c.fail(`${at}start`, `offsets ${start}–${end} are not inside the text (${text.length} characters)`);
  else if (typeof words === 'string' && text.slice(start, end) !== words) c.fail(`${at}text`, `differs from the text at offsets ${start}–${end} (${show(text.slice(start, end))})`);
}

/** PDF documents: the page of each paragraph, the page count, footnotes, and what could not be read. */
function checkPdfFields(c: Checker, d: Record<string, unknown>, t: Text | null): void {
  const pages = c.array(d, 'pages', '', true);
  if (pages) {
    pages.forEach((p, i) => (typeof p === 'number' && Number.isInteger(p) && p >= 1) || c.fail(`pages[${i}]`, `expected a page number ≥ 1, got ${show(p)}`));
    if (t && pages.length !== (t.text ? t.paragraphs : 0)) c.fail('pages', `${plural(pages.length, 'page')} for ${plural(t.text ? t.paragraphs : 0, 'paragraph')}`);
  }
  if (d.pageCount !== undefined) c.integer(d, 'pageCount', '');
  if (d.footnotes !== undefined) {
    c.each(d, 'footnotes', '', (f, at) => {
      c.string(f, 'number', at);
      c.string(f, 'text', at);
      c.integer(f, 'page', at, 1);
    });
  }
  for (const flag of ['needsPassword', 'needsOcr']) {
    if (d[flag] !== undefined && typeof d[flag] !== 'boolean') c.fail(flag, `expected true or false, got ${show(d[flag])}`);
  }
}

/** The positions of speakers and organisations. */
function checkPositions(c: Checker, d: Record<string, unknown>): void {
  const positions = c.object(d, 'positions', '');
  if (positions) {
    c.each(positions, 'speakers', 'positions.', (p, at) => checkPosition(c, p, at));
    c.each(positions, 'organisations', 'positions.', (p, at) => checkPosition(c, p, at));
  }
}

/** Where the document came from: the snapshot a fetched one was made from, the file an added one was read from. */
function checkOrigin(c: Checker, d: Record<string, unknown>): void {
  const snapshot = c.object(d, 'snapshot', '', true);
  if (snapshot) {
    c.sha256(snapshot, 'sha256', 'snapshot.');
    c.timestamp(snapshot, 'fetchedAt', 'snapshot.');
    const status = c.integer(snapshot, 'status', 'snapshot.', 100);
    if (status !== undefined && status > 599) c.fail('snapshot.status', `expected an HTTP status, got ${status}`);
    c.string(snapshot, 'contentType', 'snapshot.', true);
    c.string(snapshot, 'etag', 'snapshot.', true);
    c.string(snapshot, 'lastModified', 'snapshot.', true);
  }
  const provenance = c.object(d, 'provenance', '', true);
  if (provenance) {
    c.string(provenance, 'path', 'provenance.');
    c.string(provenance, 'addedBy', 'provenance.');
    c.timestamp(provenance, 'addedAt', 'provenance.');
    c.sha256(provenance, 'sha256', 'provenance.');
  }
}

/**
 * The problems of a stored document, each `field: what is wrong`; empty when the document is
 * valid. `value` is what the record's `document` field holds.
 */
export function documentProblems(value: unknown): string[] {
  const c = new Checker();
  if (!isObject(value)) return [`document: expected an object, got ${typeName(value)}`];
  checkDescription(c, value);
  const text = c.string(value, 'text', '');
  checkMentions(c, value);
  const t: Text | null = typeof text === 'string' ? { text, paragraphs: text.split(/\n\s*\n/).length } : null;
  c.each(value, 'quotes', '', (q, at) => checkQuote(c, q, at, t));
  checkPdfFields(c, value, t);
  checkPositions(c, value);
  checkOrigin(c, value);
  return c.problems;
}
