// The speech verbs of a region are those a scan of the region alone finds, whether they are read
// from the scan of the whole text or the region is scanned on its own (attribution-context.ts).
import { describe, it, expect } from 'vitest';
import { verbHits, type Context } from '../src/analyse/attribution-context.js';

const TEXT = 'The chair has\n\nsaid so. Then she told reporters it was fine. Xsaid nothing, as “he said”.';
const context = (): Context => ({ text: TEXT, quoted: [{ start: TEXT.indexOf('“'), end: TEXT.indexOf('”') + 1 }] }) as unknown as Context;
const at = (s: string, plus = 0): number => TEXT.indexOf(s) + plus;

describe('verbHits', () => {
  it.each([
    ['the whole text: a verb runs across the paragraphs, the quoted one is left out', 0, TEXT.length, ['has\n\nsaid', 'told reporters']],
    ['the second paragraph: its own "said"', at('said'), TEXT.length, ['said', 'told reporters']],
    ['the first paragraph ends at "has"', 0, at('has', 3), []],
    ['a region that cuts "told reporters"', at('told'), at('told', 9), ['told']],
    ['a region that starts inside "Xsaid"', at('Xsaid', 1), TEXT.length, ['said']],
    ['one sentence', at('Then'), at('fine.', 5), ['told reporters']],
  ])('%s', (_name, start, end, want) => {
    const ctx = context();
    // Asked first after the whole text has been scanned, then on a fresh context.
    verbHits(ctx, 0, TEXT.length);
    expect(verbHits(ctx, start, end).map((h) => TEXT.slice(h.start, h.end))).toEqual(want);
    expect(verbHits(context(), start, end).map((h) => TEXT.slice(h.start, h.end))).toEqual(want);
  });
});
