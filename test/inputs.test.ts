/**
 * Inputs that used to lose or garble documents: files with little text sharing one id, a first
 * line taken for a title, a few bad bytes, huge files, pipes and devices.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ccg, tempHome } from './helpers.js';
import { readInput, decodeBytes, MAX_TEXT_CHARS } from '../src/pipeline/read-input.js';
import { extractText, looksLikeTitle } from '../src/extract/text.js';
import { addDocument, readDocument, IdCollisionError } from '../src/corpus/index.js';
import type { Document } from '../src/core/types.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'ccg-inputs-'));
const records = (home: string): Document[] =>
  readdirSync(join(home, 'corpus', 'documents')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(home, 'corpus', 'documents', f), 'utf8')).document);

describe('every local file is its own document', () => {
  it('files with little or no main text get one id each, and adding one never replaces another', () => {
    const home = tempHome(false);
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), 'Minutes of the governing body\n');
    writeFileSync(join(dir, 'b.txt'), 'Agenda for the public meeting\n');
    writeFileSync(join(dir, 'c.txt'), 'A short title\n\nOne paragraph of text.\n');
    writeFileSync(join(dir, 'd.txt'), 'Another short title\n\nOne paragraph of text.\n');
    const r = ccg(['add', ...['a', 'b', 'c', 'd'].map((n) => join(dir, `${n}.txt`)), '--json'], { home });
    expect(r.code).toBe(0);
    const statuses = r.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((x) => x.input).map((x) => x.status);
    expect(statuses).toEqual(['added', 'added', 'added', 'added']);
    const docs = records(home);
    expect(docs).toHaveLength(4);
    expect(new Set(docs.map((d) => d.provenance?.path)).size).toBe(4);
    expect(new Set(docs.map((d) => d.provenance?.sha256)).size).toBe(4);
    // Adding the same file again is the same document, unchanged.
    const again = ccg(['add', join(dir, 'a.txt'), '--json'], { home });
    expect(JSON.parse(again.stdout.trim().split('\n')[0]!).status).toBe('unchanged');
    expect(records(home)).toHaveLength(4);
  });

  it('a feed, a sitemap or JSON data saved as a file is refused, not stored as an article', () => {
    const home = tempHome(false);
    const dir = tmp();
    const files = {
      'feed.xml': '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>CCG story</title><link>https://example.org/a</link></item></channel></rss>',
      'sitemap.xml': '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/a</loc></url></urlset>',
      'data.json': '{\n "documents": [{"title": "CCG plans", "said": "we back it"}]\n}\n',
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    const r = ccg(['add', ...Object.keys(files).map((n) => join(dir, n))], { home });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `ccg add: ${join(dir, 'feed.xml')}: an RSS feed, not a document; nothing stored (to fetch what it lists, register its URL with "ccg sources add URL")`,
      `ccg add: ${join(dir, 'sitemap.xml')}: a sitemap, not a document; nothing stored (to fetch what it lists, register its URL with "ccg sources add URL")`,
      `ccg add: ${join(dir, 'data.json')}: JSON data, not a document; nothing stored`,
    ]);
    expect(r.stdout.trim()).toBe('0 added, 0 updated, 0 unchanged, 3 failed');
  });

  it('a page with no text is stored with a warning naming it, not in silence', () => {
    const home = tempHome(false);
    const file = join(tmp(), 'app-shell.html');
    writeFileSync(file, '<!doctype html><html><head><title>CCG news</title><script src="app.js"></script></head><body><div id="root"></div></body></html>');
    const r = ccg(['add', file], { home });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`ccg: warning: ${file}: no text found (an empty page, or one its scripts fill in); only its title and metadata were read\n`);
    expect(ccg(['extract', file], { home }).stderr).toMatch(/app-shell\.html: no text found/);
  });

  it('a record whose id another document already holds is refused, and the stored one kept byte for byte', async () => {
    const dir = tmp();
    const base: Document = {
      id: 'feedfacefeedface', source: null, url: null, canonicalUrl: null, title: 'T', publisher: null, authors: [], published: null,
      modified: null, language: 'en', kind: 'page', text: '', organisations: [], people: [], dates: [], quotes: [],
      positions: { speakers: [], organisations: [] },
      provenance: { path: 'one.txt', addedBy: 't', addedAt: '2026-01-01T00:00:00.000Z', sha256: 'aaaa' },
    };
    await addDocument(dir, base);
    const before = readFileSync(join(dir, 'feedfacefeedface.json'), 'utf8');
    const other = { ...base, title: 'Other', provenance: { ...base.provenance!, path: 'two.txt', sha256: 'bbbb' } };
    await expect(addDocument(dir, other)).rejects.toThrow(IdCollisionError);
    await expect(addDocument(dir, other)).rejects.toThrow(/feedfacefeedface\.json: the id is already taken by one\.txt/);
    expect(readFileSync(join(dir, 'feedfacefeedface.json'), 'utf8')).toBe(before);
    expect((await readDocument(dir, base.id))?.title).toBe('T');
  });
});

describe('a text file’s first line is a title only when it looks like one', () => {
  it('a first line that is a sentence with a quote is text, and its quote is found', () => {
    const dir = tmp();
    const file = join(dir, 'council-note_2015.txt');
    writeFileSync(file, '“We will not sign up to this plan until the funding is clear,” said Dr Priya Nair, chair of the local medical committee.\n\nThe committee meets again in May.\n');
    const r = ccg(['extract', '--json', file]);
    expect(r.code).toBe(0);
    const [doc] = JSON.parse(r.stdout);
    expect(doc.text).toMatch(/^“We will not sign up/);
    expect(doc.quotes).toHaveLength(1);
    expect(doc.quotes[0].speaker).toBe('Dr Priya Nair');
    // No title in the text: the file's name stands in.
    expect(doc.title).toBe('council note 2015');
  });

  it('a one-line file is text, not a title with an empty body', () => {
    const ex = extractText('The board said it would “consider every option” before April.');
    expect(ex.title).toBe('');
    expect(ex.text).toBe('The board said it would “consider every option” before April.');
  });

  it('a hard-wrapped first paragraph is not a title', () => {
    const ex = extractText('Plans to hand the commissioning of general practice to local groups were\nwelcomed by the committee today.\n\nMore follows.');
    expect(ex.title).toBe('');
    expect(ex.text.split('\n\n')[0]).toBe('Plans to hand the commissioning of general practice to local groups were welcomed by the committee today.');
  });

  it('headlines stay titles: a question, a quoted phrase, a title over a body with no blank line', () => {
    expect(extractText('Will groups take over general practice?\n\nText.').title).toBe('Will groups take over general practice?');
    expect(extractText('Plan is ‘unworkable’, say doctors\n\nText.').title).toBe('Plan is ‘unworkable’, say doctors');
    expect(extractText('Doctors reject the plan\nThe committee voted on Tuesday.').title).toBe('Doctors reject the plan');
    expect(looksLikeTitle('He said the plan would fail.', 'Next line', true)).toBe(false);
    expect(looksLikeTitle('A very short title', null, false)).toBe(false);
  });
});

describe('decoding: a few bad bytes do not turn UTF-8 into windows-1252', () => {
  const utf8 = Buffer.from('The chair said: “We are ready to take this on.” Léa agreed — and so did the board.', 'utf8');

  it('mostly-valid UTF-8 stays UTF-8, with U+FFFD in place of the bad bytes and a warning', async () => {
    const bytes = Buffer.concat([utf8, Buffer.from([0xff, 0x20, 0xc3, 0x28]), Buffer.from(' More text.')]);
    expect(decodeBytes(bytes)).toContain('“We are ready to take this on.” Léa agreed — and');
    const dir = tmp();
    const file = join(dir, 'mostly.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('A title\n\n'), bytes]));
    const input = await readInput(file);
    expect(input.encoding).toBe('utf-8');
    expect(input.content).toContain('\uFFFD');
    expect(input.warnings).toEqual([expect.stringMatching(/mostly\.txt: 2 byte sequences not valid UTF-8/)]);
    const r = ccg(['extract', '--json', file]);
    expect(r.stderr).toMatch(/warning: .*mostly\.txt: 2 byte sequences not valid UTF-8/);
    expect(JSON.parse(r.stdout)[0].quotes[0].text).toBe('We are ready to take this on.');
  });

  it('text that is not UTF-8 at all is still read as windows-1252', () => {
    const cp1252 = Buffer.from([0x93, 0x57, 0x65, 0x20, 0x61, 0x67, 0x72, 0x65, 0x65, 0x94, 0x2c, 0x20, 0x73, 0x61, 0x69, 0x64, 0x20, 0x4c, 0xe9, 0x61]);
    expect(decodeBytes(cp1252)).toBe('“We agree”, said Léa');
  });

  it('valid UTF-8 and a stray encoded U+FFFD give no warning', async () => {
    const dir = tmp();
    const file = join(dir, 'clean.txt');
    writeFileSync(file, Buffer.concat([utf8, Buffer.from('\uFFFD', 'utf8')]));
    expect((await readInput(file)).warnings).toEqual([]);
  });
});

describe('huge, piped and device inputs', () => {
  it('a text file over the limit is cut at a paragraph break, with a warning naming the file and the limit', async () => {
    const dir = tmp();
    const file = join(dir, 'dump.txt');
    const para = 'A paragraph of a very long dump of minutes, with nothing much in it at all. '.repeat(20);
    const count = Math.ceil((MAX_TEXT_CHARS * 1.2) / (para.length + 2));
    writeFileSync(file, Array.from({ length: count }, () => para).join('\n\n'));
    const input = await readInput(file);
    expect(input.content.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(input.content.length).toBeGreaterThan(MAX_TEXT_CHARS * 0.9);
    expect(input.content.endsWith(para.trimEnd()) || input.content.endsWith(para)).toBe(true);
    expect(input.warnings).toEqual([expect.stringMatching(/dump\.txt: cut to its first [\d,]+ of [\d,]+ characters \(the limit for one document is 8,000,000\)/)]);
  });

  it('a named pipe and a device are refused at once instead of hanging', () => {
    const dir = tmp();
    const fifo = join(dir, 'pipe.txt');
    const made = spawnSync('mkfifo', [fifo]);
    expect(made.status).toBe(0);
    const r = ccg(['extract', '--jsonl', fifo, '/dev/zero']);
    expect(r.code).toBe(1);
    const errors = r.stdout.trim().split('\n').map((l) => JSON.parse(l).error);
    expect(errors).toEqual([expect.stringMatching(/pipe\.txt: is a named pipe \(FIFO\), not a file/), expect.stringMatching(/\/dev\/zero: is a device, not a file/)]);
  });
});
