/**
 * The page's whole state (query, facets, date range, sort, view, timeline) and its place in the
 * URL's fragment, so that a search is a link to share and the back button steps through it. The
 * fragment (not the query string) keeps it working from file://. Pure: runs in Node for tests.
 */
import { STANCES, type Stance } from '../core/types.js';
import { dateBounds, normaliseDate, parseQuery, type ParsedQuery, type Sort } from '../search/query-language.js';
import type { Period } from '../search/timeline.js';

export type View = 'quotes' | 'documents' | 'timeline';
export const VIEWS: readonly View[] = ['quotes', 'documents', 'timeline'];

export const FACETS = ['org', 'speaker', 'stance', 'publisher', 'year'] as const;
export type FacetField = (typeof FACETS)[number];

export interface Subject {
  readonly kind: 'org' | 'speaker';
  readonly name: string;
}

export interface PageState {
  readonly q: string;
  readonly view: View;
  readonly facets: Readonly<Record<FacetField, readonly string[]>>;
  readonly since: string;
  readonly until: string;
  readonly sort: Sort | null;
  /** Timeline: whose positions, compared with whom, by what period, which period is open. */
  readonly subject: Subject | null;
  readonly compare: Subject | null;
  readonly by: Period;
  readonly period: string | null;
}

export const EMPTY_STATE: PageState = {
  q: '',
  view: 'quotes',
  facets: { org: [], speaker: [], stance: [], publisher: [], year: [] },
  since: '',
  until: '',
  sort: null,
  subject: null,
  compare: null,
  by: 'year',
  period: null,
};

const subjectOf = (v: string | null): Subject | null => {
  const m = v ? /^(org|speaker):(.+)$/s.exec(v) : null;
  return m ? { kind: m[1] as Subject['kind'], name: m[2]!.trim() } : null;
};

/** The state a fragment ("#q=…&view=…") describes; anything unknown is left at its default. */
export function stateFromHash(hash: string): PageState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const view = p.get('view');
  const sort = p.get('sort');
  const by = p.get('by');
  const facets = { ...EMPTY_STATE.facets } as Record<FacetField, readonly string[]>;
  for (const f of FACETS) facets[f] = [...new Set(p.getAll(f).filter(Boolean))];
  facets.stance = facets.stance.filter((s) => STANCES.includes(s as Stance));
  return {
    q: p.get('q') ?? '',
    view: VIEWS.includes(view as View) ? (view as View) : 'quotes',
    facets,
    since: p.get('since') ?? '',
    until: p.get('until') ?? '',
    sort: sort === 'relevance' || sort === 'date' || sort === '-date' ? sort : null,
    subject: subjectOf(p.get('tl')),
    compare: subjectOf(p.get('vs')),
    by: by === 'quarter' || by === 'month' ? by : 'year',
    period: p.get('period') || null,
  };
}

/** The fragment for a state (defaults left out, so a plain search is a short link). */
export function hashFromState(s: PageState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.view !== 'quotes') p.set('view', s.view);
  for (const f of FACETS) for (const v of s.facets[f]) p.append(f, v);
  if (s.since) p.set('since', s.since);
  if (s.until) p.set('until', s.until);
  if (s.sort) p.set('sort', s.sort);
  if (s.subject) p.set('tl', `${s.subject.kind}:${s.subject.name}`);
  if (s.compare) p.set('vs', `${s.compare.kind}:${s.compare.name}`);
  if (s.by !== 'year') p.set('by', s.by);
  if (s.period) p.set('period', s.period);
  const h = p.toString();
  return h ? `#${h}` : '';
}

/** A state with one facet value added or taken away. */
export function toggleFacet(s: PageState, field: FacetField, value: string): PageState {
  const have = s.facets[field];
  const next = have.includes(value) ? have.filter((v) => v !== value) : [...have, value];
  return { ...s, facets: { ...s.facets, [field]: next }, period: null };
}

/**
 * The query the state asks for: the typed query with the chosen facets and date range added as
 * filters (values of one facet are alternatives, as `org:A org:B` are), and what is wrong with it.
 */
export function effectiveQuery(s: PageState, subject: Subject | null = null): ParsedQuery {
  const q = parseQuery(s.q);
  const f = q.filters;
  // A typed query that leaves nothing to search ("the of", "!!") is among its errors (query-language.ts).
  const errors = [...q.errors];
  const date = (value: string, name: string): string | null => {
    if (!value.trim()) return null;
    const d = normaliseDate(value);
    if (!d) errors.push(`${name} ${value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD of a real day)`);
    return d;
  };
  const since = date(s.since, 'From') ?? f.since;
  const until = date(s.until, 'To') ?? f.until;
  if (since && until && dateBounds(since).first > dateBounds(until).last && !errors.some((e) => e.includes('is after'))) errors.push(`the range starts (${since}) after it ends (${until})`);
  return {
    ...q,
    filters: {
      ...f,
      // A timeline's subject is the one organisation or person it is about.
      org: subject?.kind === 'org' ? [subject.name] : [...f.org, ...s.facets.org],
      speaker: subject?.kind === 'speaker' ? [subject.name] : [...f.speaker, ...s.facets.speaker],
      stance: [...f.stance, ...(s.facets.stance as Stance[])],
      publisher: [...f.publisher, ...s.facets.publisher],
      year: [...f.year, ...s.facets.year],
      since,
      until,
    },
    errors,
  };
}
