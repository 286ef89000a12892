/**
 * Plain-text documents (a saved page capture, a report pasted as text) → title, paragraphs and
 * what metadata the first lines give (a byline, a date line). Pure.
 *
 * Order of work: normalise → drop boilerplate lines → cut trailing furniture ("Just published")
 * → title (the first line that is not a kicker, when it looks like a headline; otherwise there is
 * none and the line is text) → byline and date lines under the title → paragraphs (wrapped lines
 * joined).
 */
import type { Extracted } from '../core/types.js';
import { parseDate, isFuture, MONTH_PATTERN } from '../core/dates.js';
import { BOILERPLATE_LINES, KICKER_MAX_WORDS, MIN_WORDS_BEFORE_TRAILER, isTrailerStart, wordCount } from './boilerplate.js';

/** Byline and date lines are looked for only this close under the title. */
const HEAD_LINES = 6;
/** Lines longer than this are prose, never boilerplate labels. */
const MAX_BOILERPLATE_LINE = 160;

/** "Home › News › Primary care", "Home / Analysis". */
const BREADCRUMB = /^(home|news|analysis|opinion)\s*[>›»|/]/i;
/** A line this short under the title may be a dateline ("Posted on May 12, 2014 by Jane Smith"). */
const MAX_DATELINE = 80;
const DATE_IN_LINE = new RegExp(
  `(\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_PATTERN})\\.?,?\\s+\\d{4}|(?:${MONTH_PATTERN})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4})`,
  'i',
);

/** A date the line names as the publication date ("(Published 20 February 2015)", "First published: May 12, 2014"). */
const CUED_DATE = new RegExp(`\\b(?:first\\s+)?(?:published|posted)(?:\\s+on)?\\s*:?\\s*${DATE_IN_LINE.source}`, 'i');
/** A head line this long may still carry a cued date among other furniture ("BMJ 2015;350 (Published …) Cite this as: …"). */
const MAX_CUED_LINE = 160;

const DATELINE_WORDS = new Set(['published', 'posted', 'updated', 'date', 'on', 'by', 'at', 'the', 'and', 'am', 'pm', 'gmt', 'bst', 'utc', 'first', 'last']);

/** The date of a dateline: the line is a date, or a date with a few words around it. */
function datelineDate(line: string): string | null {
  const m = DATE_IN_LINE.exec(line);
  if (!m) return null;
  // Around the date only cue words, a time and names ("Posted on … by Jane Smith"), never a sentence.
  const rest = `${line.slice(0, m.index)} ${line.slice(m.index + m[0].length)}`;
  const words = rest.match(/[\p{L}\p{N}'’.-]+/gu) ?? [];
  const ok = words.every((w) => DATELINE_WORDS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w) || /^\d{1,2}([:.]\d{2})?(am|pm)?$/i.test(w));
  if (!ok || words.length > 8 || /[.!?]$/.test(line.trim()) && words.length > 0) return null;
  return parseDate(m[1]!);
}

/** A headline is a line of at most this many words; longer first lines are prose. */
const MAX_TITLE_WORDS = 25;
const MAX_TITLE_CHARS = 200;
/** A line ending as a sentence or clause ends ("… he said.", "… as follows:", "…,”") is prose, not a headline. */
const ENDS_AS_PROSE = /[.,;:]["'“”‘’)\]]*$/;

/**
 * The first line is a title only when it looks like one: short, not ending as a sentence does, and
 * followed by more text that does not continue it (a hard-wrapped paragraph's next line starts in
 * lower case). Otherwise it is text, and a quote in it is analysed like any other.
 */
export function looksLikeTitle(line: string, next: string | null, hasBody: boolean): boolean {
  const t = line.trim();
  if (!hasBody || !t) return false;
  if (t.length > MAX_TITLE_CHARS || wordCount(t) > MAX_TITLE_WORDS) return false;
  if (ENDS_AS_PROSE.test(t) && !/\.\.\.$|…$/.test(t)) return false;
  if (next !== null && next.trim() && /^[\p{Ll}(]/u.test(next.trim())) return false;
  return true;
}

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
  let published: string | null = null;
  let i = 0;
  let title = '';
  for (; i < kept.length; i++) {
    const t = kept[i]!.trim();
    if (!t) continue;
    if (wordCount(t) <= KICKER_MAX_WORDS && i + 1 < kept.length) continue;
    // Breadcrumbs ("Home › News › Primary care") and a date above the headline are not titles.
    if (BREADCRUMB.test(t) || (t.length <= 40 && parseDate(t))) {
      if (!published && parseDate(t) && !isFuture(parseDate(t)!, now)) published = parseDate(t);
      continue;
    }
    const next = i + 1 < kept.length ? kept[i + 1]! : null;
    const hasBody = kept.slice(i + 1).some((l) => l.trim());
    if (looksLikeTitle(t, next, hasBody)) {
      title = t.replace(/\s+/g, ' ');
      i++;
    }
    break;
  }
  const body = kept.slice(i);

  // Byline and date lines just under the title; a repeated title line is dropped.
  const authors: string[] = [];
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
    if (t.length <= MAX_DATELINE && published === null && !/^(updated|modified|last updated)\b/i.test(t)) {
      const d = datelineDate(t);
      if (d && !isFuture(d, now)) {
        published = d;
        body[j] = '';
      }
    }
    // A line of furniture that names its date as published; not a sentence, which may name another's.
    if (published === null && t.length <= MAX_CUED_LINE && !/[.!?]["'”’)]*$/.test(t)) {
      const m = CUED_DATE.exec(t);
      const d = m ? parseDate(m[1]!) : null;
      if (d && !isFuture(d, now)) published = d;
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
