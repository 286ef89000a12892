import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a real process. */
export function ccg(args: readonly string[], options: { home?: string; cwd?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [CLI, ...(options.home ? ['--home', options.home] : []), ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', CCG_HOME: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the built CLI as a real process without blocking this process, for tests whose server
 * runs in the test process itself (spawnSync would stall the server and so the child).
 */
export function ccgAsync(args: readonly string[], options: { home?: string } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...(options.home ? ['--home', options.home] : []), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', CCG_HOME: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A temporary home with a copy of the project's sources/ (registry, organisations, local documents). */
export function tempHome(withSources = true): string {
  const home = mkdtempSync(join(tmpdir(), 'ccg-test-'));
  if (withSources) cpSync(join(ROOT, 'sources'), join(home, 'sources'), { recursive: true });
  else mkdirSync(join(home, 'sources'));
  return home;
}

import { loadTopics } from '../src/sources/index.js';
import { lexiconScorer, type Topic } from '../src/analyse/stance.js';

/** The default topic as shipped, and its lexicon as a stance scorer. */
export const TOPIC: Topic = loadTopics(join(ROOT, 'sources', 'stance', 'topics.json'))[0]!;
export const LEXICON = lexiconScorer(TOPIC);
