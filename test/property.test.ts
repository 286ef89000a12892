/**
 * Property tests for extract and analyse (issue 8, part 2.2): random and mutated text and HTML go
 * through the real functions, which must throw nothing but the project's own errors and keep the
 * invariants of what they return. One seed per run (FC_SEED=n to replay one); fast-check prints
 * the seed and the shrunk counterexample of a failure. The time limit is a guard that stops
 * generating inputs, never an assertion: inputs are bounded in size instead.
 */
import { describe, it, expect, afterAll } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, extractHtml } from '../src/extract/index.js';
import { analyse, splitParagraphs, type Analysis } from '../src/analyse/index.js';
import { createContext } from '../src/pipeline/context.js';
import { decodeBytes, readInput } from '../src/pipeline/read-input.js';
import { CcgError } from '../src/core/errors.js';
import type { Extracted } from '../src/core/types.js';
import { ROOT } from './helpers.js';

const SEED = Number(process.env.FC_SEED) || Math.floor(Math.random() * 2 ** 31);
/** Runs per property: FC_RUNS scales them (FC_RUNS=10 tries ten times as many inputs). */
const SCALE = Number(process.env.FC_RUNS) || 1;
/** Stops generating inputs after this long (a guard: the run passes with what it tried). */
const GUARD_MS = 8_000;
console.log(`property tests: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);

const ctx = createContext(ROOT);
const NOW = new Date('2026-06-01T00:00:00Z');
const local = join(ROOT, 'sources', 'local');
const SEEDS = readdirSync(local).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(local, f), 'utf8'));
const fixtures = join(ROOT, 'test', 'fixtures');
const PAGES = readdirSync(fixtures).sort().map((d) => readFileSync(join(fixtures, d, 'source.html'), 'latin1'));

/** How many inputs each property tried, and how many quotes their analyses held, for the record. */
const tried: Record<string, number> = {};
const quotesSeen: Record<string, number> = {};
let current = '';

function check<T>(name: string, arb: fc.Arbitrary<T>, runs: number, predicate: (value: T) => void): void {
  tried[name] = 0;
  quotesSeen[name] = 0;
  current = name;
  fc.assert(
    fc.property(arb, (value) => {
      tried[name]!++;
      predicate(value);
    }),
    { seed: SEED, numRuns: runs * SCALE, interruptAfterTimeLimit: GUARD_MS * SCALE, markInterruptAsFailure: false },
  );
}

/** Calls `fn`; an error that is not a CcgError fails the property, a CcgError is an accepted refusal. */
function only<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (err) {
    if (err instanceof CcgError) return null;
    throw err;
  }
}

const DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
function expectRealDate(value: string, what: string): void {
  const m = DAY.exec(value);
  expect(m, `${what} ${value} is YYYY, YYYY-MM or YYYY-MM-DD`).not.toBeNull();
  const [y, mo, d] = [Number(m![1]), m![2] ? Number(m![2]) : 1, m![3] ? Number(m![3]) : 1];
  const date = new Date(Date.UTC(y, mo - 1, d));
  expect(date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d, `${what} ${value} is a real date`).toBe(true);
}

function expectExtracted(ex: Extracted): void {
  expect(typeof ex.title).toBe('string');
  expect(typeof ex.text).toBe('string');
  if (ex.published !== null) expectRealDate(ex.published, 'published');
  for (const a of ex.authors) expect(typeof a).toBe('string');
}

/**
 * The invariants of an analysis of `text`. `exact`: the text comes from extraction, whose white
 * space is already single spaces, so a quote is exactly the text at its offsets; analysing raw
 * text, a quote's text is its words with each run of white space written as one space.
 */
function expectAnalysis(text: string, a: Analysis, exact: boolean): void {
  quotesSeen[current] = (quotesSeen[current] ?? 0) + a.quotes.length;
  const paragraphs = splitParagraphs(text);
  let previousEnd = -1;
  for (const q of a.quotes) {
    expect(Number.isInteger(q.start) && Number.isInteger(q.end), 'integer offsets').toBe(true);
    expect(q.start, 'quote start inside the text').toBeGreaterThanOrEqual(0);
    expect(q.end, 'quote end inside the text').toBeLessThanOrEqual(text.length);
    expect(q.start, 'quote not empty').toBeLessThan(q.end);
    const at = text.slice(q.start, q.end);
    expect(exact ? at : at.replace(/\s+/g, ' '), 'the text at the offsets is the quote').toBe(q.text);
    // In order and apart: no quote inside (or across) another.
    expect(q.start, 'no quote inside another').toBeGreaterThanOrEqual(previousEnd);
    previousEnd = q.end;
    const para = paragraphs[q.paragraph];
    expect(para, `paragraph ${q.paragraph} exists`).toBeDefined();
    expect(q.start >= para!.start && q.end <= para!.end, 'the quote lies in its paragraph').toBe(true);
    // Who said it: a role or an organisation only with a speaker; no empty names.
    if (q.role !== null || q.organisation !== null) expect(q.speaker, 'role or organisation without a speaker').not.toBeNull();
    if (q.speaker !== null) expect(q.speaker.trim().length, 'speaker not blank').toBeGreaterThan(0);
    expect(['support', 'oppose', 'mixed', 'neutral']).toContain(q.stance);
  }
  // A speaker (or their organisation) has a position only where they have a quote.
  const speakers = new Set(a.quotes.map((q) => q.speaker));
  const orgs = new Set(a.quotes.map((q) => q.organisation));
  for (const p of a.positions.speakers) expect(speakers.has(p.name), `position of ${p.name} without a quote`).toBe(true);
  for (const p of a.positions.organisations) expect(orgs.has(p.name), `position of ${p.name} without a quote`).toBe(true);
  const counted = a.positions.speakers.reduce((n, p) => n + p.quotes, 0);
  expect(counted, 'positions count the attributed quotes').toBe(a.quotes.filter((q) => q.speaker).length);
  for (const d of a.dates) {
    expectRealDate(d.value, 'date');
    expect(text.includes(d.text), `date text ${d.text} is in the text`).toBe(true);
  }
  for (const o of a.organisations) {
    expect(o.name.trim().length).toBeGreaterThan(0);
    expect(o.mentions).toBeGreaterThan(0);
  }
  for (const p of a.people) expect(p.name.trim().length).toBeGreaterThan(0);
}

const analyseOf = (text: string, published: string | null = null): Analysis => analyse(text, { organisations: ctx.organisations, stance: ctx.stance, published });

function pipelineHolds(ex: Extracted | null): void {
  if (!ex) return;
  expectExtracted(ex);
  const a = only(() => analyseOf(ex.text, ex.published));
  if (a) expectAnalysis(ex.text, a, true);
}

// ---- generators ----

const MARKS = ['“', '”', '‘', '’', '"', "'", '«', '»', '„'];
/** Characters that break naive code: direction marks, NUL, lone surrogates, joiners, odd spaces, combining marks. */
const ODD = ['\u200F', '\u202E', '\u200E', '\u2066', '\u0000', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\u200D', '\uFEFF', '\u2028', '\u00A0', '\u0301', '\t', '\r', '\n', '\n\n', '😀', 'ﷺ', 'İ', 'ß'];
/** Pieces of news text that steer the analyser into its branches. */
const NEWS = [' said ', ' she said. ', ', he added. ', ' told the BBC: ', ' according to ', ' Dr Jane Smith ', ' Mr. ', ' Prof ', ' Smith, chair of NHS Leeds CCG, said ', ' the British Medical Association (BMA) ', ' BMA ', ' NHS England ', ' GPs’ ', ' it’s ', ' 25 October 2017 ', ' in 2015 ', ' 2017/18 ', ' April 2018 ', ' 31 February 2019 ', '. ', ': ', ', ', ' — ', ' (R-Ky.) ', ' U.S. ', '…'];

const anyChar = fc.oneof(
  fc.constantFrom(...MARKS, ...ODD),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }),
);
const piece = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NEWS, ...MARKS) }, { weight: 2, arbitrary: anyChar }, { weight: 2, arbitrary: fc.lorem({ maxCount: 6 }) });

/** One edit of a text: insert, delete, cut, duplicate, or rewrite its quotation marks. */
type Edit =
  | { kind: 'insert'; at: number; what: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'cut'; at: number }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'marks'; how: 'remove' | 'double' | 'unbalance' | 'straighten'; every: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: piece }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), times: fc.integer({ min: 2, max: 30 }) }),
  fc.record({ kind: fc.constant('marks' as const), how: fc.constantFrom('remove' as const, 'double' as const, 'unbalance' as const, 'straighten' as const), every: fc.integer({ min: 1, max: 5 }) }),
);

function applyEdit(text: string, e: Edit): string {
  const at = text.length ? ('at' in e ? e.at % (text.length + 1) : 0) : 0;
  switch (e.kind) {
    case 'insert': return text.slice(0, at) + e.what + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + e.length);
    case 'cut': return text.slice(0, at);
    case 'repeat': return text.slice(0, at) + text.slice(at, at + e.length).repeat(e.times) + text.slice(at);
    case 'marks': {
      let i = 0;
      return text.replace(/[“”‘’"]/g, (m) => {
        if (i++ % e.every) return m;
        if (e.how === 'remove') return '';
        if (e.how === 'double') return m + m;
        if (e.how === 'straighten') return m === '‘' || m === '’' ? "'" : '"';
        return m === '“' ? '”' : m === '”' ? '“' : m === '‘' ? '’' : '‘';
      });
    }
  }
}

const mutatedSeed = fc.tuple(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.array(edit, { maxLength: 12 }))
  .map(([i, edits]) => edits.reduce(applyEdit, SEEDS[i]!));

/** A seed's bytes with some flipped, as a file on disk would hold them. */
const flippedBytes = fc.tuple(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }), fc.option(fc.nat()))
  .map(([i, flips, cut]) => {
    const bytes = Buffer.from(SEEDS[i]!, 'utf8');
    for (const [at, b] of flips) bytes[at % bytes.length] = b;
    return cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
  });

/** Up to ~40 KB of news-like and random text in paragraphs. */
const randomText = fc.array(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), { maxLength: 30 }).map((ps) => ps.join('\n\n'));

/** One enormous paragraph: a seed's paragraphs run together and repeated (up to ~200 KB). */
const enormousParagraph = fc.tuple(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.integer({ min: 1, max: 50 }), fc.boolean())
  .map(([i, times, noStops]) => {
    const one = SEEDS[i]!.replace(/\s*\n\s*/g, ' ');
    return `A title\n\n${(noStops ? one.replace(/[.!?]/g, ',') : one).repeat(times)}`;
  });

const TAGS = ['div', 'p', 'span', 'article', 'section', 'b', 'i', 'a', 'blockquote', 'q', 'li', 'ul', 'table', 'td', 'tr', 'script', 'style', 'noscript', 'main', 'header', 'footer', 'nav', 'h1', 'h2', 'figure', 'svg', 'template', 'iframe', 'br', 'img'];
const tag = fc.constantFrom(...TAGS);
const attrs = fc.constantFrom('', ' class="article-body"', ' id="content"', ' itemprop="articleBody"', ' class="sidebar related"', ' hidden', ' style="display:none"', ' data-x="&quot;<b>"', ' class=\'x', ' href="javascript:alert(1)"');

/** HTML built from fragments: open tags never closed, closes never opened, deep nesting, entities, comments, CDATA, seed text. */
const htmlFragment: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(tag, attrs).map(([t, a]) => `<${t}${a}>`),
  tag.map((t) => `</${t}>`),
  fc.tuple(tag, fc.integer({ min: 1, max: 1500 })).map(([t, n]) => `<${t}>`.repeat(n) + 'deep text' + (n % 2 ? '' : `</${t}>`.repeat(n))),
  fc.constantFrom('&amp;', '&ldquo;', '&rdquo;', '&#8220;', '&#x201D;', '&#0;', '&#xD800;', '&nbsp;', '&bogus;', '<!-- c -->', '<!--', '<![CDATA[x]]>', '<?xml x?>', '<!DOCTYPE html>', '<', '>', '</', '<p', '"', '“'),
  fc.tuple(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 3000 })).map(([i, at, n]) => SEEDS[i]!.slice(at % SEEDS[i]!.length, (at % SEEDS[i]!.length) + n)),
  piece,
);
const randomHtml = fc.array(htmlFragment, { maxLength: 40 }).map((fs) => fs.join(''));

/** A fixture page (real markup) with edits, or a seed article wrapped in markup. */
const mutatedPage = fc.tuple(fc.integer({ min: 0, max: PAGES.length - 1 }), fc.array(edit, { maxLength: 10 }), fc.array(htmlFragment, { maxLength: 6 }), fc.nat())
  .map(([i, edits, inserts, at]) => {
    const page = edits.reduce(applyEdit, PAGES[i]!);
    const k = page.length ? at % page.length : 0;
    return page.slice(0, k) + inserts.join('') + page.slice(k);
  });
const wrappedSeed = fc.tuple(mutatedSeed, fc.array(fc.tuple(tag, attrs), { maxLength: 8 }), fc.boolean())
  .map(([text, wrap, close]) => {
    const body = text.split(/\n\s*\n/).map((p) => `<p>${p}</p>`).join('\n');
    const open = wrap.map(([t, a]) => `<${t}${a}>`).join('');
    const shut = close ? wrap.map(([t]) => `</${t}>`).reverse().join('') : '';
    return `<!doctype html><html><head><title>${text.split('\n')[0]}</title></head><body>${open}${body}${shut}</body></html>`;
  });

// ---- properties ----

describe('property: text documents', () => {
  it('mutated seed documents extract and analyse with their invariants', () => {
    check('mutated seed text', mutatedSeed, 200, (raw) => pipelineHolds(only(() => extractText(raw, NOW))));
    expect(quotesSeen['mutated seed text'], 'the seeds\' quotes were checked').toBeGreaterThan(0);
  });

  it('random text, news pieces and odd Unicode, extract and analyse with their invariants', () => {
    check('random text', randomText, 250, (raw) => pipelineHolds(only(() => extractText(raw, NOW))));
  });

  it('raw text straight into analyse keeps the invariants (white space as it comes)', () => {
    check('raw text into analyse', fc.oneof(mutatedSeed, randomText), 250, (raw) => {
      const a = only(() => analyseOf(raw, '2017-10-25'));
      if (a) expectAnalysis(raw, a, false);
    });
  });

  it('one enormous paragraph, with or without sentence stops, keeps the invariants', () => {
    check('enormous paragraph', enormousParagraph, 10, (raw) => {
      pipelineHolds(only(() => extractText(raw, NOW)));
      const a = only(() => analyseOf(raw));
      if (a) expectAnalysis(raw, a, false);
    });
    expect(quotesSeen['enormous paragraph']).toBeGreaterThan(0);
  });

  it('flipped and cut bytes decode to a string and extract and analyse', () => {
    check('flipped bytes', flippedBytes, 250, (bytes) => {
      const text = only(() => decodeBytes(bytes));
      if (text === null) return;
      expect(typeof text).toBe('string');
      pipelineHolds(only(() => extractText(text, NOW)));
    });
  });
});

describe('property: HTML pages', () => {
  it('random markup (unclosed, deeply nested, entities) extracts and analyses with the invariants', () => {
    check('random HTML', randomHtml, 150, (html) => pipelineHolds(only(() => extractHtml(html, { now: NOW }))));
  });

  it('fixture pages with edits and seed articles in broken markup extract and analyse with the invariants', () => {
    check('mutated HTML', fc.oneof(mutatedPage, wrappedSeed), 150, (html) => pipelineHolds(only(() => extractHtml(html, { url: 'https://example.org/news/2017/10/25/a', now: NOW }))));
  });
});

describe('property: reading input files', () => {
  it('any bytes in a file are read as a document or refused with an InputError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccg-prop-'));
    let n = 0;
    tried['files read'] = 0;
    current = 'files read';
    await fc.assert(
      fc.asyncProperty(fc.oneof(flippedBytes, fc.uint8Array({ maxLength: 4000 }).map((b) => Buffer.from(b))), fc.constantFrom('.txt', '.html', '.gz', ''), async (bytes, ext) => {
        tried['files read']!++;
        const path = join(dir, `f${n++}${ext}`);
        writeFileSync(path, bytes);
        let input: Awaited<ReturnType<typeof readInput>> | null = null;
        try {
          input = await readInput(path);
        } catch (err) {
          if (!(err instanceof CcgError)) throw err;
        }
        if (!input) return;
        pipelineHolds(only(() => (input.format === 'html' ? extractHtml(input.content, { now: NOW }) : extractText(input.content, NOW))));
      }),
      { seed: SEED, numRuns: 100 * SCALE, interruptAfterTimeLimit: GUARD_MS * SCALE, markInterruptAsFailure: false },
    );
  });
});

afterAll(() => {
  console.log(`property tests (seed ${SEED}): ${Object.entries(tried).map(([k, v]) => `${k} ${v} (${quotesSeen[k] ?? 0} quotes)`).join(', ')}; total ${Object.values(tried).reduce((a, b) => a + b, 0)} inputs`);
});
