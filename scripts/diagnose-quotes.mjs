#!/usr/bin/env node
// Lists what the quote extractor gets wrong on a PolNeAR-style data set (text/ + attributions/):
// missed gold direct quotes, spurious predictions and wrong speakers, scored as evaluate.mjs does.
//
//   node scripts/diagnose-quotes.mjs ../shared/bench/polnear-dev [--limit N] [--only missed|spurious|speaker]
// On a set with hand-labelled gold in the seeds' format (gold.json: the CCG sets, the seeds) it shows, per miss,
// the quote, the predicted and gold speaker and organisation, and the person the model built for the speaker:
//   node scripts/diagnose-quotes.mjs ../shared/bench/ccg-dev [--only missed|speaker|organisation|stance]
// (stance lines, shown with --only stance on a set with gold.json, give the gold and predicted stance and the confidence).
// Every line names the document; speaker lines show the entity the model built for the predicted speaker
// ({name | role | organisation}).
// A last line counts the misses by kind, so that a change can be compared before and after.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const argv = process.argv.slice(2);
const USAGE = 'usage: node scripts/diagnose-quotes.mjs DIR [--limit N] [--only missed|spurious|speaker|organisation|stance]\n  DIR: a data set with gold.json (the CCG sets, the seeds) or with text/ and attributions/ (PolNeAR)';
if (argv.includes('--help') || argv.includes('-h')) { console.log(USAGE); process.exit(0); }
const dir = resolve(argv[0] ?? '');
const fail = (message) => { console.error(`diagnose-quotes: ${message} (--help for usage)`); process.exit(2); };
if (!argv[0] || !(existsSync(join(dir, 'gold.json')) || existsSync(join(dir, 'text')))) fail(argv[0] ? `${argv[0]} has neither gold.json nor text/` : 'no data set given');
const ONLY = existsSync(join(dir, 'gold.json')) ? ['missed', 'speaker', 'organisation', 'stance'] : ['missed', 'spurious', 'speaker'];
const opt = (n) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined; };
const limit = Number(opt('--limit') ?? Infinity);
const only = opt('--only');
if (!(limit >= 1)) fail(`--limit must be a positive number; got ${JSON.stringify(opt('--limit'))}`);
if (only !== undefined && !ONLY.includes(only)) fail(`--only must be one of ${ONLY.join(', ')} for this data set; got ${JSON.stringify(only)}`);
const words = (t) => (t || '').toLowerCase().match(/[\p{L}\p{N}_]+/gu) || [];
const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'professor', 'prof']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them']);
function containment(part, whole) {
  const m = new Map(); for (const w of whole) m.set(w, (m.get(w) || 0) + 1);
  let c = 0; for (const w of part) { const k = m.get(w) || 0; if (k) { c++; m.set(w, k - 1); } }
  return part.length ? c / part.length : 0;
}
const counts = new Map();
const count = (kind) => counts.set(kind, (counts.get(kind) || 0) + 1);
const entityOf = (d, speaker) => {
  const person = (d.people || []).find((x) => x.name === speaker);
  if (person) return ` entity {${person.name} | role: ${person.role ?? '-'} | organisation: ${person.organisation ?? '-'}}`;
  const org = (d.organisations || []).find((o) => o.name === speaker);
  return org ? ` entity {organisation ${org.name}${org.aliases?.length ? ` aka ${org.aliases.slice(0, 3).join(', ')}` : ''}}` : ' entity {none}';
};
process.on('exit', () => { if (counts.size) console.log(`-- ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}`); });
const norm = (t) => (t || '').toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
function extract(files) {
  const out = new Map();
  for (let i = 0; i < files.length; i += 40) {
    const r = spawnSync(process.execPath, ['dist/cli/main.js', 'extract', '--jsonl', ...files.slice(i, i + 40)], { encoding: 'utf8', maxBuffer: 1 << 28 });
    for (const l of r.stdout.split('\n')) if (l.startsWith('{')) { const o = JSON.parse(l); out.set(resolve(o.input), o); }
  }
  return out;
}
if (existsSync(join(dir, 'gold.json'))) {
  // The seeds' format: each quote is found by its key; speaker is a surname, org words of the organisation.
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')).docs;
  const names = Object.keys(gold).sort().slice(0, limit);
  const out = extract(names.map((n) => join(dir, n)));
  for (const name of names) {
    const d = out.get(resolve(join(dir, name))) || {};
    const known = new Map();
    for (const o of d.organisations || []) { const all = [o.name, ...(o.aliases || [])].map(norm); for (const n of all) known.set(n, all); }
    const orgOk = (got, want) => (known.get(norm(got)) || [norm(got)]).some((n) => n.includes(norm(want)));
    for (const q of gold[name].quotes || []) {
      if (q.optional) continue;
      const p = (d.quotes || []).find((x) => norm(x.text).includes(norm(q.key)));
      if (!p) { count('missed'); if (!only || only === 'missed') console.log(`${name}: MISSED ${JSON.stringify(q.key)} <${q.speaker}>`); continue; }
      const entity = entityOf(d, p.speaker);
      const speakerWrong = q.speaker && !norm(p.speaker).includes(norm(q.speaker));
      const orgWrong = q.org && !orgOk(p.organisation, q.org);
      if (speakerWrong) count('speaker');
      if (orgWrong) count('organisation');
      if (speakerWrong && (!only || only === 'speaker')) console.log(`${name}: SPEAKER want <${q.speaker}> (org <${q.org ?? '-'}>) got <${p.speaker}> (org <${p.organisation}>) for ${JSON.stringify(q.key)}${entity}`);
      else if (orgWrong && (!only || only === 'organisation')) console.log(`${name}: ORGANISATION want <${q.org}> got <${p.organisation}> for ${JSON.stringify(q.key)} [${p.speaker}]${entity}`);
      const want = [q.stance ?? []].flat();
      if (want.length && !want.includes(p.stance)) {
        count('stance');
        if (only === 'stance') console.log(`${name}: STANCE want <${want.join('|')}> got <${p.stance}> (${p.stanceConfidence ?? '-'}) [${p.speaker}] for ${JSON.stringify(p.text.slice(0, 200))}`);
      }
    }
  }
  process.exit(0);
}
const names = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort().slice(0, limit);
const anns = readdirSync(join(dir, 'attributions'));
const files = names.map((n) => join(dir, 'text', n));
const out = extract(files);
const short = (s, n = 110) => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, ' ');
names.forEach((name, i) => {
  const text = readFileSync(files[i], 'utf8');
  const ann = anns.find((a) => a.startsWith(name.replace(/\.txt$/, '_')));
  const spans = new Map(), events = [];
  for (const line of ann ? readFileSync(join(dir, 'attributions', ann), 'utf8').split('\n') : []) {
    const [id, body] = line.split('\t');
    if (!body) continue;
    if (id?.startsWith('T')) { const [type, ...rest] = body.split(' '); const ranges = rest.join(' ').split(';').map((r) => r.split(' ').map(Number)); spans.set(id, { type, text: ranges.map(([s, e]) => text.slice(s, e)).join(' ') }); }
    else if (id?.startsWith('E')) events.push(Object.fromEntries(body.split(' ').map((kv) => kv.split(':'))));
  }
  const quoted = (t) => words((t.match(/“[^”]*”?|"[^"]*"?/g) || []).join(' ')).length;
  const gold = events.map((e) => ({ text: spans.get(e.Content)?.text || '', source: spans.get(e.Source)?.text || '' })).filter((g) => words(g.text).length && quoted(g.text) / words(g.text).length >= 0.6);
  const d = out.get(resolve(files[i])) || {};
  const pred = (d.quotes || []).filter((q) => !q.partial);
  const gw = gold.map((g) => words(g.text));
  const assigned = gold.map(() => []);
  for (const p of pred) {
    const pw = words(p.text); let best = -1, score = 0;
    gw.forEach((g, gi) => { const c = containment(pw, g); if (c > score) { score = c; best = gi; } });
    if (best >= 0 && score >= 0.6) assigned[best].push([pw.length * score, p]);
    else if ((count('spurious'), !only || only === 'spurious')) console.log(`${name}: SPURIOUS ${JSON.stringify(short(p.text))} [${p.speaker}]`);
  }
  gold.forEach((g, gi) => {
    const cov = assigned[gi].reduce((n, [k]) => n + k, 0);
    if (!(gw[gi].length && cov / gw[gi].length >= 0.5)) { count('missed'); if (!only || only === 'missed') console.log(`${name}: MISSED ${JSON.stringify(short(g.text))} <${g.source}>`); return; }
    const p = assigned[gi].sort((x, y) => y[0] - x[0])[0][1];
    const src = words(g.source).filter((w) => !STOP.has(w));
    if (!src.length || src.every((w) => PRONOUNS.has(w))) return;
    const got = new Set(words(p.speaker || '').filter((w) => !STOP.has(w)));
    if (src.some((w) => got.has(w))) return;
    count('speaker');
    if (!only || only === 'speaker') console.log(`${name}: SPEAKER want <${g.source.replace(/\s+/g, ' ')}> got <${p.speaker}> (org <${p.organisation}>) for ${JSON.stringify(short(g.text, 60))}${entityOf(d, p.speaker)}`);
  });
});
