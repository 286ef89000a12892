/**
 * What a golden fixture holds the extractor to: the bytes of a page (decoded as a fetched page
 * would be) → the extracted record. Shared by the golden tests and scripts/update-fixtures.mjs.
 */
import { decodeBytes } from '../pipeline/read-input.js';
import type { Extracted } from '../core/types.js';
import { extractHtml } from './html.js';

/** A fixed "now", so that golden results do not change with the date. */
export const FIXTURE_NOW = new Date('2026-01-01T00:00:00Z');

export function extractFixture(bytes: Uint8Array, url: string | null): Extracted {
  return extractHtml(decodeBytes(bytes), { url, now: FIXTURE_NOW });
}
