#!/usr/bin/env node
// Search benchmark: a synthetic archive of N documents (scripts/bench-search-corpus.mjs) written
// straight into a temporary home's corpus/documents/, then
//   - index build: `ccg index` as a process (wall and CPU seconds, peak RSS), index size on disk;
//   - load: manifest + every quote partition (what a quote query without a date filter loads),
//     and the document partitions and texts that a document search loads;
//   - in-process latency p50/p99 per query kind (single common and rare words, phrases, filtered,
//     fuzzy, faceted/filter-only, document searches), in a child process of its own;
//   - `ccg quotes WORD` end to end (median of five runs);
//   - adding ten documents to the index (`ccg index` after writing ten more records).
//
//   npm run bench:search -- --docs 10000 [--json] [--seed N] [--reps 3] [--keep] [--home DIR]
//
// --home DIR reuses (or creates) an archive there instead of a temporary one; with --keep the
// temporary home is left for inspection; --timeout MIN stops the build after MIN minutes (30);
// --progress builds with indexCorpus in a child process (with node's default heap, as ccg index)
// that reports how far it got, instead of `ccg index`. Progress goes to stderr; --json prints one
// object.
import { mkdtempSync, readdirSync, rmSync, statSync, existsSync, writeFileSync, readFileSync, rmSync as rm } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makePools, makeDocument, writeArchive } from './bench-search-corpus.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const flag = (name) => argv.includes(name);

const quantile = (xs, q) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const median = (xs) => quantile(xs, 0.5);
const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

// ——— the query child: load the index, run each kind of query, report latencies ———

async function queryChild(home, queriesFile) {
  const { createContext, openIndex } = await import('../dist/pipeline/index.js');
  const { parseQuery, searchQuotes, searchDocuments } = await import('../dist/search/index.js');
  const { kinds, reps } = JSON.parse(readFileSync(queriesFile, 'utf8'));
  const t0 = performance.now();
  const ctx = createContext(home, { warn: () => undefined });
  const index = await openIndex(ctx);
  const keys = index.manifest.partitions.map((p) => p.key);
  // What every quote query reads first: each partition's quote base (counts, columns, tables).
  for (const k of keys) await index.file(k, 'quotes-base.json');
  const loadMs = performance.now() - t0;
  const rssAfterQuoteLoad = process.memoryUsage().rss;
  const t1 = performance.now();
  for (const k of keys) await index.file(k, 'documents-base.json');
  const docLoadMs = performance.now() - t1;
  // Distinct terms of the document indexes (the archive's vocabulary as indexed); read in a
  // throwaway index so that the queries below start with only the bases loaded.
  const terms = new Set();
  const spare = await openIndex(ctx);
  for (const key of (await spare.file('', index.manifest.vocabulary.documents)).keys) terms.add(key);
  process.stderr.write(`  loaded: quote bases ${loadMs.toFixed(0)} ms, document bases ${docLoadMs.toFixed(0)} ms\n`);
  const out = { loadMs, docLoadMs, partitions: keys.length, distinctTerms: terms.size, kinds: {} };
  terms.clear();
  for (const [kind, queries] of Object.entries(kinds)) {
    const search = kind === 'documents' ? searchDocuments : searchQuotes;
    const samples = [];
    // The first run of a query reads its words' shards (cold); repeats find them in memory (warm),
    // as a long-running process (ccg serve, the page) would.
    const cold = [];
    const warm = [];
    const totals = [];
    const slowest = { ms: 0, query: '' };
    for (const text of queries) {
      const q = parseQuery(text);
      if (q.errors.length) throw new Error(`bench-search: bad query ${text}: ${q.errors.join('; ')}`);
      for (let r = 0; r < reps; r++) {
        const s = performance.now();
        const res = await search(index, q, { limit: 20 });
        const ms = performance.now() - s;
        samples.push(ms);
        (r === 0 ? cold : warm).push(ms);
        if (ms > slowest.ms) Object.assign(slowest, { ms, query: text });
        if (r === 0) totals.push(res.total);
      }
    }
    process.stderr.write(`  ${kind}: p50 ${median(samples).toFixed(1)} ms, p99 ${quantile(samples, 0.99).toFixed(1)} ms (slowest ${slowest.query})\n`);
    out.kinds[kind] = { queries: queries.length, p50Ms: median(samples), p99Ms: quantile(samples, 0.99), maxMs: Math.max(...samples), coldP50Ms: median(cold), coldP99Ms: quantile(cold, 0.99), warmP50Ms: warm.length ? median(warm) : null, warmP99Ms: warm.length ? quantile(warm, 0.99) : null, medianHits: median(totals), slowest: slowest.query, samples, cold, warm };
  }
  out.rssMb = process.memoryUsage().rss / 1048576;
  out.rssAfterQuoteLoadMb = rssAfterQuoteLoad / 1048576;
  out.peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(out));
}

