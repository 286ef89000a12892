#!/usr/bin/env node
// Measures two NLP packages that ship their models inside the package, wink-nlp (with
// wink-eng-lite-web-model) and compromise, against our own mentions (src/analyse: people.ts,
// organisations.ts, entities.ts, as analyse() exposes them), as issue 9 part 3 asks: how often each
// one's person and organisation names cover the gold speakers and organisations of a data set, what
// it would add to ours, and how fast it is.
//
//   npm run build && node scripts/measure-nlp.mjs ../shared/bench/ccg-dev ../shared/bench/polnear-dev [--misses]
// (--misses lists the gold names ours does not cover and a package does)
//
// Data sets: the seeds' gold format (gold.json: quotes with speaker and org, and orgs per document)
// or PolNeAR's (text/ + attributions/: the Source span of each attribution whose words include a
// capitalised name). A gold name is covered when one entity of the right kind holds all its words
// (lower case, titles and "the" left out; of a PolNeAR source, only its capitalised words): a speaker by a person, an organisation by an
// organisation; a PolNeAR source by either. "+ours" is the share covered by ours or the package:
// what the package could add. wink's English model recognises no people or organisations (its
// entities are dates, numbers, money, URLs …), so its names are runs of proper nouns (PROPN) from its
// part-of-speech tagger, which stand for both kinds. Both packages are devDependencies; nothing here
// downloads anything.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const root = join(import.meta.dirname, '..');
const misses = process.argv.includes('--misses');
const dirs = process.argv.slice(2).filter((a) => a !== '--misses').map((d) => resolve(d));
if (!dirs.length || dirs.some((d) => !existsSync(d))) {
  console.error('usage: node scripts/measure-nlp.mjs DIR [DIR ...]  (a folder with gold.json, or with text/ and attributions/)');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { extractText } = await import(join(root, 'dist/extract/index.js'));
const { analyse, compileOrganisations } = await import(join(root, 'dist/analyse/index.js'));
const { loadOrganisations, loadTopics, loadStanceWeights } = await import(join(root, 'dist/sources/index.js'));
const { stanceModelFrom } = await import(join(root, 'dist/analyse/stance-model.js'));

const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'professor', 'prof', 's']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them', 'his', 'its', 'their', 'this', 'that', 'who']);
const words = (t) => ((t || '').toLowerCase().replace(/[’']s\b/g, '').match(/[\p{L}\p{N}]+/gu) || []).filter((w) => !STOP.has(w));

/** Documents of a data set: { name, text, speakers: [names], orgs: [names], sources: [names] }. */
function documents(dir) {
  if (existsSync(join(dir, 'gold.json'))) {
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')).docs;
    return Object.entries(gold).filter(([f]) => existsSync(join(dir, f))).map(([f, g]) => ({
      name: f,
      text: extractText(readFileSync(join(dir, f), 'utf8')).text,
      speakers: [...new Set((g.quotes || []).filter((q) => !q.optional && q.speaker).map((q) => q.speaker))],
      orgs: [...new Set([...(g.orgs || []), ...(g.quotes || []).filter((q) => !q.optional && q.org).map((q) => q.org)])],
      sources: [],
    }));
  }
  const anns = readdirSync(join(dir, 'attributions'));
  return readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const raw = readFileSync(join(dir, 'text', f), 'utf8');
    const ann = anns.find((a) => a.startsWith(f.replace(/\.txt$/, '_')));
    const sources = new Set();
    for (const line of ann ? readFileSync(join(dir, 'attributions', ann), 'utf8').split('\n') : []) {
      const [, body] = line.split('\t');
      if (!body?.startsWith('Source ')) continue;
      const span = body.slice(7).split(';').map((r) => r.split(' ').map(Number)).map(([s, e]) => raw.slice(s, e)).join(' ');
      // A name: some capitalised word that is not a pronoun or a sentence-initial article.
      // The name in a source is its capitalised words ("Hillary Clinton's campaign" → Hillary Clinton), pronouns and articles left out.
      const name = span.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !PRONOUNS.has(w.toLowerCase()) && !STOP.has(w.toLowerCase())).join(' ');
      if (name) sources.add(name);
    }
    return { name: f, text: extractText(raw).text, speakers: [], orgs: [], sources: [...sources] };
  });
}

/** Entities a tool finds in a text: { people: [word sets], orgs: [word sets] }. */
const asSets = (names) => names.map((n) => new Set(words(n))).filter((s) => s.size);

