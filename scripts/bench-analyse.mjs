#!/usr/bin/env node
// Analysis benchmark: the time curve of extract + analyse (as `ccg extract` runs them on a .txt
// file) over generated news-like text of growing size, and of the analyser alone on the whole text
// (beyond the cap that `analyse` puts on what it reads). Linear work shows as a flat MB/s column.
//
//   npm run bench:analyse                       # 100 KB, 1 MB, 10 MB
//   npm run bench:analyse -- --sizes 0.1,1,4    # sizes in MB
//   npm run bench:analyse -- --write DIR        # also write the generated texts to DIR
//
// The text is made of varied paragraphs in the shape of British health news: quotes in curly and
// straight marks, attributed before and after, by full name, title and surname, pronoun and
// organisation; partial and scare quotes, quotes running over paragraphs, apostrophes, acronyms,
// dates. It is generated from a fixed seed, so every run reads the same text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildDocument, createContext } from '../dist/pipeline/index.js';
import { analyse, MAX_ANALYSED_CHARS } from '../dist/analyse/index.js';
import { rng } from './lib/rng.mjs';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const sizes = (opt('--sizes') ?? '0.1,1,10').split(',').map(Number).filter((n) => n > 0);
const writeTo = opt('--write');


const FIRST_F = ['Julie', 'Sarah', 'Helen', 'Clare', 'Amanda', 'Ruth', 'Nikki', 'Beth', 'Maureen', 'Anne', 'Claire', 'Jane', 'Emma', 'Priya', 'Farah'];
const FIRST_M = ['Michael', 'Richard', 'Chaand', 'Jason', 'Peter', 'David', 'Simon', 'Steve', 'James', 'Mark', 'Andrew', 'Rob', 'Ian', 'Paul', 'Tom'];
const SURNAMES = ['Wood', 'Dixon', 'Vautrey', 'Nagpaul', 'Broch', 'Holden', 'Kingsland', 'McCarron-Nash', 'Baker', 'Marshall', 'Stokes-Lampard', 'Gerada', 'Murphy', 'Hughes', 'Patel', 'Okafor', 'Reynolds', 'Fletcher', 'Osborne', 'Chapman', 'Whitfield', 'Ashworth', 'Pemberton', 'Hargreaves', 'Sandhu', 'Lloyd', 'Gallagher', 'O’Neill', 'Doyle', 'Bennett'];
const TITLES = ['Dr', 'Professor', 'Ms', 'Mr', 'Cllr', 'Dame', 'Sir'];
const PLACES = ['Leeds', 'North East Lincolnshire', 'Stockport', 'Bath and North East Somerset', 'Camden', 'Bradford City', 'Wirral', 'Nene', 'Vale of York', 'Herefordshire', 'Tower Hamlets', 'South Devon and Torbay', 'Oldham', 'Kernow', 'West Norfolk'];
const KNOWN = ['NHS England', 'the British Medical Association', 'the BMA', 'the Royal College of GPs', 'NHS Clinical Commissioners', 'the King’s Fund', 'the Nuffield Trust', 'the GPC', 'the Department of Health', 'the Care Quality Commission', 'Healthwatch England'];
const ROLES = ['chair', 'chief executive', 'clinical lead', 'director of primary care', 'accountable officer', 'secretary', 'policy director', 'chief officer', 'deputy chair', 'GP lead for commissioning'];
const PUBS = ['Pulse', 'GPonline', 'the BBC', 'HSJ', 'reporters', 'the Guardian', 'delegates'];
const VERBS = ['said', 'added', 'warned', 'argued', 'told', 'explained', 'insisted', 'claimed', 'stressed', 'admitted'];
const WORDS = ('practices patients funding budget contract commissioning services primary care plans pressure workload access local '
  + 'national conflicts interest board members money system reform transfer responsibility money hospital community staff '
  + 'vacancies appointments waiting lists integration pathways evidence outcomes quality safety risk money scheme pilot year '
  + 'months weeks decision policy review consultation proposals merger groups networks federations partners providers').split(' ');
const SUPPORT = ['welcome', 'opportunity', 'benefit', 'support', 'improve', 'positive step', 'makes sense', 'better care'];
const OPPOSE = ['concern', 'risk', 'conflict of interest', 'undermine', 'oppose', 'unworkable', 'fragmentation', 'damaging'];

