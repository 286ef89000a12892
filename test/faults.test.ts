/**
 * Disk full, file-size limits, read-only folders and permission errors: each gives a clear
 * one-line error, leaves nothing half-written (no temporary files, no torn JSON) and leaves what
 * was stored before byte-identical.
 *
 * The injected faults (CCG_FAULT, at the atomic-write layer) always run. The real mechanisms run
 * where the machine allows them and otherwise skip with the reason printed: a small tmpfs (needs
 * mount), a file-size limit (prlimit), a read-only bind mount (needs mount), and folders made
 * read-only with chmod (run as an unprivileged user, since root ignores permission bits).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CLI, ROOT, ccg, tempHome } from './helpers.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { parseFault } from '../src/corpus/faults.js';
import { StorageError, toStorageError } from '../src/core/errors.js';

interface Run { code: number | null; stdout: string; stderr: string }

/** The CLI as a real process, with extra environment and spawn options (a uid to run as). */
function run(home: string, args: readonly string[], env: Record<string, string> = {}, options: SpawnSyncOptions = {}): Run {
  const r = spawnSync(process.execPath, [CLI, '--home', home, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CCG_HOME: '', ...env }, ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The same without blocking this process, for runs against the fixture server in this process. */
function runAsync(home: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, '--home', home, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CCG_HOME: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file under corpus/ and index/, by path, with the sha256 of its bytes. */
function state(home: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const top of ['corpus', 'index']) {
    const dir = join(home, top);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      const p = join(f.parentPath, f.name);
      // Index files are named by a hash of their content: the names are compared without it.
      const name = relative(home, p).replace(/-[0-9a-f]{12}\.json$/, '-HASH.json');
      out[name] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  }
  return out;
}

/** Temporary files (of an atomic write) anywhere in the home. */
function temps(home: string): string[] {
  return readdirSync(home, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));
}

/** Every JSON file under corpus/ and index/ parses (none is torn). */
function expectWholeJson(home: string): void {
  for (const f of Object.keys(state(home)).filter((p) => p.endsWith('.json'))) {
    expect(() => JSON.parse(readFileSync(join(home, f), 'utf8')), f).not.toThrow();
  }
}

const scratch = (): string => mkdtempSync(join(tmpdir(), 'ccg-faults-'));
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** A new document of about `kb` KB of text, with one quote. */
function newDocument(dir: string, name: string, kb = 2): string {
  const para = 'Commissioners in Northshire met again to discuss how primary care contracts would be managed by the clinical commissioning group from April. ';
  const body = Array.from({ length: Math.max(1, Math.round((kb * 1024) / (para.length * 4))) }, (_, i) => `${para.repeat(4)}(${name} ${i})`).join('\n\n');
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, `Northshire practices warned on ${name}\n\n${body}\n\nDr Jane Hollis, chair of Northshire LMC, said: “We cannot accept this plan for primary care in any form at all.”\n`);
  return file;
}

let base: string;
let inputs: string;
beforeAll(() => {
  base = tempHome();
  const r = ccg(['start', '--offline'], { home: base });
  expect(r.code).toBe(0);
  inputs = scratch();
  chmodSync(inputs, 0o755);
});

/** A copy of the base archive (five documents and their index) to break. */
function archive(into = scratch()): string {
  cpSync(base, into, { recursive: true });
  return into;
}

/** A string as a regular expression matching itself. */
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The reason and advice printed for a code, in full. */
const ADVICE: Record<string, string> = {
  ENOSPC: 'no space left on the device; free some space and run the command again (what was stored before is unchanged)',
  EDQUOT: 'disk quota exceeded; free some space or raise the quota, then run the command again (what was stored before is unchanged)',
  EACCES: "permission denied; check the folder's permissions or choose another --home",
  EROFS: 'the file system is read-only; mount it read-write or choose another --home',
  EIO: 'input/output error from the device; check the disk (dmesg, fsck) and run the command again',
  EFBIG: 'file too large (the file system or a file-size limit such as ulimit -f); raise the limit or choose another --home, then run the command again',
};

