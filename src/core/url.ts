/** URL normalisation for de-duplication: one story at two URLs is one document. Pure. */

/** Query parameters that track a reader, not a page. */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|ref|ref_src|cmpid|ncid|ito|at_medium|at_campaign|rss|CMP|__twitter_impression)$/i;

/** Lower-case scheme and host, https, no default port, no fragment, no tracking parameters, sorted query, no trailing slash. */
export function normaliseUrl(input: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.protocol = 'https:';
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
  u.port = u.port === '80' || u.port === '443' ? '' : u.port;
  u.hash = '';
  u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  u.search = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  let s = u.toString();
  if (u.pathname !== '/' && s.endsWith('/') && !u.search) s = s.slice(0, -1);
  else if (u.pathname === '/' && !u.search) s = s.replace(/\/$/, '');
  return s;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/** An absolute http(s) URL to fetch: resolved against the page, without its fragment; null otherwise. */
export function absoluteUrl(href: string, base?: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.toString();
  } catch {
    return null;
  }
}
