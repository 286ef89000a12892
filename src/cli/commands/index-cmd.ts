import type { Command } from '../command.js';
import { parse } from '../args.js';
import { out } from '../output.js';
import { plural } from '../../core/plural.js';
import { createContext, indexCorpus } from '../../pipeline/index.js';

export const index: Command = {
  name: 'index',
  summary: 'build the search index from the stored documents',
  usage: 'ccg index [--json]',
  help: `Builds index/search-index.json (a versioned MiniSearch index over documents and over
quotes) from corpus/documents/. The old index stays in place until the new one is complete.

Example:
  ccg index`,
  home: 'reads',
  async run(argv, global) {
    const { values } = parse('index', argv, { json: { type: 'boolean' } }, { max: 0 });
    const s = await indexCorpus(createContext(global.home));
    if (values.json) out(JSON.stringify(s));
    else out(`Indexed ${plural(s.documents, 'document')} and ${plural(s.quotes, 'quote')} → ${s.file} (${(s.bytes / 1024).toFixed(0)} KB)`);
    return 0;
  },
};
