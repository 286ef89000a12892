/**
 * Citations a journalist can paste, the same in the CLI and on the page: who said it (name and
 * role), where (title, publisher), when (the date, "c. 2014" when it is an estimate), the page of
 * a report's quote ("p. 12"), the URL as published, and when the archive accessed it. Pure and
 * browser-safe.
 */
import type { QuoteHit } from './execute.js';
import { nameKey } from './organisations.js';

/** "2014-05-03", or "c. 2014" for an estimate, or "undated". */
export function shownDate(date: string | null, approximate: boolean): string {
  if (!date) return 'undated';
  return approximate ? `c. ${date}` : date;
}

type Citable = Pick<QuoteHit, 'speaker' | 'role' | 'title' | 'publisher' | 'date' | 'approximate' | 'url' | 'accessed'> & { readonly page?: number | null };

/** "p. 12" for a quote from page 12 of a report; null when the quote has no page. */
export const shownPage = (page: number | null | undefined): string | null => (page ? `p. ${page}` : null);

/** A name's words for comparing, a possessive's ending dropped ("NHS England’s" → "nhs england"). */
const wordsOf = (s: string): string => nameKey(s.replace(/['’]s\b/gu, ''));

/**
 * A quote's organisation when it adds to who said it, or null: not when the speaker or the role
 * already names it as whole words (an organisation speaking for itself, "NHS England, NHS England";
 * a role "chair of Leeds CCG" beside "Leeds CCG"), so that each piece of attribution is shown once.
 * The CLI's quote lines and the page's cards.
 */
export function shownOrganisation(q: Pick<QuoteHit, 'speaker' | 'role' | 'organisation'>): string | null {
  if (!q.organisation) return null;
  const org = wordsOf(q.organisation);
  const named = [q.speaker, q.role].some((s) => s && ` ${wordsOf(s)} `.includes(` ${org} `));
  return org && named ? null : q.organisation;
}

export function citation(q: Citable): string {
  const who = [q.speaker ?? 'Unattributed', q.role].filter(Boolean).join(', ');
  const where = [`“${q.title}”`, q.publisher, shownDate(q.date, q.approximate), shownPage(q.page)].filter(Boolean).join(', ');
  const link = q.url ? ` ${q.url}${q.accessed ? ` (accessed ${q.accessed})` : ''}` : '';
  return `${who}, quoted in ${where}.${link}`;
}