async function tools() {
  const organisations = compileOrganisations(loadOrganisations(join(root, 'sources/organisations.json')));
  const topic = loadTopics(join(root, 'sources/stance/topics.json'))[0];
  const model = stanceModelFrom(loadStanceWeights(join(root, 'sources/stance/model.json')), topic);
  const ours = (text) => {
    const a = analyse(text, { organisations, stance: (t, f) => model.probabilities(t, f) });
    return {
      people: asSets([...a.people.map((p) => p.name), ...a.quotes.map((q) => q.speaker).filter(Boolean)]),
      orgs: asSets(a.organisations.flatMap((o) => [o.name, ...o.aliases])),
    };
  };
  let t0 = performance.now();
  const { default: nlp } = await import('compromise');
  nlp('Warm up, said Dr Ann Vale of the BMA.').people();
  const compromiseLoad = performance.now() - t0;
  const compromise = (text) => {
    const doc = nlp(text);
    return { people: asSets(doc.people().out('array')), orgs: asSets(doc.organizations().out('array')) };
  };
  t0 = performance.now();
  const winkNLP = require('wink-nlp');
  const winkModel = require('wink-eng-lite-web-model');
  const wink = winkNLP(winkModel);
  const its = wink.its;
  const winkLoad = performance.now() - t0;
  const winkNames = (text) => {
    const doc = wink.readDoc(text);
    const toks = doc.tokens().out();
    const pos = doc.tokens().out(its.pos);
    const names = [];
    let run = [];
    toks.forEach((t, i) => {
      if (pos[i] === 'PROPN') run.push(t);
      else { if (run.length) names.push(run.join(' ')); run = []; }
    });
    if (run.length) names.push(run.join(' '));
    const sets = asSets(names);
    return { people: sets, orgs: sets };
  };
  return [
    { name: 'ours (analyse)', find: ours, load: null },
    { name: 'compromise 14', find: compromise, load: compromiseLoad },
    { name: 'wink-nlp 2 (PROPN runs)', find: winkNames, load: winkLoad },
  ];
}

const covered = (gold, sets) => { const g = words(gold); return g.length > 0 && sets.some((s) => g.every((w) => s.has(w))); };
const pct = (a, n) => (n ? (a / n).toFixed(3) : '-');

const all = await tools();
for (const dir of dirs) {
  const docs = documents(dir);
  const pages = docs.length;
  const found = new Map();
  console.log(`\n${dir.split('/').filter(Boolean).pop()}: ${pages} documents, ${docs.reduce((n, d) => n + d.speakers.length, 0)} gold speakers, ${docs.reduce((n, d) => n + d.orgs.length, 0)} gold organisations, ${docs.reduce((n, d) => n + d.sources.length, 0)} named PolNeAR sources`);
  console.log(`${'tool'.padEnd(26)} ${'speakers'.padStart(8)} ${'+ours'.padStart(6)} ${'orgs'.padStart(6)} ${'+ours'.padStart(6)} ${'sources'.padStart(8)} ${'+ours'.padStart(6)} ${'names/page'.padStart(10)} ${'pages/s'.padStart(8)} ${'load ms'.padStart(8)}`);
  for (const tool of all) {
    const t0 = performance.now();
    const res = docs.map((d) => tool.find(d.text));
    const secs = (performance.now() - t0) / 1000;
    found.set(tool.name, res);
    const base = found.get(all[0].name);
    let sp = 0, spU = 0, spN = 0, or = 0, orU = 0, orN = 0, so = 0, soU = 0, soN = 0, names = 0;
    docs.forEach((d, i) => {
      const r = res[i], o = base[i];
      names += new Set([...r.people, ...r.orgs].map((s) => [...s].join(' '))).size;
      const miss = (kind, g) => { if (misses) console.log(`  ${tool.name} adds ${kind} <${g}> in ${d.name}`); };
      for (const g of d.speakers) { spN++; if (covered(g, r.people)) sp++; if (covered(g, r.people) || covered(g, o.people)) spU++; if (covered(g, r.people) && !covered(g, o.people)) miss('speaker', g); }
      for (const g of d.orgs) { orN++; if (covered(g, r.orgs)) or++; if (covered(g, r.orgs) || covered(g, o.orgs)) orU++; if (covered(g, r.orgs) && !covered(g, o.orgs)) miss('organisation', g); }
      const both = [...r.people, ...r.orgs], oursBoth = [...o.people, ...o.orgs];
      for (const g of d.sources) { soN++; if (covered(g, both)) so++; if (covered(g, both) || covered(g, oursBoth)) soU++; if (covered(g, both) && !covered(g, oursBoth)) miss('source', g); }
    });
    const self = tool === all[0];
    console.log(`${tool.name.padEnd(26)} ${pct(sp, spN).padStart(8)} ${(self ? '' : pct(spU, spN)).padStart(6)} ${pct(or, orN).padStart(6)} ${(self ? '' : pct(orU, orN)).padStart(6)} ${pct(so, soN).padStart(8)} ${(self ? '' : pct(soU, soN)).padStart(6)} ${(names / pages).toFixed(1).padStart(10)} ${(pages / secs).toFixed(1).padStart(8)} ${(tool.load === null ? '-' : tool.load.toFixed(0)).padStart(8)}`);
  }
}
