/**
 * Organisations for search filters: `org:BMA` means quotes whose speaker's organisation is the
 * British Medical Association, one of its other names, or one of its parts (the GPC), never a quote
 * whose role text merely contains the letters. The table is built from the organisation list when
 * the index is built and stored with it, so the CLI and the static page resolve names alike. Pure.
 */
export interface OrgTableEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly partOf: string | null;
}

export interface OrgFamilyEntry {
  /** The canonical form with `{place}`, e.g. "NHS England {place} Area Team". */
  readonly canonical: string;
  readonly partOf: string;
}

export interface OrgTable {
  readonly organisations: readonly OrgTableEntry[];
  readonly families: readonly OrgFamilyEntry[];
}

export const EMPTY_ORG_TABLE: OrgTable = { organisations: [], families: [] };

interface ReferenceLike {
  readonly organisations: ReadonlyArray<{ readonly name: string; readonly aliases: readonly string[]; readonly partOf?: string }>;
  readonly families: ReadonlyArray<{ readonly canonical: string; readonly partOf?: string }>;
}

export function orgTable(reference: ReferenceLike): OrgTable {
  return {
    organisations: reference.organisations.map((o) => ({ name: o.name, aliases: [...o.aliases], partOf: o.partOf ?? null })),
    families: reference.families.filter((f) => f.partOf).map((f) => ({ canonical: f.canonical, partOf: f.partOf! })),
  };
}

const NAME_KEYS_LIMIT = 100_000;
const nameKeys = new Map<string, string>();

/** Lower case, no diacritics, words separated by single spaces ("BMA's GP committee" → "bmas gp committee"). */
export function nameKey(s: string): string {
  // Filters ask it of every name in an index's tables at each query: kept.
  let k = nameKeys.get(s);
  if (k === undefined) {
    k = s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (nameKeys.size >= NAME_KEYS_LIMIT) nameKeys.clear();
    nameKeys.set(s, k);
  }
  return k;
}

/** Does `name` hold `part` as whole words ("NHS Clinical Commissioners" holds "clinical commissioners")? */
export function holdsWords(name: string, part: string): boolean {
  const p = nameKey(part);
  return p !== '' && ` ${nameKey(name)} `.includes(` ${p} `);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CompiledTable {
  readonly byName: ReadonlyMap<string, OrgTableEntry>;
  readonly families: ReadonlyArray<{ readonly re: RegExp; readonly partOf: string }>;
}

const compiled = new WeakMap<OrgTable, CompiledTable>();

/** The table's lookups, made once per table (lineage is asked for every quote of an index build). */
function compile(table: OrgTable): CompiledTable {
  let c = compiled.get(table);
  if (!c) {
    c = {
      byName: new Map(table.organisations.map((o) => [o.name, o])),
      families: table.families.map((f) => ({ re: new RegExp(`^${escape(f.canonical).replace('\\{place\\}', '.+')}$`), partOf: f.partOf })),
    };
    compiled.set(table, c);
  }
  return c;
}

/** The organisation and every organisation it is part of, nearest first. */
export function lineage(name: string, table: OrgTable): string[] {
  const { byName, families } = compile(table);
  const out = [name];
  let parent = byName.get(name)?.partOf ?? families.find((f) => f.re.test(name))?.partOf ?? null;
  while (parent !== null && !out.includes(parent)) {
    out.push(parent);
    parent = byName.get(parent)?.partOf ?? null;
  }
  return out;
}

/** The organisations of the list that a value names exactly, by name or alias ("BMA", "gpc"). */
export function resolveOrganisation(value: string, table: OrgTable): string[] {
  const key = nameKey(value);
  if (!key) return [];
  return table.organisations.filter((o) => [o.name, ...o.aliases].some((n) => nameKey(n) === key)).map((o) => o.name);
}

/**
 * A filter for one `org:` value over a quote's organisation lineage (its organisation and what it
 * is part of). A value the list names exactly matches by identity; any other value matches an
 * organisation whose name or alias holds it as whole words ("Clinical Commissioners", "Birmingham").
 */
export function orgMatcher(value: string, table: OrgTable): (lineageNames: readonly string[]) => boolean {
  const exact = new Set(resolveOrganisation(value, table));
  if (exact.size) return (names) => names.some((n) => exact.has(n));
  const aliases = new Map(table.organisations.map((o) => [o.name, o.aliases]));
  // Each name judged once for the value (an index's tables repeat names across lineages).
  const verdicts = new Map<string, boolean>();
  const holds = (n: string): boolean => {
    let v = verdicts.get(n);
    if (v === undefined) verdicts.set(n, (v = holdsWords(n, value) || (aliases.get(n) ?? []).some((a) => holdsWords(a, value))));
    return v;
  };
  return (names) => names.some(holds);
}