describe('faults injected at the atomic write (CCG_FAULT)', () => {
  const cases: [string, string][] = [['ENOSPC', 'write'], ['ENOSPC', 'rename'], ['EDQUOT', 'write'], ['EACCES', 'open'], ['EROFS', 'mkdir'], ['EIO', 'sync'], ['EFBIG', 'write']];
  for (const [code, at] of cases) {
    it(`${code} at ${at}: ccg index says so in one line and the old index stays byte-identical`, () => {
      const home = archive();
      const before = state(home);
      const r = run(home, ['index'], { CCG_FAULT: `${code}:at=${at}` });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^ccg: cannot write ${join(home, 'index')}/\\S+\\.json: ${esc(ADVICE[code]!)}\\n$`));
      expect(state(home)).toEqual(before);
      expect(temps(home)).toEqual([]);
    });
  }

  it('ENOSPC while adding: the file is named as failed, the corpus is byte-identical, and a retry stores it', () => {
    const home = archive();
    const before = state(home);
    const file = newDocument(inputs, 'enospc-add');
    const r = run(home, ['add', file], { CCG_FAULT: 'ENOSPC' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^ccg add: cannot write ${join(home, 'corpus', 'documents')}/[0-9a-f]+\\.json: ${ADVICE.ENOSPC!.replace(/[()]/g, '\\$&')}\\n$`));
    expect(r.stdout).toMatch(/0 added, 0 updated, 0 unchanged, 1 failed/);
    expect(state(home)).toEqual(before);
    expect(temps(home)).toEqual([]);
    const again = run(home, ['add', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/1 added/);
  });

  it('a disk that fills up after the first of two new documents keeps the first whole and the rest as before', () => {
    const home = archive();
    const before = state(home);
    const r = run(home, ['add', newDocument(inputs, 'first'), newDocument(inputs, 'second')], { CCG_FAULT: 'ENOSPC:after=1:match=corpus/documents' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 added, 0 updated, 0 unchanged, 1 failed/);
    const after = state(home);
    const added = Object.keys(after).filter((p) => !(p in before));
    expect(added).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(home, added[0]!), 'utf8')).document.title).toBe('Northshire practices warned on first');
    for (const [p, h] of Object.entries(before)) expect(after[p], p).toBe(h);
    expect(temps(home)).toEqual([]);
  });

  it('ccg start stopped by a full disk at every write in turn leaves whole files only, and a second run completes', () => {
    const reference = Object.keys(state(base)).sort();
    // Five documents, then the index: six writes, each the first to fail in turn.
    for (let n = 0; n <= 5; n++) {
      const home = tempHome();
      const r = run(home, ['start', '--offline'], { CCG_FAULT: `ENOSPC:after=${n}` });
      expect(r.code, `after=${n}`).toBe(1);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stderr).toMatch(/cannot write .*: no space left on the device/);
      expect(temps(home)).toEqual([]);
      expectWholeJson(home);
      const again = run(home, ['start', '--offline']);
      expect(again.code).toBe(0);
      expect(Object.keys(state(home)).sort()).toEqual(reference);
    }
  });

  describe('ccg ingest against a local site', () => {
    let server: FixtureServer;
    beforeAll(async () => { server = await startFixtureServer(); });
    afterAll(async () => { await server.close(); });

    const registry = (home: string): void => {
      const dir = join(home, 'sources', 'registry');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'test-pulse.json'), JSON.stringify({ id: 'test-pulse', name: 'Test Pulse', publisher: 'Test Pulse', kind: 'rss', urls: [`${server.base}/feed.xml`], topics: ['ccg*', 'co-commissioning'], rateLimit: { intervalMs: 0 } }));
    };

    it('a full disk during a second run leaves the first run’s records byte-identical', async () => {
      const home = tempHome(false);
      registry(home);
      expect((await runAsync(home, ['ingest', '--json'])).code).toBe(0);
      const before = state(home);
      const docs = Object.keys(before).filter((p) => p.startsWith('corpus/documents/'));
      expect(docs.length).toBeGreaterThan(0);
      const r = await runAsync(home, ['ingest'], { CCG_FAULT: 'ENOSPC' });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stderr).toMatch(/cannot write .*: no space left on the device/);
      expect(state(home)).toEqual(before);
      expect(temps(home)).toEqual([]);
    });

    // A story at two URLs is one document under whichever URL was stored first, so compare what
    // is stored (titles, and every URL a document records) rather than file names.
    const stored = (home: string): { titles: string[]; urls: string[] } => {
      const dir = join(home, 'corpus', 'documents');
      const docs = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).document as { title: string; url: string; alternateUrls?: string[] });
      return { titles: docs.map((d) => d.title).sort(), urls: [...new Set(docs.flatMap((d) => [d.url, ...(d.alternateUrls ?? [])]).map((u) => u.replace(/\?.*$/, '').replace(/^https?:\/\/[^/]+/, '')))].sort() };
    };
    const cleanRun = async (): Promise<{ titles: string[]; urls: string[] }> => {
      const clean = tempHome(false);
      registry(clean);
      expect((await runAsync(clean, ['ingest', '--json'])).code).toBe(0);
      const want = stored(clean);
      expect(want.titles.length).toBeGreaterThan(0);
      return want;
    };

    it('a first run that meets a full disk part-way leaves whole files, and the next run loses nothing', async () => {
      const want = await cleanRun();
      for (const n of [0, 2, 5]) {
        const home = tempHome(false);
        registry(home);
        const r = await runAsync(home, ['ingest'], { CCG_FAULT: `ENOSPC:after=${n}` });
        expect(r.stderr, `after=${n}`).not.toMatch(/^\s+at /m);
        expect(temps(home)).toEqual([]);
        expectWholeJson(home);
        expect((await runAsync(home, ['ingest'])).code).toBe(0);
        const got = stored(home);
        expect(got.urls).toEqual(want.urls);
        expect(new Set(got.titles)).toEqual(new Set(want.titles));
      }
    });

    // Known defect (src/pipeline/ingest.ts, not this branch's area): storeDeduplicated writes the
    // document, then the content key that makes a second URL of the same story a duplicate. A
    // write that fails between the two (a full disk, a kill) leaves the key unwritten, and the
    // story's other URL is then stored as a second document. vitest reports this test as failing
    // once the defect is fixed: then drop `.fails`.
    it('a full disk that stops the content key being written does not make a story two documents', async () => {
      const want = await cleanRun();
      const home = tempHome(false);
      registry(home);
      await runAsync(home, ['ingest', '--no-index'], { CCG_FAULT: 'ENOSPC:match=fetch-state/content' });
      expect((await runAsync(home, ['ingest'])).code).toBe(0);
      expect(stored(home).titles).toEqual(want.titles);
    });
  });

  it('a malformed CCG_FAULT is refused rather than injecting nothing', () => {
    expect(parseFault('ENOSPC:after=3:at=rename:match=index')).toEqual({ code: 'ENOSPC', after: 3, at: 'rename', match: 'index' });
    expect(() => parseFault('nospace')).toThrow(/not a system error code/);
    expect(() => parseFault('ENOSPC:after=x')).toThrow(/cannot read "after=x"/);
    expect(() => parseFault('ENOSPC:at=close')).toThrow(/cannot read "at=close"/);
  });

  it('a system error becomes a StorageError naming the path; anything else is left as it is', () => {
    const sys = Object.assign(new Error("EACCES: permission denied, open '/a/b.json'"), { code: 'EACCES', errno: -13, syscall: 'open', path: '/a/b.json' });
    const e = toStorageError(sys);
    expect(e).toBeInstanceOf(StorageError);
    expect((e as StorageError).message).toBe("cannot open /a/b.json: permission denied; check the folder's permissions or choose another --home");
    expect((toStorageError(sys, 'write', '/a/c.json') as StorageError).message).toMatch(/^cannot write \/a\/c\.json: /);
    const unknown = Object.assign(new Error("EWEIRD: odd, read '/a/d.json'"), { code: 'EWEIRD', errno: -999, syscall: 'read', path: '/a/d.json' });
    expect((toStorageError(unknown) as StorageError).message).toBe('cannot read /a/d.json: odd (EWEIRD)');
    const noPath = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR', errno: -21, syscall: 'read' });
    expect((toStorageError(noPath) as StorageError).message).toBe('cannot read a file of the archive (the system did not say which): it is a folder, not a file; move that folder out of the way');
    // A network error is not a file-system error.
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' });
    expect(toStorageError(reset)).toBe(reset);
    const bug = new TypeError('x is undefined');
    expect(toStorageError(bug)).toBe(bug);
  });
});

