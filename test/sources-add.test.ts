import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { ccgAsync, tempHome } from './helpers.js';
import { startCountingSite, articlePage, type CountingSite, type Route } from './counting-server.js';

const ARTICLES = {
  '/articles/ccg-contracts': ['CCGs to take on GP contracts', 'Clinical commissioning groups will take on the management of GP contracts from April.', '2015-03-12'],
  '/articles/lmc-warns': ['LMC warns on co-commissioning', 'Local medical committees warned that co-commissioning creates conflicts of interest.', '2015-03-14'],
  '/articles/ccg-budget': ['CCG budget gap widens', 'The clinical commissioning group faces a gap in its budget this year.', '2015-03-16'],
  '/articles/parking': ['Hospital car parking charges rise', 'Parking charges rise again at the hospital.', '2015-03-13'],
  '/private/ccg-plans': ['CCG plans in private', 'Never to be fetched.', '2015-03-15'],
} as const;

function site(base: string): Record<string, Route> {
  const items = Object.entries(ARTICLES).map(([path, [title]]) => `<item><title>${title}</title><link>${base}${path}</link><description>${title}</description></item>`).join('\n');
  return {
    // /feed/ is a usual feed path, disallowed here: discovery must not ask for it.
    '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\nDisallow: /feed/\n' },
    '/': { type: 'text/html', body: '<html><head><title>Northshire Health News</title></head><body><p>Home, with no feed link.</p></body></html>' },
    '/feed/': { type: 'application/rss+xml', body: '<rss version="2.0"><channel><title>Disallowed</title></channel></rss>' },
    '/feed': { type: 'application/rss+xml', body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Northshire Health News</title>\n${items}\n</channel></rss>` },
    '/atom': { type: 'application/atom+xml', body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Northshire Atom</title><entry><title>CCG news</title><link rel="alternate" href="${base}/articles/ccg-budget"/><published>2015-03-16T09:00:00Z</published></entry></feed>` },
    ...Object.fromEntries(Object.entries(ARTICLES).map(([path, [title, body, date]], i) => [path, { type: 'text/html', body: articlePage(title, body, date), etag: `"a${i}"`, delayMs: 15 }])),
  };
}

let server: CountingSite;
beforeEach(async () => { server = await startCountingSite(site); });
afterEach(async () => { await server.close(); });

