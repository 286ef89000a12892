/**
 * `ccg serve` as a real process answering real HTTP requests on 127.0.0.1.
 */
import { PARTITION_KEY } from '../src/search/schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CLI, ROOT, ccg, ccgAsync, tempHome } from './helpers.js';

let home: string;
let child: ChildProcess;
let base: string;

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** One request with a raw path (not normalised by a URL parser, as an attacker would send it). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Starts `ccg serve` and resolves with the URL it prints. */
function startServe(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [CLI, '--home', home, 'serve', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    c.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/[^\s]+\/)/.exec(out);
      if (m) resolve({ child: c, url: m[1]! });
    });
    c.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    c.on('exit', (code) => reject(new Error(`ccg serve exited ${code}: ${err}`)));
  });
}

beforeAll(async () => {
  home = tempHome();
  const r = ccg(['start', '--offline'], { home });
  expect(r.code, r.stderr).toBe(0);
  ({ child, url: base } = await startServe(['--port', '0']));
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGTERM');
});

const site = (...p: string[]): string => join(home, 'index', 'site', ...p);

describe('ccg serve', () => {
  it('listens on 127.0.0.1 only and serves the page with its content type, CSP and revalidation', async () => {
    expect(new URL(base).hostname).toBe('127.0.0.1');
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body.toString()).toBe(readFileSync(site('index.html'), 'utf8'));
    const again = await get('/index.html', { 'If-None-Match': String(page.headers.etag) });
    expect(again.status).toBe(304);
    const css = await get('/app.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    // The page names its icon, so browsers do not ask for a /favicon.ico that is not there.
    expect(readFileSync(site('index.html'), 'utf8')).toContain('<link rel="icon" href="favicon.svg"');
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
  });

  it('gzips for clients that accept it, and caches partition data files (never rewritten) for a year', async () => {
    const plain = await get('/app.js');
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gz = await get('/app.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(gz.body.length).toBeLessThan(plain.body.length);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    // The largest data file (small bodies go uncompressed).
    const [key, file] = readdirSync(site('data'))
      .filter((d) => PARTITION_KEY.test(d))
      .flatMap((d) => readdirSync(site('data', d)).map((f) => [d, f] as const))
      .sort((a, b) => statSync(site('data', ...b)).size - statSync(site('data', ...a)).size)[0]!;
    const data = await get(`/data/${key}/${file}`, { 'Accept-Encoding': 'gzip' });
    expect(data.status).toBe(200);
    expect(data.headers['content-encoding']).toBe('gzip');
    expect(data.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(data.body).toString()).toBe(readFileSync(site('data', key, file), 'utf8'));
    const manifest = await get('/data/manifest.js');
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('refuses paths that leave the site, other methods, and names what is missing', async () => {
    for (const p of ['/../manifest.json', '/..%2fmanifest.json', '/%2e%2e/%2e%2e/etc/passwd', '/data/..%2f..%2f..%2fcorpus']) {
      const r = await get(p);
      expect(r.status, p).toBe(403);
      expect(r.body.toString()).not.toContain('ccg-index');
    }
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/nothing-here.js')).status).toBe(404);
    expect((await get('/data')).status).toBe(404);
    const post = await get('/', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const head = await get('/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('says when the port is taken or the page is not built, and stops cleanly on SIGTERM', async () => {
    const port = new URL(base).port;
    const taken = await ccgAsync(['serve', '--port', port], { home });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(new RegExp(`port ${port} on 127.0.0.1 is in use`));
    expect(ccg(['serve', '--port', 'abc'], { home }).code).toBe(2);
    const empty = tempHome(false);
    const none = ccg(['serve', '--port', '0'], { home: empty });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no search page in .*run "ccg --home \S+ index"/);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('ccg start --serve builds, prints the page as a file:// URL and the serve command, then serves it', async () => {
    const other = tempHome();
    const c = spawn(process.execPath, [CLI, '--home', other, 'start', '--offline', '--serve', '--port', '0'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      c.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      c.on('exit', (code) => reject(new Error(`ccg start --serve exited ${code}`)));
    });
    expect(out).toContain(`file://${join(other, 'index', 'site', 'index.html')}`);
    // Run with --home, the printed command serves the same archive.
    expect(out).toContain(`npm run ccg -- --home ${other} serve --open`);
    const res = await fetch(`${url}data/manifest.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^ccgData\("manifest\.js",/);
    const exited = new Promise<number | null>((resolve) => c.once('exit', (code) => resolve(code)));
    c.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
