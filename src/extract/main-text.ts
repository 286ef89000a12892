/**
 * Main text of an HTML page as paragraphs. Pure: a parsed document in, paragraphs out; scores live
 * in Maps, never on the nodes.
 *
 * Fallback chain, in order:
 *   1. a known article container (itemprop=articleBody, CMS classes: selectors.ts) holding enough text;
 *   2. the single <article> (or <main>) holding enough text;
 *   3. the best-scored container: paragraphs vote for their parent and grandparent (length, commas),
 *      class/id hints add or subtract, link density discounts; siblings of the winner that score
 *      close to it are kept too (Readability's idea, without its node mutation);
 *   4. the JSON-LD articleBody, when the page structure gives too little.
 */
import { isSpaceCode } from '../core/chars.js';
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { ARTICLE_CONTAINERS, BLOCK_TAGS, DROP_TAGS, FURNITURE_TAGS, NEGATIVE_HINTS, PARAGRAPH_TAGS, POSITIVE_HINTS, STRONG_NEGATIVE_HINTS } from './selectors.js';
import { isBoilerplateLine } from './text.js';
import { limitDepth } from './dom-limits.js';

/** A container from steps 1–2 is taken when it has at least this many characters of text. */
const MIN_CONTAINER_CHARS = 250;
/** Paragraphs shorter than this do not vote. */
const MIN_PARAGRAPH_CHARS = 25;
/** Siblings of the winner are kept when they score at least this share of it. */
const SIBLING_SHARE = 0.2;
/** A paragraph made mostly of link text is navigation. */
const MAX_PARAGRAPH_LINK_DENSITY = 0.5;
/** A scored winner with less than this share of the page's prose gives way to all the prose. */
const MIN_PROSE_SHARE = 0.5;
/** Furniture removed by its class/id may hold at most this share of the page's prose. */
const MAX_REMOVED_PROSE = 0.3;
/** Class/id hints are worth this many points. */
const HINT_WEIGHT = 25;

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