describe('ccg sources add: a polite preview', () => {
  it('obeys robots.txt, fetches each URL once and one at a time, previews topical items, keeps them for ingest', async () => {
    const home = tempHome(false);
    const r = await ccgAsync(['sources', 'add', `${server.base}/`, '--id', 'northshire', '--interval', '20', '--yes'], { home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Found an RSS feed at .*\/feed \("Northshire Health News"\) listing 5 items, 4 of them on its topics/);
    // Only items that pass the topic filter are shown; the disallowed one is named as such, not fetched.
    expect(r.stdout).toMatch(/2015-03-12 {2}CCGs to take on GP contracts {2}\(1 quote\)/);
    expect(r.stdout).toMatch(/CCG plans in private .*disallowed by robots\.txt/);
    expect(r.stdout).not.toMatch(/parking/i);
    expect(server.order[0]).toBe('/robots.txt');
    expect(server.hits.get('/robots.txt')).toBe(1);
    expect(server.hits.get('/')).toBe(1);
    expect(server.hits.get('/feed')).toBe(1);
    expect(server.hits.get('/feed/') ?? 0).toBe(0);
    expect(server.hits.get('/private/ccg-plans') ?? 0).toBe(0);
    expect(server.hits.get('/articles/parking') ?? 0).toBe(0);
    for (const p of ['/articles/ccg-contracts', '/articles/lmc-warns', '/articles/ccg-budget']) expect(server.hits.get(p)).toBe(1);
    // One request at a time (the host's queue), never two in flight.
    expect(server.maxInFlight()).toBe(1);
    const written = JSON.parse(readFileSync(join(home, 'sources', 'registry', 'northshire.json'), 'utf8'));
    expect(written).toMatchObject({ id: 'northshire', name: 'Northshire Health News', kind: 'rss', urls: [`${server.base}/feed`], rateLimit: { intervalMs: 20 } });
    // The preview stored no document (the source was not registered yet), only snapshots.
    expect(existsSync(join(home, 'corpus', 'documents'))).toBe(false);
    const snapshots = readdirSync(join(home, 'corpus', 'snapshots'), { recursive: true }).filter((f) => String(f).endsWith('.gz'));
    expect(snapshots).toHaveLength(3);

    // The ingest that follows asks for the previewed pages conditionally: no body is sent again.
    const ing = await ccgAsync(['ingest', '--source', 'northshire', '--json', '--no-index'], { home });
    expect(ing.code).toBe(0);
    expect(JSON.parse(ing.stdout.trim())).toMatchObject({ source: 'northshire', items: 4, new: 3, skipped: 1, failed: 0 });
    for (const p of ['/articles/ccg-contracts', '/articles/lmc-warns', '/articles/ccg-budget']) {
      expect(server.hits.get(p)).toBe(2);
      expect(server.bodies.get(p)).toBe(1);
    }
    const docs = readdirSync(join(home, 'corpus', 'documents')).map((f) => JSON.parse(readFileSync(join(home, 'corpus', 'documents', f), 'utf8')).document);
    expect(docs.map((d) => d.title).sort()).toEqual(['CCG budget gap widens', 'CCGs to take on GP contracts', 'LMC warns on co-commissioning']);
    expect(docs.every((d) => d.source === 'northshire' && d.snapshot.status === 200)).toBe(true);
  });

  it('names an Atom feed by its title and says "an Atom feed"; --no-topics keeps everything', async () => {
    const home = tempHome(false);
    const r = await ccgAsync(['sources', 'add', `${server.base}/atom`, '--id', 'atom-test', '--interval', '0', '--no-topics', '--json'], { home });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.source).toMatchObject({ name: 'Northshire Atom', kind: 'atom', topics: [] });
    expect(j).toMatchObject({ items: 1, topical: 1 });
    const human = await ccgAsync(['sources', 'add', `${server.base}/atom`, '--id', 'atom-test', '--interval', '0'], { home });
    expect(human.stdout).toMatch(/^Found an Atom feed at .*\/atom \("Northshire Atom"\) listing 1 item, 1 of them on its topics/);
  });

  it.each([['--name'], ['--publisher']])('refuses an empty %s before fetching anything, naming the option', async (flag) => {
    const home = tempHome(false);
    const before = server.total();
    const r = await ccgAsync(['sources', 'add', `${server.base}/`, '--id', 'blank', flag, ' ', '--yes'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ccg: sources add: ${flag} must not be empty\n`);
    expect(server.total()).toBe(before);
    expect(existsSync(join(home, 'sources', 'registry', 'blank.json'))).toBe(false);
  });

  it('refuses an id that would leave the registry, before fetching anything', async () => {
    const home = tempHome(false);
    for (const id of ['../evil', '../../../../tmp/ccg-evil', 'Upper', 'a/b']) {
      const r = await ccgAsync(['sources', 'add', `${server.base}/`, '--id', id, '--yes'], { home });
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^ccg: sources add: --id "${id.replace(/[.*/]/g, '\\$&')}": expected lower-case letters, digits and hyphens`));
    }
    expect(existsSync(join(dirname(join(home, 'sources', 'registry')), 'evil.json'))).toBe(false);
    expect(existsSync(join(home, 'evil.json'))).toBe(false);
    expect(existsSync(join(home, 'sources', 'registry'))).toBe(false);
    expect(server.total()).toBe(0);
  });
});

/** A site with no feed and no sitemap: its news index lists articles in /news/. */
function feedlessSite(): Record<string, Route> {
  const stories = {
    '/news/ccg-takes-on-gp-contracts': ['CCG takes on GP contracts', 'The clinical commissioning group will manage GP contracts from April.', '2016-02-01'],
    '/news/lmc-questions-ccg-plans': ['LMC questions CCG plans', 'The local medical committee questioned the CCG over its plans.', '2016-02-03'],
    '/news/ccg-merger-agreed': ['CCG merger agreed', 'Two clinical commissioning groups will merge next year.', '2016-02-05'],
    '/news/library-opening-hours-change': ['Library opening hours change', 'The library will open later on Sundays.', '2016-02-06'],
    '/news/new-bus-route-for-the-town': ['New bus route for the town', 'A bus route links the town to the coast.', '2016-02-07'],
  } as const;
  const links = Object.entries(stories).map(([path, [title]]) => `<li><a href="${path}">${title}</a></li>`).join('\n');
  return {
    '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow:\n' },
    '/news/': { type: 'text/html', body: `<!DOCTYPE html><html><head><title>Town News</title></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav><h1>News</h1><ul>${links}</ul></body></html>` },
    ...Object.fromEntries(Object.entries(stories).map(([path, [title, body, date]]) => [path, { type: 'text/html', body: articlePage(title, body, date) }])),
  };
}

