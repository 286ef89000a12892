/**
 * A small site on 127.0.0.1 that counts what it is asked: requests per path, bodies sent (200s)
 * per path, the order of requests, and the most requests it ever had in flight at once. Pages
 * with an ETag answer a matching If-None-Match with 304. Plain node:http; nothing is mocked.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  readonly type: string;
  readonly body: string | Buffer;
  readonly etag?: string;
  /** Milliseconds before answering (so that overlapping requests would be seen). */
  readonly delayMs?: number;
}

export interface CountingSite {
  readonly base: string;
  /** Requests per path (any status). */
  readonly hits: Map<string, number>;
  /** Bodies sent per path (200 responses). */
  readonly bodies: Map<string, number>;
  /** Paths in the order they were asked for. */
  readonly order: string[];
  /** The most requests in flight at once. */
  maxInFlight(): number;
  total(): number;
  close(): Promise<void>;
}

export async function startCountingSite(routes: (base: string) => Record<string, Route>): Promise<CountingSite> {
  const hits = new Map<string, number>();
  const bodies = new Map<string, number>();
  const order: string[] = [];
  let inFlight = 0;
  let most = 0;
  let table: Record<string, Route> = {};
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    order.push(path);
    inFlight++;
    most = Math.max(most, inFlight);
    res.on('close', () => { inFlight--; });
    const route = table[path];
    const answer = (): void => {
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      if (route.etag && req.headers['if-none-match'] === route.etag) {
        res.writeHead(304, { etag: route.etag });
        res.end();
        return;
      }
      bodies.set(path, (bodies.get(path) ?? 0) + 1);
      res.writeHead(200, { 'content-type': route.type, ...(route.etag ? { etag: route.etag } : {}) });
      res.end(route.body);
    };
    if (route?.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  };
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  table = routes(base);
  return {
    base,
    hits,
    bodies,
    order,
    maxInFlight: () => most,
    total: () => order.length,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** A news article with a title, a date, a paragraph and one attributed quotation. */
export function articlePage(title: string, body: string, date: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} | Northshire Health News</title>
<meta property="og:site_name" content="Northshire Health News"><meta property="article:published_time" content="${date}T09:00:00Z"></head>
<body><article><h1>${title}</h1><p>${body}</p>
<p>Dr Helen Marsh, secretary of Northshire LMC, said: ‘We cannot support CCGs managing GP contracts because the conflicts of interest are obvious.’</p></article></body></html>`;
}
