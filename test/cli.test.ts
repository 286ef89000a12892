import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ccg, tempHome, ROOT, CLI } from './helpers.js';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';

const seed = (n: string): string => join(ROOT, 'sources', 'local', n);

describe('ccg start, then searching the archive it built', () => {
  let home: string;
  beforeAll(() => {
    home = tempHome();
    const r = ccg(['start', '--offline'], { home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/5 added/);
    expect(r.stdout).toMatch(/Indexed 5 documents and \d+ quotes in 1 partition → .*read 5, removed 0, wrote 1 new partition \(/);
  });

  it('stores one JSON record per document with its provenance', () => {
    const files = readdirSync(join(home, 'corpus', 'documents'));
    expect(files).toHaveLength(5);
    const rec = JSON.parse(readFileSync(join(home, 'corpus', 'documents', files[0]!), 'utf8'));
    expect(rec).toMatchObject({ format: 'ccg-document', version: 1 });
    expect(rec.document.provenance).toMatchObject({ addedBy: 'npm start', path: expect.stringMatching(/^sources\/local\//) });
  });

  it('finds Dr Robert Morley’s quote by the words "barking mad"', () => {
    const r = ccg(['quotes', 'barking mad', '--json'], { home });
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout).hits;
    expect(hits[0]).toMatchObject({ speaker: 'Dr Robert Morley', organisation: 'Birmingham LMC', stance: 'oppose', publisher: 'GPonline' });
    expect(hits[0].citation).toContain('GPonline');
  });

  it('finds Julie Wood’s quotes by her name', () => {
    const hits = JSON.parse(ccg(['quotes', 'Julie Wood', '--json'], { home }).stdout).hits;
    expect(hits.length).toBe(2);
    expect(hits.every((h: { speaker: string }) => h.speaker === 'Julie Wood')).toBe(true);
  });

  it('prints quotes for people with speaker, organisation and stance', () => {
    const r = ccg(['quotes', 'barking mad'], { home });
    expect(r.stdout).toMatch(/— Dr Robert Morley, Birmingham LMC secretary · stance: oppose/);
  });

  it('searches documents with highlighted snippets', () => {
    const r = ccg(['search', 'conflict of interest'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\*\*conflict\*\* of \*\*interest\*\*/);
    const hits = JSON.parse(ccg(['search', 'delegated commissioning', '--json'], { home }).stdout).hits;
    expect(hits[0]).toMatchObject({ title: 'Will CCGs take full control of general practice?', published: '2017-10-25', publisher: 'Management in Practice' });
  });

  it('filters quotes by organisation and stance', () => {
    const hits = JSON.parse(ccg(['quotes', '--org', 'Clinical Commissioners', '--stance', 'support', '--json'], { home }).stdout).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h: { organisation: string; stance: string }) => /Clinical Commissioners/.test(h.organisation) && h.stance === 'support')).toBe(true);
  });

  it('finds the GPC’s quotes when asked for the BMA (an alias of its organisation)', () => {
    // The stance of her quoted words is the classifier's to judge; the alias is what this checks.
    const hits = JSON.parse(ccg(['quotes', '--org', 'BMA', '--json'], { home }).stdout).hits;
    expect(hits.map((h: { speaker: string }) => h.speaker)).toContain('Dr Beth McCarron-Nash');
  });

  it('finds quotes by the reported speech around them', () => {
    // 'contradiction' is in the paragraph around the quote, not in its words.
    const hits = JSON.parse(ccg(['quotes', 'contradiction', '--json'], { home }).stdout).hits;
    expect(hits.map((h: { speaker: string }) => h.speaker)).toContain('Dr Nigel Watson');
  });

  it('exports quotes as CSV for a spreadsheet (UTF-8 with a byte-order mark), Markdown and JSON lines', () => {
    const csv = ccg(['quotes', 'barking mad', '--csv'], { home }).stdout;
    expect(csv.startsWith('\uFEFFquote,speaker,role,organisation,stance,partial,date,page,title,publisher,url,citation\r\n')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines[1]).toMatch(/^"The idea that organisations .*barking mad\.",Dr Robert Morley,Birmingham LMC secretary,Birmingham LMC,oppose,false,c\. 2014,/);
    const md = ccg(['quotes', 'barking mad', '--format', 'md'], { home }).stdout.split('\n');
    expect(md[0]).toBe('| quote | speaker | organisation | stance | date | citation |');
    expect(md[2]).toMatch(/^\| “The idea that organisations .*\| Dr Robert Morley \| Birmingham LMC \| oppose \| c\. 2014 \|/);
    const jsonl = ccg(['quotes', 'org:BMA', '--jsonl'], { home }).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl.length).toBeGreaterThan(0);
    expect(jsonl.every((h: { lineage: string[] }) => h.lineage.includes('British Medical Association'))).toBe(true);
    expect(ccg(['quotes', 'x', '--format', 'csv', '--json'], { home }).code).toBe(2);
    expect(ccg(['quotes', 'x', '--format', 'xml'], { home }).stderr).toMatch(/--format must be one of table, json, jsonl, csv, md/);
  });

  it('cites a quote ready to paste: speaker, role, title, publisher, date, URL as published, date accessed', () => {
    const r = ccg(['quotes', 'barking mad', '--cite'], { home });
    expect(r.stdout).toMatch(/^“The idea that .*barking mad\.” — Dr Robert Morley, Birmingham LMC secretary, quoted in “NHS England confirms plans to hand CCGs primary care commissioning role”, GPonline, c\. 2014\. https:\/\/www\.gponline\.com\/\S+ \(accessed \d{4}-\d{2}-\d{2}\)$/m);
  });

  it('says who said most about a subject, with stance counts', () => {
    const w = JSON.parse(ccg(['who', 'commissioning', '--json'], { home }).stdout);
    expect(w.total).toBeGreaterThan(5);
    expect(w.organisations[0]).toMatchObject({ name: expect.any(String), quotes: expect.any(Number) });
    expect(w.organisations.map((o: { quotes: number }) => o.quotes)).toEqual([...w.organisations.map((o: { quotes: number }) => o.quotes)].sort((a, b) => b - a));
    const sum = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);
    for (const o of w.organisations) expect(sum(o.counts)).toBe(o.quotes);
    // An organisation that speaks ("NHS England said") is counted among organisations, not people.
    expect(w.organisations.map((o: { name: string }) => o.name)).toContain('NHS England');
    expect(w.speakers.map((p: { name: string }) => p.name)).not.toContain('NHS England');
    expect(ccg(['who', 'commissioning'], { home }).stdout).not.toMatch(/People[\s\S]*^ {2}NHS England /m);
    expect(ccg(['who'], { home }).code).toBe(2);
  });

  it('speaks the query language: phrases, exclusions, fields, counts', () => {
    const phrase = JSON.parse(ccg(['quotes', '"barking mad"', '--json'], { home }).stdout);
    expect(phrase.hits.map((h: { speaker: string }) => h.speaker)).toEqual(['Dr Robert Morley']);
    const all = JSON.parse(ccg(['quotes', '--json', '--limit', '1'], { home }).stdout);
    expect(all.hits).toHaveLength(1);
    expect(all.total).toBeGreaterThan(10);
    const text = ccg(['quotes', '--limit', '2'], { home }).stdout;
    expect(text).toMatch(new RegExp(`showing 2 of ${all.total} quotes`));
    const without = JSON.parse(ccg(['quotes', 'speaker:Morley', '-barking', '--json'], { home }).stdout);
    expect(without.hits.every((h: { text: string }) => !/barking/i.test(h.text))).toBe(true);
    const loose = ccg(['quotes', 'barking zzzqqq'], { home });
    expect(loose.stdout).toMatch(/No quote matches all of "barking zzzqqq"; these match some of its words/);
    const facets = ccg(['quotes', 'org:BMA', '--facets'], { home }).stdout;
    expect(facets).toMatch(/organisation: GPC \d+/);
  });

  it('says what matched nothing once, with the phrase in its own quotation marks', () => {
    expect(ccg(['quotes', '"zzqq xxyy"'], { home }).stdout).toMatch(/^No quotes match "zzqq xxyy" \(/m);
    expect(ccg(['quotes', 'zzqq'], { home }).stdout).toMatch(/^No quotes match "zzqq" \(/m);
  });

  it.each([
    [['quotes', 'since:2015-13-45'], /since:2015-13-45 is not a date/],
    [['quotes', '--since', '2016', '--until', '2015'], /--since 2016 is after --until 2015/],
    [['search', 'colour:red'], /colour: is not a field/],
    [['quotes', '"barking mad'], /quotation mark is opened/],
    [['quotes', '--sort', 'size'], /--sort must be one of relevance, date, -date/],
    [['quotes', 'the of'], /"the of" has only common words/],
    [['search', '"!!"'], /has no words to search for/],
  ])('%j is refused with exit 2', (args, message) => {
    const r = ccg(args, { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('traces an organisation’s positions by year', () => {
    const t = JSON.parse(ccg(['timeline', '--org', 'NHS England', '--json'], { home }).stdout);
    const y2017 = t.periods.find((y: { period: string }) => y.period === '2017');
    expect(y2017.counts.support).toBeGreaterThanOrEqual(2);
    expect(y2017.quotes.every((q: { organisation: string; date: string }) => q.organisation === 'NHS England' && q.date === '2017-10-25')).toBe(true);
    // The shipped documents without a stated date carry the year context suggests, marked approximate.
    const y2014 = t.periods.find((y: { period: string }) => y.period === '2014');
    expect(y2014.quotes.every((q: { approximate: boolean }) => q.approximate)).toBe(true);
    expect(t.undated).toEqual([]);
    expect(ccg(['timeline', '--org', 'NHS England'], { home }).stdout).toMatch(/ c\. 2014 /);
    expect(ccg(['timeline'], { home }).code).toBe(2);
  });

  it('a timeline narrowed by a query that nothing matches says so, not that the organisation has no quotes', () => {
    expect(ccg(['timeline', '--org', 'NHS England', 'zanzibarian'], { home }).stdout).toBe('No quotes for "NHS England" match "zanzibarian".\n');
    expect(ccg(['timeline', '--org', 'Nobody Known'], { home }).stdout).toBe('No quotes for "Nobody Known".\n');
    expect(ccg(['timeline', '--speaker', 'Dixon', '--stance', 'oppose'], { home }).stdout).toBe('No quotes for "Dixon" match "stance:oppose".\n');
    // A speaker quoted only in a few words within reported speech has quotes, just none a timeline shows.
    const partialOnly = ccg(['quotes', '--speaker', 'McCarron-Nash', '--json'], { home });
    const partials = JSON.parse(partialOnly.stdout).hits;
    expect(partials.length).toBeGreaterThan(0);
    expect(partials.every((h: { partial: boolean }) => h.partial)).toBe(true);
    expect(ccg(['timeline', '--speaker', 'McCarron-Nash'], { home }).stdout).toBe(`Only partial quotes for "McCarron-Nash" (${partials.length}: a few words quoted within reported speech), which timelines leave out; "ccg quotes" lists them.\n`);
  });

  it('running start again changes nothing', () => {
    const dir = join(home, 'corpus', 'documents');
    const before = readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]);
    const r = ccg(['start', '--offline'], { home });
    expect(r.stdout).toMatch(/0 added, 0 updated, 5 unchanged/);
    expect(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs])).toEqual(before);
  });

  it('writes nothing git would see in a checkout: every file start made under corpus/ and index/ is ignored', () => {
    const made = (d: string): string[] => readdirSync(join(home, d), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(home.length + 1));
    const files = [...made('corpus'), ...made('index')].filter((f) => f !== join('index', 'README.md'));
    expect(files.some((f) => f.startsWith(join('index', 'partitions')))).toBe(true);
    const r = spawnSync('git', ['check-ignore', '--no-index', '-v', '-n', '--stdin'], { cwd: ROOT, input: files.join('\n'), encoding: 'utf8' });
    const notIgnored = r.stdout.split('\n').filter((l) => l.startsWith('::')).map((l) => l.split('\t')[1]);
    expect(notIgnored).toEqual([]);
  });

  it('prints commands that run as printed in the same archive (--home kept), and so does index', () => {
    const r = ccg(['start', '--offline'], { home });
    const printed = r.stdout.split('\n').filter((l) => l.startsWith('  npm run ccg -- ')).map((l) => l.trim().split(/ {2,}/)[0]!);
    expect(printed.length).toBeGreaterThanOrEqual(7);
    // One column for what each does, in both blocks.
    const columns = r.stdout.split('\n').filter((l) => l.startsWith('  npm run ccg -- ')).map((l) => l.length - /^.*\S {2,}(\S.*)$/.exec(l)![1]!.length);
    expect(new Set(columns).size).toBe(1);
    for (const c of printed.filter((c) => !/ (--help|serve --open)$/.test(c))) {
      // As a user would paste it, from another folder and without CCG_HOME: the archive must be the one just built.
      const run = spawnSync('sh', ['-c', c.replace(/^npm run ccg --/, `"${process.execPath}" "${CLI}"`)], { cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CCG_HOME: '' } });
      expect({ c, code: run.status, stderr: run.stderr }).toEqual({ c, code: 0, stderr: '' });
      expect(run.stdout).not.toMatch(/^0 quotes|no quotes|nothing matched/im);
      // --cite prints nothing at all when nothing matches.
      expect({ c, printed: run.stdout.trim().length > 0 }).toEqual({ c, printed: true });
    }
    expect(printed).toContain(`npm run ccg -- --home ${home} serve --open`);
    expect(ccg(['index'], { home }).stdout).toContain(`(or "ccg --home ${home} serve")`);
  });
});

describe('ccg start in a new archive folder', () => {
  it('adds the documents that ship with the project, as in the project, so the searches it prints find them', () => {
    const home = join(tempHome(false), 'new archive');
    const r = ccg(['start', '--offline'], { home });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`ccg: created the archive folder ${home}\n`);
    expect(r.stdout).toMatch(/^Adding 5 local documents…\n {2}5 added, 0 updated, 0 unchanged, 0 failed$/m);
    expect(r.stdout).toMatch(/Indexed 5 documents/);
    expect(ccg(['quotes', 'barking mad'], { home }).stdout).toMatch(/Dr Robert Morley/);
    expect(ccg(['verify'], { home }).code).toBe(0);
  });
});

