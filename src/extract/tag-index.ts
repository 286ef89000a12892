/**
 * Every element of a parsed page by its tag name, in document order. One walk of the page serves
 * all the lookups by tag (`meta`, `h1`, `script`, `time` …) that would otherwise walk it once each;
 * a selector narrows a tag's elements with cheerio's `filter`, which matches as a search would (and
 * filtering the list of every element costs less than a search of the tree).
 * Iterative, so that a deeply nested page cannot overflow the stack.
 */
import type { AnyNode, Element, ParentNode } from 'domhandler';

export type TagIndex = ReadonlyMap<string, Element[]>;

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** The elements under `root` (not `root` itself) by tag name, each list in document order; '*' lists them all. */
export function indexTags(root: ParentNode): TagIndex {
  const all: Element[] = [];
  const byTag = new Map<string, Element[]>([['*', all]]);
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n)) {
      all.push(n);
      const list = byTag.get(n.name);
      if (list) list.push(n);
      else byTag.set(n.name, [n]);
    }
    const kids = (n as Partial<ParentNode>).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return byTag;
}

/** The elements with this tag name ('*': every element), in document order (none: an empty list). */
export function tagged(index: TagIndex, tag: string): Element[] {
  return index.get(tag) ?? [];
}
