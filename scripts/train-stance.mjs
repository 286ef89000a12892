#!/usr/bin/env node
// Trains the stance classifier on all of sources/stance/examples.json and writes its weights to
// sources/stance/model.json, which the pipeline loads instead of training on every run (it trains
// afresh whenever the file's fingerprint does not match the examples and topic in use).
//   npm run train:stance            write the weights
//   npm run train:stance -- --check exit 1 if the shipped weights are stale (the examples or features changed)
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { trainStanceWeights, trainingFingerprint } from '../dist/analyse/stance-model.js';
import { loadStanceExamples, loadStanceWeights, loadTopics } from '../dist/sources/index.js';
import { writeFileAtomic } from '../dist/corpus/atomic.js';

const dir = join(import.meta.dirname, '..', 'sources', 'stance');
const examples = loadStanceExamples(join(dir, 'examples.json'));
const topic = loadTopics(join(dir, 'topics.json'))[0];
const file = join(dir, 'model.json');

if (process.argv.includes('--check')) {
  const stored = existsSync(file) ? loadStanceWeights(file) : null;
  const want = trainingFingerprint(examples, topic);
  if (stored?.fingerprint === want) { console.log(`${file}: up to date (${want})`); process.exit(0); }
  console.error(`${file}: stale (${stored ? stored.fingerprint : 'missing'}, examples and topic give ${want}); run npm run train:stance`);
  process.exit(1);
}

const t0 = performance.now();
const weights = trainStanceWeights(examples, topic);
const ms = performance.now() - t0;
// One feature per line: a readable diff when the examples change.
const body = `{\n "about": "Weights of the stance classifier (src/analyse/stance-model.ts), trained on all ${examples.length} examples of examples.json by npm run train:stance. Used only while 'fingerprint' matches the examples and topic in use; regenerate, do not edit.",\n`
  + Object.entries(weights).map(([k, v]) => ` ${JSON.stringify(k)}: ${k === 'weights' ? `{\n${Object.entries(v).map(([s, ws]) => `  ${JSON.stringify(s)}: ${JSON.stringify(ws)}`).join(',\n')}\n }` : JSON.stringify(v)}`).join(',\n')
  + '\n}\n';
await writeFileAtomic(file, body);
console.log(`${file}: ${weights.vocabulary.length} features × 4 stances from ${examples.length} examples in ${ms.toFixed(0)} ms (fingerprint ${weights.fingerprint})`);
