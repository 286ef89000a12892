// Synthetic archives for the search benchmark (scripts/bench-search.mjs) and its test: valid
// `ccg-document` records with news-like text, about five attributed quotes a document, a few
// thousand invented speakers with titles, roles and organisations (the reference list's and
// generated "{Place} CCG" / "{Place} LMC" names), stances, publishers and dates over 2012–2022
// (a few undated, a few with only a year).
//
// The words follow a Zipf-like distribution over a generated vocabulary (common English words at
// the top, tens of thousands of invented words in the tail, many with English suffixes so that
// the stemmer has work to do), with words and phrases about commissioning mixed in, so that the
// index's term dictionary and posting lists have a realistic shape. Everything is deterministic:
// document i depends only on the seed and i, so "ten more documents" are the same on every run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from './lib/rng.mjs';
export { rng };

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');


/** A 32-bit mix of the seed and a document number (each document has its own stream). */
const mix = (seed, i) => {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
};

// Common English words of news text, most frequent first: the head of the distribution.
const COMMON = (
  'the of and to a in that is for it on was with as be by at this are have from not but they which has will would their been said more we there '
  + 'can all an were its also our about or if who one new should could than into up other out some what so these them when how us he she his her '
  + 'year years local time people only over most after many before because while those such may being where them then now just between under '
  + 'work need made make part number plans first last week month told added million per cent including much very well still today however since '
  + 'every any both each three two four five six further across against during without within around already through whether where need needs '
  + 'government health national area areas system way support services service patients practice practices plan public money change changes '
  + 'report review decision decisions board group groups council staff community access pressure level levels issue issues concern concerns '
  + 'meeting meetings members member role roles rules process proposals proposal evidence approach agreement future current recent several '
  + 'important significant difficult clear better good able likely possible available different senior chief executive director lead leader '
  + 'leaders general medical clinical hospital hospitals trust trusts care social doctors doctor nurses workforce demand cost costs budget '
  + 'budgets contract contracts funding fund funds spending pay payment payments scheme schemes pilot pilots model models target targets'
).split(' ');

// Words and phrases about commissioning, mixed into every text at a few per cent.
const TOPIC = [
  'commissioning', 'commissioners', 'commissioner', 'CCG', 'CCGs', 'GP', 'GPs', 'primary care', 'general practice', 'co-commissioning',
  'delegated commissioning', 'conflicts of interest', 'conflict of interest', 'clinical commissioning groups', 'integrated care', 'NHS England',
  'federation', 'federations', 'networks', 'workload', 'procurement', 'tender', 'tendering', 'accountable', 'governance', 'transformation',
  'sustainability', 'outcomes', 'consultation', 'reorganisation', 'restructuring', 'mergers', 'merger', 'localities', 'referrals', 'referral',
  'prescribing', 'enhanced services', 'out-of-hours', 'urgent care', 'capitation', 'incentives', 'QOF', 'allocations', 'deficit', 'deficits',
  'underspend', 'overspend', 'savings', 'efficiency', 'integration', 'sustainability and transformation', 'joint committee', 'primary care networks',
];

