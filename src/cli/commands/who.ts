import type { Command } from '../command.js';
import { parse, str } from '../args.js';
import { out, bold, dim } from '../output.js';
import { plural } from '../../core/plural.js';
import { UsageError } from '../../core/errors.js';
import { indexContext } from '../../pipeline/index-context.js';
import { formatQuery } from '../../search/query-language.js';
import type { Voice } from '../../search/who.js';
import { FILTER_HELP, FILTER_OPTIONS, formatHelp, QUERY_HELP, queryFrom, formatFrom, printStructured, quoted } from '../filters.js';
import { toCsv, toMarkdown } from '../csv.js';

const line = (v: Voice, width: number): string =>
  `  ${v.name.padEnd(width)}  ${String(v.quotes).padStart(4)}  ${dim(`${v.counts.support} support · ${v.counts.oppose} oppose · ${v.counts.mixed} mixed · ${v.counts.neutral} neutral`)}`;

export const who: Command = {
  name: 'who',
  summary: 'who said most about a subject: organisations and people, with their stance counts',
  usage: 'ccg who QUERY [filters] [--top N] [--format table|json|jsonl|csv|md]',
  help: `Finds the quotes about a subject and counts them by the speaker's organisation and by
speaker, most quotes first, with how many support, oppose, are mixed or neutral. Partial quotes are
left out.

  --top N           how many organisations and people to list (default 10)

${QUERY_HELP}

${FILTER_HELP}
${formatHelp('{query, total, loose, organisations, speakers}', 'organisation or person')}

Examples:
  ccg who "conflict of interest"
  ccg who delegation --since 2015 --until 2016
  ccg who co-commissioning --format md`,
  home: 'reads',
  async run(argv, global) {
    const { values, positionals } = parse('who', argv, { ...FILTER_OPTIONS, top: { type: 'string' } }, { queryWords: true, min: 1, name: 'QUERY word' });
    const { query } = queryFrom('who', positionals, values);
    const format = formatFrom('who', values);
    const topRaw = str(values.top);
    const top = topRaw === undefined ? 10 : Number(topRaw);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`who: --top must be a positive whole number; got ${JSON.stringify(topRaw)}`);
    const { openBackend } = await import('../../pipeline/index-corpus.js');
    const index = await openBackend(indexContext(global.home));
    const w = await index.who(query);
    const orgs = w.organisations.slice(0, top);
    const people = w.speakers.slice(0, top);
    const rows = [...orgs.map((v) => ['organisation', v] as const), ...people.map((v) => ['person', v] as const)];
    if (printStructured(format, () => ({ query: formatQuery(query), total: w.total, loose: w.loose, organisations: orgs, speakers: people }), rows.map(([kind, v]) => ({ kind, ...v })))) return 0;
    const header = ['kind', 'name', 'quotes', 'support', 'oppose', 'mixed', 'neutral'];
    const cells = rows.map(([kind, v]) => [kind, v.name, v.quotes, v.counts.support, v.counts.oppose, v.counts.mixed, v.counts.neutral]);
    if (format === 'csv') {
      out(toCsv(header, cells));
      return 0;
    }
    if (format === 'md') {
      out(toMarkdown(header, cells));
      return 0;
    }
    const shown = formatQuery(query);
    if (!w.total) {
      out(`No quotes match ${quoted(shown)}.`);
      return 0;
    }
    if (w.loose) out(dim(`No quote matches all of ${quoted(shown)}; these counts are of quotes matching some of its words.\n`));
    const width = Math.max(12, ...rows.map(([, v]) => v.name.length));
    out(bold('Organisations'));
    for (const v of orgs) out(line(v, width));
    if (!orgs.length) out(dim('  (no quote names its organisation)'));
    out(bold('People'));
    for (const v of people) out(line(v, width));
    out(dim(`${plural(w.total, 'quote')} about ${quoted(shown)}`));
    return 0;
  },
};
