/**
 * CSS selectors a source names (registry `selectors`: links and next on a listing page, the article
 * body), checked with the engine that runs them, so a bad one is named when the registry loads
 * rather than failing inside a fetch.
 */
import { load } from 'cheerio';

/** The selectors a source may name. */
export const SELECTOR_NAMES = ['links', 'next', 'article'] as const;

let empty: ReturnType<typeof load> | undefined;

/** What is wrong with a CSS selector (the engine's own words), or null when it can be used. */
export function cssSelectorProblem(selector: string): string | null {
  empty ??= load('');
  try {
    empty.root().find(selector);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
