/**
 * Plain-text documents (a saved page capture, a report pasted as text) → title, paragraphs and
 * what metadata the first lines give (a byline, a date line). Pure.
 *
 * Order of work: normalise → drop boilerplate lines → cut trailing furniture ("Just published")
 * → title (the first line that is not a kicker) → byline and date lines under the title →
 * paragraphs (wrapped lines joined).
 */
import type { Extracted } from '../core/types.js';
import { parseDate, isFuture } from '../core/dates.js';
import { BOILERPLATE_LINES, KICKER_MAX_WORDS, MIN_WORDS_BEFORE_TRAILER, isTrailerStart, wordCount } from './boilerplate.js';

/** Byline and date lines are looked for only this close under the title. */
const HEAD_LINES = 6;
/** Lines longer than this are prose, never boilerplate labels. */
const MAX_BOILERPLATE_LINE = 160;

const BYLINE = /^(?:by|words by|written by|author:?)\s+(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3})*)\s*$/u;

export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[ \t]+$/gm, '');
}

export function isBoilerplateLine(line: string): boolean {
  const t = line.trim();
  if (t.length > MAX_BOILERPLATE_LINE) return false;
  return BOILERPLATE_LINES.some((re) => re.test(t));
}

/** Joins hard-wrapped lines: a line continues the previous one when that did not end a sentence and it starts in lower case. */
function toParagraphs(lines: readonly string[]): string[] {
  const paras: string[] = [];
  let current: string | null = null;
  for (const raw of lines) {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (!line) {
      if (current !== null) paras.push(current);
      current = null;
      continue;
    }
    if (current !== null && !/[.!?:;'"’”)\]]$/.test(current) && /^[\p{Ll}(]/u.test(line)) {
      current += ` ${line}`;
    } else {
      if (current !== null) paras.push(current);
      current = line;
    }
  }
  if (current !== null) paras.push(current);
  return paras.map((p) => p.replace(/^[•·▪◦‣∙*-]\s+/, '• '));
}

export function extractText(raw: string, now: Date = new Date()): Extracted {
  const lines = normaliseText(raw).split('\n');
  const kept: string[] = [];
  let words = 0;
  for (const line of lines) {
    if (isTrailerStart(line) && words >= MIN_WORDS_BEFORE_TRAILER) break;
    if (isBoilerplateLine(line)) {
      kept.push('');
      continue;
    }
    kept.push(line);
    words += wordCount(line);
  }

  // Title: the first non-empty line that is not a one-word kicker ("Report", "News").
  let i = 0;
  let title = '';
  for (; i < kept.length; i++) {
    const t = kept[i]!.trim();
    if (!t) continue;
    if (wordCount(t) <= KICKER_MAX_WORDS && i + 1 < kept.length) continue;
    title = t.replace(/\s+/g, ' ');
    break;
  }
  const body = kept.slice(i + 1);

  // Byline and date lines just under the title; a repeated title line is dropped.
  const authors: string[] = [];
  let published: string | null = null;
  let seen = 0;
  for (let j = 0; j < body.length && seen < HEAD_LINES; j++) {
    const t = body[j]!.trim();
    if (!t) continue;
    seen++;
    if (t.replace(/\s+/g, ' ') === title) { body[j] = ''; continue; }
    const by = BYLINE.exec(t);
    if (by) {
      authors.push(...by[1]!.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean));
      body[j] = '';
      continue;
    }
    if (t.length <= 40 && published === null) {
      const d = parseDate(t.replace(/^(published|posted|updated|date):?\s*/i, ''));
      if (d && !isFuture(d, now)) {
        published = d;
        body[j] = '';
      }
    }
  }

  return {
    title,
    text: toParagraphs(body).join('\n\n'),
    authors,
    published,
    modified: null,
    publisher: null,
    canonicalUrl: null,
    language: null,
    kind: null,
  };
}
