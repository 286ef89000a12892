/** Loading and validating the labelled stance examples (sources/stance/examples.json). */
import { readFileSync } from 'node:fs';
import { STANCES, type Stance } from '../core/types.js';
import { ValidationError, InputError } from '../core/errors.js';
import type { StanceExample } from '../analyse/stance-model.js';

export function loadStanceExamples(file: string): StanceExample[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(file, `cannot read the stance examples: ${(err as Error).message}`, { cause: err });
  }
  const examples = (data as { examples?: unknown }).examples;
  if (!Array.isArray(examples)) throw new ValidationError(file, 'examples', 'expected an array');
  const ids = new Set<number>();
  return examples.map((e: Record<string, unknown>, i) => {
    const at = `examples[${i}]`;
    if (!Number.isInteger(e.id)) throw new ValidationError(file, `${at}.id`, 'expected a whole number');
    if (ids.has(e.id as number)) throw new ValidationError(file, `${at}.id`, `id ${String(e.id)} is used twice`);
    ids.add(e.id as number);
    if (typeof e.text !== 'string' || !e.text.trim()) throw new ValidationError(file, `${at}.text`, 'expected a non-empty string');
    if (!STANCES.includes(e.stance as Stance)) throw new ValidationError(file, `${at}.stance`, `expected one of ${STANCES.join(', ')}; got ${JSON.stringify(e.stance)}`);
    return { id: e.id as number, text: e.text, stance: e.stance as Stance };
  });
}
