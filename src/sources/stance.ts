/** Loading and validating the stance topics and labelled examples (sources/stance/). */
import { STANCES, type Stance } from '../core/types.js';
import { ValidationError } from '../core/errors.js';
import { readJsonFile } from './read-json.js';
import type { StanceExample } from '../analyse/stance-model.js';
import type { Topic } from '../analyse/stance.js';

export function loadStanceExamples(file: string): StanceExample[] {
  const data = readJsonFile(file, 'the stance examples');
  const examples = (data as { examples?: unknown }).examples;
  if (!Array.isArray(examples) || !examples.length) throw new ValidationError(file, 'examples', 'expected a non-empty array');
  const ids = new Set<number>();
  const out = examples.map((e: Record<string, unknown>, i) => {
    const at = `examples[${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new ValidationError(file, at, 'expected an object with id, text and stance');
    for (const f of ['theme', 'voice'] as const) if (e[f] !== undefined && (typeof e[f] !== 'string' || !e[f].trim())) throw new ValidationError(file, `${at}.${f}`, 'expected a non-empty string when present');
    if (!Number.isInteger(e.id)) throw new ValidationError(file, `${at}.id`, 'expected a whole number');
    if (ids.has(e.id as number)) throw new ValidationError(file, `${at}.id`, `id ${String(e.id)} is used twice`);
    ids.add(e.id as number);
    if (typeof e.text !== 'string' || !e.text.trim()) throw new ValidationError(file, `${at}.text`, 'expected a non-empty string');
    if (!STANCES.includes(e.stance as Stance)) throw new ValidationError(file, `${at}.stance`, `expected one of ${STANCES.join(', ')}; got ${JSON.stringify(e.stance)}`);
    return { id: e.id as number, text: e.text, stance: e.stance as Stance };
  });
  // The classifier learns each stance from examples of it.
  for (const s of STANCES) if (!out.some((e) => e.stance === s)) throw new ValidationError(file, 'examples', `no example is labelled ${s}; every stance needs some`);
  return out;
}

const isWords = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');

/** The topics quotes take a stance towards (sources/stance/topics.json); the first is the default. */
export function loadTopics(file: string): Topic[] {
  const data = readJsonFile(file, 'the stance topics');
  const d = data as { version?: unknown; topics?: unknown };
  if (d.version !== 1) throw new ValidationError(file, 'version', `expected 1, got ${JSON.stringify(d.version)}`);
  if (!Array.isArray(d.topics) || !d.topics.length) throw new ValidationError(file, 'topics', 'expected a non-empty array');
  return d.topics.map((t: Record<string, unknown>, i) => {
    const at = `topics[${i}]`;
    for (const f of ['id', 'name'] as const) if (typeof t[f] !== 'string' || !(t[f] as string).trim()) throw new ValidationError(file, `${at}.${f}`, 'expected a non-empty string');
    for (const f of ['targets', 'support', 'oppose'] as const) if (!isWords(t[f])) throw new ValidationError(file, `${at}.${f}`, 'expected an array of non-empty strings');
    return { id: t.id as string, name: t.name as string, targets: t.targets as string[], support: t.support as string[], oppose: t.oppose as string[] };
  });
}
