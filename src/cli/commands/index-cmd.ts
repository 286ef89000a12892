import type { Command } from '../command.js';
import { parse } from '../args.js';
import { out, err } from '../output.js';
import { createContext, indexCorpus } from '../../pipeline/index.js';
import type { RecordProblem } from '../../corpus/store.js';

/** Names each record the index left out, one line each, and says what to run; true when there was one. */
export function reportSkipped(skipped: readonly RecordProblem[]): boolean {
  for (const p of skipped) err(`ccg: ${p.file}: ${p.message} (left out of the index; run "ccg verify --repair")`);
  return skipped.length > 0;
}

export const index: Command = {
  name: 'index',
  summary: 'build the search index from the stored documents',
  usage: 'ccg index [--json]',
  help: `Builds index/search-index.json (a versioned MiniSearch index over documents and over
quotes) from corpus/documents/. The old index stays in place until the new one is complete.
A record that cannot be read is named, left out, and the rest is indexed (exit code 1);
"ccg verify --repair" rebuilds it or sets it aside.

Example:
  ccg index`,
  async run(argv, global) {
    const { values } = parse('index', argv, { json: { type: 'boolean' } });
    const s = await indexCorpus(createContext(global.home));
    if (values.json) out(JSON.stringify(s));
    else out(`Indexed ${s.documents} documents and ${s.quotes} quotes → ${s.file} (${(s.bytes / 1024).toFixed(0)} KB)`);
    return reportSkipped(s.skipped) ? 1 : 0;
  },
};
