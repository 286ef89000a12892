/**
 * How English news frames what someone said: the reporting verb that introduces a quote ("warned",
 * "welcomed", "said") and the evaluative nouns around it ("raised concerns", "gave their backing").
 * General English of news reporting, by evaluative class, not fitted to any page. Entries are lower
 * case; a trailing * matches any ending; several words match in a row ("hit out").
 */

/** Classes a frame word belongs to. */
export type FrameClass = 'oppose' | 'support' | 'neutral';

/** Reporting verbs that cast what follows as a criticism, a warning or a refusal. */
export const OPPOSING_VERBS: readonly string[] = [
  'warn*', 'caution*', 'criticis*', 'criticiz*', 'attack*', 'condemn*', 'reject*', 'fear*', 'slam*', 'blast*', 'hit out',
  'lambast*', 'denounc*', 'decry', 'decried', 'dismiss*', 'object', 'objected', 'objects', 'objecting', 'protest*', 'complain*',
  'accus*', 'oppos*', 'questioned', 'questioning', 'challeng*', 'rubbish*', 'scorn*', 'deplor*', 'lament*', 'bemoan*', 'regret*',
  'berat*', 'rebuk*', 'doubt*', 'worr*', 'pour* cold water', 'savag*', 'excoriat*', 'derid*',
];

/** Reporting verbs that cast what follows as approval. */
export const SUPPORTING_VERBS: readonly string[] = [
  'welcom*', 'prais*', 'hail*', 'to back', 'back the', 'back its', 'back their', 'back plans', 'back proposals', 'backed', 'backs', 'backing', 'endors*', 'champion*', 'applaud*', 'commend*',
  'support*', 'celebrat*', 'laud*', 'embrac*', 'approv*', 'defend*', 'congratulat*', 'enthus*', 'cheer*', 'salut*',
  'pledg*', 'vouch*', 'recommend*', 'advocat*', 'sign* up', 'signed up',
];

/** Reporting verbs that only report: they say nothing of the speaker's view. */
export const NEUTRAL_VERBS: readonly string[] = [
  'said', 'say', 'says', 'saying', 'told', 'tell', 'tells', 'telling', 'add', 'added', 'adds', 'adding', 'explain*', 'stated',
  'states', 'noted', 'notes', 'comment*', 'describ*', 'wrote', 'writes', 'writing', 'announc*', 'confirm*', 'insist*', 'claim*',
  'suggest*', 'admit*', 'acknowledg*', 'conced*', 'recall*', 'argu*', 'predict*', 'according', 'continued', 'asked',
  'replied', 'responded', 'remarked', 'observed', 'pointed out', 'went on', 'reported', 'reports', 'put it', 'quoted', 'responding', 'speaking',
];

/** Nouns in a frame that report disapproval ("raised concerns", "amid fears", "a warning"). */
export const OPPOSING_NOUNS: readonly string[] = [
  'concern', 'concerns', 'concerned', 'objection', 'objections', 'misgiving*', 'reservation*', 'anger', 'angry', 'fury', 'furious',
  'frustrat*', 'dismay*', 'alarm*', 'backlash', 'outcry', 'sceptic*', 'skeptic*', 'resistance', 'hostility', 'hostile',
  'disappoint*', 'critical', 'unhappy', 'uneasy', 'unease',
];

/** Nouns in a frame that report approval ("gave its backing", "won praise"). */
export const SUPPORTING_NOUNS: readonly string[] = [
  'delight*', 'pleased', 'optimis*', 'confidence', 'confident', 'keen', 'positive', 'plaudits', 'happy', 'glad', 'thrilled',
  'excited', 'encouraged',
];

/** Words that negate the reporting verb or noun a few words later ("did not welcome", "refused to back"). */
export const FRAME_NEGATORS: readonly string[] = [
  'not', "n't", 'never', 'no', 'refused', 'refuses', 'declined', 'declines', 'failed', 'fails', 'without', 'stopped short', 'little', 'nor', 'neither',
];

/** A frame negator reaches at most this many words ahead. */
export const FRAME_NEGATION_SCOPE = 3;

/** Words that weaken the class of the verb after them: "cautiously welcomed", "broadly backed", "grudgingly accepted". */
export const FRAME_HEDGES: readonly string[] = ['cautiously', 'broadly', 'guardedly', 'grudgingly', 'tentatively', 'qualified', 'partly', 'largely', 'generally'];

/** All the lists, by what they mark, for validation and for the frame feature extractor. */
export const FRAME_LEXICON = {
  'verb:oppose': OPPOSING_VERBS,
  'verb:support': SUPPORTING_VERBS,
  'verb:neutral': NEUTRAL_VERBS,
  'noun:oppose': OPPOSING_NOUNS,
  'noun:support': SUPPORTING_NOUNS,
  negator: FRAME_NEGATORS,
  hedge: FRAME_HEDGES,
} as const;
