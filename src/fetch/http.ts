/**
 * HTTP with got: a User-Agent that names the tool, connect/response/total timeouts, retries with
 * exponential backoff and jitter on network errors, 429 and 5xx (honouring Retry-After), a redirect
 * limit, gzip/deflate/brotli, conditional requests (ETag, Last-Modified), and a body size limit
 * enforced while streaming, so that a 50 MB page or an endless stream is cut off, never read whole.
 */
import got, { RequestError } from 'got';
import { FetchError, HttpStatusError, OfflineError, TooLargeError } from './errors.js';

export const USER_AGENT = 'ccg-archive/0.1 (+https://github.com/ccg-archive/ccg-archive; news archive of NHS commissioning)';

export interface HttpOptions {
  /** Milliseconds to open the connection. */
  readonly connectTimeout?: number;
  /** Milliseconds to the first byte of the response. */
  readonly responseTimeout?: number;
  /** Milliseconds for the whole request, body included. */
  readonly totalTimeout?: number;
  /** Attempts after the first, for transient failures. */
  readonly retries?: number;
  /** Base of the exponential backoff, in milliseconds. */
  readonly backoffMs?: number;
  /** Longest wait honoured from a Retry-After header, in milliseconds. */
  readonly maxRetryAfterMs?: number;
  readonly maxRedirects?: number;
  /** Largest body accepted (after decompression), in bytes. */
  readonly maxBytes?: number;
  /**
   * Largest PDF accepted, in bytes: reports run to tens of megabytes where pages do not. A body is a
   * PDF by its content type or by its first bytes (`%PDF-`, for PDFs served as octet-stream).
   */
  readonly maxPdfBytes?: number;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly userAgent?: string;
  /** Waits between retries; tests pass a fast clock. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export const HTTP_DEFAULTS = {
  connectTimeout: 10_000,
  responseTimeout: 20_000,
  totalTimeout: 60_000,
  retries: 3,
  backoffMs: 1_000,
  maxRetryAfterMs: 120_000,
  maxRedirects: 5,
  maxBytes: 10 * 1024 * 1024,
  maxPdfBytes: 100 * 1024 * 1024,
} as const;

export interface HttpResponse {
  readonly url: string;
  readonly finalUrl: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** 304: the stored copy is current. */
  readonly notModified: boolean;
  readonly attempts: number;
}

const sleepReal = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);
const TRANSIENT_CODES = new Set(['ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

/** Seconds or an HTTP date → milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const t = Date.parse(header);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/** Exponential backoff with full jitter: a random wait up to base × 2^attempt. */
export function backoff(attempt: number, baseMs: number, random = Math.random): number {
  return Math.round(random() * baseMs * 2 ** attempt);
}

async function once(url: string, o: Required<Omit<HttpOptions, 'etag' | 'lastModified' | 'sleep'>> & HttpOptions): Promise<Omit<HttpResponse, 'attempts'>> {
  const headers: Record<string, string> = { 'user-agent': o.userAgent, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,*/*;q=0.8' };
  if (o.etag) headers['if-none-match'] = o.etag;
  if (o.lastModified) headers['if-modified-since'] = o.lastModified;
  const stream = got.stream(url, {
    headers,
    timeout: { lookup: o.connectTimeout, connect: o.connectTimeout, response: o.responseTimeout, request: o.totalTimeout },
    retry: { limit: 0 },
    maxRedirects: o.maxRedirects,
    decompress: true,
    throwHttpErrors: false,
  });
  let status = 0;
  let finalUrl = url;
  let resHeaders: Record<string, string | undefined> = {};
  stream.on('response', (res: { statusCode: number; url: string; headers: Record<string, string | string[] | undefined> }) => {
    status = res.statusCode;
    finalUrl = res.url;
    resHeaders = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
    if (/\bpdf\b/i.test(resHeaders['content-type'] ?? '')) limit = Math.max(o.maxBytes, o.maxPdfBytes);
    // A declared length over the limit is refused before a byte of the body is read.
    if (Number(resHeaders['content-length'] ?? 0) > limit) stream.destroy(new TooLargeError(url, limit));
  });
  let limit = o.maxBytes;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    if (size === 0 && (chunk as Buffer).subarray(0, 5).toString('latin1') === '%PDF-') limit = Math.max(o.maxBytes, o.maxPdfBytes);
    size += (chunk as Buffer).length;
    if (size > limit) {
      stream.destroy();
      throw new TooLargeError(url, limit);
    }
    chunks.push(chunk as Buffer);
  }
  return { url, finalUrl, status, headers: resHeaders, body: Buffer.concat(chunks), notModified: status === 304 };
}

function classify(url: string, err: unknown): FetchError {
  if (err instanceof FetchError) return err;
  if (err instanceof RequestError) {
    const code = err.code ?? '';
    if (code === 'ERR_TOO_MANY_REDIRECTS') return new FetchError('E_REDIRECTS', url, `too many redirects: ${err.message}`, false, { cause: err });
    if (OFFLINE_CODES.has(code)) return new OfflineError(url, `cannot reach the host (${code})`, { cause: err });
    if (code === 'ETIMEDOUT') return new FetchError('E_TIMEOUT', url, `timed out (${err.message})`, true, { cause: err });
    return new FetchError('E_NETWORK', url, `${code || 'network error'}: ${err.message}`, TRANSIENT_CODES.has(code), { cause: err });
  }
  return new FetchError('E_NETWORK', url, (err as Error)?.message ?? String(err), true, { cause: err });
}

/** GET a URL with retries; resolves to the response (2xx or 304) or rejects with a FetchError. */
export async function fetchUrl(url: string, options: HttpOptions = {}): Promise<HttpResponse> {
  const o = { ...HTTP_DEFAULTS, userAgent: USER_AGENT, ...options };
  const sleep = options.sleep ?? sleepReal;
  let attempt = 0;
  for (;;) {
    let wait: number | null = null;
    let failure: FetchError;
    try {
      const r = await once(url, o);
      if ((r.status >= 200 && r.status < 300) || r.status === 304) return { ...r, attempts: attempt + 1 };
      failure = new HttpStatusError(url, r.status);
      if (r.status === 429 || r.status === 503) wait = retryAfterMs(r.headers['retry-after']);
    } catch (err) {
      failure = classify(url, err);
    }
    if (!failure.transient || attempt >= o.retries || (wait !== null && wait > o.maxRetryAfterMs)) throw failure;
    await sleep(wait ?? backoff(attempt, o.backoffMs));
    attempt++;
  }
}
