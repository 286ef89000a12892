/**
 * Expected failures print one line naming the path and what to do (no stack trace); a bug prints
 * its stack and where to report it. The archive folder (--home, CCG_HOME) is checked before use.
 * The command line refuses two output formats and extra arguments, prints its version, and counts
 * in good English.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, ccg, tempHome } from './helpers.js';

/** The CLI as a real process with extra environment variables (CCG_HOME, CCG_FAULT). */
function run(args: readonly string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CCG_HOME: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One line on stderr, starting "ccg", and no stack frame anywhere. */
function expectOneLine(stderr: string): void {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^ccg/);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/internal error/);
}

const scratch = (): string => mkdtempSync(join(tmpdir(), 'ccg-errors-'));
const seed = join(ROOT, 'sources', 'local', '001_938f1089b072b8bf.txt');

describe('files that are not JSON', () => {
  it('a registry file of text is named in one line, its line breaks shown escaped', () => {
    const home = tempHome(false);
    mkdirSync(join(home, 'sources', 'registry'), { recursive: true });
    writeFileSync(join(home, 'sources', 'registry', 'notes.json'), 'not json\nat all\n');
    const r = ccg(['sources', 'list'], { home });
    expect(r.code).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('notes.json: (root): not valid JSON: ');
    expect(r.stderr).toContain('\\n');
  });

  it('a document record of text is named in one line by verify and by index', () => {
    const home = tempHome();
    expect(ccg(['start', '--offline'], { home }).code).toBe(0);
    const dir = join(home, 'corpus', 'documents');
    const name = readdirSync(dir).find((f) => f.endsWith('.json'))!;
    writeFileSync(join(dir, name), 'oops\nthis was overwritten\n');
    const v = ccg(['verify'], { home });
    expect(v.code).toBe(1);
    const problems = v.stdout.trim().split('\n').filter((l) => l.includes(name));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/not valid JSON: .*\\n/);
    const i = ccg(['index'], { home });
    expect(i.code).toBe(1);
    expect(i.stderr.trim().split('\n').filter((l) => !l.startsWith('ccg')).length).toBe(0);
  });
});

describe('the local manifest', () => {
  const withManifest = (edit: (docs: Record<string, unknown>[]) => void): string => {
    const home = tempHome();
    const file = join(home, 'sources', 'local', 'manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8'));
    edit(m.documents);
    writeFileSync(file, JSON.stringify(m));
    return home;
  };

  it.each([
    ['an impossible date', (d: Record<string, unknown>[]) => { d[0]!.published = '2014-13-01'; }, /manifest\.json: documents\[0\]\.published: expected YYYY, YYYY-MM or YYYY-MM-DD of a real date; got "2014-13-01"/],
    ['a file outside its folder', (d: Record<string, unknown>[]) => { d[1]!.file = '../../../../etc/hostname'; }, /manifest\.json: documents\[1\]\.file: "\.\.\/\.\.\/\.\.\/\.\.\/etc\/hostname" is not in the folder of the manifest/],
  ])('with %s is refused in one line naming the field, and nothing is stored', (_, edit, message) => {
    const home = withManifest(edit);
    const r = ccg(['start', '--offline'], { home });
    expect(r.code).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(home, 'corpus', 'documents'))).toBe(false);
  });
});

describe('an archive folder that is a file', () => {
  const file = join(scratch(), 'passwd');
  writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\n');

  for (const args of [['quotes', 'barking'], ['search', 'ccg'], ['index'], ['add', seed], ['ingest', '--no-index'], ['sources', 'list'], ['start', '--offline']]) {
    it(`is refused in one line by ccg ${args[0]}`, () => {
      const r = ccg(args, { home: file });
      expect(r.code).toBe(1);
      expectOneLine(r.stderr);
      expect(r.stderr).toContain(`--home ${file} is a file, not a folder`);
      expect(readFileSync(file, 'utf8')).toBe('root:x:0:0:root:/root:/bin/bash\n');
    });
  }
});

describe('an archive folder under a file', () => {
  it('is refused in one line naming the folder, by readers and writers alike', () => {
    const file = join(scratch(), 'plain-file');
    writeFileSync(file, 'x');
    for (const args of [['quotes', 'x'], ['add', seed]]) {
      const r = ccg(args, { home: join(file, 'archive') });
      expect(r.code).toBe(1);
      expectOneLine(r.stderr);
      expect(r.stderr).toBe(`ccg: cannot open the archive folder ${join(file, 'archive')}: a part of the path is a file, not a folder; move that file out of the way or choose another --home\n`);
    }
  });
});

