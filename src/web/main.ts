/**
 * The static search page: search as you type over quotes and documents with the CLI's query
 * language and matching (the src/search modules, bundled), facets with counts, a date range, a
 * timeline of positions drawn in SVG, citations copied in one click; the whole state in the URL.
 * Every value from an article goes in as text (dom.ts). Browser only.
 */
import { STANCES, type Stance } from '../core/types.js';
import { partitionsFor, type DocumentHit, type FacetValue, type QuoteHit, type Results } from '../search/execute.js';
import { partitionedBackend } from '../search/backend.js';
import { citation, shownDate, shownOrganisation } from '../search/citation.js';
import { makeSnippet } from '../search/snippet.js';
import type { Timeline } from '../search/timeline.js';
import type { Base } from '../search/schema.js';
import { formatQuery, parseQuery, type ParsedQuery } from '../search/query-language.js';
import { el, link, marked, svg } from './dom.js';
import { installDataHook, loadData, SiteIndex, type SiteManifest } from './data.js';
import { EMPTY_STATE, FACETS, effectiveQuery, hashFromState, stateFromHash, toggleFacet, type FacetField, type PageState, type Subject, type View } from './state.js';

const PAGE = 20;
const FACET_NAMES: Record<FacetField, string> = { org: 'Organisation', speaker: 'Speaker', stance: 'Stance', publisher: 'Publisher', year: 'Year' };
const STANCE_WORDS: Record<Stance, string> = { support: 'Supports', oppose: 'Opposes', mixed: 'Mixed', neutral: 'Neutral' };
/** Stance colours (each with at least 4.5:1 against white; the word is always shown too). */
const STANCE_COLOURS: Record<Stance, string> = { support: '#1a7431', oppose: '#b3261e', mixed: '#8a5a00', neutral: '#595f66' };

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

let index: SiteIndex;
let state: PageState = EMPTY_STATE;
let shown = PAGE;
/** Each render has a number; a render whose answer arrives after a newer one started is dropped. */
let generation = 0;

function setStatus(text: string): void {
  $('status').textContent = text;
}

function setError(text: string): void {
  const e = $('error');
  e.textContent = text;
  e.hidden = !text;
}

/** A query the page cannot run: what is wrong, and nothing left on screen that looks like its results. */
function refuse(text: string): void {
  setError(text);
  setStatus('');
  $('results').replaceChildren();
  $('facet-groups').replaceChildren();
}

/** Keystrokes this close together are one query (one history entry). */
const TYPING_PAUSE_MS = 1500;
let typing = false;
let typingEnds: ReturnType<typeof setTimeout> | undefined;

/** Moves to a new state: the URL first (pushed, or replaced while typing), then the page. */
function go(next: PageState, how: 'push' | 'replace' = 'push'): void {
  if (how === 'push') typing = false;
  if (next.q !== state.q || next.view !== state.view || next.period !== state.period) shown = PAGE;
  state = next;
  const url = `${location.pathname}${location.search}${hashFromState(state)}`;
  if (how === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  syncControls();
  scheduleRender();
}

/**
 * Renders once the events already waiting have run: keystrokes typed while a search was running
 * become one search for the latest text, not one search each.
 */
let scheduled = false;
function scheduleRender(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    void render();
  }, 0);
}

/** The controls show the state (after a reload, the back button or a shared link). */
function syncControls(): void {
  const q = $<HTMLInputElement>('q');
  if (q.value !== state.q) q.value = state.q;
  for (const v of ['quotes', 'documents', 'timeline'] as const) {
    const b = $<HTMLButtonElement>(`view-${v}`);
    b.setAttribute('aria-pressed', String(state.view === v));
  }
  $<HTMLInputElement>('since').value = state.since;
  $<HTMLInputElement>('until').value = state.until;
  // "relevance" (from a link) is what "best first" gives whenever words are typed.
  $<HTMLSelectElement>('sort').value = state.sort === 'relevance' ? '' : (state.sort ?? '');
  // With no words there is nothing to rank by, and the default order is the newest first: say so.
  $<HTMLOptionElement>('sort-default').textContent = parseQuery(state.q).must.length ? 'best first' : 'newest first (no words to rank by)';
  $('timeline-controls').hidden = state.view !== 'timeline';
  $('sort-row').hidden = state.view === 'timeline';
  $<HTMLSelectElement>('tl-kind').value = state.subject?.kind ?? 'org';
  $<HTMLInputElement>('tl-name').value = state.subject?.name ?? '';
  $<HTMLSelectElement>('vs-kind').value = state.compare?.kind ?? 'org';
  $<HTMLInputElement>('vs-name').value = state.compare?.name ?? '';
  suggestNames();
  $<HTMLSelectElement>('tl-by').value = state.by;
}

