// The shortcuts extraction takes for speed give what the slower ways they replace give.
import { describe, it, expect } from 'vitest';
import { load } from 'cheerio/slim';
import { indexTags, tagged } from '../src/extract/tag-index.js';
import { collapsedLength, measure } from '../src/extract/main-text.js';

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

describe('measure: the prose of every element is the same when text is measured only inside paragraphs', () => {
  const page = `<html><body><script>var a = "long script text, with commas, ${'x '.repeat(40)}";</script>
<nav><a href="/">Home</a> <a href="/news">News, and more news from the site</a></nav>
<div class="story"><p>A paragraph of prose, long enough to count as one, with a <a href="/x">link in it</a>.</p>
<p>Short one.</p><p><script>document.write("a script inside a paragraph counts as its text")</script> and words.</p>
<p><a href="/1">A paragraph that is mostly one long link to another story</a> here.</p>
<section><p>Nested <b>bold <i>italic</i></b> text inside a section, long enough again.</p></section></div>
<footer><p>Footer text that is also a paragraph of some length, all rights reserved.</p></footer></body></html>`;
  it('on a page with scripts, links and paragraphs inside other elements', () => {
    const $ = load(page);
    const full = measure($.root()[0]!);
    const proseOnly = measure($.root()[0]!, true);
    expect(proseOnly.elements).toEqual(full.elements);
    const prose = full.elements.map((el) => full.prose.get(el));
    expect(prose.filter((p) => p)).not.toHaveLength(0);
    expect(full.elements.map((el) => proseOnly.prose.get(el))).toEqual(prose);
  });
});