const FIRST = (
  'Julie Sarah Helen Clare Amanda Ruth Nikki Beth Maureen Anne Claire Jane Emma Priya Farah Aisha Fatima Grace Hannah Isobel Joanna Karen '
  + 'Laura Linda Lucy Mandy Margaret Nadia Naomi Olivia Pauline Rachel Rebecca Rosie Samira Sophie Susan Tessa Victoria Wendy Yasmin Zara '
  + 'Alison Bridget Catherine Deborah Elaine Fiona Gillian Harriet Imogen Jacqueline Kirsty Leanne Meera Nicola Philippa Shabnam Sunita '
  + 'Michael Richard Chaand Jason Peter David Simon Steve James Mark Andrew Rob Ian Paul Tom Adrian Ben Charles Daniel Edward Farid George '
  + 'Harry Imran Jonathan Kevin Liam Martin Nigel Oliver Patrick Raj Sanjay Stephen Tariq Umesh Vikram William Zahid Alastair Bruce Colin '
  + 'Dominic Ewan Graham Hamish Iain Jeremy Keith Malcolm Neil Owen Rajesh Rory Stuart Trevor Alan Anil Arun Bernard Clive Derek Gareth '
  + 'Howard Julian Kamal Laurence Mohammed Nikhil Omar Pradeep Rahul Sajid Terry Vijay'
).split(' ');
const SURNAME_PARTS = {
  heads: ['Ash', 'Brad', 'Carr', 'Dar', 'Ell', 'Fair', 'Gold', 'Hart', 'Kings', 'Lang', 'Mar', 'North', 'Pem', 'Red', 'Stan', 'Thorn', 'Wood', 'Wins', 'Hol', 'Bar', 'Brom', 'Chad', 'Dun', 'Fen', 'Gar', 'Hal', 'Lid', 'Mel', 'Pen', 'Rad', 'Shel', 'Whit', 'Brook', 'Cal', 'Crom', 'Ed', 'Ful', 'Hil', 'Kel', 'Ox'],
  tails: ['ley', 'ton', 'field', 'worth', 'well', 'by', 'ham', 'ford', 'wick', 'bury', 'stone', 'more', 'combe', 'don', 'son', 'man', 'er', 'shaw', 'wood', 'land'],
};
const SURNAMES = (
  'Wood Dixon Vautrey Nagpaul Broch Holden Kingsland McCarron-Nash Baker Marshall Stokes-Lampard Gerada Murphy Hughes Patel Okafor Reynolds '
  + 'Fletcher Osborne Chapman Whitfield Ashworth Pemberton Hargreaves Sandhu Lloyd Gallagher O’Neill Doyle Bennett Khan Singh Shah Ahmed '
  + 'Chowdhury Begum Mistry Nair Iyer Rao Das Kaur Gill Bhatt Mehta Joshi Malik Hussain Rahman Ali Evans Jones Williams Davies Thomas Roberts '
  + 'Taylor Brown Wilson Johnson Walker Wright Robinson Thompson White Green Hall Harris Clarke Jackson Lewis Young King Scott Morris Cooper '
  + 'Ward Turner Hill Moore Parker Kelly Collins Stewart Morgan Bell Watson Cook Price Murray Campbell Kennedy McDonald Ross Fraser Grant '
  + 'Nwosu Adeyemi Mensah Boateng Okonkwo Abiola Yeboah Nowak Kowalski Rossi Silva Costa Müller Schmidt Dubois Lévy Łukasz Ó Briain'
).split(' ');
const TITLES = ['Dr', 'Dr', 'Dr', 'Professor', 'Mr', 'Ms', 'Mrs', 'Cllr', 'Sir', 'Dame', 'Lord', 'Baroness'];
const ROLES = [
  'chair', 'chief executive', 'clinical lead', 'director of primary care', 'accountable officer', 'secretary', 'policy director', 'chief officer',
  'deputy chair', 'GP lead for commissioning', 'medical director', 'finance director', 'head of commissioning', 'director of strategy',
  'chief operating officer', 'lay member for governance', 'GP partner', 'practice manager', 'health secretary', 'health minister',
  'shadow health secretary', 'MP', 'senior fellow', 'chief economist', 'policy adviser', 'spokesperson', 'president', 'vice-chair',
];
const PLACE_STEMS = [
  'Leeds', 'Stockport', 'Camden', 'Wirral', 'Nene', 'Herefordshire', 'Oldham', 'Kernow', 'Barnsley', 'Bolton', 'Bradford', 'Bury', 'Calderdale',
  'Coventry', 'Croydon', 'Dudley', 'Ealing', 'Enfield', 'Gateshead', 'Halton', 'Harrow', 'Hull', 'Kirklees', 'Knowsley', 'Lambeth', 'Leicester',
  'Luton', 'Medway', 'Newham', 'Norfolk', 'Oxfordshire', 'Portsmouth', 'Rotherham', 'Salford', 'Sefton', 'Solihull', 'Southwark', 'Stoke',
  'Sunderland', 'Swindon', 'Tameside', 'Trafford', 'Wakefield', 'Walsall', 'Wigan', 'Wiltshire', 'Wolverhampton', 'Dorset', 'Somerset', 'Devon',
  'Cornwall', 'Cumbria', 'Durham', 'Kent', 'Surrey', 'Sussex', 'Essex', 'Suffolk', 'Lincolnshire', 'Shropshire', 'Staffordshire', 'Warwickshire',
  'Derbyshire', 'Nottingham', 'Sheffield', 'Doncaster', 'Blackpool', 'Blackburn', 'Preston', 'Lancaster', 'Carlisle', 'Newcastle', 'Tyneside',
];
const PLACE_PREFIXES = ['North', 'South', 'East', 'West', 'Central', 'Greater', 'Mid', 'Vale of', 'City of'];
const PUBLISHER_NAMES = ['Pulse', 'GPonline', 'Health Service Journal', 'BBC News', 'The Guardian', 'The Times', 'The Telegraph', 'Financial Times', 'The BMJ', 'Management in Practice', 'Healthcare Leader', 'NHS for Sale', 'Nursing Times', 'Local Government Chronicle', 'Public Finance', 'The Independent', 'Daily Mail', 'iNews', 'Evening Standard', 'Yorkshire Post'];
const KINDS = ['news', 'news', 'news', 'news', 'news', 'news', 'report', 'blog', 'press release', 'page'];
const STANCE_WORDS = {
  support: ['welcome', 'opportunity', 'benefit', 'improve', 'positive step', 'makes sense', 'better care', 'empower'],
  oppose: ['concern', 'risk', 'undermine', 'oppose', 'unworkable', 'fragmentation', 'damaging', 'conflicts of interest'],
  mixed: ['but', 'however', 'cautious', 'mixed'],
  neutral: ['noted', 'said', 'expected', 'reported'],
};
const STANCE_LIST = ['support', 'oppose', 'mixed', 'neutral'];
const VERBS = ['said', 'added', 'warned', 'argued', 'explained', 'insisted', 'claimed', 'stressed', 'admitted', 'told reporters'];

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cr', 'dr', 'fl', 'gr', 'pl', 'pr', 'st', 'tr', 'ch', 'sh', 'th', 'sp', 'sl', 'cl', 'bl', 'qu', 'sc', ''];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ea', 'ee', 'ou', 'io', 'ie', 'oa', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'nt', 'st', 'rt', 'ck', 'ng', 'rn', 'ss', 'll', 'x', 'mp'];
const SUFFIXES = ['ing', 'ed', 's', 'tion', 'ment', 'ly', 'er', 'ers', 'ness', 'ity', 'al', 'ive', 'able', 'ism', 'ist', 'ise', 'ised', 'ation', 'ful', 'ous'];

