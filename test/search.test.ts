/**
 * Search on a small archive written for the test: every operator and filter of the query
 * language, identity filters, strict-then-loose matching and counts.
 */
import { describe, it, expect } from 'vitest';
import type { Document, Quote, Stance } from '../src/core/types.js';
import { memoryIndex, parseQuery, searchQuotes, searchDocuments, orgTable, timeline, who, makeSnippet, type IndexSource } from '../src/search/index.js';

const table = orgTable({
  organisations: [
    { name: 'British Medical Association', aliases: ['BMA'] },
    { name: 'GPC', aliases: ['General Practitioners Committee', "BMA's GP committee"], partOf: 'British Medical Association' },
    { name: 'NHS England', aliases: ['NHSE'] },
    { name: 'NHS Clinical Commissioners', aliases: ['NHSCC'] },
  ],
  families: [],
});

let n = 0;
function doc(over: { title: string; published: string | null; paragraphs: string[]; quotes: Array<[string, string | null, string | null, Stance, string | null]>; publisher?: string; kind?: Document['kind'] }): Document {
  const text = over.paragraphs.join('\n\n');
  const quotes: Quote[] = over.quotes.map(([q, speaker, organisation, stance, role]) => {
    const start = text.indexOf(q);
    const paragraph = text.slice(0, start).split('\n\n').length - 1;
    return { text: q, speaker, role, organisation, stance, paragraph, start, end: start + q.length };
  });
  const orgs = [...new Set(over.quotes.map((q) => q[2]).filter((o): o is string => Boolean(o)))];
  return {
    id: `doc${++n}`, source: 'test', url: `https://news.example/${n}`, canonicalUrl: `https://news.example/${n}`, title: over.title,
    publisher: over.publisher ?? 'Health News', authors: [], published: over.published, modified: null, language: 'en', kind: over.kind ?? 'news',
    text, organisations: orgs.map((o) => ({ name: o, aliases: [], kind: 'other', mentions: 1 })), people: [], dates: [], quotes,
    positions: { speakers: [], organisations: [] },
  };
}

const DOCS: Document[] = [
  doc({
    title: 'GP leaders attack conflicts of interest in commissioning', published: '2014-03-12',
    paragraphs: [
      'Doctors’ leaders warned that the plans raised conflicts of interest.',
      '“Letting practices commission their own services is a conflict of interest we cannot accept,” said Dr Raj Mehta, chair of the BMA’s GP committee.',
      'Dr Mehta added: “We will oppose delegation at every turn.”',
    ],
    quotes: [
      ['Letting practices commission their own services is a conflict of interest we cannot accept,', 'Dr Raj Mehta', 'GPC', 'oppose', 'chair of the GPC'],
      ['We will oppose delegation at every turn.', 'Dr Raj Mehta', 'GPC', 'oppose', 'chair of the GPC'],
    ],
  }),
  doc({
    title: 'Commissioners welcome delegated powers', published: '2015-06',
    paragraphs: [
      'Groups taking on primary care were positive.',
      '“Delegation gives local clinicians the levers they need,” said Jo Lake, chief officer of NHS Clinical Commissioners.',
      '“The organisation of general practice will change,” said Sir Tom Hale of NHS England.',
    ],
    quotes: [
      ['Delegation gives local clinicians the levers they need,', 'Jo Lake', 'NHS Clinical Commissioners', 'support', 'chief officer of NHS Clinical Commissioners'],
      ['The organisation of general practice will change,', 'Sir Tom Hale', 'NHS England', 'neutral', null],
    ],
  }),
  doc({
    title: 'BMA says organization of care must not lead to hospital cuts', published: '2016',
    paragraphs: [
      '“Hospital services will suffer if commissioning is rushed,” said Ann Price of the BMA.',
      'A GPC negotiator, speaking about NHS England, said: “NHS England has not listened to us.”',
    ],
    quotes: [
      ['Hospital services will suffer if commissioning is rushed,', 'Ann Price', 'British Medical Association', 'oppose', null],
      ['NHS England has not listened to us.', 'Dr Lena Ortiz', 'GPC', 'oppose', 'GPC negotiator, speaking about NHS England'],
    ],
  }),
  doc({
    title: 'Undated briefing on co-commissioning', published: null, kind: 'report', publisher: 'Policy Unit',
    paragraphs: ['“Co-commissioning is a step, not a destination,” said Jo Lake.'],
    quotes: [['Co-commissioning is a step, not a destination,', 'Jo Lake', null, 'mixed', null]],
  }),
];

