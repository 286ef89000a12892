/**
 * The polite GET that every fetching command shares: robots.txt first (fetched once per host and
 * cached), then the host's queue (one request at a time, at most one start per interval: the
 * source's rate or the site's Crawl-delay, whichever is longer), under a global limit. One Fetcher
 * per run, shared by ingest, `ccg add URL` and `ccg sources add`'s preview.
 */
import { fetchUrl, type HttpOptions, type HttpResponse } from './http.js';
import { OfflineError, RobotsDisallowedError } from './errors.js';
import { RobotsCache, type RobotsRules } from './robots.js';
import { Scheduler } from './politeness.js';
import { hostOf } from './url.js';

export interface FetcherOptions {
  readonly http?: HttpOptions;
  /** Requests in flight at once over all hosts. */
  readonly concurrency?: number;
  /**
   * Fetch each URL at most once in this run: a second GET of a URL (or of the URL a redirect led
   * to) gets the first one's response or error. For short runs that look at a site from several
   * sides (`sources add`); not for ingest, which would keep every body in memory.
   */
  readonly once?: boolean;
}

export interface GetOptions {
  /** Milliseconds between the starts of two requests to this host (the source's rate). */
  readonly intervalMs?: number;
  /** Conditional request: the stored copy's validators. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export class Fetcher {
  readonly http: HttpOptions;
  readonly robots: RobotsCache;
  readonly scheduler: Scheduler;
  private readonly fetched: Map<string, Promise<HttpResponse>> | null;

  constructor(options: FetcherOptions = {}) {
    this.http = options.http ?? {};
    this.robots = new RobotsCache(this.http);
    this.scheduler = new Scheduler({ concurrency: options.concurrency ?? 8 });
    this.fetched = options.once ? new Map() : null;
  }

  /** robots.txt's rules for the URL's site (one request per host per run). */
  rules(url: string): Promise<RobotsRules> {
    return this.robots.rulesFor(url);
  }

  /** GET politely; rejects with RobotsDisallowedError before any request to a disallowed URL. */
  get(url: string, options: GetOptions = {}): Promise<HttpResponse> {
    if (!this.fetched) return this.politeGet(url, options);
    const known = this.fetched.get(url);
    if (known) return known;
    const p = this.politeGet(url, options);
    this.fetched.set(url, p);
    p.then((r) => { if (!this.fetched!.has(r.finalUrl)) this.fetched!.set(r.finalUrl, p); }, () => undefined);
    return p;
  }

  private async politeGet(url: string, options: GetOptions): Promise<HttpResponse> {
    let rules: RobotsRules;
    try {
      rules = await this.robots.rulesFor(url);
    } catch (e) {
      // An unreachable host is said of the URL asked for, not of its robots.txt.
      if (e instanceof OfflineError) throw new OfflineError(url, e.message.startsWith(`${e.url}: `) ? e.message.slice(e.url.length + 2) : e.message, { cause: e });
      throw e;
    }
    if (!rules.isAllowed(url)) throw new RobotsDisallowedError(url);
    const interval = Math.max(options.intervalMs ?? 1000, rules.crawlDelayMs ?? 0);
    const conditional = { etag: options.etag ?? null, lastModified: options.lastModified ?? null };
    return this.scheduler.run(hostOf(url), () => fetchUrl(url, { ...this.http, ...conditional }), interval);
  }
}
