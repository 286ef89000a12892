/**
 * The analysis stage: main text in; organisations, people, dates and quotes with stance out. Pure;
 * the reference data comes in compiled (see `src/sources/` for loading it).
 */
import type { DateMention, OrganisationMention, Person, Quote } from '../core/types.js';
import { compileOrganisations, findOrganisations, summariseOrganisations, type CompiledOrganisations, type OrganisationReference } from './organisations.js';
import { findPeople, toPeople } from './people.js';
import { findQuotes } from './quotes.js';
import { findDates } from './dates.js';
import { quoteStances, DEFAULT_TOPIC, type Topic } from './stance.js';
import { splitParagraphs } from './sentences.js';

export interface Analysis {
  readonly organisations: OrganisationMention[];
  readonly people: Person[];
  readonly dates: DateMention[];
  readonly quotes: Quote[];
}

export interface AnalyseOptions {
  readonly organisations: CompiledOrganisations;
  readonly published?: string | null;
  readonly topic?: Topic;
}

export function analyse(text: string, options: AnalyseOptions): Analysis {
  const orgSpans = findOrganisations(text, options.organisations);
  const people = findPeople(text, orgSpans);
  const found = findQuotes(text, splitParagraphs(text), people, orgSpans);
  const stances = quoteStances(found, options.topic ?? DEFAULT_TOPIC);
  const quotes: Quote[] = found.map((q, i) => ({
    text: q.text,
    speaker: q.speaker,
    role: q.role,
    organisation: q.organisation,
    stance: stances[i]!,
    paragraph: q.paragraph,
    start: q.start,
    end: q.end,
    ...(q.partial ? { partial: true } : {}),
  }));
  return {
    organisations: summariseOrganisations(orgSpans),
    people: toPeople(people.people),
    dates: findDates(text, options.published ?? null),
    quotes,
  };
}

export { compileOrganisations, DEFAULT_TOPIC };
export type { CompiledOrganisations, OrganisationReference, Topic };
export { splitSentences, splitParagraphs } from './sentences.js';