const index: IndexSource = memoryIndex(DOCS, table);
const quotes = async (query: string, options = {}) => searchQuotes(index, parseQuery(query), options);
const speakers = async (query: string): Promise<Array<string | null>> => (await quotes(query)).hits.map((h) => h.speaker);

describe('query operators on quotes', () => {
  it.each([
    ['words must all match', 'oppose delegation', ['Dr Raj Mehta']],
    ['a phrase matches only the words together', '"conflict of interest"', ['Dr Raj Mehta']],
    ['a phrase whose words are apart does not match', '"interest conflict"', []],
    ['a phrase is matched word for word after stemming', '"conflicts of interests"', ['Dr Raj Mehta']],
    ['a minus excludes a word', 'commissioning -hospital', ['Dr Raj Mehta', 'Jo Lake']],
    ['a minus excludes a phrase', 'delegation -"every turn"', ['Jo Lake']],
    ['OR takes either word', 'levers OR listened', ['Jo Lake', 'Dr Lena Ortiz']],
    ['stemming: commissioned finds commission, commissioning, co-commissioning', 'commissioned', ['Dr Raj Mehta', 'Ann Price', 'Jo Lake']],
    ['a phrase of stop words is still a phrase', '"is a"', ['Dr Raj Mehta', 'Jo Lake']],
    ['American spelling finds British', 'organization', ['Sir Tom Hale']],
  ])('%s: %s', async (_what, query, expected) => {
    expect((await speakers(query)).sort()).toEqual([...expected].sort());
  });

  it('a minus with no word to search takes the excluded out of everything', async () => {
    const all = await quotes('', { limit: 100 });
    const without = await quotes('-hospital', { limit: 100 });
    expect(without.total).toBeGreaterThan(0);
    expect(without.total).toBeLessThan(all.total);
    expect(without.hits.map((h) => h.id).sort()).toEqual(all.hits.filter((h) => !/hospital/i.test([h.text, h.speaker, h.organisation, h.role].join(' '))).map((h) => h.id).sort());
  });

  it('when nothing matches every word, says so by `loose` and gives what matches any word', async () => {
    const strict = await quotes('levers zzzqqq');
    expect(strict.loose).toBe(true);
    expect(strict.hits.map((h) => h.speaker)).toEqual(['Jo Lake']);
    const none = await quotes('zzzqqq');
    expect(none.total).toBe(0);
    expect((await quotes('levers')).loose).toBe(false);
  });

  it('fuzzy matching never outranks an exact match, and is off for short words', async () => {
    expect(await speakers('levrs')).toEqual([]);
    const r = await quotes('clinicans');
    expect(r.hits.map((h) => h.speaker)).toEqual(['Jo Lake']);
    // A misspelling that changes what the stemmer cuts is judged by the word as typed.
    expect(await speakers('commisioning')).toEqual(expect.arrayContaining(['Ann Price', 'Dr Raj Mehta', 'Jo Lake']));
    // Two neighbouring letters swapped in a long word is one error, and far from the word's stem.
    // A typo is forgiven in the same fields first: it finds what the word spelt right finds, no more.
    const ids = async (query: string): Promise<string[]> => (await quotes(query, { limit: 100 })).hits.map((h) => h.id).sort();
    expect(await ids('comissioning')).toEqual(await ids('commissioning'));
    const swapped = await quotes('commissionnig hospital');
    expect([swapped.loose, swapped.hits.map((h) => h.speaker)]).toEqual([false, ['Ann Price']]);
  });

  it('the last word matches as a prefix (search as you type)', async () => {
    expect((await speakers('delegat')).sort()).toEqual(['Dr Raj Mehta', 'Jo Lake']);
    expect(await speakers('levers cli')).toEqual(['Jo Lake']);
  });

  it('counts every match, not only those shown', async () => {
    const r = await quotes('', { limit: 2 });
    expect(r.hits).toHaveLength(2);
    expect(r.total).toBe(7);
  });
});

