/**
 * robots.txt, fetched once per host per run and cached. A missing file (4xx) allows everything; a
 * server error disallows everything for the run (RFC 9309); an unreachable host is reported as such.
 */
import robotsParserModule from 'robots-parser';
import { fetchUrl, type HttpOptions, USER_AGENT } from './http.js';
import { FetchError, HttpStatusError, OfflineError } from './errors.js';

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay in milliseconds, when the file sets one for us. */
  readonly crawlDelayMs: number | null;
  readonly sitemaps: readonly string[];
}

// robots-parser is CommonJS whose module.exports is the function; its types describe a default export.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
};

const ALLOW_ALL: RobotsRules = { isAllowed: () => true, crawlDelayMs: null, sitemaps: [] };
const DISALLOW_ALL: RobotsRules = { isAllowed: () => false, crawlDelayMs: null, sitemaps: [] };

export function parseRobots(robotsUrl: string, text: string, userAgent = USER_AGENT): RobotsRules {
  const r = robotsParser(robotsUrl, text);
  const delay = r.getCrawlDelay(userAgent);
  return {
    isAllowed: (url) => r.isAllowed(url, userAgent) !== false,
    crawlDelayMs: typeof delay === 'number' ? delay * 1000 : null,
    sitemaps: r.getSitemaps(),
  };
}

export class RobotsCache {
  private readonly cache = new Map<string, Promise<RobotsRules>>();
  constructor(private readonly http: HttpOptions = {}) {}

  rulesFor(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    let p = this.cache.get(origin);
    if (!p) {
      p = this.load(`${origin}/robots.txt`);
      this.cache.set(origin, p);
    }
    return p;
  }

  private async load(robotsUrl: string): Promise<RobotsRules> {
    try {
      const r = await fetchUrl(robotsUrl, { ...this.http, retries: Math.min(this.http.retries ?? 1, 1), maxBytes: 512 * 1024 });
      return parseRobots(robotsUrl, r.body.toString('utf8'), this.http.userAgent);
    } catch (err) {
      if (err instanceof OfflineError) throw err;
      if (err instanceof HttpStatusError && err.status >= 400 && err.status < 500) return ALLOW_ALL;
      if (err instanceof HttpStatusError) return DISALLOW_ALL;
      if (err instanceof FetchError && err.code === 'E_TOO_LARGE') return ALLOW_ALL;
      return DISALLOW_ALL;
    }
  }
}
