/**
 * Finding quotation spans in one paragraph: “…”, "…" and ‘…’, where ’ is also the apostrophe
 * (it’s, GPs’). Nested quotes are skipped with their outer quote; a quote left open at the end of
 * the paragraph is marked `open` (it may continue in the next paragraph). Pure.
 */

export interface MarkSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark, or the paragraph's length when the quote is left open. */
  readonly close: number;
  readonly mark: 'double' | 'single';
  /** No closing mark in this paragraph. */
  readonly unclosed: boolean;
}

const OPEN_CONTEXT = /[\s([{—–\-/:;,]/;
const CLOSE_FOLLOW = /[\s.,;:!?)\]}—–\-…”"]/;

function canOpen(p: string, i: number): boolean {
  const before = i === 0 ? ' ' : p[i - 1]!;
  const after = p[i + 1] ?? '';
  if (!after || /\s/.test(after)) return false;
  if (p[i] === '“' || p[i] === '‘') return OPEN_CONTEXT.test(before) || before === '“' || before === '"' || i === 0 || /[\p{P}]/u.test(before);
  // straight marks: opening after space or punctuation, before a word
  return (OPEN_CONTEXT.test(before) || before === '“' || before === '‘') && /[\p{L}\p{N}‘“'"£$€.…]/u.test(after);
}

/**
 * The first candidate closing mark, passing over a plural possessive ("GPs’ contracts") when a later
 * candidate can close the quote instead; -1 when there is none.
 */
function chooseClose(p: string, candidates: readonly number[]): number {
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]!;
    const plural = p[i - 1] === 's' && /^\s+\p{Ll}/u.test(p.slice(i + 1, i + 4));
    if (plural && k + 1 < candidates.length) continue;
    return i;
  }
  return -1;
}

function isSingleClose(p: string, i: number): boolean {
  const before = p[i - 1] ?? ' ';
  const after = p[i + 1];
  if (/\s/.test(before)) return false;
  return after === undefined || CLOSE_FOLLOW.test(after);
}

/** The closing single mark for an opening at `open`: the first that cannot be an apostrophe. */
function findSingleClose(p: string, open: number, limit: number): number {
  const candidates: number[] = [];
  for (let i = open + 1; i < limit; i++) {
    const ch = p[i];
    if (ch === '’' && isSingleClose(p, i)) candidates.push(i);
    else if (ch === '‘' && canOpen(p, i) && candidates.length) break;
  }
  return chooseClose(p, candidates);
}

/**
 * A straight ' opens a quotation only where an apostrophe cannot stand: at the start of the
 * paragraph or after white space, an opening bracket or a colon, before a letter or digit, and not
 * as an elision ("'em", "'n'", "'90s" are rare enough in news, and without a closing mark nothing is kept).
 */
function canOpenStraightSingle(p: string, i: number): boolean {
  const before = i === 0 ? ' ' : p[i - 1]!;
  // Two marks together ('') stand for a double mark in some feeds: left alone, as the scorers do.
  if (!/[\s(\[{:—–-]/.test(before) || p[i + 1] === "'") return false;
  return /^[\p{L}\p{N}£$€]/u.test(p.slice(i + 1, i + 2)) && !/^'(?:s|t|em|n|tis|twas)(?![\p{L}])/iu.test(p.slice(i, i + 6)) && !/^'\d0s\b/.test(p.slice(i, i + 5));
}

/**
 * The closing straight ' for an opening at `open`: the first that cannot be an apostrophe (a letter
 * on both sides is one: "It's"; so is "GPs' contracts" when a later mark can close instead), before
 * the next opening straight mark.
 */
function findStraightSingleClose(p: string, open: number): number {
  const candidates: number[] = [];
  for (let i = open + 1; i < p.length; i++) {
    if (p[i] !== "'") continue;
    if (/\s/.test(p[i - 1]!) || p[i + 1] === "'" || p[i - 1] === "'") break; // another opening, or a doubled mark: no closing before it
    const after = p[i + 1];
    if (after === undefined || CLOSE_FOLLOW.test(after)) candidates.push(i);
  }
  return chooseClose(p, candidates);
}

/**
 * The closing double mark: ” or ", whichever comes first (captures mix curly and straight marks:
 * "…,” said X). A straight " counts only where it can close (after a non-space).
 */
function firstDoubleClose(p: string, from: number, limit = p.length): number {
  DOUBLE_CLOSE.lastIndex = from;
  for (let m = DOUBLE_CLOSE.exec(p); m && m.index < limit; m = DOUBLE_CLOSE.exec(p)) {
    const i = m.index;
    if (p[i] === '”') return i;
    if (!/\s/.test(p[i - 1] ?? ' ')) return i;
  }
  return -1;
}
/** The marks `firstDoubleClose` stops at, found by the engine rather than by a loop over every character. */
const DOUBLE_CLOSE = /[”"]/g;
/** The characters that may open a quotation: the scan in `findQuoteMarks` jumps from one to the next. */
const OPENING = /['“"‘]/g;

export function findQuoteMarks(p: string): MarkSpan[] {
  const spans: MarkSpan[] = [];
  // Where '' stands for a double mark, a single ' is a quotation inside it, never a quotation of its own.
  const straightSingles = !p.includes("''");
  let i = 0;
  while (i < p.length) {
    OPENING.lastIndex = i;
    const next = OPENING.exec(p);
    if (!next) break;
    i = next.index;
    const ch = p[i]!;
    // A straight ' is an apostrophe unless it opens where an apostrophe cannot and a closing mark
    // follows in the paragraph (plain-text British news sets quotations as '…'); one that opens the
    // paragraph may stay open (a quotation running on into the next paragraph).
    if (ch === "'" && straightSingles && canOpenStraightSingle(p, i)) {
      const close = findStraightSingleClose(p, i);
      if (close >= 0) {
        spans.push({ open: i, close, mark: 'single', unclosed: false });
        i = close + 1;
        continue;
      }
      if (i === 0 && /[.!?]['"]?\s*$/.test(p)) {
        spans.push({ open: i, close: p.length, mark: 'single', unclosed: true });
        break;
      }
    }
    if ((ch === '“' || ch === '"' || ch === '‘') && canOpen(p, i)) {
      let close = -1;
      if (ch === '“') {
        const reopen = p.indexOf('“', i + 1);
        // A second opening before any closing: the first quote runs on (a multi-paragraph quote ends later).
        // The closing is looked for only up to that opening, so that each stretch is read once.
        close = firstDoubleClose(p, i + 1, reopen >= 0 ? reopen : p.length);
        if (close < 0 && reopen >= 0) {
          spans.push({ open: i, close: reopen, mark: 'double', unclosed: true });
          i = reopen;
          continue;
        }
      } else if (ch === '"') {
        close = firstDoubleClose(p, i + 1);
      } else {
        close = findSingleClose(p, i, p.length);
      }
      if (close < 0) {
        spans.push({ open: i, close: p.length, mark: ch === '“' || ch === '"' ? 'double' : 'single', unclosed: true });
        break;
      }
      spans.push({ open: i, close, mark: ch === '“' || ch === '"' ? 'double' : 'single', unclosed: false });
      i = close + 1;
      continue;
    }
    i++;
  }
  return spans;
}
