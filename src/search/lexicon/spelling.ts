/**
 * British and American spellings that search treats as one word. Folding is applied alike at index
 * and query time (always towards the British form), so a fold only has to be consistent, not
 * perfect; lists are used where a general rule would merge different words ("four"/"for",
 * "filled"/"filed", "here"/"her").
 */

/** Word stems spelt -our in British English and -or in American ("colour"/"color"). */
export const OUR_STEMS = [
  'arbour', 'ardour', 'armour', 'behaviour', 'candour', 'clamour', 'colour', 'demeanour', 'endeavour', 'favour', 'fervour',
  'flavour', 'glamour', 'harbour', 'honour', 'humour', 'labour', 'neighbour', 'odour', 'parlour', 'rancour', 'rigour',
  'rumour', 'saviour', 'savour', 'splendour', 'tumour', 'valour', 'vapour', 'vigour',
];

/** Words spelt -re in British English and -er in American ("centre"/"center"). */
export const RE_WORDS = ['calibre', 'centre', 'fibre', 'litre', 'lustre', 'meagre', 'metre', 'sabre', 'sceptre', 'sombre', 'spectre', 'theatre', 'titre'];

/** Stems that double a final l before a suffix in British English only ("travelled"/"traveled"). */
export const DOUBLE_L_STEMS = [
  'cancel', 'channel', 'counsel', 'dial', 'duel', 'equal', 'fuel', 'jewel', 'label', 'level', 'marshal', 'model', 'panel',
  'pedal', 'quarrel', 'rival', 'signal', 'total', 'travel', 'tunnel',
];

/** Other pairs, American → British. Inflected forms are handled by the stemmer after folding. */
export const WORD_PAIRS: Readonly<Record<string, string>> = {
  program: 'programme', programs: 'programmes', defense: 'defence', offense: 'offence', pretense: 'pretence',
  license: 'licence', licenses: 'licences', gray: 'grey', aging: 'ageing', judgment: 'judgement', judgments: 'judgements',
  acknowledgment: 'acknowledgement', catalog: 'catalogue', dialog: 'dialogue', analog: 'analogue', maneuver: 'manoeuvre',
  enroll: 'enrol', enrollment: 'enrolment', fulfill: 'fulfil', fulfillment: 'fulfilment', skillful: 'skilful',
  installment: 'instalment', mold: 'mould', plow: 'plough', pajamas: 'pyjamas', cozy: 'cosy', check: 'check',
  fetus: 'foetus', estrogen: 'oestrogen', esophagus: 'oesophagus', diarrhea: 'diarrhoea', anemia: 'anaemia',
  leukemia: 'leukaemia', anesthetic: 'anaesthetic', anesthesia: 'anaesthesia', pediatric: 'paediatric',
  pediatrics: 'paediatrics', pediatrician: 'paediatrician', orthopedic: 'orthopaedic', orthopedics: 'orthopaedics',
  gynecology: 'gynaecology', hematology: 'haematology', hemorrhage: 'haemorrhage', edema: 'oedema',
};
