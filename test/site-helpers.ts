/**
 * For the static page's tests: headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core), an archive with a planted hostile document, and axe-core.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './helpers.js';

export const CHROMIUM = process.env.CCG_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Where the browser tests leave screenshots for review (not committed). */
export const SHOTS = join(ROOT, 'test-output', 'screenshots');

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Payloads that would run if any value from an article were inserted as HTML or followed as a link. */
export const PAYLOADS = {
  title: '<script>window.__xss = "title"</script><img src=x onerror="window.__xss = \'title-img\'">Planted title',
  quote: '<img src=x onerror="window.__xss = \'quote\'"> <script>window.__xss = "quote-script"</script> zanzibarian commissioning never runs',
  speaker: '<svg onload="window.__xss = \'speaker\'">Mallory</svg>',
  role: '<iframe src="javascript:window.__xss=\'role\'"></iframe>',
  organisation: '<a href="javascript:window.__xss=\'org\'">Evil Org</a>',
  publisher: '<b onmouseover="window.__xss = \'publisher\'">Hostile Press</b>',
  url: 'javascript:window.__xss="url"',
};

/** Writes a valid document record holding the payloads into the archive's corpus (as a crafted file would). */
export function plantHostileDocument(home: string): string {
  const dir = join(home, 'corpus', 'documents');
  const sample = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!), 'utf8')) as { document: Record<string, unknown> };
  const intro = 'A planted article about commissioning, holding hostile values in every field.';
  const quote = PAYLOADS.quote;
  const text = `${intro}\n\n“${quote}” said the speaker.`;
  const start = text.indexOf(quote);
  const id = 'planted-hostile';
  const document = {
    ...sample.document,
    id,
    url: PAYLOADS.url,
    canonicalUrl: PAYLOADS.url,
    title: PAYLOADS.title,
    publisher: PAYLOADS.publisher,
    published: '2015-03-02',
    text,
    organisations: [],
    people: [],
    dates: [],
    alternateUrls: [],
    quotes: [{ text: quote, speaker: PAYLOADS.speaker, role: PAYLOADS.role, organisation: PAYLOADS.organisation, stance: 'oppose', paragraph: 1, start, end: start + quote.length }],
    positions: { speakers: [], organisations: [] },
  };
  delete (document as Record<string, unknown>).datePrecision;
  writeFileSync(join(dir, `${id}.json`), JSON.stringify({ ...sample, document }));
  return id;
}

const require = createRequire(import.meta.url);
/** axe-core's script, to inject into a page. */
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
}

/** Runs axe-core in the page; the violations of serious or critical impact. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Injected through the DevTools protocol: the page's CSP forbids inline scripts, and is right to.
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  })) as AxeViolation[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
