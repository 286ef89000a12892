/**
 * Words of attribution, as data: speech verbs, honorifics and role nouns. Changing a list here is
 * how the quote attributor learns a new pattern; its logic does not name words.
 */

/** Verbs (and verb phrases) that introduce or follow a quotation. */
export const SPEECH_VERBS: readonly string[] = [
  'said', 'says', 'say', 'saying', 'added', 'adds', 'adding', 'told', 'tells', 'warned', 'warns', 'warning',
  'argued', 'argues', 'arguing', 'commented', 'comments', 'explained', 'explains', 'explaining', 'insisted',
  'insists', 'claimed', 'claims', 'stated', 'states', 'wrote', 'writes', 'writing', 'noted', 'notes', 'suggested',
  'suggests', 'continued', 'continues', 'confirmed', 'confirms', 'declared', 'declares', 'announced', 'announces',
  'stressed', 'stresses', 'emphasised', 'emphasises', 'emphasized', 'emphasizes', 'urged', 'urges', 'admitted',
  'admits', 'acknowledged', 'acknowledges', 'replied', 'replies', 'responded', 'responds', 'asked', 'asks',
  'tweeted', 'tweets', 'posted', 'remarked', 'observed', 'pointed out', 'points out', 'went on', 'goes on',
  'concluded', 'concludes', 'recalled', 'recalls', 'revealed', 'reveals', 'predicted', 'predicts', 'cautioned',
  'cautions', 'complained', 'complains', 'agreed', 'agrees', 'conceded', 'concedes', 'maintained', 'maintains',
  'contended', 'contends', 'countered', 'counters', 'highlighted', 'highlights', 'believes', 'believed', 'thinks',
  'thought', 'feels', 'felt', 'described', 'describes', 'called', 'calls', 'shouted', 'joked', 'jokes', 'quipped',
  'boasted', 'boasts', 'mused', 'muses', 'vowed', 'vows', 'promised', 'promises', 'pledged', 'pledges',
  'announced', 'reported', 'reports', 'reiterated', 'reiterates', 'commenting', 'speaking', 'opined',
  'retorted', 'demanded', 'demands', 'proclaimed', 'proclaims', 'recounted', 'recounts', 'assured', 'assures',
  'has said', 'has told', 'has warned', 'has argued', 'has written', 'told reporters', 'told the',
  'asking', 'tweeting', 'telling', 'noting', 'stating', 'declaring', 'insisting', 'arguing',
  // Verbs of judgement that take a quotation as their object ("the minister attacked ‘the ideology’").
  'attacked', 'criticised', 'criticized', 'slammed', 'blasted', 'praised', 'hailed', 'accused', 'branded',
  'labelled', 'labeled', 'dismissed', 'condemned', 'defended', 'mocked', 'questioned', 'welcomed',
];

/** Verbs after which the speaker may follow ("…, said Dr X", "wrote NHS England:"). Verbs of telling take a hearer instead. */
export const INVERTIBLE_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'added', 'adds', 'wrote', 'writes', 'asked', 'asks', 'continued', 'continues', 'explained',
  'explains', 'recalled', 'recalls', 'noted', 'notes', 'declared', 'concluded', 'concludes', 'argued', 'argues',
  'insisted', 'warned', 'commented', 'stated', 'states', 'replied', 'responded', 'suggested', 'suggests',
]);

/** Titles before a name. */
export const HONORIFICS: readonly string[] = [
  'Dr', 'Dr.', 'Doctor', 'Professor', 'Prof', 'Prof.', 'Sir', 'Dame', 'Ms', 'Ms.', 'Mr', 'Mr.', 'Mrs', 'Mrs.',
  'Miss', 'Mx', 'Cllr', 'Councillor', 'Lord', 'Lady', 'Baroness', 'Baron', 'Rev', 'Revd', 'Rt Hon', 'Sen.',
  'Senator', 'Rep.', 'Representative', 'Gov.', 'Governor', 'President', 'Secretary', 'Speaker', 'Judge',
  'Justice', 'Gen.', 'General', 'Lt.', 'Col.', 'Capt.', 'Mayor', 'Minister', 'Chancellor', 'Pope',
];

export const FEMALE_HONORIFICS: ReadonlySet<string> = new Set(['Ms', 'Ms.', 'Mrs', 'Mrs.', 'Miss', 'Dame', 'Lady', 'Baroness']);
export const MALE_HONORIFICS: ReadonlySet<string> = new Set(['Mr', 'Mr.', 'Sir', 'Lord', 'Baron']);

/** Nouns that make a phrase a role ("GPC negotiator", "chair of the GPC's commissioning subcommittee"). */
export const ROLE_NOUNS: readonly string[] = [
  'chair', 'chairman', 'chairwoman', 'chairperson', 'co-chair', 'vice-chair', 'secretary', 'director', 'president',
  'officer', 'executive', 'chief', 'head', 'lead', 'leader', 'negotiator', 'spokesman', 'spokeswoman',
  'spokesperson', 'spokesman', 'member', 'minister', 'manager', 'adviser', 'advisor', 'deputy', 'partner', 'gp',
  'founder', 'co-founder', 'editor', 'analyst', 'fellow', 'researcher', 'professor', 'consultant', 'treasurer',
  'governor', 'senator', 'representative', 'mp', 'mep', 'councillor', 'commissioner', 'correspondent',
  'economist', 'strategist', 'campaigner', 'candidate', 'nominee', 'mayor', 'ceo', 'cfo', 'coo', 'principal',
  'clinician', 'doctor', 'nurse', 'practitioner', 'pharmacist', 'surgeon', 'physician', 'trustee', 'convenor',
  'organiser', 'coordinator', 'co-ordinator', 'official', 'aide', 'staffer', 'adviser', 'expert', 'author',
  'lawyer', 'attorney', 'counsel', 'professor', 'lecturer', 'fellow', 'ambassador', 'envoy', 'general',
  'sheriff', 'judge', 'vice', 'assistant', 'associate', 'controller', 'registrar', 'superintendent', 'steward',
  'counterpart', 'predecessor', 'successor',
];

/**
 * Roles held in the same organisation as the person they are held under ("her deputy", "Dr X's
 * successor"); a counterpart or a colleague may be anywhere.
 */
export const SHARED_POST_ROLES: ReadonlySet<string> = new Set(['deputy', 'assistant', 'vice-chair', 'predecessor', 'successor', 'number two', 'second-in-command']);

/** Pronouns that may stand for a speaker, with the gender they imply. */
export const PRONOUNS: Readonly<Record<string, 'f' | 'm' | 'any'>> = {
  he: 'm', she: 'f', He: 'm', She: 'f',
};

/** Words that qualify a role noun ("accountable officer", "senior clinical lead"): part of the role, not an organisation. */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  'accountable', 'senior', 'junior', 'chief', 'deputy', 'assistant', 'associate', 'executive', 'non-executive',
  'clinical', 'medical', 'nursing', 'managing', 'interim', 'acting', 'principal', 'national', 'regional', 'joint',
  'general', 'financial', 'finance', 'operating', 'policy', 'press', 'lay', 'former', 'new', 'vice', 'co', 'lead',
]);

/** Auxiliary and modal verbs: a phrase holding one is part of a clause, not a role or a subject. */
export const AUXILIARIES: readonly string[] = ['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'does', 'do', 'did'];
