/**
 * Bounds on what a page can make the extractor do. A document nested deeper than MAX_DEPTH has the
 * subtrees below that depth replaced by their text, so that every later walk is shallow (100,000
 * nested <div>s would otherwise overflow the stack or take quadratic time). Iterative, no recursion.
 */
import { Text, type AnyNode, type Element, type ParentNode } from 'domhandler';

/** Real pages nest a few dozen levels; hundreds mean a broken or hostile page. */
export const MAX_DEPTH = 256;

function textOf(root: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    else if ('children' in n && n.type !== 'script' && n.type !== 'style') {
      const kids = (n as ParentNode).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return parts.join(' ');
}

/** Flattens everything below `maxDepth` into text; returns how many subtrees were flattened. */
export function limitDepth(root: ParentNode, maxDepth = MAX_DEPTH): number {
  let flattened = 0;
  const stack: Array<[ParentNode, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth >= maxDepth) {
      if (node.children.some((c) => 'children' in c)) {
        const t = new Text(textOf(node));
        t.parent = node;
        node.children = [t];
        flattened++;
      }
      continue;
    }
    for (const c of node.children) if ('children' in c) stack.push([c as Element, depth + 1]);
  }
  return flattened;
}

/** Elements that never have content, or whose end tag is optional: they do not deepen the count. */
const NO_DEPTH = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'tbody', 'thead', 'tfoot', 'colgroup', 'optgroup', 'rt', 'rp',
]);
/** The first letter and length of each name in NO_DEPTH (first letter's code × 64 + length): most tags ("div", "span", "a") are ruled out without reading their name. */
const NO_DEPTH_SHAPES = new Set([...NO_DEPTH].map((name) => name.charCodeAt(0) * 64 + name.length));
/** The parser itself slows down quadratically on very deep nesting: tags past this depth are dropped first. */
export const MAX_SOURCE_DEPTH = 1000;

/** A tag in HTML source: `<`, an optional `/`, a name, anything up to the first `>`, and a `/` before it when self-closing. */
const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `[\w:-]`: a letter, digit, _, : or -. */
const isNameChar = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 58 || c === 45;

/**
 * Whether the tags TAG finds nest deeper than `maxDepth`: the same reading of the source as TAG's,
 * by a scan with indexOf instead of the pattern (most pages are checked and come back unchanged).
 */
function nestsDeeperThan(html: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const closing = html.charCodeAt(i + 1) === 47;
    const nameStart = closing ? i + 2 : i + 1;
    if (!isAsciiLetter(html.charCodeAt(nameStart))) continue;
    let nameEnd = nameStart + 1;
    while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const gt = html.indexOf('>', nameEnd);
    if (gt < 0) return false; // no tag ends after this one: none is left
    i = gt;
    if (html.charCodeAt(gt - 1) === 47 && gt - 1 >= nameEnd) continue; // self-closing
    const length = nameEnd - nameStart;
    if (length < 64 && NO_DEPTH_SHAPES.has((html.charCodeAt(nameStart) | 0x20) * 64 + length) && NO_DEPTH.has(html.slice(nameStart, nameEnd).toLowerCase())) continue;
    depth += closing ? -1 : 1;
    if (depth > maxDepth) return true;
  }
  return false;
}

/**
 * Drops the tags that would nest deeper than `maxDepth` from the HTML source, in one linear scan,
 * so that parsing stays fast on hostile pages. Pages within the limit come back unchanged.
 */
export function capNesting(html: string, maxDepth = MAX_SOURCE_DEPTH): string {
  if (!nestsDeeperThan(html, maxDepth)) return html;
  let depth = 0;
  return html.replace(TAG, (tag, close: string, rawName: string, selfClose: string) => {
    const name = rawName.toLowerCase();
    if (NO_DEPTH.has(name) || selfClose) return tag;
    if (close) {
      depth = Math.max(0, depth - 1);
      return depth >= maxDepth ? ' ' : tag;
    }
    depth++;
    return depth > maxDepth ? ' ' : tag;
  });
}
