/**
 * The span searches that keep analysis linear (src/analyse/spans.ts) answer as a scan of every
 * span would; and a long sentence full of quotes is not scored again for each of them.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { lowerBound, startingIn, OverlapIndex, GrowingOverlapSet } from '../src/analyse/spans.js';
import { analyse, compileOrganisations } from '../src/analyse/index.js';
import { loadOrganisations } from '../src/sources/index.js';
import { LEXICON } from './helpers.js';

const span = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 })).map(([start, length]) => ({ start, end: start + length }));
const overlapsByScan = (spans: readonly { start: number; end: number }[], start: number, end: number): boolean => spans.some((s) => start < s.end && s.start < end);

describe('span searches', () => {
  it('lowerBound finds the first key not below x', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (xs, x) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const i = sorted.findIndex((v) => v >= x);
      expect(lowerBound(sorted, (v) => v, x)).toBe(i < 0 ? sorted.length : i);
    }));
  });

  it('startingIn gives the spans that start in a range, in order', () => {
    fc.assert(fc.property(fc.array(span), fc.integer({ min: 0, max: 250 }), fc.integer({ min: 0, max: 250 }), (spans, a, b) => {
      const sorted = [...spans].sort((x, y) => x.start - y.start);
      expect(startingIn(sorted, a, b)).toEqual(sorted.filter((s) => s.start >= a && s.start < b));
    }));
  });

  it('OverlapIndex answers as a scan of every span, overlapping spans included', () => {
    fc.assert(fc.property(fc.array(span), span, (spans, q) => {
      expect(new OverlapIndex(spans).overlaps(q.start, q.end)).toBe(overlapsByScan(spans, q.start, q.end));
    }));
  });

  it('GrowingOverlapSet keeps the same spans as checking each candidate against those kept', () => {
    fc.assert(fc.property(fc.array(span, { maxLength: 60 }), (candidates) => {
      const set = new GrowingOverlapSet(candidates.map((c) => c.start));
      const kept: typeof candidates = [];
      const keptByScan: typeof candidates = [];
      for (const c of candidates) {
        if (!set.overlaps(c.start, c.end)) { kept.push(c); set.add(c); }
        if (!overlapsByScan(keptByScan, c.start, c.end)) keptByScan.push(c);
      }
      expect(kept).toEqual(keptByScan);
    }));
  });
});

describe('long sentences', () => {
  const orgs = compileOrganisations(loadOrganisations(join(import.meta.dirname, '..', 'sources', 'organisations.json')));

  it('scores the stance of a sentence once for all the partial quotes in it', () => {
    // One sentence that never stops, quoting a few words again and again.
    const sentence = Array.from({ length: 60 }, (_, i) => `the chair described item ${i} as ‘a real risk’ and`).join(' ') + ' left.';
    const texts: string[] = [];
    const counting = (text: string) => { texts.push(text); return LEXICON(text); };
    const a = analyse(`Title words\n\n${sentence}`, { organisations: orgs, stance: counting });
    const partial = a.quotes.filter((q) => q.partial);
    expect(partial.length).toBe(60);
    // Each text is scored once, however many quotes are judged on it.
    expect(texts.length).toBe(new Set(texts).size);
    expect(partial.every((q) => q.stance === 'oppose')).toBe(true);
  });
});
