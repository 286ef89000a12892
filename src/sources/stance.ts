/** Loading and validating the stance topics and labelled examples (sources/stance/). */
import { STANCES, type Stance } from '../core/types.js';
import { ValidationError } from '../core/errors.js';
import { readJsonFile } from './read-json.js';
import type { StanceExample, StanceWeights } from '../analyse/stance-model.js';
import type { Topic } from '../analyse/stance.js';

export function loadStanceExamples(file: string): StanceExample[] {
  const data = readJsonFile(file, 'the stance examples');
  const examples = (data as { examples?: unknown }).examples;
  if (!Array.isArray(examples) || !examples.length) throw new ValidationError(file, 'examples', 'expected a non-empty array');
  const ids = new Set<number>();
  const out = examples.map((e: Record<string, unknown>, i) => {
    const at = `examples[${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new ValidationError(file, at, 'expected an object with id, text and stance');
    for (const f of ['theme', 'voice', 'frame'] as const) if (e[f] !== undefined && (typeof e[f] !== 'string' || !e[f].trim())) throw new ValidationError(file, `${at}.${f}`, 'expected a non-empty string when present');
    if (!Number.isInteger(e.id)) throw new ValidationError(file, `${at}.id`, 'expected a whole number');
    if (ids.has(e.id as number)) throw new ValidationError(file, `${at}.id`, `id ${String(e.id)} is used twice`);
    ids.add(e.id as number);
    if (typeof e.text !== 'string' || !e.text.trim()) throw new ValidationError(file, `${at}.text`, 'expected a non-empty string');
    if (!STANCES.includes(e.stance as Stance)) throw new ValidationError(file, `${at}.stance`, `expected one of ${STANCES.join(', ')}; got ${JSON.stringify(e.stance)}`);
    return { id: e.id as number, text: e.text, stance: e.stance as Stance, ...(typeof e.frame === 'string' ? { frame: e.frame } : {}) };
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

const isNumbers = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Stored stance weights (sources/stance/model.json, written by npm run train:stance), checked in full. */
export function loadStanceWeights(file: string): StanceWeights {
  const d = readJsonFile(file, 'the stance model') as Record<string, unknown>;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) throw new ValidationError(file, '(root)', 'expected an object');
  if (d.version !== 1) throw new ValidationError(file, 'version', `expected 1, got ${JSON.stringify(d.version)}`);
  if (typeof d.fingerprint !== 'string' || !/^[0-9a-f]{16}$/.test(d.fingerprint)) throw new ValidationError(file, 'fingerprint', 'expected 16 hexadecimal digits');
  if (!isWords(d.vocabulary) || !d.vocabulary.length) throw new ValidationError(file, 'vocabulary', 'expected a non-empty array of feature names');
  const n = d.vocabulary.length;
  const weights = d.weights as Record<string, unknown> | undefined;
  if (typeof weights !== 'object' || weights === null) throw new ValidationError(file, 'weights', 'expected an object with weights per stance');
  for (const s of STANCES) if (!isNumbers(weights[s], n)) throw new ValidationError(file, `weights.${s}`, `expected ${n} finite numbers, one per vocabulary entry`);
  const t = d.training as Record<string, unknown> | undefined;
  if (typeof t !== 'object' || t === null || !['l2', 'epochs', 'rate'].every((k) => typeof t[k] === 'number')) throw new ValidationError(file, 'training', 'expected l2, epochs and rate');
  if (!Number.isInteger(d.examples)) throw new ValidationError(file, 'examples', 'expected a whole number');
  return d as unknown as StanceWeights;
}
