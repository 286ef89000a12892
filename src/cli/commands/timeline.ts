import type { Command } from '../command.js';
import { indexContext } from '../../pipeline/index-context.js';
import { parse, str } from '../args.js';
import { out, bold, dim, useColour } from '../output.js';
import { UsageError } from '../../core/errors.js';
import type { Stance } from '../../core/types.js';
import type { Period, TimelinePeriod } from '../../search/timeline.js';
import { FILTER_HELP, FILTER_OPTIONS, formatHelp, QUERY_HELP, queryFrom, formatFrom, quoted } from '../filters.js';
import { formatQuery } from '../../search/query-language.js';
import { citation, shownDate } from '../../search/citation.js';
import { toCsv, toMarkdown } from '../csv.js';
import { plural } from '../../core/plural.js';

const STANCE_ORDER: readonly Stance[] = ['support', 'mixed', 'neutral', 'oppose'];
const COLOUR: Record<Stance, string> = { support: '\x1b[32m', mixed: '\x1b[33m', neutral: '\x1b[37m', oppose: '\x1b[31m' };
const LETTER: Record<Stance, string> = { support: 'S', mixed: 'M', neutral: 'n', oppose: 'O' };

/** One bar per period: a letter per quote (S support, M mixed, n neutral, O oppose), coloured on a terminal. */
export function bar(counts: Readonly<Record<Stance, number>>, scale: number, colour: boolean): string {
  return STANCE_ORDER.map((s) => {
    const n = Math.round(counts[s] * scale);
    const run = LETTER[s].repeat(counts[s] > 0 ? Math.max(1, n) : 0);
    return colour && run ? `${COLOUR[s]}${run}\x1b[0m` : run;
  }).join('');
}

/** The quote that speaks for a period: the first of its most common stance. */
function representative(p: TimelinePeriod): TimelinePeriod['quotes'][number] | undefined {
  const top = STANCE_ORDER.reduce((a, b) => (p.counts[b] > p.counts[a] ? b : a), 'support' as Stance);
  return p.quotes.find((q) => q.stance === top) ?? p.quotes[0];
}

const short = (s: string, n = 140): string => (s.length > n ? `${s.slice(0, n)}…` : s);