/** The reference organisations a speaker may belong to (publishers and parliaments left out). */
function referenceOrganisations() {
  const ref = JSON.parse(readFileSync(join(ROOT, 'sources', 'organisations.json'), 'utf8'));
  return ref.organisations.filter((o) => o.kind !== 'publisher').map((o) => ({ name: o.name, aliases: [...o.aliases], kind: o.kind }));
}

/**
 * The pools every document draws from (vocabulary, people, organisations, publishers), made from
 * the seed. `vocabularySize` invented words form the distribution's tail.
 */
export function makePools(seed = 20240229, vocabularySize = 90_000) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];

  // Vocabulary: common words first, then invented words, shorter ones more frequent.
  const seen = new Set(COMMON.map((w) => w.toLowerCase()));
  const invented = [];
  while (invented.length < vocabularySize) {
    const syllables = 1 + Math.floor(r() * r() * 4) + (r() < 0.5 ? 1 : 0);
    let w = '';
    for (let s = 0; s < syllables; s++) w += pick(ONSETS) + pick(NUCLEI) + pick(CODAS);
    if (r() < 0.45) w += pick(SUFFIXES);
    if (w.length < 3 || w.length > 16 || seen.has(w)) continue;
    seen.add(w);
    invented.push({ w, order: w.length + r() * 6 });
  }
  invented.sort((a, b) => a.order - b.order);
  const vocabulary = [...COMMON, ...invented.map((x) => x.w)];
  // Zipf–Mandelbrot: p(rank) ∝ 1 / (rank + 2.7)^1.05.
  const cdf = new Float64Array(vocabulary.length);
  let sum = 0;
  for (let i = 0; i < vocabulary.length; i++) cdf[i] = sum += 1 / Math.pow(i + 3.7, 1.05);
  for (let i = 0; i < cdf.length; i++) cdf[i] /= sum;

  // Places: "North Leeds", "Ashton", "Vale of Bradford" …
  const placeSet = new Set();
  while (placeSet.size < 400) {
    const base = r() < 0.5 ? pick(PLACE_STEMS) : pick(SURNAME_PARTS.heads) + pick(SURNAME_PARTS.tails);
    placeSet.add(r() < 0.35 ? `${pick(PLACE_PREFIXES)} ${base}` : base);
  }
  const places = [...placeSet];

  // Organisations: the reference list's, CCGs, LMCs and trusts of the places.
  const organisations = [
    ...referenceOrganisations(),
    ...places.slice(0, 220).map((p) => ({ name: `NHS ${p} CCG`, aliases: [`${p} CCG`, `NHS ${p} Clinical Commissioning Group`], kind: 'ccg' })),
    ...places.slice(220, 320).map((p) => ({ name: `${p} LMC`, aliases: [`${p} Local Medical Committee`], kind: 'lmc' })),
    ...places.slice(320, 400).map((p) => ({ name: `${p} NHS Foundation Trust`, aliases: [], kind: 'trust' })),
  ];

  // People: a few thousand invented names, each with a title, a role, an organisation and a leaning.
  const surnames = [...SURNAMES];
  for (const h of SURNAME_PARTS.heads) for (const t of SURNAME_PARTS.tails) surnames.push(h + t);
  const names = new Set();
  const people = [];
  while (people.length < 3000) {
    const first = pick(FIRST);
    const last = pick(surnames);
    if (names.has(`${first} ${last}`)) continue;
    names.add(`${first} ${last}`);
    const title = r() < 0.6 ? pick(TITLES) : null;
    // Speakers are spread unevenly over organisations: the national bodies speak most.
    const org = r() < 0.08 ? null : organisations[Math.floor(Math.pow(r(), 2.2) * organisations.length)];
    people.push({ name: title ? `${title} ${first} ${last}` : `${first} ${last}`, first, last, role: pick(ROLES), org, leaning: pick(STANCE_LIST) });
  }
  const publishers = [...PUBLISHER_NAMES, ...places.slice(0, 30).map((p) => `${p} ${pick(['Gazette', 'Echo', 'Post', 'Chronicle', 'Observer'])}`)];
  return { seed, vocabulary, cdf, places, organisations, people, publishers };
}

