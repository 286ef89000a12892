import type { Command } from '../command.js';
import { indexContext } from '../../pipeline/index-context.js';
import { parse } from '../args.js';
import { out, bold, dim } from '../output.js';
import { FILTER_OPTIONS, FILTER_HELP, RESULT_OPTIONS, RESULT_HELP, QUERY_HELP, queryFrom, facetLines, describeTotal, formatFrom, printStructured, quoted } from '../filters.js';
import { formatQuery } from '../../search/query-language.js';
import { toCsv, toMarkdown } from '../csv.js';
import { citation, shownDate, shownOrganisation } from '../../search/citation.js';
import { plural } from '../../core/plural.js';
import { UsageError } from '../../core/errors.js';

export { citation };

export const quotes: Command = {
  name: 'quotes',
  summary: 'search quotations: who said what, for which organisation, with what stance',
  usage: 'ccg quotes [QUERY] [--speaker NAME] [--org NAME] [--stance S] [--since DATE] [--until DATE] [--sort S] [--facets] [--no-partial] [--cite] [--format table|json|jsonl|csv|md]',
  help: `Searches quotations by their words, speaker, role and organisation (and the reported speech
around them), and prints each with speaker, role, organisation, stance towards CCGs taking on
primary care commissioning, date, source and a citation to paste. With no QUERY, lists the quotes
that match the filters, newest first.

${QUERY_HELP}

${FILTER_HELP}
${RESULT_HELP}
  --no-partial      leave out partial quotes (a few words quoted inside reported speech)
  --cite            print only each quote and its citation, ready to paste: speaker, role, title,
                    publisher, date ("c. 2014" when estimated), URL as published, date accessed

Examples:
  ccg quotes "barking mad"
  ccg quotes 'speaker:"Julie Wood"'
  ccg quotes --org BMA --stance oppose
  ccg quotes '"conflict of interest" -hospital org:BMA since:2014' --facets
  ccg quotes delegation --sort -date --json`,
  home: 'reads',
  async run(argv, global) {
    const { values, positionals } = parse('quotes', argv, { ...FILTER_OPTIONS, ...RESULT_OPTIONS, 'no-partial': { type: 'boolean' }, cite: { type: 'boolean' } }, { queryWords: true });
    const { query, limit, sort } = queryFrom('quotes', positionals, values);
    const format = formatFrom('quotes', values);
    if (values.cite && format !== 'table') {
      const other = values.format !== undefined ? `--format ${String(values.format)}` : `--${format}`;
      throw new UsageError(`quotes: choose one output format, not --cite and ${other}`, { showUsage: true });
    }
    const { openBackend } = await import('../../pipeline/index-corpus.js');
    const index = await openBackend(indexContext(global.home));
    const r = await index.quotes(query, { limit, ...(sort ? { sort } : {}), ...(values['no-partial'] ? { partial: false } : {}) });
    const rows = r.hits.map((h) => ({ ...h, datePrecision: h.approximate ? 'approximate' : null, citation: citation(h) }));
    if (printStructured(format, () => ({ query: formatQuery(query), total: r.total, loose: r.loose, hits: rows, facets: r.facets }), rows)) return 0;
    const header = ['quote', 'speaker', 'role', 'organisation', 'stance', 'partial', 'date', 'page', 'title', 'publisher', 'url', 'citation'];
    const cells = r.hits.map((h) => [h.text, h.speaker, h.role, h.organisation, h.stance, h.partial, shownDate(h.date, h.approximate), h.page, h.title, h.publisher, h.url, citation(h)]);
    if (format === 'csv') {
      out(toCsv(header, cells));
      return 0;
    }
    if (format === 'md') {
      out(toMarkdown(['quote', 'speaker', 'organisation', 'stance', 'date', 'citation'], r.hits.map((h) => [`“${h.text}”`, h.speaker, h.organisation, h.stance, shownDate(h.date, h.approximate), citation(h)])));
      return 0;
    }
    if (values.cite) {
      for (const h of r.hits) out(`“${h.text}” — ${citation(h)}\n`);
      return 0;
    }
    const shown = formatQuery(query);
    if (!r.hits.length) {
      out(`No quotes match ${shown ? quoted(shown) : 'these filters'} (${plural(index.quoteCount, 'quote')} in the archive).`);
      return 0;
    }
    if (r.loose) out(dim(`No quote matches all of ${quoted(shown)}; these match some of its words.\n`));
    for (const q of r.hits) {
      out(`“${q.text}”${q.partial ? dim(' (partial)') : ''}`);
      const who = [bold(q.speaker ?? 'unattributed'), q.role, shownOrganisation(q)].filter(Boolean).join(', ');
      out(`   — ${who} · stance: ${q.stance}`);
      out(`   ${dim(citation(q))}`);
      out();
    }
    if (values.facets) for (const l of facetLines(r.facets)) out(dim(l));
    out(dim(describeTotal(r.hits.length, r.total, 'quote', r.loose)));
    return 0;
  },
};
