import type { Command } from '../command.js';
import { parse } from '../args.js';
import { out, err } from '../output.js';
import { plural } from '../../core/plural.js';
import { createContext, addFiles } from '../../pipeline/index.js';
import { ingest } from '../../pipeline/ingest.js';

export const add: Command = {
  name: 'add',
  summary: 'add local files (text or HTML, gzipped too) or single pages by URL to the archive',
  usage: 'ccg add FILE|URL... [--json]',
  help: `Extracts and analyses each file and stores it in corpus/documents/ as one JSON record with
its provenance (path, who added it, when, sha256). Adding a document that is already stored
changes nothing. A URL is fetched politely (robots.txt, rate) and its raw snapshot kept, as
ccg ingest does. A file or URL that cannot be read is named, the others are still added, and the
exit code is 1. Run "ccg index" afterwards to make new documents searchable.

  --json    one JSON line per file: {"input", "status": "added"|"unchanged"|"updated"|"failed", ...}

Examples:
  ccg add saved-page.html report.txt
  ccg add sources/local/*.txt
  ccg add https://www.kingsfund.org.uk/publications/clinical-commissioning-groups`,
  home: 'creates',
  async run(argv, global) {
    const { values, positionals } = parse('add', argv, { json: { type: 'boolean' } }, { min: 1, name: 'FILE or URL' });
    const ctx = createContext(global.home);
    const urls = positionals.filter((p) => /^https?:\/\//i.test(p));
    const files = positionals.filter((p) => !urls.includes(p));
    let urlFailures = 0;
    if (urls.length) {
      // A URL is fetched like a one-page source: politely, with its snapshot and provenance kept.
      const [summary] = await ingest(ctx, {
        sources: [{ id: 'manual', name: 'Added by hand', publisher: 'various', kind: 'page', urls, maxPages: 1, maxItems: urls.length, intervalMs: 1000, topics: [], enabled: true, file: '' }],
        onEvent: (e) => {
          if (e.type !== 'item') return;
          if (values.json) out(JSON.stringify({ input: e.url, status: e.outcome, ...(e.error ? { error: e.error } : {}) }));
          else if (e.error) err(`ccg add: ${e.error}`);
          else out(`${e.outcome.padEnd(9)} ${e.url}`);
        },
      });
      urlFailures = (summary?.failed ?? 0) + (summary?.skipped ?? 0) + (summary?.error ? 1 : 0);
      if (summary?.error && !values.json) err(`ccg add: ${summary.error}`);
    }
    const results = await addFiles(ctx, files, {
      onResult: (r) => {
        if (values.json) out(JSON.stringify(r));
        else if (r.status === 'failed') err(`ccg add: ${r.error}`);
        else out(`${r.status.padEnd(9)} ${r.id}  ${r.title} (${plural(r.quotes ?? 0, 'quote')})`);
      },
    });
    const failed = results.filter((r) => r.status === 'failed').length + urlFailures;
    if (!values.json) {
      const count = (s: string): number => results.filter((r) => r.status === s).length;
      out(`${count('added')} added, ${count('updated')} updated, ${count('unchanged')} unchanged, ${failed} failed`);
    }
    return failed ? 1 : 0;
  },
};
