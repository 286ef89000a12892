/**
 * Function words that shape a stance whatever the topic: negators and their scope, contrast markers,
 * conditions, hedges. General English, not fitted to any page; the topic's own cues are data in
 * sources/stance/topics.json.
 */

/** Words that negate what follows ("not convinced", "no benefit", "never supported"). */
export const NEGATORS: ReadonlySet<string> = new Set(['not', 'no', 'never', "n't", 'cannot', 'without', 'nor', 'neither', 'nobody', 'nothing', 'none', 'hardly']);

/** A negation covers at most this many words, and stops at a clause boundary. */
export const NEGATION_SCOPE = 4;

/** Words that turn a sentence round: what follows weighs against what came before. */
export const CONTRAST: ReadonlySet<string> = new Set(['but', 'however', 'yet', 'although', 'though', 'whilst', 'while', 'nevertheless', 'nonetheless', 'despite', 'except']);

/** "Not only X but Y", "not just X but Y": the "but" adds, it does not contrast. */
export const ADDITIVE_BEFORE_BUT: ReadonlySet<string> = new Set(['only', 'just', 'simply', 'merely']);

/** Conditions put on a position ("only if", "provided", "as long as", "unless"). */
export const CONDITIONS: ReadonlySet<string> = new Set(['if', 'provided', 'providing', 'unless', 'depends', 'depend', 'condition', 'conditional']);

/** Hedges and modal verbs: a position held with reserve. */
export const HEDGES: ReadonlySet<string> = new Set(['could', 'may', 'might', 'perhaps', 'possibly', 'probably', 'seem', 'seems', 'appear', 'appears', 'broadly', 'cautious', 'cautiously', 'qualified', 'reservations', 'caveat', 'caveats']);

/** Words too common to tell stances apart (kept out of the word features). */
export const STOP_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'in', 'on', 'for', 'is', 'are', 'be', 'that', 'this', 'it', 'we', 'our', 'i', 'they', 'will', 'with', 'by', 'as', 'at', 'has', 'have', 'was', 'were', 'from', 'their', 'its', 'us', 'he', 'she', 'his', 'her', 'them', 'there', 'which', 'who', 'what', 'been', 'had', 'do', 'does', 'so', 'or']);
