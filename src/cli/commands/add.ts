import type { Command } from '../command.js';
import { parse } from '../args.js';
import { out, err } from '../output.js';
import { UsageError } from '../../core/errors.js';
import { createContext, addFiles } from '../../pipeline/index.js';

export const add: Command = {
  name: 'add',
  summary: 'add local files (text or HTML, gzipped too) to the archive',
  usage: 'ccg add FILE... [--json]',
  help: `Extracts and analyses each file and stores it in corpus/documents/ as one JSON record with
its provenance (path, who added it, when, sha256). Adding a document that is already stored
changes nothing. A file that cannot be read is named, the others are still added, and the exit
code is 1. Run "ccg index" afterwards to make new documents searchable.

  --json    one JSON line per file: {"input", "status": "added"|"unchanged"|"updated"|"failed", ...}

Examples:
  ccg add saved-page.html report.txt
  ccg add sources/local/*.txt`,
  async run(argv, global) {
    const { values, positionals } = parse('add', argv, { json: { type: 'boolean' } });
    if (!positionals.length) throw new UsageError('add: name at least one FILE');
    const ctx = createContext(global.home);
    const results = await addFiles(ctx, positionals, {
      onResult: (r) => {
        if (values.json) out(JSON.stringify(r));
        else if (r.status === 'failed') err(`ccg add: ${r.error}`);
        else out(`${r.status.padEnd(9)} ${r.id}  ${r.title} (${r.quotes} quotes)`);
      },
    });
    const failed = results.filter((r) => r.status === 'failed').length;
    if (!values.json) {
      const count = (s: string): number => results.filter((r) => r.status === s).length;
      out(`${count('added')} added, ${count('updated')} updated, ${count('unchanged')} unchanged, ${failed} failed`);
    }
    return failed ? 1 : 0;
  },
};