describe('filters match identities, not substrings', () => {
  it('org:BMA finds the BMA’s quotes and its GPC’s, not quotes whose role mentions NHS England', async () => {
    expect((await speakers('org:BMA')).sort()).toEqual(['Ann Price', 'Dr Lena Ortiz', 'Dr Raj Mehta', 'Dr Raj Mehta']);
    expect((await speakers('org:"NHS England"'))).toEqual(['Sir Tom Hale']);
    expect((await speakers('org:GPC')).sort()).toEqual(['Dr Lena Ortiz', 'Dr Raj Mehta', 'Dr Raj Mehta']);
    expect((await speakers('org:"General Practitioners Committee"')).length).toBe(3);
    expect(await speakers('org:NHS')).toEqual(expect.arrayContaining(['Sir Tom Hale', 'Jo Lake']));
    expect(await speakers('org:NHS')).not.toContain('Dr Lena Ortiz');
  });

  it('speaker: matches name variants, with or without titles and first names', async () => {
    for (const v of ['Mehta', '"Dr Mehta"', '"Raj Mehta"', '"Dr Raj Mehta"', 'mehta']) expect(await speakers(`speaker:${v}`)).toEqual(['Dr Raj Mehta', 'Dr Raj Mehta']);
    expect(await speakers('speaker:"Tom Mehta"')).toEqual([]);
  });

  it('dates: approximate dates fall in their year; undated quotes only without a date filter', async () => {
    expect((await speakers('since:2015-06-10 until:2015-06-20')).sort()).toEqual(['Jo Lake', 'Sir Tom Hale']);
    expect((await speakers('year:2016')).sort()).toEqual(['Ann Price', 'Dr Lena Ortiz']);
    expect((await speakers('until:2014')).length).toBe(2);
    expect(await speakers('since:2017')).toEqual([]);
    expect(await speakers('-"step not"')).toContain('Jo Lake');
  });

  it('stance, publisher, kind and source filters', async () => {
    expect(await speakers('stance:mixed')).toEqual(['Jo Lake']);
    expect(await speakers('publisher:"policy unit"')).toEqual(['Jo Lake']);
    expect(await speakers('kind:report')).toEqual(['Jo Lake']);
    expect((await quotes('source:test')).total).toBe(7);
  });

  it('sorts by date either way, undated last', async () => {
    expect((await quotes('', { sort: 'date' })).hits.map((h) => h.date)).toEqual(['2014-03-12', '2014-03-12', '2015-06', '2015-06', '2016', '2016', null]);
    expect((await quotes('')).hits[0]!.date).toBe('2016');
  });

  it('facets count all matches', async () => {
    const r = await quotes('org:BMA');
    expect(r.facets.organisation).toEqual([{ value: 'GPC', count: 3 }, { value: 'British Medical Association', count: 1 }]);
    expect(r.facets.stance).toEqual([{ value: 'oppose', count: 4 }]);
    expect(r.facets.year).toEqual([{ value: '2014', count: 2 }, { value: '2016', count: 2 }]);
  });
});

describe('documents', () => {
  it('phrases, exclusions and filters apply to documents, with snippets around the match', async () => {
    const r = await searchDocuments(index, parseQuery('"conflicts of interest"'));
    expect(r.hits.map((h) => h.title)).toEqual(['GP leaders attack conflicts of interest in commissioning']);
    const s = makeSnippet(r.hits[0]!.text, r.hits[0]!.terms);
    expect(s.highlights.length).toBeGreaterThan(0);
    expect((await searchDocuments(index, parseQuery('commissioning -hospital'))).hits.map((h) => h.title)).not.toContain('BMA says organization of care must not lead to hospital cuts');
    expect((await searchDocuments(index, parseQuery('org:BMA'))).total).toBe(2);
    expect((await searchDocuments(index, parseQuery('speaker:Lake'))).total).toBe(2);
  });
});

describe('a phrase query’s results all hold the phrase (random phrases from the archive)', () => {
  it('holds for 200 phrases of 2–4 consecutive words', async () => {
    let seed = 42;
    const rand = (k: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % k);
    const words = DOCS.flatMap((d) => d.quotes.map((q) => q.text.split(/[^\p{L}’]+/u).filter(Boolean)));
    for (let i = 0; i < 200; i++) {
      const w = words[rand(words.length)]!;
      const len = 2 + rand(3);
      const at = rand(Math.max(1, w.length - len));
      const phrase = w.slice(at, at + len).join(' ');
      const r = await quotes(`"${phrase}"`, { limit: 100 });
      const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}]+/gu, ' ');
      for (const h of r.hits) expect(norm([h.text, h.speaker, h.organisation, h.role, h.title].join(' | '))).toContain(norm(phrase).trim());
      expect(r.hits.length).toBeGreaterThan(0);
    }
  });
});

