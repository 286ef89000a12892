import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extractFixture } from '../src/extract/fixture.js';
import { extractHtml } from '../src/extract/html.js';
import { capNesting } from '../src/extract/dom-limits.js';
import { ccg } from './helpers.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const cases = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'source.html')));

describe('golden pages (test/fixtures/<case>: source.html → expected.json)', () => {
  it.each(cases)('%s', (c) => {
    const dir = join(FIXTURES, c);
    const meta = existsSync(join(dir, 'meta.json')) ? JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) : {};
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    expect(extractFixture(readFileSync(join(dir, 'source.html')), meta.url ?? null)).toEqual(expected);
  });

  it('keeps furniture out of the trade-press article', () => {
    const { text } = JSON.parse(readFileSync(join(FIXTURES, 'trade-press-sidebars', 'expected.json'), 'utf8'));
    expect(text).not.toMatch(/Most read|GMC apologises|cookies|Share on|Subscribe|comments|Another layer|Photo:/);
    expect(text).toMatch(/^Local medical committee leaders/);
  });
});

describe('metadata chain', () => {
  const page = (head: string, body = '<article><p>Enough article text to stand as the body of this page, with commas, and more words.</p></article>') =>
    `<html><head>${head}</head><body>${body}</body></html>`;
  const now = new Date('2026-01-01T00:00:00Z');

  it.each([
    ['JSON-LD first', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2014-05-01"}</script><meta property="article:published_time" content="2015-01-01">', '2014-05-01'],
    ['not the modified date', '<meta property="article:modified_time" content="2016-02-02"><meta name="pubdate" content="2015-03-03">', '2015-03-03'],
    ['never in the future', '<meta property="article:published_time" content="2030-01-01">', null],
    ['null rather than a guess', '<title>No date here</title>', null],
    ['a citation date on a report', '<meta name="citation_publication_date" content="2013/03/31">', '2013-03-31'],
  ])('published: %s', (_name, head, want) => {
    expect(extractHtml(page(head), { now }).published).toBe(want);
  });

  it('takes the date from the URL when the page has none', () => {
    expect(extractHtml(page(''), { url: 'https://www.england.nhs.uk/2014/05/12/story/', now }).published).toBe('2014-05-12');
  });

  it('does not take "5 Minute Read" or "Minutes Ago" for an author', () => {
    const ex = extractHtml(page('<meta name="author" content="5 Minute Read">', '<div class="byline">Minutes Ago</div><article><p>Enough article text to stand as the body of this page, with commas, and more words.</p></article>'), { now });
    expect(ex.authors).toEqual([]);
  });
});

// Tags past the depth limit (here 2) become spaces; what is not a tag, or does not nest, stays.
describe('capNesting reads tags as written in the source', () => {
  it.each([
    ['<div><div><div>x</div></div></div>', '<div><div> x </div></div>'],
    ['<div><div/><div>x</div></div>', '<div><div/><div>x</div></div>'], // self-closing
    ['<div><DIV><Div>x</div></div></div>', '<div><DIV> x </div></div>'], // any case
    ['<div><p><div>x</div></p></div>', '<div><p><div>x</div></p></div>'], // <p> does not deepen
    ['<div>< div><div>x</div></div>', '<div>< div><div>x</div></div>'], // not a tag
    ['<div><div a="/"><div>x', '<div><div a="/"> x'], // a slash inside, not before the >
    ['<div><div><div', '<div><div><div'], // no > after the last tag
    ['<div></><div><div>x', '<div></><div> x'], // an empty end tag is not a tag
  ])('%s', (html, want) => {
    expect(capNesting(html, 2)).toBe(want);
  });
});

describe('bad input: an error or a best-effort result in bounded time and memory', () => {
  it('100,000 nested elements', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}<p>Deep text, with words, at the bottom of the page.</p>${'</div>'.repeat(100_000)}</body></html>`;
    expect(capNesting(html).length).toBeLessThan(html.length);
    expect(extractHtml(html).text).toContain('Deep text');
  });

  it('a 20 MB page', () => {
    const html = `<html><body><article>${'<p>Paragraph of text with some words, and commas, to score. </p>'.repeat(320_000)}</article></body></html>`;
    const ex = extractHtml(html);
    expect(ex.text.length).toBeGreaterThan(1_000_000);
  });

  it('truncated HTML', () => {
    const ex = extractHtml('<html><head><title>Cut off</title></head><body><article><p>Some text that is cut off in the mid');
    expect(ex.title).toBe('Cut off');
    expect(ex.text).toContain('Some text that is cut off');
  });

  it('empty, binary, gzip that is not gzip: named errors, exit code 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccg-bad-'));
    writeFileSync(join(dir, 'empty.html'), '');
    writeFileSync(join(dir, 'binary.html'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 255, 254, 0, 0, 0, 1, 2, 3, 4, 5, 0, 0, 0]));
    writeFileSync(join(dir, 'fake.html.gz'), '<html>not gzip</html>');
    writeFileSync(join(dir, 'empty.html.gz'), gzipSync(Buffer.alloc(0)));
    const r = ccg(['extract', '--jsonl', ...['empty.html', 'binary.html', 'fake.html.gz', 'empty.html.gz'].map((f) => join(dir, f))]);
    expect(r.code).toBe(1);
    const errors = r.stdout.trim().split('\n').map((l) => JSON.parse(l).error);
    expect(errors).toEqual([
      expect.stringMatching(/empty\.html: empty file/),
      expect.stringMatching(/binary\.html: binary data/),
      expect.stringMatching(/fake\.html\.gz: named \.gz but not gzip data/),
      expect.stringMatching(/empty\.html\.gz: empty file/),
    ]);
  });
});

describe('a source’s own article selector', () => {
  it('is tried before the known containers', () => {
    const html = '<html><body><div class="story-x"><p>The article body that the generic scorer would find too short to win on its own.</p></div><div class="other"><p>A much longer block of text, with commas, and more commas, that is not the article at all but a long promotional essay about something else entirely, going on and on.</p><p>And more of it, with commas, to make it score.</p></div></body></html>';
    expect(extractHtml(html, { articleSelector: '.story-x' }).text).toBe('The article body that the generic scorer would find too short to win on its own.');
  });
});
