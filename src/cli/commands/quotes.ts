import type { Command } from '../command.js';
import { parse } from '../args.js';
import { out, bold, dim } from '../output.js';
import { FILTER_OPTIONS, FILTER_HELP, filtersFrom } from '../filters.js';
import { createContext, loadIndex } from '../../pipeline/index.js';
import { searchQuotes, type QuoteHit } from '../../search/index.js';
import { toCsv } from '../csv.js';
import { plural } from '../../core/plural.js';

/** A citation a journalist can paste. */
export function citation(q: QuoteHit): string {
  const who = [q.speaker ?? 'Unattributed', q.role].filter(Boolean).join(', ');
  const where = [`“${q.title}”`, q.publisher, q.date ?? 'undated'].filter(Boolean).join(', ');
  return `${who}, quoted in ${where}.${q.url ? ` ${q.url}` : ''}`;
}

export const quotes: Command = {
  name: 'quotes',
  summary: 'search quotations: who said what, for which organisation, with what stance',
  usage: 'ccg quotes [QUERY] [--speaker NAME] [--org NAME] [--stance S] [--since DATE] [--until DATE] [--no-partial] [--json | --csv]',
  help: `Searches quotations by their words, speaker, role and organisation, and prints each with
speaker, role, organisation, stance towards CCGs taking on primary care commissioning, date,
source and a citation to paste. With no QUERY, lists the quotes that match the filters.

${FILTER_HELP}
  --no-partial      leave out partial quotes (a few words quoted inside reported speech)

Examples:
  ccg quotes "barking mad"
  ccg quotes "Julie Wood"
  ccg quotes --org BMA --stance oppose
  ccg quotes "conflict of interest" --json`,
  home: 'reads',
  async run(argv, global) {
    const { values, positionals } = parse('quotes', argv, { ...FILTER_OPTIONS, 'no-partial': { type: 'boolean' } });
    const query = positionals.join(' ');
    const { filters, limit } = filtersFrom('quotes', values);
    const index = await loadIndex(createContext(global.home));
    const hits = searchQuotes(index, query, { ...filters, ...(values['no-partial'] ? { partial: false } : {}) }, limit);
    if (values.json) {
      out(JSON.stringify(hits.map((h) => ({ ...h, citation: citation(h) })), null, 2));
      return 0;
    }
    if (values.csv) {
      out(toCsv(['quote', 'speaker', 'role', 'organisation', 'stance', 'partial', 'date', 'title', 'publisher', 'url', 'citation'],
        hits.map((h) => [h.text, h.speaker, h.role, h.organisation, h.stance, h.partial, h.date, h.title, h.publisher, h.url, citation(h)])));
      return 0;
    }
    if (!hits.length) {
      out(`No quotes match "${query}" (${plural(index.quoteCount, 'quote')} searched).`);
      return 0;
    }
    for (const q of hits) {
      out(`“${q.text}”${q.partial ? dim(' (partial)') : ''}`);
      const orgShown = q.organisation && q.organisation !== q.speaker && !(q.role ?? '').includes(q.organisation) ? q.organisation : null;
      const who = [bold(q.speaker ?? 'unattributed'), q.role, orgShown].filter(Boolean).join(', ');
      out(`   — ${who} · stance: ${q.stance}`);
      out(`   ${dim(citation(q))}`);
      out();
    }
    out(dim(`${hits.length} of ${plural(index.quoteCount, 'quote')}`));
    return 0;
  },
};