/** Each timeline name suggests what its kind is: organisations from the list, or people who are quoted. */
function suggestNames(): void {
  for (const [kind, name] of [['tl-kind', 'tl-name'], ['vs-kind', 'vs-name']] as const) $(name).setAttribute('list', $<HTMLSelectElement>(kind).value === 'speaker' ? 'speaker-names' : 'org-names');
}

/** The people quoted in the archive (every quote base is loaded by then), for the timeline's suggestions. */
async function listSpeakers(): Promise<void> {
  const names = new Set<string>();
  for (const key of index.loaded.quotes) for (const n of ((await index.file(key, 'quotes-base.json')) as Base).tables.speakers) names.add(n);
  $('speaker-names').replaceChildren(...[...names].sort((a, b) => a.localeCompare(b, 'en-GB')).map((n) => el('option', { value: n })));
}

// ——— results ———

function stanceBadge(stance: Stance): HTMLElement {
  return el('span', { class: `stance stance-${stance}` }, STANCE_WORDS[stance] ?? stance);
}

function quoteCard(h: QuoteHit): HTMLElement {
  // Each piece once: not an organisation that the speaker or the role already names.
  const who = [h.speaker ?? 'Unattributed', h.role, shownOrganisation(h)].filter(Boolean).join(', ');
  const page = (h as { page?: unknown }).page;
  const meta: (Node | string)[] = [stanceBadge(h.stance), el('span', {}, shownDate(h.date, h.approximate))];
  if (h.publisher) meta.push(el('span', {}, h.publisher));
  meta.push(link(h.url, h.title || 'source'));
  if (typeof page === 'number' && Number.isFinite(page)) meta.push(el('span', {}, `p. ${page}`));
  const cite = el('button', { type: 'button', class: 'cite' }, 'Copy citation');
  cite.addEventListener('click', () => void copyCitation(h));
  return el(
    'li',
    { class: 'card quote' },
    el('blockquote', {}, el('p', {}, h.partial ? `… ${h.text} …` : h.text)),
    el('p', { class: 'who' }, who),
    el('p', { class: 'meta' }, ...meta.flatMap((m, i) => (i ? [' · ', m] : [m]))),
    cite,
  );
}

function documentCard(h: DocumentHit): HTMLElement {
  const snippet = makeSnippet(h.text, h.terms);
  const meta: (Node | string)[] = [el('span', {}, shownDate(h.published, h.approximate))];
  if (h.publisher) meta.push(el('span', {}, h.publisher));
  if (h.kind) meta.push(el('span', {}, h.kind));
  return el(
    'li',
    { class: 'card document' },
    el('h3', {}, link(h.url, h.title || h.id)),
    el('p', { class: 'meta' }, ...meta.flatMap((m, i) => (i ? [' · ', m] : [m]))),
    el('p', { class: 'snippet' }, marked(snippet.text, snippet.highlights)),
  );
}

