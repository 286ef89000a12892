/**
 * Building the page's elements safely: every value from an article becomes a text node or an
 * attribute set through setAttribute, never HTML; event-handler attributes are refused, and links
 * are made only for http(s) URLs. Browser only.
 */

export type Child = Node | string | number | null | undefined | false;

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(node: Element, attrs: Record<string, string | number | boolean | null | undefined>, children: readonly Child[]): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    // Names are the page's own, never data; a handler attribute or a link target goes through its own door.
    if (/^on/i.test(name) || name === 'href' || name === 'src' || name === 'style') throw new Error(`attribute ${name} is not set through el()`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** An HTML element with attributes and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | null | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  fill(node, attrs, children);
  return node;
}

/** An SVG element. */
export function svg(tag: string, attrs: Record<string, string | number | boolean | null | undefined> = {}, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag) as SVGElement;
  fill(node, attrs, children);
  return node;
}

/** The URL when it is an absolute http(s) URL, else null (javascript:, data:, relative …). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A link to an http(s) URL, or the text alone when the URL is anything else. */
export function link(url: string | null | undefined, ...children: Child[]): HTMLElement {
  const href = safeUrl(url);
  if (!href) return el('span', {}, ...children);
  const a = el('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }, ...children);
  a.href = href;
  return a;
}

/** Text with [start, end) ranges wrapped in <mark>. */
export function marked(text: string, ranges: ReadonlyArray<readonly [number, number]>): DocumentFragment {
  const f = document.createDocumentFragment();
  let at = 0;
  for (const [a, b] of ranges) {
    if (a < at) continue;
    f.append(document.createTextNode(text.slice(at, a)), el('mark', {}, text.slice(a, b)));
    at = b;
  }
  f.append(document.createTextNode(text.slice(at)));
  return f;
}
