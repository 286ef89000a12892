/**
 * A real HTTP server on 127.0.0.1 that serves fixture sites, feeds and faults for the fetch tests.
 * Every route is plain node:http; nothing is mocked.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export interface FixtureServer {
  readonly base: string;
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

const article = (title: string, body: string, date = '2015-03-12'): string => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} | Test Pulse</title>
<meta property="og:site_name" content="Test Pulse"><meta property="article:published_time" content="${date}T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1><p>${body}</p>
<p>Dr Helen Marsh, secretary of Northshire LMC, said: ‘We cannot support CCGs managing GP contracts because the conflicts of interest are obvious.’</p></article>
<aside class="most-read"><h3>Most read</h3><a href="/x">Other story</a></aside></body></html>`;

/** windows-1252 bytes for the £ and curly quotes of the cp1252 page. */
function cp1252(s: string): Buffer {
  const map: Record<string, number> = { '\u00a3': 0xa3, '\u201c': 0x93, '\u201d': 0x94 };
  return Buffer.from([...s].map((c) => map[c] ?? c.charCodeAt(0)));
}

export function pages(base: string): Record<string, { type: string; body: string | Buffer; headers?: Record<string, string> }> {
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test Pulse</title>
<item><title>CCGs to take on GP contracts</title><link>${base}/articles/ccg-contracts?utm_source=rss</link><pubDate>Thu, 12 Mar 2015 09:00:00 GMT</pubDate><description>Clinical commissioning groups will manage practices.</description></item>
<item><title>Hospital car parking charges rise</title><link>${base}/articles/parking</link><pubDate>Fri, 13 Mar 2015 09:00:00 GMT</pubDate><description>Nothing to do with commissioning.</description></item>
<item><title>LMC warns on co-commissioning</title><link>${base}/articles/lmc-warns</link><pubDate>Sat, 14 Mar 2015 09:00:00 GMT</pubDate></item>
<item><title>CCG plans for private pages</title><link>${base}/private/secret</link></item>
<item><title>The same CCG story again</title><link>${base}/articles/ccg-contracts-copy</link></item>
<item><title>A CCG page in windows-1252</title><link>${base}/articles/cp1252</link></item>
</channel></rss>`;
  return {
    '/robots.txt': { type: 'text/plain', body: `User-agent: *\nDisallow: /private/\nSitemap: ${base}/sitemap.xml\n` },
    '/feed.xml': { type: 'application/rss+xml', body: rss },
    '/atom.xml': { type: 'application/atom+xml', body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>CCG news</title><link rel="alternate" href="${base}/articles/lmc-warns"/><published>2015-03-14T09:00:00Z</published><summary>CCGs</summary></entry></feed>` },
    '/rdf.xml': { type: 'application/rdf+xml', body: `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><item rdf:about="${base}/articles/lmc-warns"><title>CCG RDF item</title><link>${base}/articles/lmc-warns</link><dc:date>2015-03-14</dc:date></item></rdf:RDF>` },
    '/sitemap.xml': { type: 'application/xml', body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${base}/sitemap-news.xml.gz</loc></sitemap></sitemapindex>` },
    '/sitemap-news.xml.gz': { type: 'application/gzip', body: gzipSync(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>${base}/articles/lmc-warns</loc><news:news><news:publication_date>2015-03-14</news:publication_date><news:title>LMC warns on CCG co-commissioning</news:title></news:news></url><url><loc>${base}/articles/parking</loc><lastmod>2015-03-13</lastmod></url></urlset>`) },
    '/listing': { type: 'text/html', body: `<html><head><link rel="next" href="/listing2"></head><body><a href="/articles/ccg-contracts">CCGs to take on GP contracts</a><a href="/about">About</a><a href="https://elsewhere.example/articles/x">Elsewhere</a></body></html>` },
    '/listing2': { type: 'text/html', body: `<html><body><a href="/articles/lmc-warns">LMC warns on CCG co-commissioning</a></body></html>` },
    '/home': { type: 'text/html', body: `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Home</body></html>` },
    '/articles/ccg-contracts': { type: 'text/html', body: article('CCGs to take on GP contracts', 'Clinical commissioning groups will take on the management of GP contracts from April, NHS England said.'), headers: { etag: '"v1"' } },
    '/articles/ccg-contracts-copy': { type: 'text/html', body: article('CCGs to take on GP contracts', 'Clinical commissioning groups will take on the management of GP contracts from April, NHS England said.') },
    '/articles/parking': { type: 'text/html', body: article('Hospital car parking charges rise', 'Parking charges rise again.') },
    '/articles/lmc-warns': { type: 'text/html', body: article('LMC warns on co-commissioning', 'Local medical committees have warned that co-commissioning will create conflicts of interest for CCGs.', '2015-03-14'), headers: { 'last-modified': 'Sat, 14 Mar 2015 09:00:00 GMT' } },
    '/private/secret': { type: 'text/html', body: article('Secret', 'Never fetched.') },
    '/articles/cp1252': { type: 'text/html', body: cp1252('<html><head><meta charset="windows-1252"><title>CCG budget</title></head><body><article><h1>CCG budget</h1><p>The CCG faces a \u00a33.5m gap, its chair said, calling the figures \u201cdeeply worrying\u201d for practices across the county and its patients.</p></article></body></html>') },
    '/not-a-feed': { type: 'text/html', body: '<html><body>Just a page, no feed here.</body></html>' },
    '/invalid-feed': { type: 'application/rss+xml', body: '<?xml version="1.0"?><rss><channel><item><title>Broken' },
  };
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  let base = '';
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0]!;
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    switch (path) {
      case '/flaky': return n === 1 ? send(500, 'text/plain', 'boom') : send(200, 'text/html', '<p>ok after 500</p>');
      case '/rate-limited': return n === 1 ? send(429, 'text/plain', 'slow down', { 'retry-after': '1' }) : send(200, 'text/html', '<p>ok after 429</p>');
      case '/reset': if (n === 1) { req.socket.destroy(); return; } return send(200, 'text/html', '<p>ok after reset</p>');
      case '/slow': { const t = setTimeout(() => send(200, 'text/html', '<p>late</p>'), 3000); res.on('close', () => clearTimeout(t)); return; }
      case '/loop': res.writeHead(302, { location: '/loop' }); res.end(); return;
      case '/always-500': return send(503, 'text/plain', 'down');
      // 12 MB: over the 10 MB limit for pages, under the one for PDFs.
      case '/big-report.pdf': return send(200, 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(12 * 1024 * 1024, 32)]));
      case '/big-report': return send(200, 'application/octet-stream', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(12 * 1024 * 1024, 32)]));
      case '/big-page': return send(200, 'text/html', Buffer.alloc(12 * 1024 * 1024, 32));
      case '/bomb': return send(200, 'text/html', gzipSync(Buffer.alloc(60 * 1024 * 1024)), { 'content-encoding': 'gzip' });
      case '/endless': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = (): void => { while (res.write(chunk)) { /* fill the buffer */ } };
        res.on('drain', pump);
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
        return;
      }
      default: {
        const page = pages(base)[path];
        if (!page) return send(404, 'text/plain', 'not found');
        const body = page.body;
        const etag = page.headers?.etag;
        if (etag && req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }); res.end(); return; }
        const lm = page.headers?.['last-modified'];
        if (lm && req.headers['if-modified-since'] === lm) { res.writeHead(304, { 'last-modified': lm }); res.end(); return; }
        return send(200, page.type, body, page.headers);
      }
    }
  };
  const server: Server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
