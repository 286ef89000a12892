import type { Command } from '../command.js';
import { parse } from '../args.js';
import { out, err } from '../output.js';
import { createContext, addFiles, indexCorpus, localManifest } from '../../pipeline/index.js';

export const start: Command = {
  name: 'start',
  summary: 'the main job: add the shipped documents, build the index, say how to search',
  usage: 'ccg start',
  help: `What "npm start" runs: adds every document listed in sources/local/manifest.json to the
corpus (already stored ones are left as they are), builds the search index, and prints how to
search it. Works offline.`,
  async run(argv, global) {
    parse('start', argv, {});
    const ctx = createContext(global.home);
    const files = localManifest(ctx).map((d) => d.path);
    out(`Adding ${files.length} local documents…`);
    const results = await addFiles(ctx, files, { addedBy: 'npm start' });
    for (const r of results) if (r.status === 'failed') err(`  failed: ${r.error}`);
    const count = (s: string): number => results.filter((r) => r.status === s).length;
    out(`  ${count('added')} added, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed`);
    const s = await indexCorpus(ctx);
    out(`Indexed ${s.documents} documents and ${s.quotes} quotes → ${s.file}`);
    out('');
    out('Search the archive:');
    out('  npm run ccg -- quotes "barking mad"          quotes by their words');
    out('  npm run ccg -- quotes "Julie Wood"           quotes by speaker');
    out('  npm run ccg -- quotes --org BMA --stance oppose');
    out('  npm run ccg -- search "conflict of interest" documents, with snippets');
    out('  npm run ccg -- --help                        every command');
    return count('failed') ? 1 : 0;
  },
};
