import type { Command } from '../command.js';
import { parse } from '../args.js';
import { out, bold, dim, useColour } from '../output.js';
import { FILTER_OPTIONS, FILTER_HELP, filtersFrom } from '../filters.js';
import { createContext, loadIndex } from '../../pipeline/index.js';
import { searchDocuments, markSnippet } from '../../search/index.js';
import { toCsv } from '../csv.js';
import { plural } from '../../core/plural.js';

export const search: Command = {
  name: 'search',
  summary: 'search documents; ranked results with highlighted snippets',
  usage: 'ccg search QUERY [--speaker NAME] [--org NAME] [--stance S] [--since DATE] [--until DATE] [--json | --csv]',
  help: `Searches the titles, text, organisations and speakers of every stored document and prints
the best matches with title, date, publisher and a snippet with the matched words highlighted.
Every word must match; when none match together, any word may.

${FILTER_HELP}

Examples:
  ccg search "conflict of interest"
  ccg search co-commissioning --since 2014 --until 2015
  ccg search delegation --json | jq '.[].title'`,
  home: 'reads',
  async run(argv, global) {
    const { values, positionals } = parse('search', argv, FILTER_OPTIONS);
    const query = positionals.join(' ');
    const { filters, limit } = filtersFrom('search', values);
    const index = await loadIndex(createContext(global.home));
    const hits = searchDocuments(index, query, filters, limit);
    if (values.json) {
      out(JSON.stringify(hits.map((h) => ({ ...h, snippet: h.snippet.text, highlights: h.snippet.highlights })), null, 2));
      return 0;
    }
    if (values.csv) {
      out(toCsv(['title', 'published', 'publisher', 'url', 'snippet', 'score'], hits.map((h) => [h.title, h.published, h.publisher, h.url, h.snippet.text, h.score.toFixed(3)])));
      return 0;
    }
    if (!hits.length) {
      out(`No documents match "${query}" (${plural(index.documentCount, 'document')} searched).`);
      return 0;
    }
    const colour = useColour(process.stdout);
    hits.forEach((h, i) => {
      out(`${i + 1}. ${bold(h.title)}`);
      out(`   ${dim([h.published ?? 'undated', h.publisher, h.url].filter(Boolean).join(' · '))}`);
      out(`   ${markSnippet(h.snippet, colour ? '\x1b[1;33m' : '**', colour ? '\x1b[0m' : '**')}`);
      out();
    });
    out(dim(`${hits.length} of ${plural(index.documentCount, 'document')}`));
    return 0;
  },
};