/** Mounts, or gives the reason it cannot. */
function mount(args: readonly string[]): string | null {
  if (!isRoot) return 'not running as root';
  const r = spawnSync('mount', args, { encoding: 'utf8' });
  if (r.error) return `mount is not available (${r.error.message})`;
  return r.status === 0 ? null : `mount ${args.join(' ')} failed: ${r.stderr.trim()}`;
}
const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted.reverse()) {
    if (spawnSync('umount', [dir]).status !== 0) spawnSync('umount', ['-l', dir]);
  }
});

describe('real mechanisms, where this machine allows them', () => {
  it('a full disk (a small tmpfs): ccg index and ccg add fail in one line and change nothing', (ctx) => {
    const dir = scratch();
    const why = mount(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    if (why) {
      console.log(`skipped the tmpfs test: ${why}`);
      ctx.skip();
    }
    mounted.push(dir);
    const home = archive(join(dir, 'home'));
    // Fill the disk to within 16 KB: the index (about 80 KB) and a 40 KB document cannot be written.
    const free = (): number => { const s = statfsSync(dir); return s.bavail * s.bsize; };
    writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, free() - 16 * 1024)));
    expect(free()).toBeLessThanOrEqual(16 * 1024);
    const before = state(home);
    const r = run(home, ['index']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^ccg: cannot write ${join(home, 'index')}/\\S+\\.json: ${esc(ADVICE.ENOSPC!)}\\n$`));
    const a = run(home, ['add', newDocument(inputs, 'big', 40)]);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/^ccg add: cannot write .*\.json: no space left on the device; /);
    expect(state(home)).toEqual(before);
    expect(temps(home)).toEqual([]);
    // Space freed: the same commands succeed.
    rmSync(join(dir, 'filler'));
    expect(run(home, ['index']).code).toBe(0);
  });

  it('a file-size limit (RLIMIT_FSIZE via prlimit): EFBIG in one line, the old index intact', (ctx) => {
    const probe = spawnSync('prlimit', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      console.log(`skipped the file-size limit test: prlimit is not available (${probe.error?.message ?? probe.stderr})`);
      ctx.skip();
    }
    const home = archive();
    const before = state(home);
    // 16 KB: the document records (about 11 KB) fit, the index's larger files (about 20 KB) do not.
    const r = spawnSync('prlimit', ['--fsize=16384', process.execPath, CLI, '--home', home, 'index'], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CCG_HOME: '' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^ccg: cannot write ${join(home, 'index')}/\\S+\\.json: ${esc(ADVICE.EFBIG!)}\\n$`));
    expect(state(home)).toEqual(before);
    expect(temps(home)).toEqual([]);
  });

  it('a read-only file system (a read-only bind mount): EROFS in one line, nothing changed', (ctx) => {
    const home = archive();
    let why = mount(['--bind', home, home]);
    if (!why) {
      mounted.push(home);
      why = mount(['-o', 'remount,bind,ro', home]);
    }
    if (why) {
      console.log(`skipped the read-only mount test: ${why}`);
      ctx.skip();
    }
    const before = state(home);
    const r = run(home, ['index']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^ccg: cannot write ${join(home, 'index')}/\\S+: ${esc(ADVICE.EROFS!)}\\n$`));
    const a = run(home, ['add', newDocument(inputs, 'rofs')]);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/^ccg add: cannot write .*\.json: the file system is read-only; /);
    expect(state(home)).toEqual(before);
  });

  describe('folders made read-only with chmod 0555 (as an unprivileged user: root ignores permission bits)', () => {
    let home: string;
    let as: SpawnSyncOptions;
    let skipWhy: string | null = null;
    beforeAll(() => {
      home = archive();
      chmodSync(home, 0o755);
      as = {};
      if (isRoot) {
        // Run the CLI as nobody, owner of the archive, so that permission bits apply to it.
        const probe = spawnSync(process.execPath, ['-e', '0'], { uid: NOBODY, gid: NOBODY });
        if (probe.status !== 0) skipWhy = `cannot run a process as uid ${NOBODY}: ${probe.error?.message ?? probe.stderr}`;
        for (const p of [home, ...readdirSync(home, { recursive: true }).map((f) => join(home, String(f)))]) chownSync(p, NOBODY, NOBODY);
        as = { uid: NOBODY, gid: NOBODY };
      }
      chmodSync(join(home, 'index'), 0o555);
      chmodSync(join(home, 'corpus', 'documents'), 0o555);
    });

    it('ccg index: EACCES in one line naming the index, the old index intact', (ctx) => {
      if (skipWhy) { console.log(`skipped: ${skipWhy}`); ctx.skip(); }
      const before = state(home);
      const r = run(home, ['index'], {}, as);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^ccg: cannot write ${join(home, 'index')}/\\S+\\.json: ${esc(ADVICE.EACCES!)}\\n$`));
      expect(state(home)).toEqual(before);
      expect(temps(home)).toEqual([]);
    });

    it('ccg add: the document is named as failed, the corpus unchanged', (ctx) => {
      if (skipWhy) { console.log(`skipped: ${skipWhy}`); ctx.skip(); }
      const before = state(home);
      const r = run(home, ['add', newDocument(inputs, 'eacces')], {}, as);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^ccg add: cannot write .*\.json: permission denied; check the folder's permissions or choose another --home\n$/);
      expect(state(home)).toEqual(before);
    });

    it('a record that cannot be read: one line naming it', (ctx) => {
      if (skipWhy) { console.log(`skipped: ${skipWhy}`); ctx.skip(); }
      const docs = join(home, 'corpus', 'documents');
      const record = join(docs, readdirSync(docs)[0]!);
      chmodSync(record, 0o000);
      try {
        const r = run(home, ['index'], {}, as);
        expect(r.code).toBe(1);
        expect(r.stderr).toBe(`ccg: cannot open ${record}: ${ADVICE.EACCES}\n`);
      } finally {
        chmodSync(record, 0o644);
      }
    });
  });
});
