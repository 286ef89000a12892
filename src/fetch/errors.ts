/** Fetch failures, each a class with a stable code and a message that names the URL. */
import { CcgError } from '../core/errors.js';
import { shellQuote } from '../core/shell-quote.js';

export class FetchError extends CcgError {
  readonly url: string;
  /** Worth trying again later (network trouble, 429, 5xx), as opposed to a page that is wrong. */
  readonly transient: boolean;
  constructor(code: string, url: string, message: string, transient: boolean, options?: { cause?: unknown }) {
    super(code, `${url}: ${message}`, options);
    this.url = url;
    this.transient = transient;
  }
}

/** The host cannot be reached at all (no network, DNS failure, connection refused). */
export class OfflineError extends FetchError {
  constructor(url: string, message: string, options?: { cause?: unknown }) {
    super('E_OFFLINE', url, message, true, options);
  }
}

export class HttpStatusError extends FetchError {
  readonly status: number;
  constructor(url: string, status: number) {
    super('E_HTTP', url, `HTTP ${status}`, status === 429 || status >= 500);
    this.status = status;
  }
}

export class TooLargeError extends FetchError {
  constructor(url: string, limit: number) {
    super('E_TOO_LARGE', url, `body larger than ${limit} bytes; cut off`, false);
  }
}

export class RobotsDisallowedError extends FetchError {
  constructor(url: string) {
    super('E_ROBOTS', url, 'disallowed by robots.txt', false);
  }
}

/** A feed or sitemap where a page was expected (`ccg add URL`): register it as a source instead. */
export class FeedUrlError extends FetchError {
  /** In words: "an RSS feed", "an Atom feed", "a sitemap". */
  readonly what: string;
  /** The command that registers it as a source. */
  readonly suggest: string;
  /** `ccg` is how to run ccg on the archive (with its --home when it needs one). */
  constructor(url: string, what: string, ccg = 'ccg') {
    const suggest = `${ccg} sources add ${shellQuote(url)}`;
    super('E_FEED_URL', url, `${what}, not a page; nothing stored. To register it as a source: ${suggest}`, false);
    this.suggest = suggest;
    this.what = what;
  }
}
