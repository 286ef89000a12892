/**
 * Short mentions of a person by their role: "the chief officer", "the GPC chair", "the college’s
 * chair" refer to the person of the document whose role (and organisation, when the description
 * names one) fits, the one named most recently before the description. Pure.
 */
import type { OrganisationSpan } from './organisations.js';
import type { PeopleResult } from './people.js';
import { organisationInFocus } from './entities.js';
import { lowerBound } from './spans.js';
import { ROLE_NOUNS } from './lexicon/speech.js';

const ROLE_SET = new Set(ROLE_NOUNS.map((r) => r.toLowerCase()));
const words = (s: string): string[] => s.toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}-]+/gu) ?? [];

/** The role words of a description: the words after the organisation, ending in a role noun. */
function roleWords(rest: string): string[] | null {
  const w = words(rest);
  if (!w.length || w.length > 4 || !ROLE_SET.has(w[w.length - 1]!)) return null;
  return w;
}

/**
 * The role words appear in the person's role, in order, the last of them as the head of the role:
 * at its end ("GPC chair") or before of/at/for ("chair of the GPC"). A one-word description without
 * an organisation ("the chair") fits only the second form, a role given in apposition: "the
 * president" in a text that names a "World Bank President" may well be another president.
 */
function fits(role: readonly string[], have: readonly string[], bare: boolean): boolean {
  let i = 0;
  let last = -1;
  for (let k = 0; k < have.length && i < role.length; k++) {
    if (have[k] === role[i]) {
      i++;
      last = k;
    }
  }
  if (i < role.length) return false;
  const next = have[last + 1];
  const prepositional = next === 'of' || next === 'at' || next === 'for';
  if (bare && role.length === 1) return prepositional;
  return prepositional || last === have.length - 1;
}

/**
 * The person (index into `people.people`) that a description such as "the GPC chair" at
 * [start, end) refers to, or null. `orgs` are the document's organisation spans, in order.
 */
export function describedPerson(text: string, start: number, end: number, people: PeopleResult, orgs: readonly OrganisationSpan[]): number | null {
  const np = text.slice(start, end);
  const the = /^(?:the|its|their)\s+/i.exec(np);
  if (!the) return null;
  let at = start + the[0].length;
  let organisation: string | null = null;
  let written: string | null = null;
  // "the GPC chair", "the BMA’s chair": an organisation named in the description.
  const o = orgs[lowerBound(orgs, (s) => s.start, at)];
  if (o && o.start === at && o.end < end) {
    organisation = o.name;
    written = o.text.toLowerCase();
    at = o.end;
  } else {
    // "the college’s chair": the organisation in focus that the description fits.
    const poss = /^([\p{L}-]+)['’]s\s+/u.exec(text.slice(at, end));
    if (poss) {
      organisation = organisationInFocus(`the ${poss[1]}`, start, orgs, true)?.name ?? null;
      if (!organisation) return null;
      at += poss[0].length;
    }
  }
  const role = roleWords(text.slice(at, end).replace(/^['’]s?\s*/, ''));
  if (!role) return null;
  // The people whose role fits, latest mention before the description first.
  let bestPerson: number | null = null;
  let bestAt = -1;
  for (const m of people.mentions) {
    if (m.start >= start) break;
    const p = people.people[m.person]!;
    if (!p.role || !fits(role, words(p.role), organisation === null)) continue;
    if (organisation && p.organisation !== organisation && !(written && p.role.toLowerCase().includes(written))) continue;
    if (m.start > bestAt) {
      bestAt = m.start;
      bestPerson = m.person;
    }
  }
  return bestPerson;
}