describe('an archive folder that cannot be created', () => {
  // A cap so that a regression fails instead of hanging the suite; no timing is asserted.
  const capped = (args: readonly string[]): ReturnType<typeof run> => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CCG_HOME: '' }, timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it.runIf(existsSync('/proc/self'))('under /proc (where a recursive mkdir never returns) is refused in one line', () => {
    const home = '/proc/self/ccg-archive/deeper';
    const r = capped(['--home', home, 'start', '--offline']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`ccg: --home ${home}: cannot be created: /proc/self does not take new folders (a virtual file system such as /proc?); choose another --home\n`);
  });
});

describe('a mistyped archive folder', () => {
  const missing = join(scratch(), 'no-such-archive');
  const cases: string[][] = [['quotes', 'barking'], ['search', 'ccg'], ['timeline', '--org', 'BMA'], ['index'], ['sources', 'list'], ['sources', 'check'], ['extract', seed]];
  for (const args of cases) {
    it(`is an error naming the folder for ccg ${args.slice(0, 2).join(' ')}, and is not created`, () => {
      const r = ccg(args, { home: missing });
      expect(r.code).toBe(1);
      expectOneLine(r.stderr);
      expect(r.stderr).toContain(`--home ${missing}: no such folder`);
      expect(existsSync(missing)).toBe(false);
    });
  }

  it('names CCG_HOME when that is where the folder came from', () => {
    const r = run(['quotes', 'barking'], { CCG_HOME: missing });
    expect(r.code).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain(`CCG_HOME ${missing}: no such folder`);
  });

  it('is created, with a message, by ccg add', () => {
    const home = join(scratch(), 'new-archive');
    const r = ccg(['add', seed], { home });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`ccg: created the archive folder ${home}\n`);
    expect(r.stdout).toMatch(/1 added/);
    expect(existsSync(join(home, 'corpus', 'documents'))).toBe(true);
  });

  it('is created, with a message, by ccg ingest', () => {
    const home = join(scratch(), 'new-archive');
    const r = ccg(['ingest'], { home });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`ccg: created the archive folder ${home}`);
    expect(existsSync(join(home, 'index', 'manifest.json'))).toBe(true);
  });

  it('is not created when the command line is wrong', () => {
    const home = join(scratch(), 'new-archive');
    const r = ccg(['add'], { home });
    expect(r.code).toBe(2);
    expect(existsSync(home)).toBe(false);
  });
});

describe('file-system errors in the archive', () => {
  let home: string;
  beforeAll(() => {
    home = tempHome();
    expect(ccg(['add', seed], { home }).code).toBe(0);
    expect(ccg(['index'], { home }).code).toBe(0);
  });

  it('a corpus folder that is a file: one line naming the folder and what to do', () => {
    const h = tempHome();
    writeFileSync(join(h, 'corpus'), 'not a folder');
    const r = ccg(['index'], { home: h });
    expect(r.code).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toBe(`ccg: cannot list the folder ${join(h, 'corpus', 'documents')}: a part of the path is a file, not a folder; move that file out of the way or choose another --home\n`);
    const a = ccg(['add', seed], { home: h });
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/^ccg add: cannot \w+ .*corpus\/documents\/[0-9a-f]+\.json: a part of the path is a file, not a folder; /m);
    expect(a.stderr).not.toMatch(/ENOTDIR/);
  });

  it('a sources folder that is a file is an error, not an empty registry', () => {
    const h = tempHome();
    rmSync(join(h, 'sources'), { recursive: true, force: true });
    writeFileSync(join(h, 'sources'), 'not a folder');
    for (const args of [['sources', 'list'], ['ingest', '--no-index']]) {
      const r = ccg(args, { home: h });
      expect(r.code, args.join(' ')).toBe(1);
      expectOneLine(r.stderr);
      expect(r.stderr).toMatch(/cannot read the registry folder .*sources\/registry: a part of the path is a file, not a folder; /);
    }
  });

  it('an index manifest that is a folder: the index is not written and the message says why', () => {
    const file = join(home, 'index', 'manifest.json');
    renameSync(file, `${file}.bak`);
    mkdirSync(file);
    try {
      const r = ccg(['index'], { home });
      expect(r.code).toBe(1);
      expectOneLine(r.stderr);
      expect(r.stderr).toBe(`ccg: cannot read ${file}: it is a folder, not a file; move that folder out of the way\n`);
      const q = ccg(['quotes', 'barking'], { home });
      expect(q.code).toBe(1);
      expectOneLine(q.stderr);
    } finally {
      rmSync(file, { recursive: true });
      renameSync(`${file}.bak`, file);
    }
  });

  it('a bug prints its stack and asks to be reported', () => {
    const r = run(['--home', home, 'index'], { CCG_FAULT: 'BUG' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ccg: internal error: TypeError: injected bug/);
    expect(r.stderr).toMatch(/^\s+at writeFileAtomic/m);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/^ccg: this is a bug in ccg \d+\.\d+\.\d+, not something you did\. Please report it to .+, with the command you ran and the lines above\.$/);
  });
});

