/**
 * The static search page, end to end in headless Chromium: `ccg index` writes index/site/ for an
 * archive (the shipped documents and one planted hostile document), and the page is opened from
 * file:// as a reader would open it from a folder. One browser for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ccg, tempHome } from './helpers.js';
import { launch, plantHostileDocument, seriousViolations, shot, PAYLOADS } from './site-helpers.js';

let home: string;
let pageUrl: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  home = tempHome();
  const started = ccg(['start', '--offline'], { home });
  expect(started.code, started.stderr).toBe(0);
  plantHostileDocument(home);
  const indexed = ccg(['index'], { home });
  expect(indexed.code, indexed.stderr).toBe(0);
  pageUrl = pathToFileURL(join(home, 'index', 'site', 'index.html')).href;
  browser = await launch();
  context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the page at a fragment and waits until it has answered. */
async function open(fragment = '', viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors: string[] = [];
  // Layout shifts not caused by the reader's input, from the first paint on.
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) w.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${pageUrl}${fragment}`);
  await page.waitForSelector('html[data-ready="true"]');
  return { page, errors };
}

const status = (page: Page): Promise<string> => page.locator('#status').innerText();
/** The page's layout shift score so far (0: nothing moved while it loaded). */
const shift = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __shift: number }).__shift);

/** Waits until the whole archive's quotes are loaded (the status no longer says "so far"). */
async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const s = document.getElementById('status')?.textContent ?? '';
    return s !== '' && !s.includes('so far') && !s.includes('Loading') && document.getElementById('results')?.getAttribute('aria-busy') === 'false';
  });
  return status(page);
}

describe('the static page', () => {
  it('is written by ccg index with its data as scripts', () => {
    for (const f of ['index.html', 'app.js', 'app.css', 'favicon.svg', 'data/manifest.js']) expect(existsSync(join(home, 'index', 'site', f)), f).toBe(true);
  });

  it('searches as you type from file://, with the CLI query language, and says how many matched', async () => {
    const { page, errors } = await open();
    await page.locator('#q').pressSequentially('barking');
    await page.waitForFunction(() => document.querySelectorAll('#results li.quote').length === 1);
    expect(await settled(page)).toBe('1 quote');
    const card = page.locator('#results li.quote').first();
    await expect(card.innerText()).resolves.toContain('Dr Robert Morley');
    await expect(card.locator('.stance').innerText()).resolves.toBe('Opposes');
    // A phrase and an exclusion, as in the CLI.
    await page.locator('#q').fill('"primary care" -Doyle');
    await page.waitForFunction(() => !document.getElementById('status')?.textContent?.startsWith('1 quote'));
    const line = await settled(page);
    const cli = ccg(['quotes', '"primary care" -Doyle', '--json'], { home });
    const total = (JSON.parse(cli.stdout) as { total: number }).total;
    expect(total).toBeGreaterThan(0);
    expect(line).toMatch(new RegExp(`^(Showing \\d+ of )?${total} quotes?$`));
    expect(await page.locator('#results').innerText()).not.toMatch(/Amanda Doyle/);
    // A bad query says what is wrong.
    await page.locator('#q').fill('colour:red');
    await expect(page.locator('#error').innerText()).resolves.toMatch(/colour: is not a field/);
    await shot(page, 'error');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('applies and removes a facet, keeps the state in the URL, and the back button and a reload restore it', async () => {
    const { page } = await open('#q=commissioning');
    const before = await settled(page);
    const org = page.locator('input[data-field="org"][value="NHS England"]');
    await org.check();
    await page.waitForFunction(() => location.hash.includes('org=NHS+England'));
    const filtered = await settled(page);
    expect(filtered).not.toBe(before);
    const cli = JSON.parse(ccg(['quotes', 'commissioning', '--org', 'NHS England', '--json'], { home }).stdout) as { total: number };
    expect(filtered).toMatch(new RegExp(`\\b${cli.total} quotes?$`));
    await shot(page, 'quotes-facet');
    // Shared as a link: a fresh page at that URL shows the same.
    const { page: again } = await open(new URL(page.url()).hash);
    expect(await settled(again)).toBe(filtered);
    await expect(again.locator('input[data-field="org"][value="NHS England"]').isChecked()).resolves.toBe(true);
    await expect(again.locator('#q').inputValue()).resolves.toBe('commissioning');
    await again.close();
    // Removed, then back: the facet returns.
    await page.locator('input[data-field="org"][value="NHS England"]').uncheck();
    await page.waitForFunction(() => !location.hash.includes('org='));
    expect(await settled(page)).toBe(before);
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('org=NHS+England'));
    expect(await settled(page)).toBe(filtered);
    await page.close();
  });

  it('typing a new query adds one history entry: Back returns to the query before', async () => {
    const { page } = await open('#q=commissioning');
    await settled(page);
    await page.locator('#q').fill('');
    await page.locator('#q').pressSequentially('primary care', { delay: 20 });
    await page.waitForFunction(() => location.hash.includes('q=primary+care'));
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('q=commissioning'));
    await expect(page.locator('#q').inputValue()).resolves.toBe('commissioning');
    await page.close();
  });

  it('searches documents with highlighted snippets, loading full text only then', async () => {
    const page = await context.newPage();
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url().split('/').pop() ?? ''));
    await page.goto(`${pageUrl}#q=co-commissioning`);
    await page.waitForSelector('html[data-ready="true"]');
    await settled(page);
    const scripts = async (): Promise<string[]> => loaded;
    expect((await scripts()).some((n) => /^quotes-/.test(n))).toBe(true);
    expect((await scripts()).some((n) => /^(documents|texts)-/.test(n))).toBe(false);
    await page.locator('#view-documents').click();
    await page.waitForFunction(() => document.querySelectorAll('#results li.document').length > 0);
    await settled(page);
    expect(await page.locator('#results li.document mark').count()).toBeGreaterThan(0);
    expect((await scripts()).some((n) => /^documents-/.test(n))).toBe(true);
    expect(page.url()).toContain('view=documents');
    await shot(page, 'documents');
    await page.close();
  });

  it('draws a timeline of positions in SVG, compares two organisations, and opens a period', async () => {
    const { page } = await open('#view=timeline');
    await page.locator('#tl-name').fill('NHS England');
    await page.locator('#vs-name').fill('NHS Clinical Commissioners');
    await page.locator('#timeline-controls button[type="submit"]').click();
    await page.waitForSelector('#results svg.chart rect.bar');
    const cli = JSON.parse(ccg(['timeline', '--org', 'NHS England', '--json'], { home }).stdout) as { periods: Array<{ period: string; counts: Record<string, number> }> };
    const first = cli.periods[0]!;
    const n = Object.values(first.counts).reduce((a, b) => a + b, 0);
    const row = page.locator('table.periods tbody tr').filter({ has: page.locator(`button:text-is("${first.period}")`) });
    // The counts in the words ccg timeline uses ("1 support, 2 oppose"), never "1 supports".
    const words = (['support', 'oppose', 'mixed', 'neutral'] as const).filter((s) => first.counts[s]).map((s) => `${first.counts[s]} ${s}`).join(', ');
    await expect(row.locator('td').first().innerText()).resolves.toBe(words);
    expect(await page.locator('table.periods thead th').count()).toBe(3);
    await row.locator('button').click();
    await page.waitForSelector('#period-heading');
    await expect(page.locator('#period-heading').innerText()).resolves.toMatch(new RegExp(`^${first.period}: \\d+ quotes?$`));
    expect(await page.locator('#results li.quote').count()).toBeGreaterThanOrEqual(n);
    expect(page.url()).toContain(`period=${first.period}`);
    await shot(page, 'timeline');
    // Opened from a link, the timeline draws without moving what is already on screen.
    const { page: linked } = await open(new URL(page.url()).hash, { width: 360, height: 740 });
    await linked.waitForSelector('#period-heading');
    expect(await shift(linked)).toBeLessThan(0.01);
    // At 360 px a period ("2014", "2014-Q2") stays on one line in its button.
    const lines = await linked.locator('table.periods button').evaluateAll((bs) => bs.map((b) => { const r = document.createRange(); r.selectNodeContents(b); return r.getClientRects().length; }));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((n) => n === 1)).toBe(true);
    await linked.close();
    expect(await seriousViolations(page)).toEqual([]);
    // Choosing quarters redraws at once, in the URL too.
    await page.locator('#tl-by').selectOption('quarter');
    await page.waitForFunction(() => /per quarter/.test(document.querySelector('#chart-title')?.textContent ?? ''));
    expect(page.url()).toContain('by=quarter');
    await page.close();
  });

  it('copies the citation ccg quotes --cite prints', async () => {
    const { page } = await open('#q=barking');
    await settled(page);
    await page.locator('#results li.quote button.cite').first().click();
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Citation copied'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const cli = ccg(['quotes', 'barking', '--cite'], { home }).stdout.trim();
    expect(copied).toBe(cli);
    await page.close();
  });

  it('keeps planted payloads inert: nothing runs, no javascript: link, and the CSP refuses inline script', async () => {
    const { page } = await open('#q=zanzibarian');
    await page.waitForFunction(() => document.querySelectorAll('#results li.quote').length === 1);
    await settled(page);
    const card = page.locator('#results li.quote');
    const text = await card.innerText();
    expect(text).toContain('<script>window.__xss = "quote-script"</script>');
    expect(text).toContain(PAYLOADS.speaker);
    expect(text).toContain(PAYLOADS.publisher);
    // Nothing from the article became an element; the title is shown as text, without a link.
    expect(await page.locator('#results img, #results script, #results iframe, #results svg, #results b').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await card.hover();
    await page.locator('#view-documents').click();
    await page.waitForFunction(() => document.querySelectorAll('#results li.document').length > 0);
    expect(await page.locator('#results h3').first().innerText()).toContain('<script>window.__xss = "title"</script>');
    expect(await page.locator('#results img, #results script, #results iframe').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await page.locator('#view-timeline').click();
    await page.locator('#tl-kind').selectOption('speaker');
    await page.locator('#tl-name').fill(PAYLOADS.speaker);
    await page.locator('#timeline-controls button[type="submit"]').click();
    await page.waitForSelector('table.periods button');
    await page.locator('table.periods button').first().click();
    await page.waitForSelector('#period-heading');
    expect(await page.locator('#results img, #results script, #results iframe, #results b').count()).toBe(0);
    // The CSP: an inline script added to the page does not run, and is reported as refused.
    const csp = await page.evaluate(async () => {
      const refused = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }));
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.append(s);
      return { directive: await refused, ran: (window as unknown as { __inline?: boolean }).__inline === true };
    });
    expect(csp).toEqual({ directive: expect.stringMatching(/^script-src/), ran: false });
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
    await page.close();
  });

  it('passes axe-core and reads at 360 px without horizontal scrolling', async () => {
    const { page } = await open('#q=commissioning', { width: 360, height: 740 });
    await settled(page);
    expect(await shift(page)).toBeLessThan(0.01);
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    // Keyboard alone: Tab reaches the search box first after the skip link, and a facet box can be toggled with Space.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    // On a narrow screen the filters start folded; the keyboard unfolds them.
    await expect(page.locator('input[data-field="stance"]').first().isVisible()).resolves.toBe(false);
    await page.locator('#filters > summary').focus();
    await page.keyboard.press('Enter');
    await page.locator('input[data-field="stance"]').first().focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.hash.includes('stance='));
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.dataset.field)).toBe('stance');
    await shot(page, 'narrow');
    await page.close();
  });
});

