/**
 * A word list matched in raw text the way a regular expression alternation of it, under the i and
 * u flags, would match (`(?:told\s+reporters|said|…)`), without compiling one: a pattern holding
 * hundreds of alternatives costs tens of milliseconds to compile, and more inside a loop. The forms
 * are grouped by their first two letters, so that a position is tried against the few forms that
 * can start there, in the list's order (which is the alternation's order of preference). A space in
 * a form stands for `\s+`. Letters compare as the u and i flags compare them: by simple case
 * folding, under which the long s (ſ) is an s and the Kelvin sign (K) a k. Pure.
 */
import { isSpaceCode } from '../core/chars.js';

/** Forms of the list, by their first two letters, each bucket in the list's order (see `pairKey`). */
export interface Alternation {
  readonly byStart: ReadonlyArray<readonly string[] | undefined>;
  /** By their last two letters, for matching backwards from where a form must end. */
  readonly byEnd: ReadonlyArray<readonly string[] | undefined>;
}

/** Two letters a-z (char codes) as one number, 0–675. */
const pairKey = (a: number, b: number): number => (a - 97) * 26 + (b - 97);

/** Forms are lower-case ASCII words separated by single spaces, the first and the last of two letters or more. */
const FORM = /^[a-z]{2,}(?:(?: [a-z]+)* [a-z]{2,})?$/;

function bucket(into: Array<string[] | undefined>, key: number, form: string): void {
  (into[key] ??= []).push(form);
}

export function alternation(forms: Iterable<string>): Alternation {
  const byStart: Array<string[] | undefined> = new Array<string[] | undefined>(676).fill(undefined);
  const byEnd: Array<string[] | undefined> = new Array<string[] | undefined>(676).fill(undefined);
  for (const form of forms) {
    if (!FORM.test(form)) throw new Error(`alternation: '${form}' is not lower-case words of two letters or more at each end, separated by single spaces`);
    const n = form.length;
    bucket(byStart, pairKey(form.charCodeAt(0), form.charCodeAt(1)), form);
    bucket(byEnd, pairKey(form.charCodeAt(n - 2), form.charCodeAt(n - 1)), form);
  }
  return { byStart, byEnd };
}

/** The letter a-z (as a char code) that the code unit folds to under the i and u flags, or -1. */
export function foldedLetter(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  if (c === 0x17f) return 115; // ſ folds to s
  if (c === 0x212a) return 107; // K (Kelvin sign) folds to k
  return -1;
}


export const isSpaceAt = (text: string, i: number): boolean => i < text.length && isSpaceCode(text.charCodeAt(i));

/** The first position at or after `i` that is not white space. */
export function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** Where the form matched at `i` ends, or -1 (a space in the form takes one or more white-space characters). */
export function formAt(text: string, i: number, form: string): number {
  let p = i;
  for (let k = 0; k < form.length; k++) {
    const f = form.charCodeAt(k);
    if (f === 32) {
      if (!isSpaceAt(text, p)) return -1;
      p = skipSpaces(text, p);
    } else if (p >= text.length || foldedLetter(text.charCodeAt(p)) !== f) return -1;
    else p++;
  }
  return p;
}

/** The forms that can start at `i` (by the two letters there), if any. */
export function formsAt(alt: Alternation, text: string, i: number): readonly string[] | undefined {
  const a = i < text.length ? foldedLetter(text.charCodeAt(i)) : -1;
  if (a < 0) return undefined;
  const b = i + 1 < text.length ? foldedLetter(text.charCodeAt(i + 1)) : -1;
  return b < 0 ? undefined : alt.byStart[pairKey(a, b)];
}

/**
 * Where the first form (in the list's order) that matches at `i` and that `accept` takes ends, or
 * -1: what `(?:form1|form2|…)` followed by a condition finds at `i`, backtracking through the forms.
 */
export function alternationAt(alt: Alternation, text: string, i: number, accept: (end: number) => boolean = () => true): number {
  const forms = formsAt(alt, text, i);
  if (forms) {
    for (const form of forms) {
      const end = formAt(text, i, form);
      if (end >= 0 && accept(end)) return end;
    }
  }
  return -1;
}

/** Where the form matched backwards so that it ends at `end` starts, or -1. */
function formEndingAt(text: string, end: number, form: string): number {
  let p = end;
  for (let k = form.length - 1; k >= 0; k--) {
    const f = form.charCodeAt(k);
    if (f === 32) {
      if (p === 0 || !isSpaceCode(text.charCodeAt(p - 1))) return -1;
      while (p > 0 && isSpaceCode(text.charCodeAt(p - 1))) p--;
    } else if (p === 0 || foldedLetter(text.charCodeAt(p - 1)) !== f) return -1;
    else p--;
  }
  return p;
}

/** Whether some form of the list ends exactly at `end` (wherever it starts: no boundary before it). */
export function someFormEndsAt(alt: Alternation, text: string, end: number): boolean {
  if (end < 2) return false;
  const a = foldedLetter(text.charCodeAt(end - 2));
  const b = foldedLetter(text.charCodeAt(end - 1));
  const forms = a < 0 || b < 0 ? undefined : alt.byEnd[pairKey(a, b)];
  return forms !== undefined && forms.some((form) => formEndingAt(text, end, form) >= 0);
}

/** `[\p{L}]` under the i and u flags: a letter, or U+0345 (which folds to a Greek iota). */
const LETTER = /[\p{L}\u0345]/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Whether the code point that starts at `i` is a letter (as `(?=[\p{L}])` under the i and u flags sees it). */
export function letterAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  return LETTER.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Whether the code point that ends at `i` is a letter (as `(?<=[\p{L}])` under the i and u flags sees it). */
export function letterBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 128) return isAsciiLetter(c);
  if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation (dashes, curly quotes)
  const lowSurrogate = c >= 0xdc00 && c <= 0xdfff;
  const h = i >= 2 ? text.charCodeAt(i - 2) : 0;
  const start = lowSurrogate && h >= 0xd800 && h <= 0xdbff ? i - 2 : i - 1;
  return LETTER.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** The position after the code point at `i` (a surrogate pair is one code point under the u flag). */
export function nextCodePoint(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return i + 2;
  }
  return i + 1;
}

/** `\w` under the i and u flags: [A-Za-z0-9_], and ſ and K, which fold to s and k. */
export function isWordCode(c: number): boolean {
  return foldedLetter(c) >= 0 || (c >= 48 && c <= 57) || c === 95;
}

/** The run of `\w` characters at `i`, folded to lower case ('' when there is none). */
export function foldedWordAt(text: string, i: number): string {
  let out = '';
  for (let p = i; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (!isWordCode(c)) break;
    const f = foldedLetter(c);
    out += String.fromCharCode(f >= 0 ? f : c);
  }
  return out;
}