describe('the command line', () => {
  const formats: [string, string[]][] = [
    ['quotes', ['quotes', 'x', '--json', '--csv']],
    ['search', ['search', 'x', '--csv', '--json']],
    ['timeline', ['timeline', '--org', 'BMA', '--json', '--csv']],
    ['extract', ['extract', seed, '--json', '--jsonl']],
  ];
  for (const [name, args] of formats) {
    it(`refuses two output formats at once in ccg ${name}`, () => {
      const r = ccg(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^ccg: ${name}: choose one output format, not --\\w+ and --\\w+$`, 'm'));
      expect(r.stdout).toBe('');
    });
  }

  const extras: [string, string[], string][] = [
    ['index', ['index', 'now'], '"now"'],
    ['start', ['start', 'offline'], '"offline"'],
    ['ingest', ['ingest', 'pulse', 'bmj'], '"pulse" "bmj"'],
    ['sources list', ['sources', 'list', 'all'], '"all"'],
    ['sources check', ['sources', 'check', 'pulse'], '"pulse"'],
  ];
  for (const [name, args, shown] of extras) {
    it(`refuses extra arguments to ccg ${name}`, () => {
      const r = ccg(args, { home: tempHome() });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^ccg: ${name}: unexpected arguments? ${shown} \\(${name} takes none\\)$`, 'm'));
    });
  }

  it('refuses two URLs to ccg sources add', () => {
    const r = ccg(['sources', 'add', 'http://127.0.0.1:9/a', 'http://127.0.0.1:9/b'], { home: tempHome() });
    expect(r.code).toBe(2);
  });

  it('prints its version from package.json with --version and -V', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = ccg([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`ccg ${version}\n`);
    }
  });

  describe('counts one of a thing in the singular', () => {
    let home: string;
    let file: string;
    beforeAll(() => {
      home = tempHome(false);
      file = join(scratch(), 'one.txt');
      writeFileSync(file, 'Practices warned on contracts\n\nDr Jane Hollis, chair of Northshire LMC, said: “We cannot accept this plan for primary care in any form at all.”\n');
    });

    it('in ccg extract, add, index, quotes, search and timeline', () => {
      const x = ccg(['extract', file], { home });
      expect(x.stdout).toMatch(/^1 organisation: Northshire LMC$/m);
      expect(x.stdout).toMatch(/^1 person: Dr Jane Hollis$/m);
      expect(x.stdout).toMatch(/^1 quote:$/m);
      expect(ccg(['add', file], { home }).stdout).toMatch(/\(1 quote\)\n/);
      expect(ccg(['index'], { home }).stdout).toMatch(/^Indexed 1 document and 1 quote in 1 partition → /);
      expect(ccg(['quotes'], { home }).stdout).toMatch(/^1 quote$/m);
      expect(ccg(['quotes', 'zzzz'], { home }).stdout).toMatch(/\(1 quote in the archive\)/);
      expect(ccg(['search', 'primary'], { home }).stdout).toMatch(/^1 document$/m);
      expect(ccg(['search', 'zzzz'], { home }).stdout).toMatch(/\(1 document in the archive\)/);
      expect(ccg(['timeline', '--speaker', 'Hollis'], { home }).stdout).toMatch(/^undated {2}1 quote$/m);
    });

    it('in ccg sources list and ccg ingest', () => {
      const h = tempHome();
      const reg = join(h, 'sources', 'registry');
      rmSync(reg, { recursive: true });
      mkdirSync(reg);
      writeFileSync(join(reg, 'one.json'), JSON.stringify({ id: 'one', name: 'One', publisher: 'One', kind: 'page', urls: ['http://127.0.0.1:9/'], enabled: false }));
      expect(ccg(['sources', 'list'], { home: h }).stdout).toMatch(/^1 source in /m);
      expect(ccg(['ingest', '--source', 'one', '--no-index'], { home: h }).stdout).toMatch(/^1 source: /m);
    });
  });
});
