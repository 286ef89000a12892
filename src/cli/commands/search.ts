import type { Command } from '../command.js';
import { indexContext } from '../../pipeline/index-context.js';
import { parse } from '../args.js';
import { out, bold, dim, useColour } from '../output.js';
import { FILTER_OPTIONS, FILTER_HELP, RESULT_OPTIONS, RESULT_HELP, QUERY_HELP, queryFrom, facetLines, describeTotal, formatFrom, printStructured, quoted } from '../filters.js';
import { formatQuery } from '../../search/query-language.js';
import type { DocumentHit } from '../../search/execute.js';
import type { Snippet } from '../../search/snippet.js';
import { toCsv, toMarkdown } from '../csv.js';
import { shownDate } from '../../search/citation.js';
import { plural } from '../../core/plural.js';


export const search: Command = {
  name: 'search',
  summary: 'search documents; ranked results with highlighted snippets',
  usage: 'ccg search [QUERY] [--speaker NAME] [--org NAME] [--stance S] [--since DATE] [--until DATE] [--sort S] [--facets] [--format table|json|jsonl|csv|md]',
  help: `Searches the titles, text, organisations and speakers of every stored document and prints
the best matches with title, date, publisher and a snippet with the matched words highlighted.

${QUERY_HELP}

${FILTER_HELP}
${RESULT_HELP}

Examples:
  ccg search "conflict of interest"
  ccg search co-commissioning --since 2014 --until 2015
  ccg search 'delegation OR delegated -"secondary care"' --facets
  ccg search delegation --json | jq '.hits[].title'`,
  home: 'reads',
  async run(argv, global) {
    const { values, positionals } = parse('search', argv, { ...FILTER_OPTIONS, ...RESULT_OPTIONS }, { queryWords: true });
    const { query, limit, sort } = queryFrom('search', positionals, values);
    const format = formatFrom('search', values);
    const [{ openBackend }, { makeSnippet, markSnippet }] = await Promise.all([import('../../pipeline/index-corpus.js'), import('../../search/snippet.js')]);
    const snippetOf = (h: DocumentHit): Snippet => makeSnippet(h.text, h.terms);
    const index = await openBackend(indexContext(global.home));
    const r = await index.documents(query, { limit, ...(sort ? { sort } : {}) });
    const rows = r.hits.map(({ text: _text, terms: _terms, ...h }, i) => {
      const sn = snippetOf(r.hits[i]!);
      return { ...h, datePrecision: h.approximate ? 'approximate' : null, snippet: sn.text, highlights: sn.highlights };
    });
    if (printStructured(format, () => ({ query: formatQuery(query), total: r.total, loose: r.loose, hits: rows, facets: r.facets }), rows)) return 0;
    if (format === 'csv') {
      out(toCsv(['title', 'published', 'publisher', 'url', 'snippet', 'score'], rows.map((h) => [h.title, shownDate(h.published, h.approximate), h.publisher, h.url, h.snippet, h.score.toFixed(3)])));
      return 0;
    }
    if (format === 'md') {
      out(toMarkdown(['title', 'published', 'publisher', 'snippet'], rows.map((h) => [h.url ? `[${h.title.replace(/[[\]]/g, '')}](${h.url})` : h.title, shownDate(h.published, h.approximate), h.publisher, h.snippet])));
      return 0;
    }
    const shown = formatQuery(query);
    if (!r.hits.length) {
      out(`No documents match ${shown ? quoted(shown) : 'these filters'} (${plural(index.documentCount, 'document')} in the archive).`);
      return 0;
    }
    if (r.loose) out(dim(`No document matches all of ${quoted(shown)}; these match some of its words.\n`));
    const colour = useColour(process.stdout);
    r.hits.forEach((h, i) => {
      out(`${i + 1}. ${bold(h.title)}`);
      out(`   ${dim([shownDate(h.published, h.approximate), h.publisher, h.url].filter(Boolean).join(' · '))}`);
      out(`   ${markSnippet(snippetOf(h), colour ? '\x1b[1;33m' : '**', colour ? '\x1b[0m' : '**')}`);
      out();
    });
    if (values.facets) for (const l of facetLines(r.facets)) out(dim(l));
    out(dim(describeTotal(r.hits.length, r.total, 'document', r.loose)));
    return 0;
  },
};
