#!/usr/bin/env node
// Learns the speaker ranker's weights from news annotated for attribution in brat format (PolNeAR's
// train split: text/NAME.txt and attributions/NAME_*.ann with Source, Cue and Content spans) and
// writes them as data: only feature names and learned numbers, never text from the training set.
//
//   npm run build && node scripts/train-ranker.mjs ../shared/bench/polnear-train [--out sources/models/speaker-ranker.json]
//
// Each quotation the analyser finds is matched to the gold attribution whose Content holds most of
// it; its candidates (names, pronouns, organisations near it) are right when they overlap the gold
// Source. It prints how often the ranker's first choice is right on a held-out fifth of the
// documents (trained on the other four fifths), then trains on every document and writes the file.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { analyse, compileOrganisations, trainRanker, FEATURES } = await import(join(root, 'dist/analyse/index.js'));
const { loadOrganisations, validateSpeakerRanker } = await import(join(root, 'dist/sources/index.js'));
const { writeFileAtomic } = await import(join(root, 'dist/corpus/atomic.js'));
const { best } = await import(join(root, 'dist/analyse/ranker.js'));

const argv = process.argv.slice(2);
const opt = (n) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined; };
const dir = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out');
if (!dir || !existsSync(join(dir, 'text')) || !existsSync(join(dir, 'attributions'))) {
  console.error('usage: node scripts/train-ranker.mjs DIR [--out FILE]   (DIR holds text/ and attributions/ in brat format)');
  process.exit(2);
}
const out = resolve(opt('--out') ?? join(root, 'sources/models/speaker-ranker.json'));
const organisations = compileOrganisations(loadOrganisations(join(root, 'sources/organisations.json')));
const neutral = () => ({ support: 0, oppose: 0, mixed: 0, neutral: 1 });

/** The Source and Content ranges of each attribution of one .ann file. */
function attributions(ann) {
  const spans = new Map();
  const events = [];
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (id?.startsWith('T') && body) {
      const [type, ...rest] = body.split(' ');
      const ranges = rest.join(' ').split(';').map((r) => r.trim().split(' ').map(Number)).filter((r) => r.length === 2 && r.every(Number.isFinite));
      spans.set(id, { type, ranges });
    } else if (id?.startsWith('E') && body) {
      events.push(Object.fromEntries(body.split(' ').map((kv) => kv.split(':'))));
    }
  }
  return events
    .map((e) => ({ source: spans.get(e.Source)?.ranges ?? [], content: spans.get(e.Content)?.ranges ?? [] }))
    .filter((e) => e.source.length && e.content.length);
}

const overlap = (a0, a1, ranges) => ranges.reduce((n, [s, e]) => n + Math.max(0, Math.min(a1, e) - Math.max(a0, s)), 0);

const names = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort();
const anns = readdirSync(join(dir, 'attributions'));
/** Per document, its groups: one per quotation matched to a gold attribution with a right candidate. */
const documents = [];
for (const name of names) {
  const ann = anns.find((a) => a.startsWith(name.replace(/\.txt$/, '_')) || a === name.replace(/\.txt$/, '.ann'));
  if (!ann) continue;
  const text = readFileSync(join(dir, 'text', name), 'utf8');
  const gold = attributions(readFileSync(join(dir, 'attributions', ann), 'utf8'));
  const groups = [];
  analyse(text, {
    organisations, stance: neutral, maxChars: Infinity,
    collect: (quote, candidates, features, rule) => {
      let match = null;
      let most = 0;
      for (const g of gold) {
        const o = overlap(quote.start, quote.end, g.content);
        if (o > most) { most = o; match = g; }
      }
      if (!match || most < 0.6 * (quote.end - quote.start) || candidates.length < 2) return;
      const right = candidates.map((c) => overlap(c.start, c.end, match.source) > 0);
      if (right.some(Boolean)) groups.push({ features, right });
    },
  });
  documents.push(groups);
}

const date = new Date().toISOString().slice(0, 10);
const flat = (docs) => docs.flat();
// A held-out fifth, for an honest figure: every fifth document.
const train = documents.filter((_, i) => i % 5 !== 0);
const held = documents.filter((_, i) => i % 5 === 0);
const trial = trainRanker(flat(train), { documents: train.length, date });
const heldGroups = flat(held);
const right = heldGroups.filter((g) => g.right[best(trial, g.features).index]).length;
const rulesFeature = FEATURES.indexOf('rules');
const rulesRight = heldGroups.filter((g) => g.features.some((x, i) => x[rulesFeature] === 1 && g.right[i])).length;
console.log(`held-out fifth: ${heldGroups.length} quotations; ranker's first choice right ${(right / Math.max(1, heldGroups.length)).toFixed(3)}, a mention of the rules' choice right ${(rulesRight / Math.max(1, heldGroups.length)).toFixed(3)}`);

const model = trainRanker(flat(documents), { documents: documents.length, date });
validateSpeakerRanker(model, out);
await writeFileAtomic(out, `${JSON.stringify(model, null, 2)}\n`);
console.log(`wrote ${out}: ${model.features.length} features learnt from ${model.trainingQuotes} quotations in ${model.trainingDocuments} documents`);
