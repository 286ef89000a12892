// Builds the static search page's assets into dist/site/: the page's code (src/web/main.ts and the
// src/search modules it shares with the CLI: the query language, normalisation, organisations,
// matching, timelines, citations) bundled by esbuild into one classic script (an IIFE: module
// scripts do not load from file://), and index.html and app.css copied as they are. `ccg index`
// copies these files into index/site/ beside the data. Part of `npm run build`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'dist', 'site');
mkdirSync(OUT, { recursive: true });

await build({
  entryPoints: [join(ROOT, 'src', 'web', 'main.ts')],
  outfile: join(OUT, 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const f of ['index.html', 'app.css', 'favicon.svg']) copyFileSync(join(ROOT, 'src', 'web', f), join(OUT, f));
