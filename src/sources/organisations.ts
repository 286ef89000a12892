/**
 * Loading and validating the organisation reference list (sources/organisations.json). A bad
 * file is a ValidationError that names the file, the field and what is wrong.
 */
import type { OrganisationKind } from '../core/types.js';
import { ValidationError } from '../core/errors.js';
import { readJsonFile } from './read-json.js';
import type { OrganisationReference, OrganisationEntry, OrganisationFamily } from '../analyse/organisations.js';

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'ccg', 'icb', 'nhs body', 'government', 'regulator', 'union', 'royal college', 'lmc', 'think tank',
  'membership body', 'trust', 'local authority', 'publisher', 'committee', 'other',
];

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');

export function validateOrganisations(data: unknown, file: string): OrganisationReference {
  if (!data || typeof data !== 'object') throw new ValidationError(file, '(root)', 'expected a JSON object');
  const d = data as Record<string, unknown>;
  if (d.version !== 1) throw new ValidationError(file, 'version', `expected 1, got ${JSON.stringify(d.version)}`);
  if (!Array.isArray(d.organisations)) throw new ValidationError(file, 'organisations', 'expected an array');
  const seen = new Map<string, string>();
  const organisations: OrganisationEntry[] = d.organisations.map((o: unknown, i: number) => {
    const at = `organisations[${i}]`;
    if (!o || typeof o !== 'object') throw new ValidationError(file, at, 'expected an object');
    const e = o as Record<string, unknown>;
    if (typeof e.name !== 'string' || !e.name.trim()) throw new ValidationError(file, `${at}.name`, 'expected a non-empty string');
    if (e.aliases !== undefined && !isStringArray(e.aliases)) throw new ValidationError(file, `${at}.aliases`, 'expected an array of non-empty strings');
    if (!ORGANISATION_KINDS.includes(e.kind as OrganisationKind)) {
      throw new ValidationError(file, `${at}.kind`, `expected one of ${ORGANISATION_KINDS.join(', ')}; got ${JSON.stringify(e.kind)}`);
    }
    for (const form of [e.name, ...((e.aliases as string[] | undefined) ?? [])]) {
      const key = form.toLowerCase();
      const owner = seen.get(key);
      if (owner && owner !== e.name) throw new ValidationError(file, `${at}.aliases`, `"${form}" is already a name or alias of "${owner}"`);
      seen.set(key, e.name);
    }
    if (e.partOf !== undefined && (typeof e.partOf !== 'string' || !e.partOf.trim())) throw new ValidationError(file, `${at}.partOf`, 'expected the name of another organisation');
    return { name: e.name, aliases: (e.aliases as string[] | undefined) ?? [], kind: e.kind as OrganisationKind, ...(e.partOf ? { partOf: e.partOf as string } : {}) };
  });
  const families: OrganisationFamily[] = ((d.families as unknown[] | undefined) ?? []).map((f: unknown, i: number) => {
    const at = `families[${i}]`;
    const e = (f ?? {}) as Record<string, unknown>;
    if (typeof e.canonical !== 'string' || !e.canonical.includes('{place}')) throw new ValidationError(file, `${at}.canonical`, 'expected a string containing {place}');
    if (!isStringArray(e.forms) || !e.forms.every((x) => x.includes('{place}'))) throw new ValidationError(file, `${at}.forms`, 'expected strings that each contain {place}');
    if (!ORGANISATION_KINDS.includes(e.kind as OrganisationKind)) throw new ValidationError(file, `${at}.kind`, `expected one of ${ORGANISATION_KINDS.join(', ')}`);
    if (e.partOf !== undefined && (typeof e.partOf !== 'string' || !e.partOf.trim())) throw new ValidationError(file, `${at}.partOf`, 'expected the name of another organisation');
    return { canonical: e.canonical, forms: e.forms, kind: e.kind as OrganisationKind, ...(e.partOf ? { partOf: e.partOf as string } : {}) };
  });
  // partOf names an organisation of the list, and no organisation is part of itself through others.
  const names = new Map(organisations.map((o) => [o.name, o]));
  const check = (partOf: string | undefined, at: string, self: string | null): void => {
    if (partOf === undefined) return;
    if (!names.has(partOf)) throw new ValidationError(file, `${at}.partOf`, `"${partOf}" is not the name of an organisation in the list`);
    const seen = new Set<string>(self ? [self] : []);
    for (let p: string | undefined = partOf; p !== undefined; p = names.get(p)?.partOf) {
      if (seen.has(p)) throw new ValidationError(file, `${at}.partOf`, `"${partOf}" leads back to itself`);
      seen.add(p);
    }
  };
  organisations.forEach((o, i) => check(o.partOf, `organisations[${i}]`, o.name));
  families.forEach((f, i) => check(f.partOf, `families[${i}]`, null));
  return { organisations, families };
}

export function loadOrganisations(file: string): OrganisationReference {
  return validateOrganisations(readJsonFile(file, 'the organisation list'), file);
}