describe('ccg extract', () => {
  it('prints one JSON line per input, names an unreadable input, and exits 1 after the rest', () => {
    const home = tempHome();
    const gz = join(home, 'page.txt.gz');
    writeFileSync(gz, gzipSync(readFileSync(seed('002_1a0f53591ffa928c.txt'))));
    const html = join(home, 'page.html');
    writeFileSync(html, '<html><head><title>Pulse</title><meta property="article:published_time" content="2014-05-01T09:00:00Z"></head><body><article><h1>CCGs to commission GP services</h1><p>GP leaders said: “This is a conflict of interest that we cannot accept, and we will oppose it,” according to the BMA.</p></article></body></html>');
    const r = ccg(['extract', '--jsonl', seed('001_938f1089b072b8bf.txt'), 'missing.txt', gz, html]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].input).toBe(seed('001_938f1089b072b8bf.txt'));
    expect(lines[1]).toEqual({ input: 'missing.txt', error: 'missing.txt: no such file' });
    expect(lines[2]).toMatchObject({ input: gz, title: 'Will CCGs take full control of general practice?', published: '2017-10-25' });
    expect(lines[3]).toMatchObject({ title: 'CCGs to commission GP services', published: '2014-05-01' });
    expect(lines[3].quotes[0]).toMatchObject({ stance: 'oppose' });
  });
});

