/**
 * Serving index/site/ over HTTP on 127.0.0.1 (`ccg serve`): GET and HEAD only; content types by
 * extension; gzip when the client accepts it (compressed once per file version, kept in a bounded
 * cache); partitions' data files (never rewritten) cached for a year as immutable, the page and the
 * manifest revalidated by ETag; a path that would leave the folder refused (core/safe-path.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PathError, inside } from '../core/safe-path.js';
import { PARTITION_KEY } from '../search/schema.js';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);
/** A partition's data file: partitions are never rewritten (a new one gets a new key), so it never changes. */
const immutable = (rel: string): boolean => {
  const m = /^data\/([^/]+)\/[a-z]+(?:-[a-z]+)?(?:-\d+)?\.js$/.exec(rel);
  return m !== null && PARTITION_KEY.test(m[1]!);
};
/** The same policy as the page's <meta>, plus what only a header can say (frame-ancestors). */
export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Cached {
  readonly key: string;
  readonly gz: Buffer;
}

/** Gzipped bodies by path, up to a total size (the oldest dropped first). */
class GzipCache {
  private readonly entries = new Map<string, Cached>();
  private bytes = 0;
  constructor(private readonly limit: number) {}

  get(path: string, key: string, body: () => Buffer): Buffer {
    const hit = this.entries.get(path);
    if (hit && hit.key === key) return hit.gz;
    const gz = gzipSync(body(), { level: 6 });
    if (hit) {
      this.entries.delete(path);
      this.bytes -= hit.gz.length;
    }
    this.entries.set(path, { key, gz });
    this.bytes += gz.length;
    for (const [p, e] of this.entries) {
      if (this.bytes <= this.limit || p === path) break;
      this.entries.delete(p);
      this.bytes -= e.gz.length;
    }
    return gz;
  }
}

export interface SiteServerOptions {
  readonly port?: number;
  /** Bytes of gzipped bodies kept in memory. */
  readonly cacheBytes?: number;
}

function send(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(message), 'X-Content-Type-Options': 'nosniff' });
  res.end(message);
}

/** The file a request path names inside `root`, or an HTTP status for why there is none. */
export function resolveRequest(root: string, rawPath: string): { file: string; rel: string } | { status: number; message: string } {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { status: 400, message: 'bad request: the path is not valid percent-encoding\n' };
  }
  if (path.includes('\0') || path.includes('\\')) return { status: 400, message: 'bad request\n' };
  const rel = path.replace(/^\/+/, '') || 'index.html';
  try {
    return { file: inside(root, rel.endsWith('/') ? `${rel}index.html` : rel), rel };
  } catch (e) {
    if (e instanceof PathError) return { status: 403, message: 'forbidden: the path leaves the site\n' };
    throw e;
  }
}

async function handle(root: string, cache: GzipCache, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'method not allowed\n');
    return;
  }
  // Only the path: the raw request target is not trusted to be a URL of this host.
  const rawPath = (req.url ?? '/').split(/[?#]/)[0]!;
  const target = resolveRequest(root, rawPath);
  if ('status' in target) {
    send(res, target.status, target.message);
    return;
  }
  let info;
  try {
    info = await stat(target.file);
  } catch {
    send(res, 404, 'not found\n');
    return;
  }
  if (!info.isFile()) {
    send(res, 404, 'not found\n');
    return;
  }
  const ext = extname(target.file).toLowerCase();
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': immutable(target.rel) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    Vary: 'Accept-Encoding',
  };
  if (ext === '.html') headers['Content-Security-Policy'] = CSP;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = await readFile(target.file);
  const gzip = COMPRESSIBLE.has(ext) && body.length > 512 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const out = gzip ? cache.get(target.file, etag, () => body) : body;
  if (gzip) headers['Content-Encoding'] = 'gzip';
  headers['Content-Length'] = String(out.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : out);
}

/** Starts serving `root` on 127.0.0.1; resolves once listening (port 0: any free port). */
export function serveSite(root: string, options: SiteServerOptions = {}): Promise<{ server: Server; url: string }> {
  const cache = new GzipCache(options.cacheBytes ?? 256 * 1024 * 1024);
  const server = createServer((req, res) => {
    handle(root, cache, req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, `internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

/** index/site/ of an archive's index folder. */
export const siteDir = (indexDir: string): string => join(indexDir, 'site');
