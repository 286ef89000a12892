/**
 * Positions over time: the quotes of a speaker or an organisation, oldest first, with the stance
 * counts per period (year, quarter or month), so that a researcher can see how a position moved.
 * Pure and browser-safe.
 */
import type { Stance } from '../core/types.js';
import type { ParsedQuery } from './query-language.js';
import { searchQuotes, type IndexSource, type QuoteHit } from './execute.js';

export type Period = 'year' | 'quarter' | 'month';
export const PERIODS: readonly Period[] = ['year', 'quarter', 'month'];

export interface TimelinePeriod {
  /** "2014", "2014-Q2" or "2014-05". */
  readonly period: string;
  readonly counts: Readonly<Record<Stance, number>>;
  readonly quotes: readonly QuoteHit[];
}

export interface Timeline {
  readonly by: Period;
  readonly periods: TimelinePeriod[];
  /** Quotes whose document has no date. */
  readonly undated: QuoteHit[];
  readonly total: number;
}

/** The period a date falls in; a date less precise than the period goes to its year ("2014" by month → "2014"). */
export function periodOf(date: string, by: Period): string {
  const [y, m] = date.split('-');
  if (by === 'year' || !m) return y!;
  if (by === 'month') return `${y}-${m}`;
  return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
}

export function emptyCounts(): Record<Stance, number> {
  return { support: 0, oppose: 0, mixed: 0, neutral: 0 };
}

export async function timeline(src: IndexSource, q: ParsedQuery, by: Period = 'year'): Promise<Timeline> {
  const { hits, total } = await searchQuotes(src, q, { partial: false, limit: Number.MAX_SAFE_INTEGER, sort: 'date' });
  const byPeriod = new Map<string, QuoteHit[]>();
  const undated: QuoteHit[] = [];
  for (const h of hits) {
    if (!h.date) {
      undated.push(h);
      continue;
    }
    const p = periodOf(h.date, by);
    const list = byPeriod.get(p);
    if (list) list.push(h);
    else byPeriod.set(p, [h]);
  }
  const periods = [...byPeriod.keys()].sort().map((period) => {
    const quotes = byPeriod.get(period)!;
    const counts = emptyCounts();
    for (const h of quotes) counts[h.stance]++;
    return { period, counts, quotes };
  });
  return { by, periods, undated, total };
}