describe('partitions', () => {
  it.each(['oppose delegation', '"conflict of interest"', 'commissioning -hospital', 'levers OR listened', 'commissioned', 'levers zzzqqq', 'org:BMA', 'commis', ''])(
    'an index cut into one partition per document answers %j as one partition does',
    async (query) => {
      const one = await searchQuotes(index, parseQuery(query), { limit: 100 });
      const many = await searchQuotes(memoryIndex(DOCS, table, 1), parseQuery(query), { limit: 100 });
      expect(many.hits.map((h) => h.id).sort()).toEqual(one.hits.map((h) => h.id).sort());
      expect([many.total, many.loose, many.facets]).toEqual([one.total, one.loose, one.facets]);
      const docs = await searchDocuments(memoryIndex(DOCS, table, 1), parseQuery(query), { limit: 100 });
      expect(docs.hits.map((h) => h.id).sort()).toEqual((await searchDocuments(index, parseQuery(query), { limit: 100 })).hits.map((h) => h.id).sort());
    },
  );

  it('a date filter reads only the partitions whose dates it allows', async () => {
    const many = memoryIndex(DOCS, table, 1);
    const read = new Set<string>();
    const spy = { manifest: many.manifest, file: (key: string, name: string) => (read.add(key), many.file(key, name)) };
    const r = await searchQuotes(spy, parseQuery('year:2014'));
    expect(r.total).toBeGreaterThan(0);
    const allowed = many.manifest.partitions.filter((p) => p.first?.startsWith('2014')).map((p) => p.key);
    expect([...read].sort()).toEqual(allowed.sort());
    expect(allowed.length).toBeLessThan(many.manifest.partitions.length);
  });
});

describe('what a word and a phrase match', () => {
  const d = doc({
    title: 'Practices plan to merge', published: '2016-01-01',
    paragraphs: ['“Patients will get better care when we merge,” said Ann Cole of Wessex CCG.'],
    quotes: [['Patients will get better care when we merge,', 'Ann Cole', 'Wessex CCG', 'neutral', null]],
  });
  const idx = memoryIndex([{ ...d, organisations: [{ name: 'Wessex CCG', aliases: ['Wessex Clinical Commissioning Group'], kind: 'other', mentions: 1 }] }], table);
  const total = async (query: string): Promise<number> => (await searchQuotes(idx, parseQuery(query))).total;

  it('the last word matches longer words that start with it, never shorter ones', async () => {
    expect(await total('car')).toBe(1);
    expect(await total('carer')).toBe(0);
    expect(await total('patie')).toBe(1);
  });

  it('a phrase holds only in what a result shows, not in its organisation’s other names; words still find them', async () => {
    expect(await total('"clinical commissioning group"')).toBe(0);
    expect(await total('clinical commissioning group')).toBe(1);
  });
});

describe('who', () => {
  it.each(['commissioning', 'org:BMA', ''])('counts %j by speaker and organisation as the quotes themselves do, without reading a record', async (query) => {
    const read: string[] = [];
    const spy: IndexSource = { manifest: index.manifest, file: (key, name) => (read.push(name), index.file(key, name)) };
    const w = await who(spy, parseQuery(query));
    expect(read.filter((n) => /^quotes-\d+\.json$/.test(n))).toEqual([]);
    const hits = (await searchQuotes(index, parseQuery(query), { limit: 1000, partial: false })).hits;
    expect(w.total).toBe(hits.length);
    const bySpeaker = new Map<string, number>();
    for (const h of hits) if (h.speaker) bySpeaker.set(h.speaker, (bySpeaker.get(h.speaker) ?? 0) + 1);
    expect(new Map(w.speakers.map((v) => [v.name, v.quotes]))).toEqual(bySpeaker);
    const opposed = hits.filter((h) => h.organisation && h.stance === 'oppose').length;
    expect(w.organisations.reduce((n, v) => n + v.counts.oppose, 0)).toBe(opposed);
  });
});

describe('timeline', () => {
  it('groups an organisation’s quotes by period with stance counts', async () => {
    const t = await timeline(index, parseQuery('org:BMA'), 'year');
    expect(t.periods.map((p) => [p.period, p.counts.oppose])).toEqual([['2014', 2], ['2016', 2]]);
    const q = await timeline(index, parseQuery('org:NHSCC'), 'quarter');
    expect(q.periods.map((p) => p.period)).toEqual(['2015-Q2']);
  });
});
