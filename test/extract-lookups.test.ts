// The shortcuts extraction takes for speed give what the slower ways they replace give.
import { describe, it, expect } from 'vitest';
import { load } from 'cheerio/slim';
import { indexTags, tagged } from '../src/extract/tag-index.js';
import { collapsedLength } from '../src/extract/main-text.js';

const PAGE = `<!doctype html><html lang="en"><head><title>T</title><meta name="a" content="1">
<script type="Application/LD+JSON">{}</script><link rel="Canonical" href="/x"></head>
<body><div class="article-body"><p>One</p><div><p>Two <a>link</a></p><time datetime="2014-05-12">x</time></div></div>
<!-- <p>not an element</p> --><footer><p>Three</p><meta name="b" content="2"></footer><body><p>Four</p></body></body></html>`;

describe('indexTags: elements by tag in document order, as a search by selector finds them', () => {
  const $ = load(PAGE);
  const tags = indexTags($.root()[0]!);
  it.each(['p', 'meta', 'div', 'body', 'time', 'html', 'title', 'a', 'nav', '*'])('%s', (tag) => {
    expect(tagged(tags, tag)).toEqual($(tag).toArray());
  });
  it.each([
    ['link', '[rel="canonical"]', 'link[rel="canonical"]'],
    ['script', '[type="application/ld+json"]', 'script[type="application/ld+json"]'],
    ['time', 'div time[datetime]', 'div time[datetime]'],
    ['p', '.article-body p', '.article-body p'],
    ['*', '[class*="BODY" i], [content], footer p', '[class*="BODY" i], [content], footer p'],
  ])('%s narrowed by %s is $(%s)', (tag, narrowing, selector) => {
    const found = $(tagged(tags, tag)).filter(narrowing).toArray();
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual($(selector).toArray());
  });
});

describe('collapsedLength is the length of the text with white space collapsed and trimmed', () => {
  it.each([
    '', ' ', 'a', '  a  ', 'a b', 'a \n\t b', '\u00a0x\u2003y\u3000', 'x\ufeff\ufeffy', 'one,  two,\r\nthree ', '\u200bzero-width is not space\u200b', '\u0085next line is not space',
  ])('%j', (s) => {
    expect(collapsedLength(s)).toBe(s.replace(/\s+/g, ' ').trim().length);
  });
  it('every UTF-16 code unit between letters', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = `a${String.fromCharCode(c)}${String.fromCharCode(c)}b`;
      if (collapsedLength(s) !== s.replace(/\s+/g, ' ').trim().length) throw new Error(`code unit ${c.toString(16)}`);
    }
  });
});
