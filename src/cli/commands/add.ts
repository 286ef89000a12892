import type { Command } from '../command.js';
import type { AddResult } from '../../pipeline/add.js';
import { parse } from '../args.js';
import { out, err } from '../output.js';
import { plural } from '../../core/plural.js';

/** One line per input: what became of it, its id, title and quotes (or why it failed). */
function line(r: AddResult): void {
  if (r.status === 'failed') {
    err(`ccg add: ${r.error}`);
    return;
  }
  out(`${r.status.padEnd(9)} ${r.id}  ${r.title || '(no title)'} (${plural(r.quotes ?? 0, 'quote')})${/^https?:/i.test(r.input) ? `  ${r.input}` : ''}`);
}

/**
 * "2 added, 0 updated, 1 unchanged, 1 failed" over every input; duplicates, and documents left out
 * because they were removed (ccg remove), named when there are any.
 */
export function addSummary(results: readonly AddResult[]): string {
  const count = (s: AddResult['status']): number => results.filter((r) => r.status === s).length;
  const dup = count('duplicate');
  const removed = count('removed');
  return `${count('added')} added, ${count('updated')} updated, ${count('unchanged')} unchanged, ${dup ? `${plural(dup, 'duplicate')}, ` : ''}${removed ? `${removed} left out (removed), ` : ''}${count('failed')} failed`;
}

export const add: Command = {
  name: 'add',
  summary: 'add local files (text, HTML or PDF, gzipped too) or single pages by URL to the archive',
  usage: 'ccg add FILE|URL... [--json]',
  help: `Extracts and analyses each file and stores it in corpus/documents/ as one JSON record with
its provenance (path, who added it, when, sha256). Adding a document that is already stored
changes nothing. A URL is fetched politely (robots.txt, rate) and its raw snapshot kept, as
ccg ingest does. A file or URL that cannot be read is named, the others are still added, and the
exit code is 1. A feed or sitemap is not a page: it is not stored, and ccg add prints the
command that registers it as a source (ccg sources add URL). Run "ccg index" afterwards to make
new documents searchable. PDF reports (a file or a URL) are read as ccg extract reads them: each
quote keeps its page; an encrypted or scanned PDF is stored with its metadata, marked
needsPassword or needsOcr. Adding a document that "ccg remove" took out brings it back (its
removal record in corpus/removed/ is deleted); ingest and "ccg start" leave such documents out.

Each input gets one line with its status, and the last line counts them all:
  added      stored for the first time
  updated    stored before; its new version replaces the old record
  unchanged  already stored as it is; nothing written
  duplicate  a URL whose story is already stored from another URL; that document records this
             URL as one of its alternateUrls. A file whose page is already stored as fetched
             (the same canonical URL) is a duplicate too: the fetched record stays
  failed     not stored (unreadable, unreachable, disallowed by robots.txt, a feed); the
             reason is on stderr

  --json    one JSON line per input: {"input", "status", "id", "title", "quotes"} or, when it
            failed, {"input", "status": "failed", "error"} (a feed adds "feed" and "suggest")

Examples:
  ccg add saved-page.html report.txt
  ccg add sources/local/*.txt
  ccg add ~/Downloads/report.pdf && ccg index
  ccg add https://www.kingsfund.org.uk/publications/clinical-commissioning-groups`,
  home: 'creates',
  async run(argv, global) {
    const [{ createContext }, { addInputs }] = await Promise.all([import('../../pipeline/context.js'), import('../../pipeline/add.js')]);
    const { values, positionals } = parse('add', argv, { json: { type: 'boolean' } }, { min: 1, name: 'FILE or URL' });
    const ctx = createContext(global.home);
    const results = await addInputs(ctx, positionals, {
      onResult: (r) => {
        if (values.json) out(JSON.stringify(r));
        else line(r);
      },
    });
    if (!values.json) out(addSummary(results));
    return results.some((r) => r.status === 'failed') ? 1 : 0;
  },
};
