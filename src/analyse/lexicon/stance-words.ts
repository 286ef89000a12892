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

/** Contrasts that answer what came before, so that one opening a sentence ("But …", "However, …") weighs the sentence before; the others ("although", "while", "despite") open a concession within their own. */
export const ANSWERING_CONTRAST: ReadonlySet<string> = new Set(['but', 'however', 'yet', 'nevertheless', 'nonetheless']);

/** "Not only X but Y", "not just X but Y": the "but" adds, it does not contrast. */
export const ADDITIVE_BEFORE_BUT: ReadonlySet<string> = new Set(['only', 'just', 'simply', 'merely']);

/** Conditions put on a position ("only if", "provided", "as long as", "unless"). */
export const CONDITIONS: ReadonlySet<string> = new Set(['if', 'provided', 'providing', 'unless', 'depends', 'depend', 'condition', 'conditional']);

/** Hedges and modal verbs: a position held with reserve. */
export const HEDGES: ReadonlySet<string> = new Set(['could', 'may', 'might', 'perhaps', 'possibly', 'probably', 'seem', 'seems', 'appear', 'appears', 'broadly', 'cautious', 'cautiously', 'qualified', 'reservations', 'caveat', 'caveats']);

/** Words too common to tell stances apart (kept out of the word features). */
export const STOP_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'in', 'on', 'for', 'is', 'are', 'be', 'that', 'this', 'it', 'we', 'our', 'i', 'they', 'will', 'with', 'by', 'as', 'at', 'has', 'have', 'was', 'were', 'from', 'their', 'its', 'us', 'he', 'she', 'his', 'her', 'them', 'there', 'which', 'who', 'what', 'been', 'had', 'do', 'does', 'so', 'or']);

/**
 * Words that speak of undoing a thing: ending, abolishing, scrapping, handing it back. Where a
 * segment undoes the topic ("the end of CCGs"), its evaluative words are about the undoing, so they
 * count the other way round: regret at an abolition is support for what is abolished, welcoming it
 * is opposition (stance-reversal.ts). Phrases, lower case; a trailing * matches any ending.
 */
export const REVERSALS: readonly string[] = [
  'abolish*', 'abolition', 'scrap', 'scraps', 'scrapped', 'scrapping', 'axe', 'axed', 'axing',
  'dismantl*', 'disband*', 'demise', 'end of', 'ending', 'get rid of', 'getting rid of', 'got rid of',
  'do away with', 'done away with', 'doing away with', 'abandon*', 'reverse', 'reversed', 'reversing', 'reversal',
  'wind down', 'winding down', 'wound down', 'wind up', 'winding up', 'wound up', 'hand back',
  'handed back', 'handing back', 'give back', 'giving back', 'pull out of', 'pulled out of', 'pulling out of',
  'withdraw from', 'withdrew from', 'withdrawn from', 'withdrawing from', 'withdrawal from',
  'disappear*', 'sweep away', 'swept away', 'sweeping away', 'phase out', 'phased out',
  'see the back of', 'seen the back of', 'seeing the back of', 'phasing out', 'close down', 'closed down', 'closing down', 'shut down', 'break up', 'broken up', 'breaking up',
];

/** "The end of the month" is a date, not an ending: words after "end of (the)" that make it one. */
export const TIME_NOUNS: ReadonlySet<string> = new Set([
  'day', 'week', 'month', 'year', 'quarter', 'term', 'financial', 'decade', 'century', 'summer', 'winter', 'spring', 'autumn',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'today', 'tomorrow', 'consultation', 'meeting', 'session', 'period',
]);

/** Words that start a reason or a new clause of their own: a segment that undoes the topic ends before them. */
export const REASONS: ReadonlySet<string> = new Set(['because', 'cos']);

/**
 * Words of approval that are also plain nouns for a service given ("support", "help"): in "extra
 * support for practices", "support staff" or "asked for help" they name what is provided, not a
 * position taken, and judge nothing (stance-senses.ts).
 */
export const SERVICE_WORDS: ReadonlySet<string> = new Set(['support', 'help', 'assistance']);

/** Heads of a compound the service word modifies ("support staff", "help desk"). */
export const SERVICE_HEADS: ReadonlySet<string> = new Set([
  'staff', 'service', 'services', 'resource', 'resources', 'team', 'teams', 'worker', 'workers', 'package', 'packages',
  'function', 'functions', 'unit', 'units', 'role', 'roles', 'officer', 'officers', 'desk', 'line', 'lines', 'hub', 'hubs',
  'arrangements', 'network', 'networks', 'programme', 'programmes', 'scheme', 'schemes', 'fund', 'funds', 'funding', 'budget', 'costs', 'grant', 'grants',
]);

/** Words that, just before a service word, make it the service given: its kind or amount ("financial support", "extra help"), or what is asked for ("for support"). */
export const SERVICE_MODIFIERS: ReadonlySet<string> = new Set([
  'practical', 'financial', 'administrative', 'managerial', 'management', 'clinical', 'technical', 'analytical', 'office',
  'peer', 'pastoral', 'specialist', 'emotional', 'transitional', 'extra', 'additional', 'further', 'ongoing', 'dedicated',
  'for',
]);
