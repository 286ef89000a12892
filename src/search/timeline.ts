/**
 * Positions over time: the quotes of a speaker or an organisation, oldest first, with the stance
 * counts per year, so that a researcher can see how a position moved. Pure and browser-safe.
 */
import type { Stance } from '../core/types.js';
import { searchQuotes, type LoadedIndex, type QuoteHit, type Filters } from './query.js';

export interface TimelineYear {
  readonly year: string;
  readonly counts: Readonly<Record<Stance, number>>;
  readonly quotes: readonly QuoteHit[];
}

export interface Timeline {
  readonly years: TimelineYear[];
  /** Quotes whose document has no date. */
  readonly undated: QuoteHit[];
}

export function timeline(index: LoadedIndex, filters: Filters, query = ''): Timeline {
  const hits = searchQuotes(index, query, { ...filters, partial: false }, Number.MAX_SAFE_INTEGER);
  const byYear = new Map<string, QuoteHit[]>();
  const undated: QuoteHit[] = [];
  for (const h of hits) {
    if (!h.date) { undated.push(h); continue; }
    const y = h.date.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), h]);
  }
  const years = [...byYear.keys()].sort().map((year) => {
    const quotes = byYear.get(year)!.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    const counts: Record<Stance, number> = { support: 0, oppose: 0, mixed: 0, neutral: 0 };
    for (const q of quotes) counts[q.stance]++;
    return { year, counts, quotes };
  });
  return { years, undated };
}
