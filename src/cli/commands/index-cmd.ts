import type { Command } from '../command.js';
import { parse } from '../args.js';
import { out, err } from '../output.js';
import { plural } from '../../core/plural.js';
import { pathToFileURL } from 'node:url';
import { homeFlag } from '../shell.js';
import type { IndexSummary } from '../../pipeline/index.js';

export function describeIndex(s: IndexSummary): string {
  const mb = (s.bytes / 1024 / 1024).toFixed(1);
  const gone = s.removed ? `marked ${plural(s.removed, 'removed document')} deleted` : '';
  const what = s.rebuilt.length ? [`wrote ${plural(s.rebuilt.length, 'new partition')} (${mb} MB)`, gone].filter(Boolean).join(', ') : gone || 'nothing changed';
  return `Indexed ${plural(s.documents, 'document')} and ${plural(s.quotes, 'quote')} in ${plural(s.partitions, 'partition')} → ${s.dir}: read ${s.read}, removed ${s.removed}, ${what}`;
}

export const index: Command = {
  name: 'index',
  summary: 'build or update the search index from the stored documents',
  usage: 'ccg index [--full] [--json]',
  help: `Updates the search index in index/ from corpus/documents/: only new, changed and removed
documents are read. They are written as a new partition, and their old versions are marked
deleted; small partitions are merged once eight have piled up. A full build orders the archive by
date into partitions of 4,000 documents, so a date filter reads only the partitions it needs. The
index is written beside the old one and switched over at the end, so a search during the update,
or a run that is stopped, sees the old index whole. A record that cannot be
read is named and left out (run "ccg verify --repair"); the rest is indexed, and the exit code is 1.
An index of an older version, or one built with another organisation list, is rebuilt whole.
It also writes the search page into index/site/: open index/site/index.html in a browser (it
works from the folder, offline), or serve it with "ccg serve".

  --full    rebuild the whole index (compacts it: deleted documents go)
  --json    the summary as JSON

Example:
  ccg index`,
  home: 'reads',
  async run(argv, global) {
    const [{ indexContext }, { indexCorpus }] = await Promise.all([import('../../pipeline/index-context.js'), import('../../pipeline/index-corpus.js')]);
    const { values } = parse('index', argv, { json: { type: 'boolean' }, full: { type: 'boolean' } }, { max: 0 });
    const ctx = indexContext(global.home);
    const s = await indexCorpus(ctx, { full: Boolean(values.full) });
    for (const p of s.problems) err(`ccg index: skipped ${p.message} (run "ccg ${homeFlag(global.home)}verify --repair")`);
    if (values.json) out(JSON.stringify(s));
    else {
      if (s.fullReason) out(`Rebuilding the whole index: ${s.fullReason}.`);
      out(describeIndex(s));
      out(`Search page: ${pathToFileURL(s.site.page).href} (or "ccg ${homeFlag(global.home)}serve")`);
    }
    return s.problems.length ? 1 : 0;
  },
};
