import type { Command } from '../command.js';
import { homeFlag } from '../shell.js';
import type { Problem, VerifyReport } from '../../pipeline/verify.js';
import { parse } from '../args.js';
import { out } from '../output.js';
import { plural } from '../../core/plural.js';

/** Why a leftover is there: an index behind the corpus is also what ccg add, ccg remove --no-index and ingest --no-index leave, for ccg index. */
function leftBy(p: Problem, home: string | null): string {
  if (!p.leftover) return '';
  if (p.kind === 'index-stale') return ` [left by ccg add, ccg remove --no-index, ingest --no-index or a stopped run; "ccg ${homeFlag(home)}index" updates it]`;
  return ' [left by a stopped run]';
}

const line = (p: Problem & { hint?: string }, home: string | null): string => `${p.file}: ${p.message}${leftBy(p, home)}${p.hint ? ` (${p.hint})` : ''}`;

function checked(r: VerifyReport): string {
  const c = r.checked;
  return `${plural(c.documents, 'document')}${c.removed ? ` (and ${c.removed} removed)` : ''}, ${plural(c.snapshots, 'snapshot')}, ${plural(c.urlStates, 'URL fetch state')}, ${c.indexed === null ? 'no index' : `an index of ${plural(c.indexed, 'document')}`}`;
}

export const verify: Command = {
  name: 'verify',
  summary: 'check the corpus and the index; --repair rebuilds what can be rebuilt',
  usage: 'ccg verify [--repair] [--json]',
  help: `Checks everything stored and names each problem with its file, one line each:
  - document records: valid JSON, valid against the data model (the type of every field, quote
    offsets inside the text, stances, dates), named after their id, no id held twice;
  - snapshots: their bytes match their sha256 name; every snapshot is referred to by a fetch state
    or a document;
  - fetch states: every revision's snapshot and document exist (or the document was taken out
    by ccg remove: its removal record in corpus/removed/ accounts for it);
  - removal records: readable, and their document no longer stored (a removal stopped between
    its two writes leaves both; --repair finishes it);
  - temporary files left by a write that was stopped;
  - the index: the same documents as the corpus, and up to date with them.
Exit code 0 when all is well, 1 when there is a problem. Problems marked "left by a stopped run"
are what a run killed at any moment may leave; the next run or --repair clears them. An index
behind the corpus is also what ccg add, ccg remove --no-index and ccg ingest --no-index leave:
ccg index updates it.
Run --repair when no other ccg command is writing to the archive (a temporary file of a process
that is still running is not touched).

  --repair   rebuild what can be rebuilt: a document from its snapshot, a fetch state from a
             document and its snapshot, the index; move unreadable files to corpus/quarantine/
             with a .note saying where they came from, when and why; remove temporary files;
             finish a removal that was stopped (a removed document is never rebuilt);
             then name what could not be repaired (exit code 1 if anything is left)
  --json     a structured report, for scripts

Examples:
  ccg verify
  ccg verify --repair`,
  home: 'reads',
  async run(argv, global) {
    const [{ createContext }, { verifyArchive, repairArchive }] = await Promise.all([import('../../pipeline/context.js'), import('../../pipeline/verify.js')]);
    const { values } = parse('verify', argv, { repair: { type: 'boolean' }, json: { type: 'boolean' } }, { max: 0 });
    const ctx = createContext(global.home);
    if (!values.repair) {
      const report = await verifyArchive(ctx);
      if (values.json) out(JSON.stringify({ ok: report.problems.length === 0, ...report }));
      else {
        for (const p of report.problems) out(line(p, global.home));
        out(report.problems.length
          ? `${plural(report.problems.length, 'problem')} in ${checked(report)}; "ccg ${homeFlag(global.home)}verify --repair" rebuilds what can be rebuilt`
          : `All well: ${checked(report)}`);
      }
      return report.problems.length ? 1 : 0;
    }
    const r = await repairArchive(ctx);
    if (values.json) out(JSON.stringify({ ok: r.unrepaired.length === 0, repaired: r.repaired, unrepaired: r.unrepaired, after: r.after }));
    else {
      for (const a of r.repaired) out(`repaired: ${a.file}: ${a.action}`);
      for (const p of r.unrepaired) out(`not repaired: ${line(p, global.home)}`);
      out(r.unrepaired.length
        ? `${plural(r.repaired.length, 'repair')}; ${plural(r.unrepaired.length, 'problem')} left in ${checked(r.after)}`
        : `${r.repaired.length ? `${plural(r.repaired.length, 'repair')}; all well` : 'Nothing to repair; all well'}: ${checked(r.after)}`);
    }
    return r.unrepaired.length ? 1 : 0;
  },
};
