/**
 * Who said most about a subject: the organisations and people whose quotes match a query, each
 * with the number of quotes and their stance counts, most quotes first. Pure and browser-safe.
 */
import type { Stance } from '../core/types.js';
import type { ParsedQuery } from './query-language.js';
import { quoteVoices, type IndexSource } from './execute.js';
import { nameKey } from './organisations.js';

export interface Voice {
  readonly name: string;
  readonly quotes: number;
  readonly counts: Readonly<Record<Stance, number>>;
}

export interface Who {
  readonly total: number;
  readonly loose: boolean;
  readonly organisations: readonly Voice[];
  readonly speakers: readonly Voice[];
}

function tally(entries: ReadonlyArray<[string | null, Stance]>): Voice[] {
  const m = new Map<string, Record<Stance, number>>();
  for (const [name, stance] of entries) {
    if (!name) continue;
    let c = m.get(name);
    if (!c) m.set(name, (c = { support: 0, oppose: 0, mixed: 0, neutral: 0 }));
    c[stance]++;
  }
  return [...m].map(([name, counts]) => ({ name, counts, quotes: counts.support + counts.oppose + counts.mixed + counts.neutral }))
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
}

export async function who(src: IndexSource, q: ParsedQuery): Promise<Who> {
  // From the columns: counting thousands of quotes reads none of their records.
  const r = await quoteVoices(src, q, { partial: false });
  return {
    total: r.total,
    loose: r.loose,
    organisations: tally(r.voices.map((h) => [h.organisation, h.stance])),
    // People: an organisation that speaks for itself ("NHS England said") is already among the organisations.
    speakers: tally(r.voices.map((h) => [h.speaker && h.organisation && nameKey(h.speaker) === nameKey(h.organisation) ? null : h.speaker, h.stance])),
  };
}
