import { describe, it, expect } from 'vitest';
import { guessListing, MIN_LISTING_LINKS } from '../src/fetch/listing-guess.js';

const BASE = 'https://health.example.org/news/';
const SLUGS = ['ccg-takes-on-gp-contracts', 'lmc-warns-on-delegation', 'new-chair-for-the-ccg', 'practices-merge-in-the-north', 'budget-gap-widens-again', 'icb-plans-published-today', 'gp-leaders-meet-ministers'];
const nav = '<nav><a href="/about">About</a> <a href="/contact">Contact</a> <a href="/news/">News</a> <a href="/jobs/">Jobs</a></nav>';
const teasers = (n: number, section = '/news/'): string => SLUGS.slice(0, n).map((s) => `<li><a href="${section}${s}">${s.replace(/-/g, ' ')}</a> A short summary.</li>`).join('\n');
const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i % 50}`).join(' ');

describe('guessing whether a page with no feed lists articles', () => {
  it('a page of links into one section is a listing, with a pattern that takes its articles and not the index', () => {
    const g = guessListing(`<html><body>${nav}<h1>News</h1><ul>${teasers(7)}</ul></body></html>`, BASE);
    expect(g).toMatchObject({ section: '/news/', links: 7 });
    const re = new RegExp(g!.linkPattern);
    expect(re.test('https://health.example.org/news/ccg-takes-on-gp-contracts')).toBe(true);
    expect(re.test('https://www.health.example.org/news/2015/03/icb-plans')).toBe(true);
    expect(re.test('https://health.example.org/news/')).toBe(false);
    expect(re.test('https://health.example.org/news/?page=2')).toBe(false);
    expect(re.test('https://health.example.org/about')).toBe(false);
  });

  it('reports and numbered items count as items; navigation does not', () => {
    const reports = ['2014-survey.pdf', 'annual-report.pdf', 'board-papers.pdf', 'minutes.pdf', 'strategy.pdf'].map((f) => `<a href="/reports/${f}">${f}</a>`).join(' ');
    expect(guessListing(`<body>${reports}</body>`, 'https://example.org/reports')).toMatchObject({ section: '/reports/', links: 5 });
    const ids = [10234, 10235, 10236, 10237, 10238].map((n) => `<a href="/story/${n}">Story</a>`).join(' ');
    expect(guessListing(`<body>${ids}</body>`, 'https://example.org/')).toMatchObject({ section: '/story/' });
    const menu = ['/about/us', '/about/team', '/about/board', '/about/jobs', '/about/history', '/about/press'].map((p) => `<a href="${p}">x</a>`).join(' ');
    expect(guessListing(`<body>${menu}</body>`, 'https://example.org/')).toBeNull();
  });

  it(`fewer than ${MIN_LISTING_LINKS} items in any one section, or links to other sites, make no listing`, () => {
    expect(guessListing(`<body>${teasers(MIN_LISTING_LINKS - 1)}</body>`, BASE)).toBeNull();
    const away = SLUGS.map((s) => `<a href="https://other.example.com/news/${s}">x</a>`).join(' ');
    expect(guessListing(`<body>${away}</body>`, BASE)).toBeNull();
  });

  it('an article is not a listing: one that says so, or one with long text and a box of related links', () => {
    const related = `<aside><h2>Related</h2><ul>${teasers(6)}</ul></aside>`;
    expect(guessListing(`<html><head><meta property="og:type" content="article"></head><body>${teasers(7)}</body></html>`, `${BASE}one-story`)).toBeNull();
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","headline":"A story"}]}</script>';
    expect(guessListing(`<html><head>${ld}</head><body>${teasers(7)}</body></html>`, `${BASE}one-story`)).toBeNull();
    expect(guessListing(`<body><article><h1>A story</h1><p>${words(400)}</p></article>${related}</body>`, `${BASE}one-story`)).toBeNull();
    // A collection page that says what it is stays a listing.
    const collection = '<script type="application/ld+json">{"@type":"CollectionPage","name":"News"}</script>';
    expect(guessListing(`<html><head>${collection}</head><body>${teasers(7)}</body></html>`, BASE)).not.toBeNull();
    // Broken JSON-LD is no declaration.
    expect(guessListing(`<html><head><script type="application/ld+json">{"@type":"NewsArticle",</script></head><body>${teasers(7)}</body></html>`, BASE)).not.toBeNull();
  });
});
