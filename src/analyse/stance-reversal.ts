/**
 * Undoing the topic. A segment that speaks of ending, abolishing or handing back what the topic is
 * about ("sad to see the end of CCGs", "scrapping delegation would be a mistake") evaluates the
 * undoing, not the thing: its evaluative words count the other way round. A reversal counts only in
 * a segment that also names the topic ("the abolition of the old trusts" undoes something else). A
 * segment is a sentence cut at contrasts ("but") and at reasons ("because"): in "they should be
 * scrapped because they have failed", the failure is the thing's own. Pure.
 */
import { anyPhraseAt, longestPhraseAt, phraseIndex, type PhraseIndex } from './phrase-index.js';
import { CONTRAST, REASONS, REVERSALS, TIME_NOUNS } from './lexicon/stance-words.js';

export interface ReversalScope {
  /** Per token: the segment (numbered from 0) that undoes the topic, or -1. */
  readonly segment: Int32Array;
  /** Per token: 1 where a reversal phrase starts (the undoing words themselves are not turned round). */
  readonly reversal: Uint8Array;
  /** How many segments undo the topic. */
  readonly segments: number;
}

const REVERSAL_INDEX: PhraseIndex<true> = phraseIndex(REVERSALS.map((p) => [p, true] as const));
const SENTENCE_ENDS: ReadonlySet<string> = new Set(['.', '!', '?', ';', ':']);
const targetIndexes = new WeakMap<readonly string[], PhraseIndex<true>>();

/** The topic's target terms as phrases of tokens ("co-commissioning" → "co commissioning"). */
function targetIndex(targets: readonly string[]): PhraseIndex<true> {
  let index = targetIndexes.get(targets);
  if (!index) targetIndexes.set(targets, (index = phraseIndex(targets.map((t) => [t.split(/[\s-]+/).join(' '), true] as const))));
  return index;
}

/** A reversal phrase starts at token i, and is not a date ("the end of the month"). */
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

/** Where the topic is undone in these tokens (words and clause marks, as stance-features reads them). */
export function reversalScope(toks: readonly string[], targets: readonly string[]): ReversalScope {
  const segment = new Int32Array(toks.length).fill(-1);
  const reversal = new Uint8Array(toks.length);
  const targetsAt = targetIndex(targets);
  let segments = 0;
  let from = 0;
  const close = (to: number): void => {
    let undone = false;
    let named = false;
    const starts: number[] = [];
    for (let i = from; i < to; i++) {
      const n = reversalAt(toks, i);
      if (n) { starts.push(i); undone = true; i += n - 1; continue; }
      if (anyPhraseAt(toks, i, targetsAt)) named = true;
    }
    if (undone && named) {
      segment.fill(segments++, from, to);
      for (const i of starts) reversal[i] = 1;
    }
    from = to;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (SENTENCE_ENDS.has(t)) close(i + 1);
    else if ((CONTRAST.has(t) || REASONS.has(t)) && i > from) close(i);
  }
  close(toks.length);
  return { segment, reversal, segments };
}