export const timeline: Command = {
  name: 'timeline',
  summary: 'positions over time: a speaker’s or an organisation’s quotes by period, with stance',
  usage: 'ccg timeline (--org NAME | --speaker NAME) [QUERY] [--by year|quarter|month] [--since DATE] [--until DATE] [--all] [--format table|json|jsonl|csv|md]',
  help: `Shows how an organisation (its quotes, its other names and its parts: --org BMA includes the
GPC) or a person moved: one line per period with the count of each stance and a bar
(S support, M mixed, n neutral, O oppose; coloured on a terminal), and the quote that speaks for
the period. Partial quotes are left out. QUERY narrows the quotes to a subject.

  --by P            year (default), quarter or month
  --all             every quote of each period, not only the representative one

${QUERY_HELP}

${FILTER_HELP}
${formatHelp('{by, periods, undated, total}: each period with its counts, quotes and representative', 'quote')}

Examples:
  ccg timeline --org BMA
  ccg timeline --org "Clinical Commissioners" --since 2013 --until 2016 --by quarter
  ccg timeline --speaker Dixon --json
  ccg timeline --org "NHS England" "conflict of interest" --all`,
  home: 'reads',
  async run(argv, global) {
    const { values, positionals } = parse('timeline', argv, { ...FILTER_OPTIONS, by: { type: 'string' }, all: { type: 'boolean' } }, { queryWords: true });
    const { query } = queryFrom('timeline', positionals, values);
    const format = formatFrom('timeline', values);
    if (!query.filters.org.length && !query.filters.speaker.length) throw new UsageError('timeline: name an --org or a --speaker (or org:NAME / speaker:NAME in the query)', { showUsage: true });
    const [{ openBackend }, { PERIODS }] = await Promise.all([import('../../pipeline/index-corpus.js'), import('../../search/timeline.js')]);
    const by = (str(values.by) ?? 'year') as Period;
    if (!PERIODS.includes(by)) throw new UsageError(`timeline: --by must be one of ${PERIODS.join(', ')}; got ${JSON.stringify(by)}`);
    const index = await openBackend(indexContext(global.home));
    const t = await index.timeline(query, by);
    if (format === 'json') {
      out(JSON.stringify({ ...t, periods: t.periods.map((p) => ({ ...p, representative: representative(p) ?? null })) }, null, 2));
      return 0;
    }
    const rows = [...t.periods.flatMap((p) => p.quotes.map((q) => ({ p: p.period, q }))), ...t.undated.map((q) => ({ p: 'undated', q }))];
    if (format === 'jsonl') {
      for (const { p, q } of rows) out(JSON.stringify({ period: p, ...q, citation: citation(q) }));
      return 0;
    }
    if (format === 'csv') {
      out(toCsv(['period', 'date', 'stance', 'quote', 'speaker', 'role', 'organisation', 'title', 'publisher', 'url', 'citation'], rows.map(({ p, q }) => [p, shownDate(q.date, q.approximate), q.stance, q.text, q.speaker, q.role, q.organisation, q.title, q.publisher, q.url, citation(q)])));
      return 0;
    }
    if (format === 'md') {
      out(toMarkdown(['period', 'support', 'oppose', 'mixed', 'neutral', 'representative quote'], t.periods.map((p) => {
        const r = representative(p);
        return [p.period, p.counts.support, p.counts.oppose, p.counts.mixed, p.counts.neutral, r ? `“${r.text}” — ${citation(r)}` : ''];
      })));
      return 0;
    }
    const who = [...query.filters.org, ...query.filters.speaker].join(', ');
    if (!t.periods.length && !t.undated.length) {
      // What narrowed the timeline, when it is more than the organisation or person.
      const rest = formatQuery({ ...query, filters: { ...query.filters, org: [], speaker: [] } });
      // Partial quotes (a few words within reported speech) are left out of timelines: say so rather than "no quotes".
      const partial = (await index.quotes(query, { limit: 1 })).total;
      if (partial) out(`Only partial quotes for "${who}"${rest ? ` that match ${quoted(rest)}` : ''} (${partial}: a few words quoted within reported speech), which timelines leave out; "ccg quotes" lists them.`);
      else out(`No quotes for "${who}"${rest ? ` match ${quoted(rest)}` : ''}.`);
      return 0;
    }
    const colour = useColour(process.stdout);
    const most = Math.max(1, ...t.periods.map((p) => p.quotes.length));
    const scale = most > 40 ? 40 / most : 1;
    const width = Math.max(...t.periods.map((p) => p.period.length), 7);
    for (const p of t.periods) {
      const c = p.counts;
      out(`${bold(p.period.padEnd(width))}  ${bar(c, scale, colour)}  ${dim(`${c.support} support · ${c.oppose} oppose · ${c.mixed} mixed · ${c.neutral} neutral`)}`);
      for (const q of values.all ? p.quotes : [representative(p)!]) out(`  ${shownDate(q.date, q.approximate)}  [${q.stance}] “${short(q.text)}” — ${q.speaker ?? 'unattributed'}\n    ${dim(citation(q))}`);
    }
    if (t.undated.length) {
      out(`${bold('undated'.padEnd(width))}  ${plural(t.undated.length, 'quote')}`);
      for (const q of values.all ? t.undated : t.undated.slice(0, 1)) out(`  [${q.stance}] “${short(q.text)}” — ${q.speaker ?? 'unattributed'}\n    ${dim(citation(q))}`);
    }
    out(dim(`${plural(t.total, 'quote')} for ${who}${values.all ? '' : ' (--all shows every quote)'}`));
    return 0;
  },
};
