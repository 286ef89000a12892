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
/** The parser itself slows down quadratically on very deep nesting: tags past this depth are dropped first. */
export const MAX_SOURCE_DEPTH = 1000;

/**
 * Drops the tags that would nest deeper than `maxDepth` from the HTML source, in one linear scan,
 * so that parsing stays fast on hostile pages. Pages within the limit come back unchanged.
 */
export function capNesting(html: string, maxDepth = MAX_SOURCE_DEPTH): string {
  const re = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let over = false;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (NO_DEPTH.has(name) || m[3]) continue;
    depth += m[1] ? -1 : 1;
    if (depth > maxDepth) { over = true; break; }
  }
  if (!over) return html;
  depth = 0;
  return html.replace(re, (tag, close: string, rawName: string, selfClose: string) => {
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
