import { readFileSync } from 'node:fs';
import { InputError, ValidationError } from '../core/errors.js';

/**
 * Reads a JSON file of reference data: a file that cannot be read is an InputError, one that is
 * not JSON a ValidationError; both name the file and say what it was meant to hold.
 */
export function readJsonFile(file: string, what: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(file, `cannot read ${what}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (err) {
    throw new ValidationError(file, '(root)', `not valid JSON: ${(err as Error).message}`);
  }
}
