/** The filter flags that search and quotes share, validated. */
import { UsageError } from '../core/errors.js';
import { STANCES, type Stance } from '../core/types.js';
import type { Filters } from '../search/index.js';
import type { Options, Parsed } from './args.js';
import { str } from './args.js';

export const FILTER_OPTIONS: Options = {
  speaker: { type: 'string' },
  org: { type: 'string' },
  stance: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  source: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
};

export const FILTER_HELP = `  --speaker NAME    only quotes by a speaker whose name contains NAME
  --org NAME        only quotes for an organisation (or documents naming it)
  --stance S        support, oppose, mixed or neutral
  --since DATE      published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --until DATE      published on or before DATE
  --source ID       only documents from this source
  --limit N         at most N results (default 20)
  --json            machine-readable output
  --csv             a spreadsheet: one row per result`;

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function filtersFrom(command: string, values: Parsed['values']): { filters: Filters; limit: number } {
  const stance = str(values.stance);
  if (stance && !STANCES.includes(stance as Stance)) throw new UsageError(`${command}: --stance must be one of ${STANCES.join(', ')}; got "${stance}"`);
  for (const f of ['since', 'until'] as const) {
    const v = str(values[f]);
    if (v && !DATE.test(v)) throw new UsageError(`${command}: --${f} must be YYYY, YYYY-MM or YYYY-MM-DD; got "${v}"`);
  }
  const limitRaw = str(values.limit);
  const limit = limitRaw === undefined ? 20 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`${command}: --limit must be a positive whole number; got "${limitRaw}"`);
  const filters: Filters = {
    ...(str(values.speaker) ? { speaker: str(values.speaker) } : {}),
    ...(str(values.org) ? { org: str(values.org) } : {}),
    ...(stance ? { stance: stance as Stance } : {}),
    ...(str(values.since) ? { since: str(values.since) } : {}),
    ...(str(values.until) ? { until: str(values.until) } : {}),
    ...(str(values.source) ? { source: str(values.source) } : {}),
  };
  return { filters, limit };
}
