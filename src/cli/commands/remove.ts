import type { Command } from '../command.js';
import type { Document } from '../../core/types.js';
import type { IndexContext } from '../../pipeline/index-context.js';
import type { RemovalPlan } from '../../pipeline/remove.js';
import { homeFlag } from '../shell.js';
import { parse, str } from '../args.js';
import { out, err, dim } from '../output.js';
import { UsageError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import { userName } from '../../core/user.js';

/** One document as `ccg remove` (and `ccg sources remove`) shows it in JSON. */
export function removedJson(d: Document): object {
  return { id: d.id, title: d.title, source: d.source, url: d.url, published: d.published, quotes: d.quotes.length };
}

/** One document as a line: its id, title, quotes and URL (or the file it was added from). */
function removedLine(d: Document): string {
  const where = d.url ?? d.provenance?.path ?? '';
  return `  ${d.id}  ${d.title || '(no title)'} (${plural(d.quotes.length, 'quote')})${where ? `  ${dim(where)}` : ''}`;
}

/** What became of the index: updated, left for "ccg index", or there was none. */
export type IndexOutcome =
  | { readonly updated: true; readonly documents: number; readonly quotes: number; readonly problems: number }
  | { readonly updated: false; readonly reason: 'dry run' | 'nothing removed' | '--no-index' | 'no index' };

export interface RemoveRun {
  readonly dryRun: boolean;
  readonly noIndex: boolean;
  readonly reason: string | null;
  readonly removedBy: string;
  readonly home: string | null;
}

/**
 * Removes the planned documents (unless a dry run) and updates the index; prints each document and
 * what was done in text, or nothing (the caller prints JSON). Returns what became of the index.
 */
export async function applyRemoval(ctx: IndexContext, plan: RemovalPlan, run: RemoveRun, text: boolean): Promise<IndexOutcome> {
  const { removeDocuments, updateIndex } = await import('../../pipeline/remove.js');
  const docs = plan.documents;
  const quotes = docs.reduce((n, d) => n + d.quotes.length, 0);
  if (text && docs.length) {
    out(`${run.dryRun ? 'Would remove' : 'Removing'} ${plural(docs.length, 'document')} (${plural(quotes, 'quote')}):`);
    for (const d of docs) out(removedLine(d));
  }
  if (run.dryRun) return { updated: false, reason: 'dry run' };
  if (!docs.length) return { updated: false, reason: 'nothing removed' };
  await removeDocuments(ctx, docs, { removedBy: run.removedBy, reason: run.reason });
  if (text) out(`Removed ${plural(docs.length, 'document')}; what each was, where it came from and when it was removed is kept in ${ctx.paths.corpus}/removed/.`);
  const ccg = `ccg ${homeFlag(run.home)}`;
  if (run.noIndex) {
    if (text) out(`The search index still lists ${docs.length === 1 ? 'it' : 'them'}: run "${ccg}index" to update it.`);
    return { updated: false, reason: '--no-index' };
  }
  const s = await updateIndex(ctx);
  if (!s) return { updated: false, reason: 'no index' };
  for (const p of s.problems) err(`ccg: index: skipped ${p.message} (run "${ccg}verify --repair")`);
  if (text) out(`Index updated: ${plural(s.documents, 'document')} and ${plural(s.quotes, 'quote')} searchable (the search page too).`);
  return { updated: true, documents: s.documents, quotes: s.quotes, problems: s.problems.length };
}

/** The one-line error for inputs that name nothing stored: nothing has been removed. */
export function unknownError(command: string, plan: RemovalPlan): UsageError {
  const [first, ...more] = plan.unknown;
  const others = more.length ? ` (and ${plural(more.length, 'other input')}: ${more.map((u) => u.input).join(', ')})` : '';
  return new UsageError(`${command}: ${first!.reason}${others}; nothing removed`);
}

export const remove: Command = {
  name: 'remove',
  summary: 'take documents out of the archive by id or URL (or every document of a source)',
  usage: 'ccg remove ID|URL... [--source ID]... [--reason TEXT] [--dry-run] [--no-index] [--json]',
  help: `Takes stored documents out of the archive: their records leave corpus/documents/, and the
search index and the search page are updated, so no search finds them. Name each by its id (the
"id" of "ccg search --json", the "documentId" of "ccg quotes --json"; "ccg add" prints it too)
or by a URL it is known by (as fetched, its canonical URL, or another URL of the same story).

Every removed document leaves a removal record, corpus/removed/ID.json: its id, title, URLs,
source and provenance (its snapshot, or the file it was added from), when, by whom and why. Its
text and quotes go. The raw snapshots and fetch states stay: they are the archive's record of
what was fetched, and "ccg verify" reads their references to the document against the removal
record. A removed document stays out: ingest skips its page (even at another URL with the same
text), and "ccg start" skips a shipped file. Adding it by hand ("ccg add FILE" or "ccg add URL")
brings it back and deletes its removal record.

An id, URL or --source that names no stored document (or anything that is not an id or an
http(s) URL) is refused in one line naming it, with exit code 2, and then nothing is removed.

  --source ID     also every document of this source: fetched by it, or added from its files
                  (repeatable; to unregister the source too, see "ccg sources remove")
  --reason TEXT   why, kept in each removal record
  --dry-run       show what would be removed; change nothing
  --no-index      leave the index as it is (it lists the removed documents until "ccg index")
  --json          {dryRun, documents: [{id, title, source, url, published, quotes}], index:
                  {updated: true, documents, quotes, problems} or {updated: false, reason}}

Examples:
  ccg remove 5a714384cc6643f3 --dry-run
  ccg remove https://www.pulsetoday.co.uk/news/some-story/ --reason "off topic"
  ccg remove --source gponline --json`,
  home: 'reads',
  async run(argv, global) {
    const { values, positionals } = parse('remove', argv, {
      source: { type: 'string', multiple: true }, reason: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'no-index': { type: 'boolean' }, json: { type: 'boolean' },
    });
    const sources = (values.source as string[] | undefined) ?? [];
    if (!positionals.length && !sources.length) throw new UsageError('remove: name at least one document id or URL, or --source ID', { showUsage: true });
    const reason = str(values.reason)?.trim();
    if (reason === '') throw new UsageError('remove: --reason must not be empty');
    const [{ indexContext }, { planRemoval }] = await Promise.all([import('../../pipeline/index-context.js'), import('../../pipeline/remove.js')]);
    const ctx = indexContext(global.home);
    const plan = await planRemoval(ctx, positionals, sources);
    const empty = sources.filter((id) => !plan.bySource.get(id));
    if (plan.unknown.length) throw unknownError('remove', plan);
    if (empty.length) throw new UsageError(`remove: no stored document of source "${empty[0]}"${empty.length > 1 ? ` (nor of ${empty.slice(1).join(', ')})` : ''}; nothing removed`);
    const json = Boolean(values.json);
    const dryRun = Boolean(values['dry-run']);
    const index = await applyRemoval(ctx, plan, { dryRun, noIndex: Boolean(values['no-index']), reason: reason ?? null, removedBy: `ccg remove (${userName()})`, home: global.home }, !json);
    if (json) out(JSON.stringify({ dryRun, documents: plan.documents.map(removedJson), index }));
    else if (dryRun) out('Nothing removed (--dry-run).');
    return index.updated && index.problems ? 1 : 0;
  },
};
