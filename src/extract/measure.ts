/**
 * What each element of a parsed page holds: characters of text (white space collapsed), of link
 * text, commas, and prose (text in paragraphs of paragraph length). Measured in one bottom-up walk;
 * after furniture is removed, only the removed elements' ancestors are measured again (a second
 * walk of the whole page cost as much as the first). Pure: the measures live in a Map, never on
 * the nodes.
 */
import type { AnyNode, Element } from 'domhandler';

/** Paragraphs shorter than this do not count as prose (and do not vote, main-text.ts). */
export const MIN_PARAGRAPH_CHARS = 25;

export const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** A measure of each element, looked up like a Map. */
export interface Lookup {
  get(el: Element): number | undefined;
}

export interface Measures {
  /** Every element, in document order (what a search by tag name walks). */
  readonly elements: Element[];
  readonly text: Lookup;
  readonly links: Lookup;
  readonly commas: Lookup;
  /** Text inside <p> elements (of paragraph length) under each element. */
  readonly prose: Lookup;
  /** The records behind the lookups, for `afterRemoval`. */
  readonly records: Map<Element, ElementRecord>;
}

/** What one node holds: characters of text (white space collapsed), of link text, commas, and prose. */
interface Measure {
  readonly text: number;
  readonly links: number;
  readonly commas: number;
  readonly prose: number;
}

/** An element's measure, where it sits in document order, and what `afterRemoval` needs to measure it again. */
interface ElementRecord {
  text: number;
  links: number;
  commas: number;
  prose: number;
  /** Its place in `elements`, and the place after its last descendant. */
  readonly index: number;
  end: number;
  /** Whether it lies inside a link. */
  readonly inLink: boolean;
  readonly parent: Element | null;
}

const NOTHING: Measure = { text: 0, links: 0, commas: 0, prose: 0 };

/** Whether a UTF-16 code unit is one that `\s` matches and trim() removes. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `s.replace(/\s+/g, ' ').trim().length`, without building the string. */
export function collapsedLength(s: string): number {
  let n = 0;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) { gap = n > 0; continue; }
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

/** A paragraph of paragraph length that is not mostly links is prose; any other element holds its children's prose. */
const proseOf = (el: Element, text: number, links: number, childProse: number): number => (el.name === 'p' && text >= MIN_PARAGRAPH_CHARS && links < text / 2 ? text : childProse);

function lookups(elements: Element[], records: Map<Element, ElementRecord>): Measures {
  return {
    elements,
    records,
    text: { get: (el) => records.get(el)?.text },
    links: { get: (el) => records.get(el)?.links },
    commas: { get: (el) => records.get(el)?.commas },
    prose: { get: (el) => records.get(el)?.prose },
  };
}

/** Text lengths, link-text lengths and commas of every element, in one bottom-up pass (one record per element). */
export function measure(root: AnyNode): Measures {
  const elements: Element[] = [];
  const records = new Map<Element, ElementRecord>();
  const walk = (n: AnyNode, inLink: boolean, parent: Element | null): Measure => {
    if (n.type === 'text') return measureText((n as unknown as { data: string }).data, inLink);
    const element = isElement(n);
    if (!element && n.type !== 'root') return NOTHING;
    const index = elements.length;
    if (element) elements.push(n);
    let t = 0;
    let l = 0;
    let c = 0;
    let p = 0;
    const link = inLink || (element && n.name === 'a');
    const self = element ? n : null;
    for (const child of (n as Element).children) {
      const m = walk(child, link, self);
      t += m.text;
      l += m.links;
      c += m.commas;
      p += m.prose;
    }
    if (!element) return { text: t, links: l, commas: c, prose: p };
    const r: ElementRecord = { text: t, links: l, commas: c, prose: proseOf(n, t, l, p), index, end: elements.length, inLink, parent };
    records.set(n, r);
    return r;
  };
  walk(root, false, null);
  return lookups(elements, records);
}

/** Measures an element again from its children's records (and its own text), after some children went. */
function remeasure(el: Element, r: ElementRecord, records: Map<Element, ElementRecord>): void {
  let t = 0;
  let l = 0;
  let c = 0;
  let p = 0;
  const link = r.inLink || el.name === 'a';
  for (const child of el.children) {
    const m = child.type === 'text' ? measureText((child as unknown as { data: string }).data, link) : isElement(child) ? records.get(child)! : NOTHING;
    t += m.text;
    l += m.links;
    c += m.commas;
    p += m.prose;
  }
  r.text = t;
  r.links = l;
  r.commas = c;
  r.prose = proseOf(el, t, l, p);
}

/**
 * The measures of the page after `removed` (disjoint subtrees; comments, which measure nothing,
 * need not be listed) were taken out of it: what `measure` of the page now gives. Updates the
 * records of `before` in place; `before` is not to be read again.
 */
export function afterRemoval(before: Measures, removed: readonly Element[]): Measures {
  const { records } = before;
  const gone: Array<[number, number]> = [];
  const dirty = new Set<Element>();
  for (const el of removed) {
    const r = records.get(el);
    if (!r) continue;
    gone.push([r.index, r.end]);
    for (let p = r.parent; p && !dirty.has(p); p = records.get(p)!.parent) dirty.add(p);
  }
  // Descendants come after their ancestors in document order: the latest first is bottom-up.
  const order = [...dirty].sort((a, b) => records.get(b)!.index - records.get(a)!.index);
  for (const el of order) remeasure(el, records.get(el)!, records);
  gone.sort((a, b) => a[0] - b[0]);
  const elements: Element[] = [];
  let from = 0;
  for (const [start, end] of gone) {
    for (let i = from; i < start; i++) elements.push(before.elements[i]!);
    for (let i = start; i < end; i++) records.delete(before.elements[i]!);
    from = end;
  }
  for (let i = from; i < before.elements.length; i++) elements.push(before.elements[i]!);
  return lookups(elements, records);
}