describe('errors', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['quotes', '--frob'], /Unknown option '--frob'/],
    [['extract'], /name at least one FILE/],
    [['sources', 'frob'], /unknown subcommand "frob"/],
    [['quotes', 'x', '--json', '--csv'], /choose one output format/],
    [['timeline'], /name an --org or a --speaker/],
    // Flags of result lists that timeline and who do not have are refused, not ignored.
    [['timeline', '--org', 'BMA', '--limit', '1'], /^ccg: timeline: Unknown option '--limit'/],
    [['timeline', '--org', 'BMA', '--facets'], /^ccg: timeline: Unknown option '--facets'/],
    [['timeline', '--org', 'BMA', '--sort', 'date'], /^ccg: timeline: Unknown option '--sort'/],
    [['who', 'x', '--limit', '1'], /^ccg: who: Unknown option '--limit'/],
    [['who', 'x', '--sort', '-date'], /^ccg: who: Unknown option '--sort'/],
    // --cite is an output of its own: it does not go with another format (it used to be ignored).
    [['quotes', 'x', '--cite', '--json'], /^ccg: quotes: choose one output format, not --cite and --json/],
    [['quotes', 'x', '--cite', '--format', 'md'], /^ccg: quotes: choose one output format, not --cite and --format md/],
  ])('%j is a usage error with exit code 2, and the usage follows', (args, message) => {
    const r = ccg(args, { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: ccg/);
  });

  it.each([
    [['quotes', 'x', '--stance', 'angry'], /^ccg: quotes: --stance must be one of support, oppose, mixed, neutral; got "angry"\n$/],
    [['search', 'x', '--since', 'last year'], /^ccg: search: --since must be YYYY[^\n]*\n$/],
    [['quotes', 'colour:red'], /^ccg: quotes: colour: is not a field [^\n]*\n$/],
    [['who', 'x', '--top', '0'], /^ccg: who: --top must be a positive whole number; got "0"\n$/],
    [['quotes', 'kind:reprot'], /^ccg: quotes: kind:reprot is not a kind of document \(one of news, report, blog, press release, page\)\n$/],
    [['search', 'x', '--kind', 'blgo'], /^ccg: search: --kind must be one of news, report, blog, press release, page; got "blgo"\n$/],
    // A value with a line break is shown escaped: the message stays one line.
    [['quotes', 'x', '--stance', 'an\ngry'], /^ccg: quotes: --stance must be one of support, oppose, mixed, neutral; got "an\\ngry"\n$/],
  ])('%j is a bad value: one line and exit code 2', (args, message) => {
    const r = ccg(args, { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a missing file is named, with exit code 1, and the others are still added', () => {
    const home = tempHome();
    const r = ccg(['add', 'nope.txt', seed('000_e74ad681202afdd0.txt')], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.txt: no such file');
    expect(readdirSync(join(home, 'corpus', 'documents'))).toHaveLength(1);
  });

  it('searching before any index exists says what to run, with the --home that reaches the archive', () => {
    const home = tempHome(false);
    const r = ccg(['quotes', 'x'], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`ccg: no search index in ${join(home, 'index')}: run "ccg --home ${home} index" first\n`);
    // Found through CCG_HOME, the archive needs no --home in the printed command.
    const viaEnv = spawnSync(process.execPath, [CLI, 'quotes', 'x'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CCG_HOME: home } });
    expect(viaEnv.stderr).toBe(`ccg: no search index in ${join(home, 'index')}: run "ccg index" (or "npm start") first\n`);
  });

  it.each([
    ['{ not json', /not valid JSON.*rebuilding it/],
    [JSON.stringify({ format: 'ccg-index', version: 99 }), /the index is of version 99; this ccg reads version 6: rebuilding it/],
    [JSON.stringify({ hello: 1 }), /is not a ccg index: rebuilding it/],
  ])('an index manifest %s is rebuilt, with a line saying so', (content, message) => {
    const home = tempHome();
    expect(ccg(['start', '--offline'], { home }).code).toBe(0);
    writeFileSync(join(home, 'index', 'manifest.json'), content);
    const r = ccg(['quotes', 'barking', '--json'], { home });
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).hits[0].speaker).toBe('Dr Robert Morley');
    expect(JSON.parse(readFileSync(join(home, 'index', 'manifest.json'), 'utf8')).version).toBe(6);
  });

  it('a corrupt index partition gives a one-line error that says how to rebuild', () => {
    const home = tempHome();
    ccg(['start', '--offline'], { home });
    const m = JSON.parse(readFileSync(join(home, 'index', 'manifest.json'), 'utf8'));
    const p = m.partitions[0];
    writeFileSync(join(home, 'index', 'partitions', p.key, 'quotes-base.json'), '{ broken');
    const r = ccg(['quotes', 'commissioning'], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/corrupt index partition .*"ccg --home \S+ index --full"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a corrupt corpus record is named and left out; the rest is indexed', () => {
    const home = tempHome();
    ccg(['start', '--offline'], { home });
    const dir = join(home, 'corpus', 'documents');
    const victim = join(dir, readdirSync(dir)[0]!);
    writeFileSync(victim, '{"format": "ccg-document", "vers');
    const r = ccg(['index', '--json'], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(victim);
    expect(r.stderr).toMatch(/run "ccg --home \S+ verify --repair"/);
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: 4, removed: 0 });
    expect(JSON.parse(readFileSync(join(home, 'index', 'manifest.json'), 'utf8')).documentCount).toBe(4);
  });

  it('--help explains each command', () => {
    const r = ccg(['quotes', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: ccg quotes/);
    expect(ccg(['--help']).stdout).toMatch(/Commands:[\s\S]*extract[\s\S]*quotes/);
  });

  it('--help lists only the flags a command takes, and the JSON shape it prints', () => {
    for (const command of ['timeline', 'who']) {
      const help = ccg([command, '--help']).stdout;
      expect(help).toMatch(/--org NAME/);
      expect(help).not.toMatch(/--limit|--sort|--facets|hits, facets/);
    }
    expect(ccg(['who', '--help']).stdout).toMatch(/json \(\{query, total, loose, organisations, speakers\}\)/);
    expect(ccg(['timeline', '--help']).stdout).toMatch(/json \(\{by, periods, undated, total\}/);
    for (const command of ['quotes', 'search']) expect(ccg([command, '--help']).stdout).toMatch(/--limit N[\s\S]*--facets[\s\S]*json \(\{query, total, loose, hits, facets\}\)/);
  });

  it('--help teaches the search page, PDFs and the query language with examples', () => {
    const top = ccg(['--help']).stdout;
    expect(top).toMatch(/index\/site\/index\.html/);
    expect(top).toMatch(/ccg quotes --help/);
    expect(top).toMatch(/Examples:[\s\S]*ccg add \S+\.pdf[\s\S]*ccg --home \S+ serve/);
    expect(ccg(['extract', '--help']).stdout).toMatch(/Examples:[\s\S]*ccg extract \S+\.pdf --json/);
    expect(ccg(['add', '--help']).stdout).toMatch(/Examples:[\s\S]*ccg add \S+\.pdf && ccg index/);
    expect(ccg(['serve', '--help']).stdout).toMatch(/Examples?:[\s\S]*ccg --home \S+ serve/);
  });
});
