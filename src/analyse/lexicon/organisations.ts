/**
 * Words of organisation names, as data: the nouns that end a name not in the reference list, and
 * the words that start a phrase but never a name.
 */

/** Words that start a sentence or a phrase and are never part of an organisation's name. */
export const LEADING_STOPWORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'all', 'each', 'every', 'this', 'that', 'these', 'those', 'our', 'their', 'its', 'his', 'her',
  'some', 'many', 'most', 'both', 'when', 'while', 'if', 'in', 'on', 'at', 'for', 'but', 'and', 'or', 'however',
  'yesterday', 'today', 'last', 'next', 'meanwhile', 'under', 'speaking', 'according', 'as', 'by', 'from', 'with',
  'without', 'after', 'before', 'since', 'nhs', 'new', 'former', 'local', 'other', 'one', 'two', 'three', 'several',
  'recently', 'earlier', 'later', 'also', 'then', 'now', 'so', 'thus', 'although', 'though', 'where', 'which', 'who',
  'mr', 'mrs', 'ms', 'dr', 'professor', 'prof', 'sir', 'dame', 'cllr', 'chair', 'chairman', 'chief', 'secretary',
  'president', 'head', 'director', 'gp', 'gps', 'ccg', 'ccgs', 'lmc', 'lmcs', 'icb', 'icbs', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'england', 'english', 'between', 'across',
  'read', 'see', 'via', 'to', 'of', 'is', 'was', 'are', 'were', 'he', 'she', 'they', 'we', 'it', 'there', 'here',
]);

/** Nouns that end the name of an organisation not in the list ("Oldham Health Forum"). */
export const ORG_NOUNS = 'Committee|Committees|Board|Alliance|Federation|Partnership|Association|Society|Institute|Commission|Authority|Agency|Forum|Network|Foundation|Trust|Council|Commissioners|College|Confederation|Union|Department|Ministry|Office|Group|Collaborative';