function generator(seed) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const words = (lo, hi) => Array.from({ length: int(lo, hi) }, () => (r() < 0.08 ? pick(r() < 0.5 ? SUPPORT : OPPOSE) : pick(WORDS))).join(' ');
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  const sentence = (lo = 8, hi = 26) => `${cap(words(lo, hi))}${r() < 0.15 ? `, but ${words(4, 10)}` : ''}`;
  const quote = () => Array.from({ length: int(1, 3) }, () => sentence()).join('. ');
  const person = () => {
    const female = r() < 0.5;
    return { first: pick(female ? FIRST_F : FIRST_M), surname: pick(SURNAMES), title: pick(TITLES), female };
  };
  const org = () => (r() < 0.45 ? pick(KNOWN) : r() < 0.6 ? `NHS ${pick(PLACES)} CCG` : `${pick(PLACES)} ${pick(['LMC', 'CCG', 'Clinical Commissioning Group', 'Health Forum', 'GP Federation'])}`);
  const date = () => pick([
    () => `${int(1, 28)} ${pick(['January', 'March', 'April', 'June', 'October', 'December'])} ${int(2012, 2022)}`,
    () => `${pick(['April', 'May', 'September'])} ${int(2013, 2021)}`,
    () => `in ${int(2013, 2021)}`,
    () => { const y = int(2013, 2021); return `${y}/${String((y + 1) % 100).padStart(2, '0')}`; },
    () => `on ${pick(['Monday', 'Tuesday', 'Thursday'])}`,
  ])();
  const openers = [
    (p) => `“${quote()},” said ${p.title} ${p.first} ${p.surname}, ${pick(ROLES)} at ${org()}.`,
    (p) => `${p.first} ${p.surname}, ${pick(ROLES)} of ${org()}, said: “${quote()}.”`,
    (p) => `${cap(pick(ROLES))} ${p.title} ${p.first} ${p.surname} told ${pick(PUBS)}: ‘${quote()}.’`,
    (p) => `‘${quote()},’ ${p.female ? 'she' : 'he'} ${pick(VERBS)}. ‘${sentence()}.’`,
    (p) => `${p.title} ${p.surname} ${pick(VERBS)} that the ${pick(WORDS)} was ${words(3, 8)} ${date()}, adding: "${quote()}."`,
    (p) => `${p.surname} described the ${pick(WORDS)} as ‘${words(2, 3)}’ and ${pick(VERBS)} ${org()} had ${words(4, 12)}.`,
    () => `${cap(org())} said in a statement ${date()} that it would ${words(6, 14)}, and that GPs’ ${pick(WORDS)} would not be ${words(2, 6)}.`,
    () => `“${quote()},” according to ${org()}.`,
    () => `The so-called ‘${words(1, 2)}’ ${pick(WORDS)} has ${words(8, 20)} since ${date()}. It’s ${words(5, 12)}.`,
    (p) => `“${quote()}.\n\n“${quote()},” ${pick(VERBS)} ${p.title} ${p.surname}.`,
    (p) => `In ${date()}, ${p.first} ${p.surname} of ${org()} (${pick(['LMC', 'BMA', 'NHSE', 'RCGP'])}) ${pick(VERBS)} ${pick(PUBS)} the ${pick(WORDS)} would ${words(5, 15)}.`,
    () => `${sentence(12, 40)}. ${sentence(10, 30)} by ${date()}. ${sentence(6, 18)}.`,
    (p) => `Speaking at the ${pick(['annual conference', 'LMC conference', 'board meeting'])}, ${p.title} ${p.first} ${p.surname} ${pick(VERBS)}: "${quote()}"`,
    (p) => `‘${quote()}.’ — ${p.first} ${p.surname}, ${pick(ROLES)}, ${org()}`,
  ];
  return (bytes) => {
    const paras = [];
    let n = 0;
    while (n < bytes) {
      const p = pick(openers)(person());
      paras.push(p);
      n += Buffer.byteLength(p) + 2;
    }
    return paras.join('\n\n');
  };
}

/** News-like text of about `bytes` bytes (UTF-8), the same for the same seed and size. */
export function newsText(bytes, seed = 20171025) {
  return generator(seed)(bytes);
}

/** One measurement in a child process, so that its peak RSS is its own. */
function measureInChild(mb, mode) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(mb), mode], { encoding: 'utf8', maxBuffer: 1e6 });
  if (r.status !== 0) throw new Error(`bench-analyse: ${mode} at ${mb} MB failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const TITLE = 'Generated benchmark text\n\n';

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain && argv[0] === '--child') {
  const [mb, mode] = [Number(argv[1]), argv[2]];
  const ctx = createContext();
  // Warm up: the classifier is trained and the patterns compiled on other text, outside the timing.
  analyse(newsText(50_000, 1), { organisations: ctx.organisations, stance: ctx.stance, ranker: ctx.ranker });
  const text = newsText(Math.round(mb * 1e6));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const quotes = mode === 'extract'
    ? buildDocument(TITLE + text, { format: 'text', organisations: ctx.organisations, stance: ctx.stance, ranker: ctx.ranker }).quotes.length
    : analyse(text, { organisations: ctx.organisations, stance: ctx.stance, maxChars: Infinity }).quotes.length;
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  // resourceUsage().maxRSS is in kilobytes: the process's peak, generation of the text included.
  console.log(JSON.stringify({ s, cpu, bytes: Buffer.byteLength(TITLE + text), peakMb: process.resourceUsage().maxRSS / 1024, quotes }));
} else if (isMain) {
  console.log(`analysis reads at most ${(MAX_ANALYSED_CHARS / 1e6).toFixed(1)} M characters of a document (MAX_ANALYSED_CHARS); "analyse alone" reads all of it`);
  console.log('seconds of wall-clock time and of CPU time (user + system: steadier on a shared machine); MB/s of CPU time');
  console.log(`${'size'.padStart(8)}  ${'extract + analyse (as ccg extract)'.padEnd(50)}  ${'analyse alone, whole text'.padEnd(50)}`);
  for (const mb of sizes) {
    if (writeTo) { mkdirSync(writeTo, { recursive: true }); writeFileSync(join(writeTo, `generated-${mb}MB.txt`), TITLE + newsText(Math.round(mb * 1e6))); }
    const a = measureInChild(mb, 'extract');
    const b = measureInChild(mb, 'analyse');
    const cell = (m) => `${m.s.toFixed(2).padStart(6)} s ${m.cpu.toFixed(2).padStart(6)} cpu ${(m.bytes / 1e6 / m.cpu).toFixed(2).padStart(5)} MB/s ${m.peakMb.toFixed(0).padStart(4)} MB RSS ${String(m.quotes).padStart(6)} q`;
    const size = a.bytes >= 1e6 ? `${(a.bytes / 1e6).toFixed(1)} MB` : `${(a.bytes / 1e3).toFixed(0)} KB`;
    console.log(`${size.padStart(8)}  ${cell(a).padEnd(50)}  ${cell(b).padEnd(50)}`);
  }
}
