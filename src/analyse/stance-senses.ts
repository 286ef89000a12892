/**
 * Which sense a word of approval is used in. "Support" and "help" take a position ("we support the
 * plans") or name a service given ("extra support for practices", "support staff", "asked for
 * help"); only the first judges the topic. Judged from the words either side within the clause, so
 * that a word read as a service is no stance cue and carries no polarity. Pure.
 */
import { SERVICE_HEADS, SERVICE_MODIFIERS, SERVICE_WORDS } from './lexicon/stance-words.js';

/**
 * Whether the word at `i` of clause tokens (words and marks, lower case: stance.ts clauseTokens) is
 * a service word used as the service given: the modifier of a compound ("support staff") or a noun
 * after a word naming its kind or amount, or after "for" ("financial support", "for help").
 */
export function isServiceSense(toks: readonly string[], i: number): boolean {
  if (!SERVICE_WORDS.has(toks[i]!)) return false;
  return SERVICE_HEADS.has(toks[i + 1] ?? '') || SERVICE_MODIFIERS.has(toks[i - 1] ?? '');
}
