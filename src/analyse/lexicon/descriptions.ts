/**
 * Definite descriptions of organisations ("the college", "the committee"), as data: the kinds of
 * organisation (sources/organisations.json) and the words of a name that each may refer to.
 */

/** What a definite description ("the college") may refer to: a kind of organisation, or words in its name. */
export const DESCRIPTIONS: Readonly<Record<string, { kinds: readonly string[]; words?: RegExp }>> = {
  organisation: { kinds: [] },
  organization: { kinds: [] },
  body: { kinds: [] },
  group: { kinds: [] },
  college: { kinds: ['royal college'], words: /\bCollege\b/ },
  committee: { kinds: ['committee', 'lmc'], words: /\bCommittees?\b|^GPC$/ },
  union: { kinds: ['union'] },
  association: { kinds: ['union', 'membership body'], words: /\bAssociation\b/ },
  ccg: { kinds: ['ccg'] },
  lmc: { kinds: ['lmc'], words: /\bLMCs?\b|\bLocal Medical Committees?\b/ },
  icb: { kinds: ['icb'] },
  // "The board" of the NHS bodies named boards (integrated care boards); a company's board is no organisation on the list.
  board: { kinds: ['icb'], words: /\bBoards?\b/ },
  trust: { kinds: ['trust'], words: /\bTrust\b/ },
  council: { kinds: ['local authority'], words: /\bCouncil\b/ },
  department: { kinds: ['government'], words: /\bDepartment\b/ },
  regulator: { kinds: ['regulator'] },
  'think tank': { kinds: ['think tank'] },
  charity: { kinds: ['think tank', 'other'] },
};