/** Document number `i` of the archive made from `pools`: a valid Document (src/core/types.ts). */
export function makeDocument(pools, i) {
  const r = rng(mix(pools.seed, i));
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const { vocabulary, cdf } = pools;
  const word = () => {
    const u = r();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo];
  };
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  /** A sentence of n words: Zipf words, topic words at 6 %, stance words, commas. */
  const sentence = (n, stance) => {
    const out = [];
    while (out.length < n) {
      const u = r();
      if (u < 0.06) out.push(...pick(TOPIC).split(' '));
      else if (stance && u < 0.09) out.push(...pick(STANCE_WORDS[stance]).split(' '));
      else out.push(word());
      if (out.length > 4 && out.length < n - 3 && r() < 0.06) out[out.length - 1] += ',';
    }
    out[0] = cap(out[0]);
    return out.join(' ');
  };
  const sentences = (lo, hi, stance) => {
    const parts = [];
    for (let k = int(lo, hi); k > 0; k--) parts.push(`${sentence(int(7, 24), stance)}.`);
    return parts.join(' ');
  };

  // Date: mostly a day in 2012–2022, a few only a year, a few undated.
  const u = r();
  const year = int(2012, 2022);
  const published = u < 0.03 ? null : u < 0.06 ? String(year) : `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const publisher = pick(pools.publishers);
  const slug = publisher.toLowerCase().replace(/[^a-z]+/g, '');
  const id = `bench-${String(i).padStart(6, '0')}`;
  const url = `https://www.${slug}.example/news/${year}/${id}`;
  const topic = pick(TOPIC);
  const title = `${cap(topic)} ${sentence(int(4, 9)).replace(/,/g, '').toLowerCase()}`;

  // Text: 400–900 words in paragraphs, about five of them quotes.
  const target = int(400, 900);
  const nQuotes = Math.max(1, Math.min(9, Math.round(5 + (r() + r() + r() - 1.5) * 3)));
  const paragraphs = [];
  const quoteAt = new Set();
  while (quoteAt.size < nQuotes) quoteAt.add(int(1, nQuotes + 6));
  let words = 0;
  let offset = 0;
  const quotes = [];
  const mentioned = new Map();
  const speakers = [];
  for (let p = 0; words < target || quotes.length < nQuotes; p++) {
    let para;
    if (quoteAt.has(p) || (words >= target && quotes.length < nQuotes)) {
      const person = r() < 0.05 ? null : pools.people[Math.floor(Math.pow(r(), 1.8) * pools.people.length)];
      const stance = person && r() < 0.6 ? person.leaning : pick(STANCE_LIST);
      const qt = sentences(1, 3, stance).slice(0, -1); // the quote's words, without its last full stop
      const org = person?.org ?? null;
      let before;
      let after;
      if (!person) {
        before = '“';
        after = `,” ${pick(['one GP said', 'a spokesperson said', 'the report said', 'a statement said'])}. ${sentences(0, 2)}`;
      } else {
        const at = org ? `, ${person.role} at ${org.name}` : `, ${person.role}`;
        const form = int(0, 2);
        if (form === 0) { before = '“'; after = `,” ${pick(VERBS)} ${person.name}${at}. ${sentences(0, 2)}`; }
        else if (form === 1) { before = `${person.name}${at}, said: “`; after = `.” ${sentences(0, 1)}`; }
        else { before = `${sentences(1, 1)} ${person.name} ${pick(VERBS)}: ‘`; after = '.’'; }
      }
      para = (before + qt + after).trimEnd();
      const start = offset + before.length;
      quotes.push({
        text: qt, speaker: person?.name ?? null, role: person?.role ?? null, organisation: org?.name ?? null, stance,
        paragraph: paragraphs.length, start, end: start + qt.length,
      });
      if (person) speakers.push({ person, stance });
      if (org) mentioned.set(org.name, (mentioned.get(org.name) ?? 0) + 1);
    } else {
      para = sentences(2, 5);
      if (r() < 0.3) {
        const org = pick(pools.organisations);
        para += ` ${cap(pick(['a spokesperson for', 'according to', 'figures from']))} ${org.name} ${pick(['showed', 'suggest', 'were published'])} ${sentence(int(5, 12)).toLowerCase()}.`;
        mentioned.set(org.name, (mentioned.get(org.name) ?? 0) + 1);
      }
    }
    paragraphs.push(para);
    offset += para.length + 2;
    words += para.split(' ').length;
  }
  const text = paragraphs.join('\n\n');

  const byName = new Map(pools.organisations.map((o) => [o.name, o]));
  const organisations = [...mentioned].map(([name, mentions]) => {
    const o = byName.get(name);
    return { name, aliases: o.aliases, kind: o.kind, mentions };
  });
  const people = [...new Map(speakers.map(({ person: p }) => [p.name, { name: p.name, role: p.role, organisation: p.org?.name ?? null }])).values()];
  const positions = {
    speakers: positionsOf(quotes.filter((q) => q.speaker).map((q) => [q.speaker, q.stance])),
    organisations: positionsOf(quotes.filter((q) => q.organisation).map((q) => [q.organisation, q.stance])),
  };
  return {
    id, source: `bench-${slug}`, url, canonicalUrl: url, title, publisher, authors: [`${pick(FIRST)} ${pick(SURNAMES)}`], published, modified: null,
    language: 'en', kind: pick(KINDS), text, organisations, people,
    dates: published ? [{ text: published, value: published }] : [], quotes, positions,
  };
}