function hints(el: Element): string {
  return `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  return a.hidden !== undefined || a['aria-hidden'] === 'true' || (a.style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style));
}

/** A measure of each element, looked up like a Map. */
interface Lookup {
  get(el: Element): number | undefined;
}

interface Measures {
  /** Every element, in document order (what a search by tag name walks). */
  readonly elements: Element[];
  readonly text: Lookup;
  readonly links: Lookup;
  readonly commas: Lookup;
  /** Text inside <p> elements (of paragraph length) under each element. */
  readonly prose: Lookup;
}

/** What one node holds: characters of text (white space collapsed), of link text, commas, and prose. */
interface Measure {
  readonly text: number;
  readonly links: number;
  readonly commas: number;
  readonly prose: number;
}

const NOTHING: Measure = { text: 0, links: 0, commas: 0, prose: 0 };


/** `s.replace(/\s+/g, ' ').trim().length`, without building the string. */
export function collapsedLength(s: string): number {
  let n = 0;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    if (isSpaceCode(s.charCodeAt(i))) { gap = n > 0; continue; }
    if (gap) { n++; gap = false; }
    n++;
  }
  return n;
}

function measureText(data: string, inLink: boolean): Measure {
  const len = collapsedLength(data);
  let c = 0;
  for (let i = data.indexOf(','); i >= 0; i = data.indexOf(',', i + 1)) c++;
  // White space between tags (most text nodes) measures nothing: no record is made for it.
  return len === 0 && c === 0 ? NOTHING : { text: len, links: inLink ? len : 0, commas: c, prose: 0 };
}

/**
 * Text lengths, link-text lengths and commas of every element, in one bottom-up pass (one record per
 * element). With `proseOnly`, text is measured only inside <p> elements: enough for `prose` (and
 * `elements`), which is all that is read before furniture is removed, and much less work on pages
 * whose scripts, styles and menus hold most of their text; `text`, `links` and `commas` are then
 * not to be read.
 */
export function measure(root: AnyNode, proseOnly = false): Measures {
  const elements: Element[] = [];
  const of = new Map<Element, Measure>();
  const walk = (n: AnyNode, inLink: boolean, inParagraph: boolean): Measure => {
    if (n.type === 'text') return inParagraph ? measureText((n as unknown as { data: string }).data, inLink) : NOTHING;
    const element = isElement(n);
    if (!element && n.type !== 'root') return NOTHING;
    if (element) elements.push(n);
    let t = 0;
    let l = 0;
    let c = 0;
    let p = 0;
    const link = inLink || (element && n.name === 'a');
    const paragraph = inParagraph || (element && n.name === 'p');
    for (const child of (n as Element).children) {
      const m = walk(child, link, paragraph);
      t += m.text;
      l += m.links;
      c += m.commas;
      p += m.prose;
    }
    const m: Measure = { text: t, links: l, commas: c, prose: element && n.name === 'p' && t >= MIN_PARAGRAPH_CHARS && l < t / 2 ? t : p };
    if (element) of.set(n, m);
    return m;
  };
  walk(root, false, !proseOnly);
  return {
    elements,
    text: { get: (el) => of.get(el)?.text },
    links: { get: (el) => of.get(el)?.links },
    commas: { get: (el) => of.get(el)?.commas },
    prose: { get: (el) => of.get(el)?.prose },
  };
}

/** Removes what is never content: dropped tags, hidden elements, furniture by class/id. */
function clean($: CheerioAPI, bodyProse: number, prose: Lookup): void {
  const remove: Element[] = [];
  const visit = (n: AnyNode): void => {
    if (!isElement(n)) {
      if (n.type === 'comment') remove.push(n as unknown as Element);
      else for (const c of (n as unknown as Element).children ?? []) visit(c);
      return;
    }
    const name = n.name;
    const minor = (prose.get(n) ?? 0) <= bodyProse * MAX_REMOVED_PROSE;
    if (DROP_TAGS.has(name) || (FURNITURE_TAGS.has(name) && minor) || (isHidden(n) && minor)) { remove.push(n); return; }
    if (name !== 'body' && name !== 'html' && name !== 'article' && name !== 'main') {
      const h = hints(n);
      // Furniture by class/id, unless it also looks like content or holds much of the page's prose
      // (layout wrappers are named "with-sidebar-right", "below-banner", "non-paywall").
      if (h.trim() && ((NEGATIVE_HINTS.test(h) && minor) || STRONG_NEGATIVE_HINTS.test(h)) && !POSITIVE_HINTS.test(h)) {
        remove.push(n);
        return;
      }
      if (minor && (n.attribs.role === 'navigation' || n.attribs.role === 'complementary' || n.attribs.role === 'banner' || n.attribs.role === 'contentinfo')) {
        remove.push(n);
        return;
      }
    }
    for (const c of n.children) visit(c);
  };
  visit($.root()[0]!);
  for (const el of remove) $(el).remove();
}

/** Paragraph texts under the given nodes, split at block-level elements. */
export function collectParagraphs(nodes: readonly AnyNode[]): string[] {
  const paras: string[] = [];
  let buf = '';
  let linkChars = 0;
  const flush = (): void => {
    const t = buf.replace(/\s+/g, ' ').trim();
    if (t && !(linkChars / t.length > MAX_PARAGRAPH_LINK_DENSITY && t.length < 200) && !isBoilerplateLine(t)) paras.push(t);
    buf = '';
    linkChars = 0;
  };
  const walk = (n: AnyNode, inLink: boolean): void => {
    if (n.type === 'text') {
      const d = (n as unknown as { data: string }).data;
      buf += d;
      if (inLink) linkChars += collapsedLength(d);
      return;
    }
    if (!isElement(n)) return;
    const block = BLOCK_TAGS.has(n.name);
    if (block) flush();
    if (n.name === 'li') buf += '• ';
    // Cells of a table row stay on one line.
    if ((n.name === 'td' || n.name === 'th') && buf.trim()) buf += ' | ';
    for (const c of n.children) walk(c, inLink || n.name === 'a');
    if (block) flush();
  };
  for (const n of nodes) walk(n, false);
  flush();
  return paras;
}

/** The elements that vote for their ancestors ($('p, pre, blockquote, td, div'), in document order). */
const VOTERS: ReadonlySet<string> = new Set(['p', 'pre', 'blockquote', 'td', 'div']);

function score({ elements, text, links, commas }: Measures): { best: Element | null; scores: Map<Element, number> } {
  const scores = new Map<Element, number>();
  const init = (el: Element): number => {
    let s = 0;
    if (el.name === 'div' || el.name === 'article' || el.name === 'section' || el.name === 'main') s += 5;
    if (el.name === 'article') s += 10;
    const h = hints(el);
    if (POSITIVE_HINTS.test(h)) s += HINT_WEIGHT;
    if (NEGATIVE_HINTS.test(h)) s -= HINT_WEIGHT;
    return s;
  };
  const add = (el: Element | null, points: number): void => {
    if (!el || !isElement(el) || el.name === 'html') return;
    scores.set(el, (scores.get(el) ?? init(el)) + points);
  };
  for (const el of elements) {
    if (!VOTERS.has(el.name)) continue;
    if (el.name === 'div' && el.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.name) && c.name !== 'br')) continue;
    if (el.name !== 'div' && !PARAGRAPH_TAGS.has(el.name)) continue;
    const len = text.get(el) ?? 0;
    if (len < MIN_PARAGRAPH_CHARS) continue;
    const points = 1 + (commas.get(el) ?? 0) + Math.min(Math.floor(len / 100), 3);
    const parent = el.parent as Element | null;
    const grand = (parent?.parent ?? null) as Element | null;
    add(parent, points);
    add(grand, points / 2);
    add((grand?.parent ?? null) as Element | null, points / 3);
  }
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, s] of scores) {
    const t = text.get(el) ?? 0;
    const density = t ? (links.get(el) ?? 0) / t : 1;
    const final = s * (1 - density);
    scores.set(el, final);
    if (final > bestScore) { bestScore = final; best = el; }
  }
  return { best, scores };
}

/** The winner and those of its siblings that belong to the article. */
function withSiblings(best: Element, scores: Map<Element, number>, text: Lookup, links: Lookup): AnyNode[] {
  const parent = best.parent as Element | null;
  if (!parent) return [best];
  const top = scores.get(best) ?? 0;
  const threshold = Math.max(10, top * SIBLING_SHARE);
  const bonus = POSITIVE_HINTS.test(hints(best)) ? top * 0.2 : 0;
  return parent.children.filter((c) => {
    if (c === best) return true;
    if (!isElement(c)) return false;
    const s = scores.get(c);
    if (s !== undefined && s + (hints(c) && hints(c) === hints(best) ? bonus : 0) >= threshold) return true;
    if (c.name === 'p') {
      const len = text.get(c) ?? 0;
      const density = len ? (links.get(c) ?? 0) / len : 1;
      return (len > 80 && density < 0.25) || (len > 0 && len <= 80 && density === 0 && /\.\s*$/.test(textOf(c)));
    }
    return false;
  });
}

function textOf(n: AnyNode): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  return isElement(n) || n.type === 'root' ? (n as Element).children.map(textOf).join('') : '';
}

/**
 * The attributes that the last compound of every known container's selector requires ('.x' a class,
 * '[itemprop=…]' an itemprop): an element with none of them matches none of the selectors, so the
 * page's elements are narrowed to those that have one before the selectors are matched (on a list a
 * tenth as long). Null when some selector requires none.
 */
const CONTAINER_ATTRIBUTES: readonly string[] | null = (() => {
  const names = new Set<string>();
  for (const sel of ARTICLE_CONTAINERS) {
    const last = sel.trim().split(/\s+/).pop()!;
    const m = /^(?:\.|\[([a-z-]+)[=\]])/i.exec(last);
    if (!m) return null;
    names.add(m[1]?.toLowerCase() ?? 'class');
  }
  return [...names];
})();
const mayBeContainer = (el: Element): boolean => CONTAINER_ATTRIBUTES === null || CONTAINER_ATTRIBUTES.some((a) => el.attribs[a] !== undefined);

/**
 * Steps 1: the source's own selector, then the known containers in order; the paragraphs of the
 * first that holds enough text, else null.
 */
function containerParagraphs($: CheerioAPI, { elements, text }: Measures, articleSelector: string | null): string[] | null {
  // The page's elements narrowed once to every known container, then by each selector: as $(selector) would find them.
  let known: Cheerio<Element> | null = null;
  for (const sel of articleSelector ? [articleSelector, ...ARTICLE_CONTAINERS] : ARTICLE_CONTAINERS) {
    // A librarian's own selector is trusted with any amount of text; the generic ones need enough.
    const min = sel === articleSelector ? 1 : MIN_CONTAINER_CHARS;
    let matched: AnyNode[];
    try {
      matched = sel === articleSelector ? $(sel).toArray() : (known ??= $(elements.filter(mayBeContainer)).filter(ARTICLE_CONTAINERS.join(', '))).filter(sel).toArray();
    } catch {
      continue; // an invalid selector in the registry: fall back to the generic chain
    }
    const found = matched.filter((el) => (text.get(el as Element) ?? 0) >= min);
    if (found.length) {
      const outer = found.filter((el) => !found.some((o) => o !== el && $(o).find(el as never).length));
      const paras = collectParagraphs(outer);
      if (paras.join(' ').length >= min) return paras;
    }
  }
  return null;
}

export interface MainText {
  readonly paragraphs: string[];
  /** Which step of the fallback chain gave the text. */
  readonly method: 'container' | 'article' | 'scored' | 'json-ld' | 'prose' | 'body';
}

/**
 * @param articleSelector a source's own selector for its article body (registry `selectors.article`),
 *   tried before the known containers.
 */
export function extractMainText($: CheerioAPI, articleBody: string | null = null, articleSelector: string | null = null): MainText {
  limitDepth($.root()[0]!);
  const first = measure($.root()[0]!, true);
  const body = (first.elements.find((el) => el.name === 'body') ?? $.root()[0]!) as Element;
  const root = $.root()[0]!;
  const rootProse = (root as unknown as Element).children.reduce((n, c) => n + (isElement(c) ? first.prose.get(c) ?? 0 : 0), 0);
  clean($, rootProse, first.prose);
  const measures = measure($.root()[0]!);
  const { text, links } = measures;
  const contained = containerParagraphs($, measures, articleSelector);
  if (contained) return { paragraphs: contained, method: 'container' };

  const { best, scores } = score(measures);
  const articles = measures.elements.filter((el) => el.name === 'article' && (text.get(el) ?? 0) >= MIN_CONTAINER_CHARS);
  if (articles.length === 1) {
    const a = articles[0]!;
    // Prefer the scored winner when it sits inside the article (the article also holds furniture).
    const inside = best && $(a).find(best as never).length > 0 && (text.get(best) ?? 0) >= 0.6 * (text.get(a) ?? 0);
    if (!inside) return { paragraphs: collectParagraphs([a]), method: 'article' };
  }

  const bodyProse = measures.prose.get(body) ?? 0;
  if (best && (text.get(best) ?? 0) >= MIN_PARAGRAPH_CHARS) {
    const paras = collectParagraphs(withSiblings(best, scores, text, links));
    const joined = paras.join(' ').length;
    if (articleBody && articleBody.length > 2 * joined) return { paragraphs: splitBody(articleBody), method: 'json-ld' };
    // The winner holds little of the page's prose: the article is spread over several containers.
    if (joined < bodyProse * MIN_PROSE_SHARE) return { paragraphs: proseParagraphs(measures), method: 'prose' };
    return { paragraphs: paras, method: 'scored' };
  }
  if (articleBody) return { paragraphs: splitBody(articleBody), method: 'json-ld' };
  if (bodyProse > 0) return { paragraphs: proseParagraphs(measures), method: 'prose' };
  return { paragraphs: collectParagraphs([body]), method: 'body' };
}

/** Every paragraph of prose left on the page, in order (the last resort before the whole body). */
function proseParagraphs({ elements, prose }: Measures): string[] {
  const ps = elements.filter((el) => el.name === 'p' && (prose.get(el) ?? 0) > 0);
  return collectParagraphs(ps);
}

function splitBody(s: string): string[] {
  return s.split(/\n\s*\n|\r?\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}