describe('the static page, as a new user finds it', () => {
  interface CliQuote { text: string; speaker: string | null; role: string | null; organisation: string | null }
  const cliQuotes = (): CliQuote[] => (JSON.parse(ccg(['quotes', '--limit', '1000', '--json'], { home }).stdout) as { hits: CliQuote[] }).hits;
  /** The attribution line of the card showing this quote, found by the speaker's name. */
  async function whoLine(q: CliQuote): Promise<string> {
    const { page } = await open(`#q=${encodeURIComponent(`speaker:"${q.speaker}"`)}`);
    await settled(page);
    const card = page.locator('#results li.quote').filter({ has: page.locator('blockquote', { hasText: q.text.slice(0, 60) }) }).first();
    const line = await card.locator('.who').innerText();
    await page.close();
    return line;
  }

  it('shows each piece of attribution once: an organisation speaking, or named in the role, is not repeated', async () => {
    const all = cliQuotes();
    const speaking = all.find((h) => h.speaker && h.speaker === h.organisation && !h.role);
    const inRole = all.find((h) => h.speaker && h.role && h.organisation && h.role.startsWith('vice chair of') && h.role.endsWith(h.organisation));
    const possessive = all.find((h) => h.speaker && h.role && h.organisation && h.role.includes(`${h.organisation}’s`));
    const apart = all.find((h) => h.speaker && h.role && h.organisation && !h.role.includes(h.organisation) && h.speaker !== h.organisation);
    for (const q of [speaking, inRole, possessive, apart]) expect(q).toBeDefined();
    await expect(whoLine(speaking!)).resolves.toBe(speaking!.speaker);
    await expect(whoLine(inRole!)).resolves.toBe(`${inRole!.speaker}, ${inRole!.role}`);
    await expect(whoLine(possessive!)).resolves.toBe(`${possessive!.speaker}, ${possessive!.role}`);
    // An organisation the role does not name is still shown, after the role.
    await expect(whoLine(apart!)).resolves.toBe(`${apart!.speaker}, ${apart!.role}, ${apart!.organisation}`);
  });

  it('says plainly that no quote matched a timeline name, naming it, instead of drawing an empty chart', async () => {
    const { page, errors } = await open(`#view=timeline&tl=${encodeURIComponent('org:Nobody Here')}`);
    expect(await settled(page)).toBe('No quotes for "Nobody Here"');
    expect(await page.locator('#results svg.chart, #results table').count()).toBe(0);
    await expect(page.locator('#results').innerText()).resolves.toMatch(/^No quotes for "Nobody Here"\./);
    await shot(page, 'timeline-no-match');
    // Compared with a name that matches nothing: the chart is the one that matched, and the other is named.
    await page.locator('#vs-name').fill('Nobody Here');
    await page.locator('#tl-name').fill('NHS England');
    await page.locator('#timeline-controls button[type="submit"]').click();
    await page.waitForSelector('#results svg.chart rect.bar');
    await settled(page);
    await expect(page.locator('#results .no-match').innerText()).resolves.toBe('No quotes for "Nobody Here".');
    expect(await page.locator('table.periods thead th').count()).toBe(2);
    // A query that leaves a name nothing says so, as ccg timeline does.
    await page.locator('#q').fill('zanzibarian');
    await page.waitForFunction(() => !document.querySelector('#results svg.chart'));
    expect(await settled(page)).toBe('No quotes for "NHS England" or "Nobody Here" match "zanzibarian"');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a query of only common words or only punctuation instead of listing every quote', async () => {
    const { page, errors } = await open('#q=barking');
    await settled(page);
    for (const [typed, message] of [
      ['the of', /"the of" has only common words \(the, of\)/],
      ['!!!', /"!!!" has no words to search for/],
      ['. , ;', /". , ;" has no words to search for/],
    ] as const) {
      await page.locator('#q').fill(typed);
      await page.waitForFunction(() => !document.getElementById('error')?.hidden);
      await expect(page.locator('#error').innerText()).resolves.toMatch(message);
      expect(await page.locator('#results li.quote').count()).toBe(0);
      expect(await status(page)).toBe('');
      await page.locator('#q').fill('barking');
      await page.waitForFunction(() => document.querySelectorAll('#results li.quote').length === 1);
    }
    // A phrase of common words is searched; so are common words beside a filter or an exclusion.
    await page.locator('#q').fill('"of the"');
    await page.waitForFunction(() => document.querySelectorAll('#results li.quote').length > 1);
    await expect(page.locator('#error').isHidden()).resolves.toBe(true);
    await page.locator('#q').fill('the stance:oppose');
    await page.waitForFunction(() => document.querySelectorAll('#results li.quote').length > 1);
    await expect(page.locator('#error').isHidden()).resolves.toBe(true);
    // The documents view alike.
    await page.locator('#q').fill('the');
    await page.locator('#view-documents').click();
    await page.waitForFunction(() => !document.getElementById('error')?.hidden && location.hash.includes('view=documents'));
    expect(await page.locator('#results li.document').count()).toBe(0);
    await shot(page, 'common-words');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clears the results a refused query would otherwise leave on screen, in every view', async () => {
    const { page } = await open('#q=barking');
    await settled(page);
    await page.locator('#q').fill('colour:red');
    await page.waitForFunction(() => !document.getElementById('error')?.hidden);
    expect(await page.locator('#results li.quote').count()).toBe(0);
    expect(await page.locator('#facet-groups input').count()).toBe(0);
    expect(await status(page)).toBe('');
    await page.close();
    const { page: timeline } = await open(`#view=timeline&q=colour:red&tl=${encodeURIComponent('org:NHS England')}`);
    await expect(timeline.locator('#error').innerText()).resolves.toMatch(/colour: is not a field/);
    expect(await status(timeline)).toBe('');
    expect(await timeline.getAttribute('#results', 'aria-busy')).toBe('false');
    await timeline.close();
  });

  it('names the query that matched nothing, as the CLI does', async () => {
    const { page } = await open('#q=zzzqqq');
    const total = (JSON.parse(ccg(['quotes', '--json'], { home }).stdout) as { total: number }).total;
    expect(await settled(page)).toBe(`No quotes match "zzzqqq" (${total} quotes in the archive)`);
    await page.close();
  });

  it('hides the order in the timeline view, where it does nothing, and shows it again for a list', async () => {
    const { page } = await open(`#view=timeline&tl=${encodeURIComponent('org:NHS England')}`);
    await page.waitForSelector('#results svg.chart');
    await expect(page.locator('#sort').isVisible()).resolves.toBe(false);
    await page.locator('#view-quotes').click();
    await page.waitForFunction(() => !location.hash.includes('view=timeline'));
    await expect(page.locator('#sort').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('names the order the results are in: newest first with no words to rank by, best first with words', async () => {
    const { page } = await open('#q=');
    await settled(page);
    const shown = (): Promise<string> => page.locator('#sort option:checked').innerText();
    await expect(shown()).resolves.toBe('newest first (no words to rank by)');
    await page.locator('#q').fill('commissioning');
    await page.locator('#q').press('Enter');
    await page.waitForFunction(() => location.hash.includes('q=commissioning'));
    await expect(shown()).resolves.toBe('best first');
    await page.close();
  });

  it('says that a name has only partial quotes, which timelines leave out, rather than that it has none', async () => {
    const all = cliQuotes() as Array<CliQuote & { partial?: boolean }>;
    const name = [...new Set(all.map((h) => h.speaker))].find((sp) => sp && all.filter((h) => h.speaker === sp).every((h) => h.partial))!;
    expect(name).toBeTruthy();
    const n = all.filter((h) => h.speaker === name).length;
    const { page } = await open(`#view=timeline&tl=${encodeURIComponent(`speaker:${name}`)}`);
    const line = `Only partial quotes for "${name}" (${n}: a few words quoted within reported speech), which timelines leave out`;
    expect(await settled(page)).toBe(line);
    await expect(page.locator('#results .no-match').innerText()).resolves.toBe(`${line}.`);
    expect(await page.locator('#results svg.chart').count()).toBe(0);
    await page.close();
  });

  it('suggests people for a person\'s timeline and organisations for an organisation\'s', async () => {
    const { page } = await open('#view=timeline');
    const suggested = (input: string): Promise<string[]> => page.evaluate((id) => Array.from((document.getElementById(id) as HTMLInputElement).list?.options ?? []).map((o) => o.value), input);
    expect(await suggested('tl-name')).toContain('British Medical Association');
    await page.locator('#vs-kind').selectOption('speaker');
    await page.waitForFunction(() => ((document.getElementById('vs-name') as HTMLInputElement).list?.options.length ?? 0) > 0);
    const people = await suggested('vs-name');
    expect(people).toContain('Dr Robert Morley');
    expect(people).not.toContain('British Medical Association');
    expect(await suggested('tl-name')).toContain('British Medical Association');
    await page.close();
  });
});
