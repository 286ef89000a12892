/**
 * PDF reports (issue 12): fixture PDFs made at test time by scripts/lib/pdf-fixtures.mjs (pdfkit),
 * never downloaded; golden records in test/fixtures-pdf/<case>/expected.json (regenerate with
 * `node scripts/update-fixtures.mjs pdf-<case>` and read the diff); `ccg extract` run as a real
 * process on the files.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document } from '../src/core/types.js';
import { extractPdfFixture } from '../src/extract/fixture.js';
import { extractPdf, isPdf, readPdf } from '../src/extract/pdf/index.js';
import { keepHyphen, joinLines, vocabulary } from '../src/extract/pdf/hyphenation.js';
import { isPageNumber } from '../src/extract/pdf/furniture.js';
import { pdfDate, pdfMetadata } from '../src/extract/pdf/metadata.js';
import { documentProblems } from '../src/corpus/validate.js';
import type { Line } from '../src/extract/pdf/types.js';
import { ROOT, ccg, tempHome } from './helpers.js';

type Maker = () => Promise<Uint8Array>;
interface Fixtures {
  FIXTURES: Record<string, Maker>;
  longReport(pages?: number, seed?: number): Promise<Uint8Array>;
  ownerPasswordReport(): Promise<Uint8Array>;
  threePages(): Promise<Uint8Array>;
}

const GOLDEN = join(import.meta.dirname, 'fixtures-pdf');
let fx: Fixtures;
let dir: string;
let home: string;
const file = (name: string): string => join(dir, `${name}.pdf`);

beforeAll(async () => {
  fx = (await import(pathToFileURL(join(ROOT, 'scripts', 'lib', 'pdf-fixtures.mjs')).href)) as Fixtures;
  dir = mkdtempSync(join(tmpdir(), 'ccg-pdf-'));
  home = tempHome();
  for (const [name, make] of Object.entries(fx.FIXTURES)) writeFileSync(file(name), await make());
});

function extractJson(path: string): { code: number | null; doc: Document; stderr: string } {
  const r = ccg(['extract', path, '--json'], { home });
  return { code: r.code, doc: (JSON.parse(r.stdout || '[null]') as Document[])[0]!, stderr: r.stderr };
}

describe('golden PDFs (test/fixtures-pdf/<case>/expected.json)', () => {
  const cases = readdirSync(GOLDEN);
  it('has a golden record for every fixture', async () => {
    expect(cases.sort()).toEqual(Object.keys(fx.FIXTURES).sort());
  });
  it.each(readdirSync(GOLDEN))('%s', async (c) => {
    const expected = JSON.parse(readFileSync(join(GOLDEN, c, 'expected.json'), 'utf8'));
    const got = await extractPdfFixture(readFileSync(file(c)), c).catch((e: Error) => ({ error: e.message }));
    expect(got).toEqual(expected);
  });
});

describe('ccg extract report.pdf --json', () => {
  let doc: Document;
  let paragraphs: string[];
  beforeAll(() => {
    const r = extractJson(file('one-column-report'));
    expect(r.code).toBe(0);
    doc = r.doc;
    paragraphs = doc.text.split('\n\n');
  });

  it('reads the metadata from the title page: title, authors, date, publisher', () => {
    expect(doc.title).toBe('Primary care co-commissioning: one year on');
    expect(doc.authors).toEqual(['Jane Holder', 'Ruth Robertson']);
    expect(doc.published).toBe('2014-03-12');
    expect(doc.publisher).toBe("The King's Fund");
    expect(doc.kind).toBe('report');
    expect(doc.pageCount).toBe(5);
  });

  it('gives paragraphs in reading order, each with its page', () => {
    expect(doc.pages).toHaveLength(paragraphs.length);
    const at = (start: string): number => paragraphs.findIndex((p) => p.startsWith(start));
    expect(at('Introduction')).toBeGreaterThan(-1);
    expect(at('Introduction')).toBeLessThan(at('Clinical commissioning groups'));
    expect(at('Clinical commissioning groups')).toBeLessThan(at('Three options'));
    expect(at('The survey of 2014')).toBeLessThan(at('Not every GP agrees'));
    expect(doc.pages![at('Introduction')]).toBe(2);
    expect(doc.pages![at('The survey of 2014')]).toBe(3);
    expect(doc.pages![at('Not every GP agrees')]).toBe(4);
  });

  it('leaves out running headers, footers and page numbers', () => {
    expect(doc.text).not.toContain('one year on');
    expect(doc.text).not.toContain("The King's Fund");
    expect(paragraphs.every((p) => !/^\d+$/.test(p))).toBe(true);
  });

  it('joins a word broken at a line end and keeps a real hyphen', () => {
    expect(doc.text).toContain('the new co-commissioning arrangements');
    expect(doc.text).toContain('share the work of commissioning primary care');
    expect(doc.text).not.toMatch(/commis-|commis sioning/);
  });

  it('keeps footnotes apart, with their numbers and pages, and their marks out of the text', () => {
    expect(doc.footnotes).toEqual([
      { number: '1', text: 'NHS England, Next steps towards primary care co-commissioning, November 2014, p. 4.', page: 2 },
      { number: '2', text: 'See also the annual survey of CCG leaders.', page: 2 },
    ]);
    expect(doc.text).toContain('every CCG in the country.\n\n');
    expect(doc.text).not.toContain('Next steps towards');
  });

  it('finds a quote across a page break as one quote, on the page where it starts, with its speaker', () => {
    const q = doc.quotes.find((x) => x.text.startsWith('We want to take on'))!;
    expect(q.text).toBe('We want to take on the commissioning of primary care because local GPs know their patients best, and we are ready for it. It is the right thing for our patients.');
    expect(q.speaker).toBe('Dr Amanda Doyle');
    expect(q.organisation).toBe('NHS Blackpool CCG');
    expect(q.page).toBe(3);
    const other = doc.quotes.find((x) => x.speaker === 'Dr Chaand Nagpaul')!;
    expect(other.page).toBe(4);
  });

  it('keeps a quotation open at the foot of a page one quote, though its page ends with a full sentence', () => {
    const q = doc.quotes.find((x) => x.text.startsWith('The first year'))!;
    expect(paragraphs).toContain('Ruth Robertson, a fellow at the fund, put it plainly: “The first year went well. The second will be harder, because the money is tighter,” she said.');
    expect(doc.pages![paragraphs.length - 1]).toBe(4);
    expect(q).toMatchObject({ text: 'The first year went well. The second will be harder, because the money is tighter', speaker: 'Ruth Robertson', page: 4 });
  });

  it('is a valid document', () => {
    expect(documentProblems(doc)).toEqual([]);
  });
});

describe('layouts and bad PDFs', () => {
  it('reads a two-column page column by column, a paragraph running on into the next column', () => {
    const { doc } = extractJson(file('two-column-page'));
    expect(doc.text.split('\n\n')).toEqual([
      'Commissioning bulletin: June 2015',
      'Left column, first paragraph. CCGs in the north took on delegated commissioning in April 2015.',
      'Left column, second paragraph, which runs on at the foot of the column and continues at the top of the right column without a break. It ends here.',
      'Right column, last paragraph. Julie Wood, chief executive of NHS Clinical Commissioners, said: “Delegation works.”',
    ]);
    expect(doc.title).toBe('Commissioning bulletin');
    expect(doc.authors).toEqual(['NHS Clinical Commissioners']);
    expect(doc.quotes.map((q) => [q.speaker, q.page])).toEqual([['Julie Wood', 1]]);
  });

  it('reads three columns left to right, and drops a running header that changes with the chapter', async () => {
    const ex = await extractPdf(readFileSync(file('three-column-newsletter')), { name: 'newsletter.pdf' });
    const paragraphs = ex.text.split('\n\n');
    expect(paragraphs).toHaveLength(24);
    paragraphs.forEach((p, i) => expect(p).toBe(`Page ${Math.floor(i / 3) + 1}, column ${(i % 3) + 1}: CCGs set out their plans for the year (item ${Math.floor(i / 3) + 1}.${(i % 3) + 1}).`));
    expect(ex.text).not.toMatch(/Chapter|of 8/);
  });

  it('marks a PDF without a text layer needsOcr, keeps its metadata and says so', () => {
    const { code, doc, stderr } = extractJson(file('scanned-report'));
    expect(code).toBe(0);
    expect(doc).toMatchObject({ needsOcr: true, text: '', title: 'Governing body minutes, 4 June 2013', published: '2013-06-10', authors: ['NHS Bristol CCG'] });
    expect(stderr).toMatch(/scanned-report\.pdf: no text layer.*needsOcr/);
  });

  it('marks an encrypted PDF needsPassword, titled after its file, and says so', () => {
    const { code, doc, stderr } = extractJson(file('encrypted-report'));
    expect(code).toBe(0);
    expect(doc).toMatchObject({ needsPassword: true, text: '', title: 'encrypted report', kind: 'report' });
    expect(documentProblems(doc)).toEqual([]);
    expect(stderr).toMatch(/encrypted-report\.pdf: encrypted with a password/);
  });

  it('keeps footnotes that differ only in their numbers, on a few pages at one height, as footnotes', async () => {
    const ex = await extractPdf(await fx.longReport(15), { name: 'long.pdf' });
    expect(ex.footnotes).toEqual([5, 10, 15].map((p) => ({ number: '1', text: `A note on page ${p}.`, page: p })));
    expect(ex.text).not.toMatch(/A long report on commissioning|Generated for the benchmark/);
  });

  it('reads a PDF encrypted with an owner password only, as readers do', async () => {
    const ex = await extractPdf(await fx.ownerPasswordReport(), { name: 'protected.pdf' });
    expect(ex).toMatchObject({ needsPassword: false, title: 'Open but protected', text: 'Dr Jane Smith, chair of NHS Leeds CCG, said: “Anyone may read this.”' });
  });

  it('refuses a truncated PDF in one line naming the file (exit 1)', () => {
    const r = ccg(['extract', file('truncated-report')], { home });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/truncated-report\.pdf: .*cut short/);
  });

  it('refuses bytes that only start like a PDF', () => {
    const path = join(dir, 'fake.pdf');
    writeFileSync(path, '%PDF-1.7\nnot really a PDF at all\n%%EOF\n');
    const r = ccg(['extract', path], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fake\.pdf: .*PDF/);
  });

  it('refuses a file named .pdf that is not one (a text file or a zip renamed) in one line, storing nothing', async () => {
    const text = join(dir, 'renamed.pdf');
    writeFileSync(text, 'A text file that was renamed. It is not a report.\n');
    const zipped = join(dir, 'archive.pdf.gz');
    const { gzipSync } = await import('node:zlib');
    writeFileSync(zipped, gzipSync(Buffer.from('PK\u0003\u0004 not a PDF inside')));
    for (const path of [text, zipped]) {
      const name = path.split('/').pop()!.replace(/\./g, '\\.');
      const r = ccg(['extract', path], { home });
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`${name}: named \\.pdf but not a PDF`));
    }
    const added = ccg(['add', text], { home });
    expect(added.code).toBe(1);
    expect(added.stdout).toMatch(/0 added, 0 updated, 0 unchanged, 1 failed/);
  });

  it('stops at the page limit and names it', async () => {
    const bytes = await fx.longReport(6);
    const ex = await extractPdf(bytes, { name: 'long.pdf', maxPages: 3 });
    expect(ex.pageCount).toBe(7);
    expect(Math.max(...ex.pages)).toBeLessThanOrEqual(3);
    expect(ex.warnings).toContain('long.pdf: read its first 3 of 7 pages (the page limit for one PDF); the rest is left out');
  });

  it('the CLI takes the page limit from CCG_PDF_MAX_PAGES and names it', async () => {
    const path = join(dir, 'long.pdf');
    writeFileSync(path, await fx.longReport(5));
    process.env.CCG_PDF_MAX_PAGES = '2';
    try {
      const r = ccg(['extract', path, '--json'], { home });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`${path}: read its first 2 of 6 pages (the page limit for one PDF); the rest is left out`);
      expect((JSON.parse(r.stdout) as Document[])[0]!.pages!.every((p) => p <= 2)).toBe(true);
    } finally {
      delete process.env.CCG_PDF_MAX_PAGES;
    }
  });

  it('reads in a worker thread whose heap limit stops a PDF that needs more, and names the limit', async () => {
    // The compiled module (dist/): the worker thread runs the compiled reader.
    const built = (await import(pathToFileURL(join(ROOT, 'dist', 'extract', 'pdf', 'index.js')).href)) as typeof import('../src/extract/pdf/index.js');
    const bytes = await fx.longReport(20);
    await expect(built.extractPdf(bytes, { name: 'long.pdf', memoryLimitMb: 4 })).rejects.toThrow('long.pdf: needs more than 4 MB to read (the memory limit for one PDF)');
    const ok = await built.extractPdf(bytes, { name: 'long.pdf' });
    expect(ok.pageCount).toBe(21);
  });

  it('reads at most two PDFs at once, and every one of many asked for at once', async () => {
    const built = (await import(pathToFileURL(join(ROOT, 'dist', 'extract', 'pdf', 'index.js')).href)) as typeof import('../src/extract/pdf/index.js');
    const bytes = readFileSync(file('two-column-page'));
    const all = await Promise.all(Array.from({ length: 6 }, (_, i) => built.extractPdf(bytes, { name: `p${i}.pdf` })));
    expect(all.map((x) => x.title)).toEqual(Array(6).fill('Commissioning bulletin'));
    // Threads are counted from their start to their exit.
    expect(built.readerThreads.most).toBe(built.MAX_PDF_READERS);
    expect(built.readerThreads.alive).toBe(0);
  });

  it('stops at the time limit and names it', async () => {
    const bytes = await fx.longReport(20);
    const outcome = await extractPdf(bytes, { name: 'long.pdf', timeLimitMs: 1 }).then((ex) => ex.warnings.join('\n'), (e: Error) => e.message);
    expect(outcome).toMatch(/^long\.pdf: .*the time limit for one PDF/m);
  });
});

describe('the raw reader (readPdf)', () => {
  it('gives each page its size and its level text items from the top left, leaves rotated text out, and reads the information dictionary and XMP', async () => {
    const raw = await readPdf(await fx.threePages(), { name: 'raw.pdf', maxPages: 2 });
    expect(raw.pageCount).toBe(3);
    expect(raw.needsPassword).toBe(false);
    expect(raw.pages.map((p) => [p.number, p.width, p.height, p.items.map((i) => [i.str, i.x, Math.round(i.y), i.size])])).toEqual([
      [1, 300, 400, [['Level text', 20, 39, 12]]],
      [2, 200, 250, [['Second page', 10, 16, 9]]],
    ]);
    expect(raw.pages[0]!.items[0]).toEqual({ str: 'Level text', x: 20, y: expect.closeTo(38.616, 3), width: expect.closeTo(50.34, 2), size: 12, font: expect.any(String) });
    expect(raw.info).toMatchObject({ Title: 'Raw', Author: 'A Writer', CreationDate: 'D:20140312090000Z' });
    expect(raw.xmp).toMatchObject({ 'dc:title': 'Raw', 'dc:creator': ['A Writer'], 'xmp:createdate': '2014-03-12T09:00:00Z' });
    expect(raw.warnings).toEqual(['raw.pdf: read its first 2 of 3 pages (the page limit for one PDF); the rest is left out']);
  });

  it('reads a file without its %%EOF, warning of that first and of the page limit after', async () => {
    const bytes = await fx.threePages();
    const raw = await readPdf(bytes.subarray(0, bytes.length - 10), { name: 'cut.pdf', maxPages: 1 });
    expect(raw.pages.map((p) => p.items.map((i) => i.str))).toEqual([['Level text']]);
    expect(raw.warnings).toEqual([
      'cut.pdf: the file seems cut short (it does not end with %%EOF); read what could be read',
      'cut.pdf: read its first 1 of 3 pages (the page limit for one PDF); the rest is left out',
    ]);
  });

  it('gives an encrypted file as needing a password, with nothing read, and keeps the caller\'s bytes intact', async () => {
    const bytes = await fx.FIXTURES['encrypted-report']!();
    const copy = Buffer.from(bytes);
    expect(await readPdf(bytes, { name: 'secret.pdf' })).toEqual({ pages: [], pageCount: 0, info: {}, xmp: {}, needsPassword: true, warnings: [] });
    expect(Buffer.from(bytes).equals(copy)).toBe(true);
  });
});

describe('damaged PDFs', () => {
  it('flipped, cut and repeated bytes give a result or a one-line InputError naming the file, never anything else', async () => {
    const { InputError } = await import('../src/core/errors.js');
    const original = readFileSync(file('one-column-report'));
    const { rng } = (await import(pathToFileURL(join(ROOT, 'scripts', 'lib', 'rng.mjs')).href)) as { rng(seed: number): () => number };
    const next = rng(12);
    const rnd = (n: number): number => Math.floor(next() * n);
    const outcomes = { read: 0, refused: 0 };
    for (let i = 0; i < 24; i++) {
      const b = Buffer.from(original);
      let bytes: Buffer;
      if (i % 3 === 0) {
        for (let k = 0; k < 1 + rnd(40); k++) b[rnd(b.length)] = rnd(256);
        bytes = b;
      } else if (i % 3 === 1) {
        bytes = b.subarray(0, 10 + rnd(b.length - 10));
      } else {
        const at = rnd(b.length);
        const len = 1 + rnd(2000);
        bytes = Buffer.concat([b.subarray(0, at), b.subarray(Math.max(0, at - len), at), b.subarray(at)]);
      }
      try {
        const ex = await extractPdf(bytes, { name: `damaged-${i}.pdf`, timeLimitMs: 20_000 });
        expect(ex.pages.length).toBe(ex.text ? ex.text.split('\n\n').length : 0);
        outcomes.read++;
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect((e as Error).message).toMatch(new RegExp(`^damaged-${i}\\.pdf: [^\\n]+$`));
        outcomes.refused++;
      }
    }
    // Both kinds of outcome occur: damage PDF.js repairs, and damage it cannot.
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

describe('parts', () => {
  const vocab = vocabulary(['the co-commissioning of care', 'primary care commissioning', 'well being']);
  it('keeps a real hyphen and joins a broken word', () => {
    expect(keepHyphen('co', 'commissioning', vocab)).toBe(true);
    expect(keepHyphen('commis', 'sioning', vocab)).toBe(false);
    expect(keepHyphen('non', 'executive', vocabulary([]))).toBe(true);
    expect(keepHyphen('organ', 'isation', vocabulary([]))).toBe(false);
    expect(keepHyphen('anti', 'Brexit', vocabulary([]))).toBe(true);
    expect(joinLines(['the new co-', 'commissioning and commis-', 'sioning work'], vocab)).toBe('the new co-commissioning and commissioning work');
    expect(joinLines(['soft\u00AD', 'hyphen'], vocab)).toBe('softhyphen');
    expect(joinLines(['for pre-', 'and post-operative care'], vocab)).toBe('for pre- and post-operative care');
    expect(joinLines(['the COVID-', '19 pandemic'], vocab)).toBe('the COVID-19 pandemic');
  });

  it('knows a PDF by its header, not by a mention of one', () => {
    expect(isPdf(Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj'))).toBe(true);
    expect(isPdf(Buffer.concat([Buffer.alloc(100, 0x20), Buffer.from('%PDF-1.7\n')]))).toBe(true);
    expect(isPdf(Buffer.from('Notes on the %PDF- header of files'))).toBe(false);
    expect(isPdf(Buffer.from('<html><body>Not found</body></html>'))).toBe(false);
  });

  it('knows a page number', () => {
    for (const t of ['3', 'Page 12', '- 4 -', '7 of 20', 'iv']) expect(isPageNumber(t)).toBe(true);
    for (const t of ['2014', 'Page one', 'NHS England']) expect(isPageNumber(t)).toBe(false);
  });

  it('reads the publisher from a copyright or "Published by" line, not from licence prose', () => {
    const at = (text: string, y = 700): Line => ({ page: 1, x0: 72, x1: 300, y, size: 10, text });
    const publisher = (...texts: string[]): string | null => pdfMetadata({ info: {}, xmp: {} }, texts.map((t, i) => at(t, 600 + i * 12)), 10, 842).publisher;
    expect(publisher("© The King's Fund 2013")).toBe("The King's Fund");
    expect(publisher('Copyright © 2015 NHS Clinical Commissioners. All rights reserved.')).toBe('NHS Clinical Commissioners');
    expect(publisher('Published by NHS England')).toBe('NHS England');
    expect(publisher('published by the Free Software Foundation; with no Invariant Sections, no')).toBeNull();
    expect(publisher('Copyright (C) 2002-2025 the text below; see the licence')).toBeNull();
  });

  it('falls back on the first page: the largest text near the top, a date line, then a copyright year', () => {
    const at = (text: string, y: number, size = 10, page = 1): Line => ({ page, x0: 72, x1: 300, y, size, text });
    const lines = [at('Delegated commissioning:', 120, 24), at('the first year', 150, 24), at('A subtitle in smaller type', 190, 14), at('March 2014', 700), at('© NHS Clinical Commissioners 2015', 720)];
    const m = pdfMetadata({ info: { Title: 'untitled' }, xmp: {} }, lines, 10, 842, new Date('2026-01-01'));
    expect(m).toMatchObject({ title: 'Delegated commissioning: the first year', published: '2014-03', publisher: 'NHS Clinical Commissioners' });
    expect([...m.usedLines].map((l) => l.text)).toEqual(['Delegated commissioning:', 'the first year', '© NHS Clinical Commissioners 2015', 'March 2014']);
    const year = pdfMetadata({ info: {}, xmp: {} }, [at('© NHS Clinical Commissioners 2015', 720)], 10, 842, new Date('2026-01-01'));
    expect(year).toMatchObject({ title: null, published: '2015' });
    // A date after "now" is no date.
    expect(pdfMetadata({ info: { CreationDate: 'D:20990101' }, xmp: {} }, [], 10, 842, new Date('2026-01-01')).published).toBeNull();
  });

  it('reads PDF dates and skips placeholder titles', () => {
    expect(pdfDate("D:20140312093000+00'00'")).toBe('2014-03-12');
    expect(pdfDate('D:2014')).toBe('2014');
    expect(pdfDate('2015-06-01T10:00:00Z')).toBe('2015-06-01');
    expect(pdfDate('garbage')).toBeNull();
    const m = pdfMetadata({ info: { Title: 'Microsoft Word - report final.docx', Author: 'A; B' }, xmp: { 'dc:title': 'The XMP title', 'xmp:createdate': '2016-02-03T00:00:00Z' } }, [], 11, 842);
    expect(m.title).toBe('The XMP title');
    expect(m.authors).toEqual(['A', 'B']);
    expect(m.published).toBe('2016-02-03');
  });
});