describe('ccg sources add: a page with no feed', () => {
  let site: CountingSite;
  beforeEach(async () => { site = await startCountingSite(feedlessSite); });
  afterEach(async () => { await site.close(); });

  it('registers a page that lists articles as a listing whose links an ingest follows', async () => {
    const home = tempHome(false);
    const r = await ccgAsync(['sources', 'add', `${site.base}/news/`, '--id', 'town', '--interval', '0', '--yes'], { home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Found a listing page at .*\/news\/ \("News"\) listing 5 items, 3 of them on its topics\./m);
    expect(r.stdout).toContain('Its articles are the links matching ^https?://[^/?#]+/news/[^?#]+ (--link-pattern sets another; --kind page registers the page alone)');
    expect(r.stdout).toMatch(/2016-02-01 {2}CCG takes on GP contracts {2}\(1 quote\)/);
    const written = JSON.parse(readFileSync(join(home, 'sources', 'registry', 'town.json'), 'utf8'));
    expect(written).toMatchObject({ id: 'town', kind: 'listing', urls: [`${site.base}/news/`] });
    expect(new RegExp(written.linkPattern).test(`${site.base}/news/ccg-merger-agreed`)).toBe(true);
    const ing = await ccgAsync(['ingest', '--source', 'town', '--json', '--no-index'], { home });
    expect(ing.code).toBe(0);
    expect(JSON.parse(ing.stdout.trim())).toMatchObject({ source: 'town', items: 3, new: 3, failed: 0 });
  });

  it('--kind page registers the page alone; --link-pattern sets the links; bad values are refused before fetching', async () => {
    const home = tempHome(false);
    const page = JSON.parse((await ccgAsync(['sources', 'add', `${site.base}/news/`, '--id', 'one', '--interval', '0', '--kind', 'page', '--json'], { home })).stdout);
    expect(page.source).toMatchObject({ kind: 'page', urls: [`${site.base}/news/`] });
    expect(page.source.linkPattern).toBeUndefined();
    const listing = JSON.parse((await ccgAsync(['sources', 'add', `${site.base}/news/`, '--id', 'two', '--interval', '0', '--link-pattern', '/news/ccg-', '--no-topics', '--json'], { home })).stdout);
    expect(listing.source).toMatchObject({ kind: 'listing', linkPattern: '/news/ccg-' });
    expect(listing.items).toBe(2);
    const before = site.total();
    for (const [args, message] of [
      [['--kind', 'rss'], /^ccg: sources add: --kind must be page or listing/],
      [['--link-pattern', '(unclosed'], /^ccg: sources add: --link-pattern "\(unclosed" is not a regular expression/],
      [['--kind', 'page', '--link-pattern', '/news/'], /^ccg: sources add: --link-pattern is for a listing page/],
    ] as const) {
      const bad = await ccgAsync(['sources', 'add', `${site.base}/news/`, '--id', 'bad', ...args], { home });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(message);
    }
    expect(site.total()).toBe(before);
  });

  it('--kind listing on a page that links to no articles says what to do', async () => {
    const home = tempHome(false);
    const r = await ccgAsync(['sources', 'add', `${site.base}/news/ccg-merger-agreed`, '--id', 'x', '--interval', '0', '--kind', 'listing'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`ccg: sources add: ${site.base}/news/ccg-merger-agreed: no links to articles in one section of the site were found; give the articles' URL pattern with --link-pattern RE`);
    expect(existsSync(join(home, 'sources', 'registry', 'x.json'))).toBe(false);
  });
});