function positionsOf(pairs) {
  const by = new Map();
  for (const [name, stance] of pairs) {
    let c = by.get(name);
    if (!c) by.set(name, (c = { support: 0, oppose: 0, mixed: 0, neutral: 0 }));
    c[stance]++;
  }
  return [...by].map(([name, counts]) => {
    const stance = STANCE_LIST.reduce((best, s) => (counts[s] > counts[best] ? s : best), 'neutral');
    return { name, stance, quotes: STANCE_LIST.reduce((n, s) => n + counts[s], 0), counts };
  });
}

/** A stored record, as src/corpus/store.ts writes it. */
export const recordJson = (doc) => `${JSON.stringify({ format: 'ccg-document', version: 1, document: doc }, null, 1)}\n`;

/**
 * Writes documents `from` … `from + count - 1` into `home`/corpus/documents/. Returns the number
 * of bytes written.
 */
export function writeArchive(home, pools, count, from = 0, onProgress) {
  const dir = join(home, 'corpus', 'documents');
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = from; i < from + count; i++) {
    const doc = makeDocument(pools, i);
    const body = recordJson(doc);
    writeFileSync(join(dir, `${doc.id}.json`), body);
    bytes += Buffer.byteLength(body);
    if (onProgress && (i - from + 1) % 1000 === 0) onProgress(i - from + 1, count);
  }
  return bytes;
}