// ——— the build child (--progress): indexCorpus in process, with progress, time and RSS on stderr ———

async function buildChild(home) {
  const { createContext, indexCorpus } = await import('../dist/pipeline/index.js');
  const t0 = performance.now();
  let last = 0;
  const s = await indexCorpus(createContext(home), {
    onProgress: (done, total) => {
      if (done - last >= 5000 || done === total) {
        last = done;
        process.stderr.write(`  indexed ${done}/${total} in ${((performance.now() - t0) / 1000).toFixed(0)} s, RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB\n`);
      }
    },
  });
  process.stderr.write(`  written in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  process.stdout.write(JSON.stringify(s));
}

// ——— the parent ———

const log = (json, ...m) => process.stderr.write(`${m.join(' ')}\n`);

/** Runs the CLI as a process under /usr/bin/time: wall and CPU seconds, peak RSS. */
function timedCcg(home, args, timeoutMs) {
  return timedNode([CLI, '--home', home, ...args], timeoutMs);
}

/** Runs node with these arguments under /usr/bin/time (stderr passed through for the build child). */
function timedNode(args, timeoutMs) {
  const useTime = existsSync('/usr/bin/time');
  const timeFile = join(tmpdir(), `bench-search-time-${process.pid}.txt`);
  // coreutils timeout kills its whole process group (time and node) at the limit; /usr/bin/time
  // runs node itself, so that its peak RSS is node's.
  const limit = existsSync('/usr/bin/timeout') ? ['/usr/bin/timeout', '-s', 'KILL', String(Math.ceil(timeoutMs / 1000))] : [];
  const line = [...limit, ...(useTime ? ['/usr/bin/time', '-o', timeFile, '-f', 'BENCHTIME %e %U %S %M'] : []), process.execPath, ...args];
  const t0 = performance.now();
  const stdio = args.includes('--child-build') ? ['ignore', 'pipe', 'inherit'] : 'pipe';
  const r = spawnSync(line[0], line.slice(1), { encoding: 'utf8', maxBuffer: 64e6, stdio, env: { ...process.env, NO_COLOR: '1' } });
  const wall = (performance.now() - t0) / 1000;
  const timed = useTime && existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  rm(timeFile, { force: true });
  const m = /BENCHTIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(timed);
  return {
    status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '',
    seconds: wall, cpuSeconds: m ? Number(m[2]) + Number(m[3]) : null, peakRssMb: m ? Number(m[4]) / 1024 : null,
  };
}

function dirBytes(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    // index/site/ is the static page (its own figures: npm run bench:site).
    if (e.name === 'site' && dir.endsWith('index')) continue;
    const p = join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return n;
}

/** Bytes of the index by kind of file (quotes, documents, texts, catalog, manifest). */
function indexBytesByKind(dir) {
  const by = { quotes: 0, documents: 0, texts: 0, other: 0 };
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory() && e.name === 'site' && d === dir) continue;
      if (e.isDirectory()) walk(p);
      else {
        const k = /^(quotes|documents|texts)-/.exec(e.name)?.[1] ?? 'other';
        by[k] += statSync(p).size;
      }
    }
  };
  walk(dir);
  return by;
}

/**
 * Misspells a long word: one letter dropped in its first half (so that the stemmer strips the same
 * suffix and the stem is one edit away: within the fuzzy distance of a long stem).
 */
function misspell(w, r) {
  const i = 2 + Math.floor(r * (w.length / 2 - 2));
  return w.slice(0, i) + w.slice(i + 1);
}

/** The query sets, drawn from documents of the archive (so every kind has matches to find). */
function querySets(pools, docs) {
  const sample = [];
  const step = Math.max(1, Math.floor(docs / 40));
  for (let i = 0; i < docs && sample.length < 40; i += step) sample.push(makeDocument(pools, i));
  const rank = new Map(pools.vocabulary.map((w, i) => [w, i]));
  const quoteWords = (q) => q.text.split(/\s+/).map((w) => w.replace(/[^\p{L}'’-]/gu, ''));
  const rare = [];
  const phrases = ['"primary care"', '"conflicts of interest"', '"general practice"', '"delegated commissioning"'];
  // Misspelt long words. The first three are misspellings a user makes; note that the stem of a
  // misspelt word can differ from the word's stem by more than the fuzzy distance ("commisioning"
  // stems to "commis", "commissioning" to "commiss").
  const fuzzy = ['commisioning', 'sustainabilty', 'reorganisaton', 'clinicans'];
  const filtered = [];
  const documents = ['commissioning', 'funding practices', '"primary care"', 'org:BMA contract', 'since:2019 until:2020 integration'];
  for (const [n, d] of sample.entries()) {
    const q = d.quotes[n % d.quotes.length];
    const ws = quoteWords(q);
    const inVocab = ws.filter((w) => rank.has(w.toLowerCase()));
    const rarest = inVocab.sort((a, b) => rank.get(b.toLowerCase()) - rank.get(a.toLowerCase()))[0];
    if (rarest && rare.length < 12) rare.push(rarest.toLowerCase());
    if (phrases.length < 14 && ws.length > 6) {
      const at = Math.floor(ws.length / 3);
      phrases.push(`"${ws.slice(at, at + 3).join(' ')}"`);
    }
    const long = ws.filter((w) => w.length >= 10 && /^[a-z]+$/.test(w));
    if (fuzzy.length < 12 && long.length) fuzzy.push(misspell(long[0], ((n * 37) % 100) / 100));
    if (filtered.length < 12 && q.speaker && n % 3 === 0) filtered.push(`speaker:"${q.speaker}" ${ws[1] ?? ''}`.trim());
    if (filtered.length < 12 && q.organisation && n % 3 === 1) filtered.push(`org:"${q.organisation}"`);
    if (documents.length < 12 && n % 4 === 2) documents.push(`"${ws.slice(0, 2).join(' ')}" ${d.title.split(' ')[0]}`);
  }
  filtered.push('org:BMA funding', 'org:"NHS England" commissioning', 'since:2016 until:2017 practices', 'year:2019 patients', 'stance:oppose contract', 'publisher:Pulse GPs');
  return {
    'word-common': ['commissioning', 'practices', 'funding', 'patients', 'services', 'GPs', 'contract', 'care', 'budget', 'pressure'],
    'word-rare': rare,
    phrase: phrases,
    filtered,
    fuzzy,
    // Facets are computed for every quote search; these are the ones over the largest sets: filters alone.
    faceted: ['stance:oppose', 'org:BMA', 'year:2020', 'since:2021', 'kind:blog', 'org:GPC stance:support'],
    documents,
  };
}

async function main() {
  const docs = Number(opt('--docs') ?? 1000);
  const seed = Number(opt('--seed') ?? 20240229);
  const reps = Number(opt('--reps') ?? 3);
  const json = flag('--json');
  const buildTimeoutMin = Number(opt('--timeout') ?? 30);
  if (!(docs > 0)) { process.stderr.write('bench-search: --docs N (a positive number)\n'); process.exit(2); }
  const home = opt('--home') ?? mkdtempSync(join(tmpdir(), 'ccg-bench-search-'));
  const keep = flag('--keep') || opt('--home') !== undefined;
  const result = { docs, seed };
  const say = (...m) => log(json, ...m);
  try {
    const pools = makePools(seed);
    const docDir = join(home, 'corpus', 'documents');
    const have = existsSync(docDir) ? readdirSync(docDir).filter((f) => f.endsWith('.json')).length : 0;
    let t = performance.now();
    if (have !== docs) {
      if (have) rmSync(join(home, 'corpus'), { recursive: true, force: true });
      rmSync(join(home, 'index'), { recursive: true, force: true });
      say(`bench-search: writing ${docs} documents into ${home} …`);
      result.corpusBytes = writeArchive(home, pools, docs, 0, (n) => { if (n % 10000 === 0) say(`  ${n} written`); });
    } else {
      say(`bench-search: reusing the ${docs} documents in ${home}`);
      rmSync(join(home, 'index'), { recursive: true, force: true });
      result.corpusBytes = dirBytes(docDir);
    }
    result.generateSeconds = (performance.now() - t) / 1000;
    result.quotes = null;

    say(`bench-search: ccg index (${docs} documents) …`);
    // ccg index as a process; with --progress, indexCorpus in a child process that says how far it got.
    const build = flag('--progress') ? timedNode([fileURLToPath(import.meta.url), '--child-build', home], buildTimeoutMin * 60_000) : timedCcg(home, ['index', '--json'], buildTimeoutMin * 60_000);
    if (build.status !== 0) {
      Object.assign(result, { buildError: `ccg index ${build.status === null || build.status === 137 || build.status === 124 ? `stopped after ${buildTimeoutMin} min (--timeout)` : `exit ${build.status}`}: ${build.stderr.trim().split('\n').slice(-3).join(' | ')}`, buildSeconds: build.seconds, peakRssMb: build.peakRssMb });
      throw Object.assign(new Error(result.buildError), { partial: true });
    }
    const summary = JSON.parse(build.stdout);
    Object.assign(result, { quotes: summary.quotes, partitions: summary.partitions, buildSeconds: build.seconds, buildCpuSeconds: build.cpuSeconds, peakRssMb: build.peakRssMb });
    result.indexBytes = dirBytes(join(home, 'index'));
    result.indexBytesByKind = indexBytesByKind(join(home, 'index'));
    say(`  ${build.seconds.toFixed(1)} s, ${build.peakRssMb?.toFixed(0)} MB peak, ${(result.indexBytes / 1e6).toFixed(1)} MB on disk`);

    say('bench-search: queries in process …');
    const kinds = querySets(pools, docs);
    const qfile = join(home, 'bench-queries.json');
    writeFileSync(qfile, JSON.stringify({ kinds, reps }));
    const qr = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child-query', home, qfile], { encoding: 'utf8', maxBuffer: 64e6, stdio: ['ignore', 'pipe', 'inherit'] });
    rm(qfile, { force: true });
    if (qr.status !== 0) throw Object.assign(new Error(`query child failed (exit ${qr.status})`), { partial: true });
    const q = JSON.parse(qr.stdout);
    const all = Object.values(q.kinds).flatMap((k) => k.samples);
    Object.assign(result, {
      loadMs: q.loadMs, docLoadMs: q.docLoadMs, distinctTerms: q.distinctTerms, queryRssMb: q.peakRssMb, quoteIndexRssMb: q.rssAfterQuoteLoadMb,
      p50Ms: median(all), p99Ms: quantile(all, 0.99),
      coldP99Ms: quantile(Object.values(q.kinds).flatMap((k) => k.cold), 0.99),
      warmP99Ms: quantile(Object.values(q.kinds).flatMap((k) => k.warm), 0.99),
      kinds: Object.fromEntries(Object.entries(q.kinds).map(([k, v]) => [k, { queries: v.queries, p50Ms: v.p50Ms, p99Ms: v.p99Ms, maxMs: v.maxMs, coldP50Ms: v.coldP50Ms, coldP99Ms: v.coldP99Ms, warmP50Ms: v.warmP50Ms, warmP99Ms: v.warmP99Ms, medianHits: v.medianHits, slowest: v.slowest }])),
    });
    say(`  load ${q.loadMs.toFixed(0)} ms; p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms`);

    say('bench-search: ccg quotes WORD (5 runs) …');
    const word = 'commissioning';
    const cli = [];
    const cliRare = [];
    const rareWord = kinds['word-rare'][0] ?? 'commissioning';
    for (let i = 0; i < 5; i++) {
      const a = timedCcg(home, ['quotes', word], 300_000);
      if (a.status !== 0) throw Object.assign(new Error(`ccg quotes failed: ${a.stderr}`), { partial: true });
      cli.push(a.seconds * 1000);
      cliRare.push(timedCcg(home, ['quotes', rareWord], 300_000).seconds * 1000);
    }
    Object.assign(result, { cliQuotesMs: median(cli), cliQuotesWord: word, cliQuotesRareMs: median(cliRare), cliQuotesRareWord: rareWord });

    say('bench-search: ten more documents, ccg index …');
    writeArchive(home, pools, 10, docs);
    const add = timedCcg(home, ['index', '--json'], 600_000);
    if (add.status !== 0) throw Object.assign(new Error(`ccg index (ten more) failed: ${add.stderr}`), { partial: true });
    const s2 = JSON.parse(add.stdout);
    Object.assign(result, { addTenSeconds: add.seconds, addTenPeakRssMb: add.peakRssMb, addTenPartitions: s2.rebuilt });
    // Leave the archive as it was made (N documents), so that --home can reuse it, and its index
    // matching it (the ten marked deleted), so that ccg verify finds it sound.
    for (let i = docs; i < docs + 10; i++) rm(join(docDir, `bench-${String(i).padStart(6, '0')}.json`), { force: true });
    if (keep) timedCcg(home, ['index', '--json'], 600_000);
  } catch (e) {
    if (!e.partial) throw e;
    result.error = e.message.slice(0, 2000);
    process.exitCode = 1;
  } finally {
    if (!keep) rmSync(home, { recursive: true, force: true });
  }
  if (json) console.log(JSON.stringify(roundAll(result)));
  else printTable(result);
}

function roundAll(r) {
  return JSON.parse(JSON.stringify(r, (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? round(v, /Seconds$/.test(k) ? 2 : 1) : v)));
}

function printTable(r) {
  const f = (v, unit, d = 1) => (v === null || v === undefined ? '—' : `${v.toFixed(d)}${unit}`);
  console.log(`search benchmark: ${r.docs} documents, ${r.quotes ?? '?'} quotes, ${r.partitions ?? '?'} partitions, ${r.distinctTerms ?? '?'} distinct terms (seed ${r.seed})`);
  if (r.error) console.log(`stopped: ${r.error}`);
  console.log(`  archive written            ${f(r.generateSeconds, ' s')}  (${f((r.corpusBytes ?? 0) / 1e6, ' MB')} of records)`);
  console.log(`  ccg index (build)          ${f(r.buildSeconds, ' s')}  (${f(r.buildCpuSeconds, ' s CPU')}), peak RSS ${f(r.peakRssMb, ' MB', 0)}`);
  if (r.indexBytesByKind) {
    const b = r.indexBytesByKind;
    console.log(`  index on disk              ${f(r.indexBytes / 1e6, ' MB')}  (quotes ${f(b.quotes / 1e6, ' MB')}, documents ${f(b.documents / 1e6, ' MB')}, texts ${f(b.texts / 1e6, ' MB')})`);
  }
  console.log(`  load (quote bases)         ${f(r.loadMs, ' ms', 0)}; document bases ${f(r.docLoadMs, ' ms', 0)}; query process RSS ${f(r.queryRssMb, ' MB', 0)}`);
  console.log(`  queries, all kinds         p50 ${f(r.p50Ms, ' ms')}  p99 ${f(r.p99Ms, ' ms')} (first run of each query p99 ${f(r.coldP99Ms, ' ms')}, repeats p99 ${f(r.warmP99Ms, ' ms')})`);
  for (const [k, v] of Object.entries(r.kinds ?? {})) {
    console.log(`    ${k.padEnd(12)} ${String(v.queries).padStart(3)} queries  p50 ${f(v.p50Ms, ' ms').padStart(10)}  p99 ${f(v.p99Ms, ' ms').padStart(10)}  first run p50/p99 ${f(v.coldP50Ms, '')}/${f(v.coldP99Ms, ' ms')}  repeats ${f(v.warmP50Ms, '')}/${f(v.warmP99Ms, ' ms')}  median hits ${String(v.medianHits).padStart(7)}  slowest: ${v.slowest}`);
  }
  console.log(`  ccg quotes ${r.cliQuotesWord ?? 'WORD'}   ${f(r.cliQuotesMs, ' ms', 0)} (median of 5); rare word "${r.cliQuotesRareWord ?? ''}" ${f(r.cliQuotesRareMs, ' ms', 0)}`);
  console.log(`  add ten documents          ${f(r.addTenSeconds, ' s', 2)}, peak RSS ${f(r.addTenPeakRssMb, ' MB', 0)} (new partitions: ${(r.addTenPartitions ?? []).join(', ')})`);
}

if (argv[0] === '--child-query') await queryChild(argv[1], argv[2]);
else if (argv[0] === '--child-build') await buildChild(argv[1]);
else await main();