async function copyCitation(h: QuoteHit): Promise<void> {
  // What `ccg quotes --cite` prints for the quote.
  const text = `“${h.text}” — ${citation(h)}`;
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    // Without the clipboard API (an older browser, a denied permission): select a copy and ask the browser to copy it.
    const area = el('textarea', { class: 'offscreen', 'aria-hidden': 'true', readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    ok = document.execCommand('copy');
    area.remove();
  }
  setStatus(ok ? `Citation copied: ${text}` : `Copy this citation: ${text}`);
}

function facetPanel(facets: Results<unknown>['facets']): void {
  const panel = $('facet-groups');
  const groups: HTMLElement[] = [];
  const source: Record<FacetField, readonly FacetValue[]> = { org: facets.organisation, speaker: facets.speaker, stance: facets.stance, publisher: facets.publisher, year: facets.year };
  for (const field of FACETS) {
    const chosen = state.facets[field];
    const values = field === 'year' ? [...source[field]].sort((a, b) => b.value.localeCompare(a.value)) : [...source[field]];
    const top = values.slice(0, 8);
    for (const v of chosen) if (!top.some((t) => t.value === v)) top.push({ value: v, count: values.find((x) => x.value === v)?.count ?? 0 });
    if (!top.length) continue;
    const items = top.map((v, i) => {
      const id = `f-${field}-${i}`;
      const box = el('input', { type: 'checkbox', id, 'data-field': field });
      box.checked = chosen.includes(v.value);
      box.value = v.value;
      box.addEventListener('change', () => go(toggleFacet(state, field, v.value)));
      const label = field === 'stance' ? (STANCE_WORDS[v.value as Stance] ?? v.value) : v.value;
      return el('li', {}, box, el('label', { for: id }, label, el('span', { class: 'count' }, ` ${v.count.toLocaleString('en-GB')}`)));
    });
    groups.push(el('fieldset', { class: 'facet' }, el('legend', {}, FACET_NAMES[field]), el('ul', {}, ...items)));
  }
  // Keep the keyboard's place: the box that had focus has it again after the panel is redrawn.
  const active = document.activeElement;
  const had = active instanceof HTMLInputElement && panel.contains(active) ? { field: active.dataset.field, value: active.value } : null;
  panel.replaceChildren(...groups);
  if (had) Array.from(panel.querySelectorAll<HTMLInputElement>("input")).find((b) => b.dataset.field === had.field && b.value === had.value)?.focus();
}

function showMore(total: number): HTMLElement | null {
  if (total <= shown) return null;
  const b = el('button', { type: 'button', class: 'more' }, `Show ${Math.min(PAGE, total - shown)} more`);
  b.addEventListener('click', () => {
    shown += PAGE;
    void render();
  });
  return b;
}

/** A query as the CLI shows it in a message: in quotation marks unless it has its own. */
const quoted = (query: string): string => (query.includes('"') ? query : `"${query}"`);

function noun(view: View): string {
  return view === 'documents' ? 'document' : 'quote';
}

/** What ccg quotes and ccg search say when nothing matches: the query, and how much was searched. */
function noneMatch(view: View, q: ParsedQuery): string {
  const shownQ = formatQuery(q);
  const archive = view === 'documents' ? index.site.documentCount : index.site.quoteCount;
  return `No ${noun(view)}s match ${shownQ ? quoted(shownQ) : 'these filters'} (${archive.toLocaleString('en-GB')} ${noun(view)}${archive === 1 ? '' : 's'} in the archive)`;
}

function countLine(shownN: number, total: number, view: View, q: ParsedQuery, waiting: number, parts: number): string {
  const n = (x: number): string => x.toLocaleString('en-GB');
  const what = `${noun(view)}${total === 1 ? '' : 's'}`;
  const base = total === 0 ? noneMatch(view, q) : shownN < total ? `Showing ${n(shownN)} of ${n(total)} ${what}` : `${n(total)} ${what}`;
  if (!waiting) return base;
  return parts ? `${base} so far (searched ${Math.round((100 * (parts - waiting)) / parts)}% of the archive…)` : `${base} so far (still loading ${waiting} of the archive's parts…)`;
}

async function renderList(gen: number, q: ParsedQuery): Promise<void> {
  const view = state.view;
  const kind = view === 'documents' ? 'documents' : 'quotes';
  const all = index;
  // In the order they load: newest first.
  const needed = partitionsFor(all.manifest, q);
  const loaded = index.loaded[kind];
  let waiting = needed.filter((k) => !loaded.has(k));
  if (waiting.length === needed.length && needed.length) {
    // Nothing loaded yet for this query: wait for the newest of what it needs.
    await index.load(kind, waiting[0]!);
    if (gen !== generation) return;
    waiting = needed.filter((k) => !loaded.has(k));
  }
  // The rest one after another, newest first: the page stays responsive between partitions.
  if (kind === 'documents') void index.loadInOrder('documents', waiting).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const src = waiting.length ? index.only(new Set(needed.filter((k) => loaded.has(k)))) : all;
  const options = { limit: shown, ...(state.sort ? { sort: state.sort } : {}) };
  const engine = partitionedBackend(src);
  const results = view === 'documents' ? await engine.documents(q, options) : await engine.quotes(q, options);
  if (gen !== generation) return;
  const list = el('ol', { class: 'cards' });
  for (const h of results.hits) list.append(view === 'documents' ? documentCard(h as DocumentHit) : quoteCard(h as QuoteHit));
  const loose = results.loose ? el('p', { class: 'loose' }, `No ${noun(view)} matches every word; these match some of them.`) : null;
  $('results').replaceChildren(...[loose, list, showMore(results.total)].filter((x): x is HTMLElement => x !== null));
  facetPanel(results.facets);
  setStatus(countLine(results.hits.length, results.total, view, q, waiting.length, kind === 'quotes' ? needed.length : 0));
}

// ——— timeline ———

const SERIES_LABEL = ['A', 'B'];

/** Stacked bars per period (one per subject), drawn as SVG; each period opens its quotes. */
function chart(subjects: readonly Subject[], lines: readonly Timeline[]): SVGElement {
  const periods = [...new Set(lines.flatMap((t) => t.periods.map((p) => p.period)))].sort();
  const max = Math.max(1, ...lines.flatMap((t) => t.periods.map((p) => STANCES.reduce((n, s) => n + p.counts[s], 0))));
  const barW = 18;
  const gap = 4;
  const groupW = lines.length * (barW + gap) + 14;
  const height = 180;
  const left = 34;
  const width = left + Math.max(1, periods.length) * groupW + 10;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height + 44}`, width, height: height + 44, role: 'img', 'aria-labelledby': 'chart-title', class: 'chart' });
  root.append(svg('title', { id: 'chart-title' }, `Quotes by stance per ${state.by}: ${subjects.map((s, i) => `${SERIES_LABEL[i]} = ${s.name}`).join(', ')}`));
  for (const tick of [0, Math.ceil(max / 2), max]) {
    const y = height - (tick / max) * (height - 10);
    root.append(svg('line', { x1: left - 4, x2: width, y1: y, y2: y, class: 'grid' }), svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' }, tick));
  }
  periods.forEach((period, pi) => {
    const x0 = left + pi * groupW + 6;
    const g = svg('g', { class: 'period', 'data-period': period });
    lines.forEach((t, li) => {
      const p = t.periods.find((x) => x.period === period);
      let y = height;
      const x = x0 + li * (barW + gap);
      for (const s of STANCES) {
        const n = p?.counts[s] ?? 0;
        if (!n) continue;
        const h = (n / max) * (height - 10);
        y -= h;
        g.append(svg('rect', { x, y, width: barW, height: Math.max(h, 1), fill: STANCE_COLOURS[s], class: `bar bar-${s}` }, svg('title', {}, `${subjects[li]!.name}, ${period}: ${n} ${s}`)));
      }
      if (lines.length > 1) g.append(svg('text', { x: x + barW / 2, y: height + 12, 'text-anchor': 'middle', class: 'axis' }, SERIES_LABEL[li]!));
    });
    g.append(svg('text', { x: x0 + (lines.length * (barW + gap)) / 2 - gap / 2, y: height + (lines.length > 1 ? 28 : 16), 'text-anchor': 'middle', class: 'axis' }, period));
    g.addEventListener('click', () => go({ ...state, period }));
    root.append(g);
  });
  return root;
}

/** "No quotes for "A" or "B" match "words"": the names, and what else narrowed their quotes. */
function noQuotesFor(names: readonly Subject[], q: ParsedQuery): string {
  const rest = formatQuery({ ...q, filters: { ...q.filters, org: [], speaker: [] } });
  return `No quotes for ${names.map((s) => `"${s.name}"`).join(' or ')}${rest ? ` match ${quoted(rest)}` : ''}`;
}

/**
 * What to say of the names a timeline found nothing for: those with no quote at all, and those whose
 * only quotes are partial (a few words within reported speech), which timelines leave out.
 */
async function missingNotes(names: readonly Subject[], q: ParsedQuery): Promise<string[]> {
  const engine = partitionedBackend(index);
  const partial = await Promise.all(names.map(async (s) => (await engine.quotes(effectiveQuery(state, s), { limit: 1 })).total));
  const none = names.filter((_, i) => partial[i] === 0);
  return [
    ...(none.length ? [noQuotesFor(none, q)] : []),
    ...names.flatMap((s, i) => (partial[i] ? [`Only partial quotes for "${s.name}" (${partial[i]}: a few words quoted within reported speech), which timelines leave out`] : [])),
  ];
}

async function renderTimeline(gen: number): Promise<void> {
  const asked = [state.subject, state.compare].filter((s): s is Subject => s !== null && s.name !== '');
  if (!asked.length) {
    $('results').replaceChildren(el('p', { class: 'hint' }, 'Choose an organisation or a person to see their positions over time; add a second to compare.'));
    $('facet-groups').replaceChildren();
    setStatus('');
    return;
  }
  const queries = asked.map((s) => effectiveQuery(state, s));
  const errors = queries.flatMap((q) => q.errors);
  if (errors.length) {
    refuse(errors[0]!);
    return;
  }
  setStatus('Loading the archive…');
  await index.preloadQuotes();
  if (gen !== generation) return;
  const engine = partitionedBackend(index);
  const found = await Promise.all(queries.map((q) => engine.timeline(q, state.by)));
  if (gen !== generation) return;
  // A name that matched nothing is said so, by name, as ccg timeline does; the chart is of the rest.
  const missing = asked.filter((_, i) => found[i]!.total === 0);
  const notes = missing.length ? await missingNotes(missing, queries[0]!) : [];
  if (gen !== generation) return;
  if (missing.length === asked.length) {
    const hint = notes.some((n) => n.startsWith('No quotes')) ? [el('p', { class: 'hint' }, 'Part of a name (a surname, a place) finds it too; an organisation also by its other names.')] : [];
    $('results').replaceChildren(...notes.map((n) => el('p', { class: 'no-match' }, `${n}.`)), ...hint);
    $('facet-groups').replaceChildren();
    setStatus(notes.join('; '));
    return;
  }
  const note = notes.map((n) => el('p', { class: 'no-match' }, `${n}.`));
  const lines = found.filter((t) => t.total > 0);
  const subjects = asked.filter((_, i) => found[i]!.total > 0);
  const legend = el('ul', { class: 'legend' }, ...STANCES.map((s) => el('li', {}, stanceBadge(s))));
  const rows = [...new Set(lines.flatMap((t) => t.periods.map((p) => p.period)))].sort().map((period) => {
    const cells = lines.map((t) => {
      const p = t.periods.find((x) => x.period === period);
      return el('td', {}, p ? STANCES.filter((s) => p.counts[s]).map((s) => `${p.counts[s]} ${s}`).join(', ') : '—');
    });
    const open = el('button', { type: 'button', class: 'period-button', 'aria-pressed': String(state.period === period) }, period);
    open.addEventListener('click', () => go({ ...state, period: state.period === period ? null : period }));
    return el('tr', {}, el('th', { scope: 'row' }, open), ...cells);
  });
  const table = el(
    'table',
    { class: 'periods' },
    el('caption', {}, 'Stance counts per period (choose a period to read its quotes)'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Period'), ...subjects.map((s, i) => el('th', { scope: 'col' }, subjects.length > 1 ? `${SERIES_LABEL[i]}: ${s.name}` : s.name)))),
    el('tbody', {}, ...rows),
  );
  const heading = subjects.map((x, i) => `${x.name} (${lines[i]!.total} ${lines[i]!.total === 1 ? 'quote' : 'quotes'})`).join(' compared with ');
  const parts: HTMLElement[] = [...note, el('h2', {}, heading), el('div', { class: 'chart-box' }, chart(subjects, lines)), legend, table];
  if (state.period) {
    const quotes = lines.flatMap((t) => t.periods.filter((p) => p.period === state.period).flatMap((p) => p.quotes));
    parts.push(el('h2', { id: 'period-heading', tabindex: '-1' }, `${state.period}: ${quotes.length} ${quotes.length === 1 ? 'quote' : 'quotes'}`), el('ol', { class: 'cards' }, ...quotes.slice(0, shown).map(quoteCard)));
    const more = showMore(quotes.length);
    if (more) parts.push(more);
  }
  $('results').replaceChildren(...parts);
  $('facet-groups').replaceChildren();
  const total = lines.reduce((n, t) => n + t.total, 0);
  setStatus(`Timeline of ${total.toLocaleString('en-GB')} ${total === 1 ? 'quote' : 'quotes'}`);
}

// ——— rendering ———

async function render(): Promise<void> {
  const gen = ++generation;
  setError('');
  $('results').setAttribute('aria-busy', 'true');
  try {
    if (state.view === 'timeline') await renderTimeline(gen);
    else {
      const q = effectiveQuery(state);
      if (q.errors.length) {
        refuse(q.errors.join('; '));
        return;
      }
      await renderList(gen, q);
    }
  } catch (e) {
    if (gen === generation) setError(e instanceof Error ? e.message : String(e));
  } finally {
    if (gen === generation) $('results').setAttribute('aria-busy', 'false');
  }
}

/** Renders again when a partition arrives that the current answer lacked (coalesced to one a frame). */
let again = false;
function partitionLoaded(): void {
  if (again || state.view === 'timeline') return;
  again = true;
  requestAnimationFrame(() => {
    again = false;
    scheduleRender();
  });
}

function wire(): void {
  const q = $<HTMLInputElement>('q');
  // The first keystroke of a query adds a history entry and the rest of it replace that entry, so that
  // Back returns to the query before, not to each keystroke; a pause or any other change ends the query.
  q.addEventListener('input', () => {
    const how = typing ? 'replace' : 'push';
    go({ ...state, q: q.value, period: null }, how);
    typing = true;
    clearTimeout(typingEnds);
    typingEnds = setTimeout(() => { typing = false; }, TYPING_PAUSE_MS);
  });
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    // A query being typed already has its entry.
    go({ ...state, q: q.value }, typing ? 'replace' : 'push');
    typing = false;
  });
  for (const v of ['quotes', 'documents', 'timeline'] as const) $(`view-${v}`).addEventListener('click', () => go({ ...state, view: v }));
  const dates = (): void => go({ ...state, since: $<HTMLInputElement>('since').value.trim(), until: $<HTMLInputElement>('until').value.trim() });
  $('since').addEventListener('change', dates);
  $('until').addEventListener('change', dates);
  $('sort').addEventListener('change', () => {
    const v = $<HTMLSelectElement>('sort').value;
    go({ ...state, sort: v === 'relevance' || v === 'date' || v === '-date' ? v : null });
  });
  $('clear').addEventListener('click', () => go({ ...EMPTY_STATE, view: state.view }));
  $('timeline-controls').addEventListener('submit', (e) => {
    e.preventDefault();
    const subject = (kind: string, name: string): Subject | null => (name.trim() ? { kind: kind === 'speaker' ? 'speaker' : 'org', name: name.trim() } : null);
    go({
      ...state,
      subject: subject($<HTMLSelectElement>('tl-kind').value, $<HTMLInputElement>('tl-name').value),
      compare: subject($<HTMLSelectElement>('vs-kind').value, $<HTMLInputElement>('vs-name').value),
      by: ($<HTMLSelectElement>('tl-by').value as PageState['by']) || 'year',
      period: null,
    });
  });
  // The period takes effect when chosen, as the view and the order do.
  $('tl-by').addEventListener('change', () => go({ ...state, by: ($<HTMLSelectElement>('tl-by').value as PageState['by']) || 'year', period: null }));
  window.addEventListener('popstate', () => {
    state = stateFromHash(location.hash);
    shown = PAGE;
    syncControls();
    void render();
  });
  // Organisation names for the timeline's inputs (people's once the quotes are loaded).
  const names = $('org-names');
  names.replaceChildren(...index.site.organisations.organisations.map((o) => el('option', { value: o.name })));
  $('tl-kind').addEventListener('change', suggestNames);
  $('vs-kind').addEventListener('change', suggestNames);
}

async function start(): Promise<void> {
  installDataHook();
  // The controls show the linked state at once (no shift when the archive arrives).
  state = stateFromHash(location.hash);
  syncControls();
  // The filters start folded (so that on a narrow screen results come first, and nothing moves
  // when the script runs); beside the results, on a wide screen, they open.
  if (!window.matchMedia('(max-width: 48rem)').matches) $<HTMLDetailsElement>('filters').open = true;
  setStatus('Loading the archive…');
  let site: SiteManifest;
  try {
    site = JSON.parse(await loadData('data/manifest.js')) as SiteManifest;
  } catch (e) {
    setError(`${e instanceof Error ? e.message : String(e)}. Build the page with "ccg index".`);
    setStatus('');
    return;
  }
  index = new SiteIndex(site, partitionLoaded);
  $('archive-size').textContent = `${site.documentCount.toLocaleString('en-GB')} documents, ${site.quoteCount.toLocaleString('en-GB')} quotes`;
  state = stateFromHash(location.hash);
  wire();
  syncControls();
  await render();
  document.documentElement.dataset.ready = 'true';
  // The rest of the quotes, newest first, while the reader reads.
  index.preloadQuotes().then(listSpeakers).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
