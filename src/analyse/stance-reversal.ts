/**
 * Undoing the topic. A segment that speaks of ending, abolishing or handing back what the topic is
 * about ("regret the abolition of clinical commissioning", "scrapping delegation would be a
 * mistake") evaluates the undoing, not the thing: its evaluative words count the other way round.
 * The topic must be what is undone: named just after the undoing words ("the end of CCGs",
 * "scrapping delegation") or, in the passive, just before them ("CCGs should be scrapped"); in
 * "CCGs replaced the old trusts" or "the abolition of the old trusts" something else is undone. A
 * segment is a sentence cut at contrasts ("but") and at reasons ("because"): in "they should be
 * scrapped because they have failed", the failure is the thing's own. Pure.
 */
import { anyPhraseAt, longestPhraseAt, phraseIndex, type PhraseIndex } from './phrase-index.js';
import { CONTRAST, REASONS, REVERSALS, TIME_NOUNS } from './lexicon/stance-words.js';

export interface ReversalScope {
  /** Per token: the segment (numbered from 0) that undoes the topic, or -1. */
  readonly segment: Int32Array;
  /**
   * Per token: UNDOING where undoing words start ("scrapping", "hand back"); INSIDE for their other
   * words and the topic's own words ("primary care"), which judge nothing; 0 elsewhere.
   */
  readonly reversal: Uint8Array;
  /** How many segments undo the topic. */
  readonly segments: number;
}

export const UNDOING = 1;
export const INSIDE = 2;

const REVERSAL_INDEX: PhraseIndex<true> = phraseIndex(REVERSALS.map((p) => [p, true] as const));
const SENTENCE_ENDS: ReadonlySet<string> = new Set(['.', '!', '?', ';', ':']);
const MARKS: ReadonlySet<string> = new Set([',', ';', ':', '.', '!', '?', '–', '—']);
/** Forms of "be" before a passive undoing ("CCGs will be abolished", "were scrapped"). */
const BE: ReadonlySet<string> = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were', "'s", "'re"]);
/** How far (in words, within a clause) the undone thing may stand from the undoing words. */
const OBJECT_WINDOW = 4;
const targetIndexes = new WeakMap<readonly string[], PhraseIndex<true>>();

/** The topic's target terms as phrases of tokens ("co-commissioning" → "co commissioning"). */
function targetIndex(targets: readonly string[]): PhraseIndex<true> {
  let index = targetIndexes.get(targets);
  if (!index) targetIndexes.set(targets, (index = phraseIndex(targets.map((t) => [t.split(/[\s-]+/).join(' '), true] as const))));
  return index;
}

/** The length of a reversal phrase starting at token i (0 for none, or for a date: "the end of the month"). */
function reversalAt(toks: readonly string[], i: number): number {
  const found = longestPhraseAt(toks, i, REVERSAL_INDEX);
  if (!found) return 0;
  if (toks[i] === 'end') {
    let k = i + found.length;
    if (toks[k] === 'the' || toks[k] === 'this' || toks[k] === 'next' || toks[k] === 'last') k++;
    if (TIME_NOUNS.has(toks[k] ?? '') || /^\d/.test(toks[k] ?? '')) return 0;
  }
  return found.length;
}

/** Whether the topic is what the undoing words [i, end) undo: named just after them, or before them in the passive. */
function undoesTopic(toks: readonly string[], i: number, end: number, targets: PhraseIndex<true>, from: number, to: number): boolean {
  for (let k = end; k < Math.min(to, end + OBJECT_WINDOW) && !MARKS.has(toks[k]!); k++) if (anyPhraseAt(toks, k, targets)) return true;
  // "CCGs should be scrapped", "delegation will be reversed": be (and perhaps an adverb) just before.
  const passive = BE.has(toks[i - 1] ?? '') || (BE.has(toks[i - 2] ?? '') && !MARKS.has(toks[i - 1] ?? ''));
  if (!passive) return false;
  for (let k = i - 1; k >= Math.max(from, i - OBJECT_WINDOW - 2) && !MARKS.has(toks[k]!); k--) if (anyPhraseAt(toks, k, targets)) return true;
  return false;
}

/** Where the topic is undone in these tokens (words and clause marks, as stance-features reads them). */
export function reversalScope(toks: readonly string[], targets: readonly string[]): ReversalScope {
  const segment = new Int32Array(toks.length).fill(-1);
  const reversal = new Uint8Array(toks.length);
  const targetsAt = targetIndex(targets);
  let segments = 0;
  let from = 0;
  const close = (to: number): void => {
    let undone = false;
    const kept: Array<[number, number]> = [];
    for (let i = from; i < to; i++) {
      const n = reversalAt(toks, i);
      if (!n) continue;
      kept.push([i, i + n]);
      if (undoesTopic(toks, i, i + n, targetsAt, from, to)) undone = true;
      i += n - 1;
    }
    if (undone) {
      segment.fill(segments++, from, to);
      for (const [a, b] of kept) {
        reversal.fill(INSIDE, a, b);
        reversal[a] = UNDOING;
      }
      // The topic's own words ("primary care") name what is undone; they are not judged.
      for (let i = from; i < to; i++) {
        const target = longestPhraseAt(toks, i, targetsAt);
        if (target) reversal.fill(INSIDE, i, i + target.length);
      }
    }
    from = to;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (SENTENCE_ENDS.has(t)) close(i + 1);
    else if ((CONTRAST.has(t) && !(t === 'yet' && isNegation(toks[i - 1]))) || REASONS.has(t)) {
      if (i > from) close(i);
    }
  }
  close(toks.length);
  return { segment, reversal, segments };
}

/** "Not yet" is no contrast. */
const isNegation = (t: string | undefined): boolean => t === 'not' || t === "n't";
