/**
 * What a golden fixture holds the extractor to: the bytes of a page (decoded as a fetched page
 * would be) → the extracted record. Shared by the golden tests and scripts/update-fixtures.mjs.
 * PDF cases (test/fixtures-pdf/<case>/) have no source file: their PDF is made at test time by
 * scripts/lib/pdf-fixtures.mjs, and only the expected record is kept.
 */
import { decodeBytes } from '../pipeline/read-input.js';
import type { Extracted } from '../core/types.js';
import { extractHtml } from './html.js';
import { extractPdf, type PdfExtracted } from './pdf/index.js';

/** A fixed "now", so that golden results do not change with the date. */
export const FIXTURE_NOW = new Date('2026-01-01T00:00:00Z');

export function extractFixture(bytes: Uint8Array, url: string | null): Extracted {
  return extractHtml(decodeBytes(bytes), { url, now: FIXTURE_NOW });
}

/** The same for a PDF fixture: its bytes → the PDF extractor's record, named after the case. */
export async function extractPdfFixture(bytes: Uint8Array, name: string): Promise<PdfExtracted> {
  return extractPdf(bytes, { name, now: FIXTURE_NOW });
}
