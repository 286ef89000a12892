import type { Command } from '../command.js';
import { parse, str } from '../args.js';
import { out, bold, dim } from '../output.js';
import { UsageError } from '../../core/errors.js';
import { createContext, loadIndex } from '../../pipeline/index.js';
import { timeline as buildTimeline } from '../../search/index.js';
import { FILTER_HELP, filtersFrom, FILTER_OPTIONS } from '../filters.js';
import { citation } from './quotes.js';
import { toCsv } from '../csv.js';
import { plural } from '../../core/plural.js';

export const timeline: Command = {
  name: 'timeline',
  summary: 'positions over time: a speaker’s or an organisation’s quotes by year, with stance',
  usage: 'ccg timeline (--org NAME | --speaker NAME) [QUERY] [--since DATE] [--until DATE] [--json | --csv]',
  help: `Lists the quotes of an organisation (by the speaker's organisation or role) or of a
speaker, oldest first, grouped by year with the count of each stance, so that a position can be
followed from 2012 to the hand-over to ICBs. Partial quotes are left out. QUERY narrows the quotes
to those about something ("conflict of interest").

${FILTER_HELP}

Examples:
  ccg timeline --org BMA
  ccg timeline --org "Clinical Commissioners" --since 2013 --until 2016
  ccg timeline --speaker Dixon --json`,
  home: 'reads',
  async run(argv, global) {
    const { values, positionals } = parse('timeline', argv, FILTER_OPTIONS);
    if (!str(values.org) && !str(values.speaker)) throw new UsageError('timeline: name an --org or a --speaker');
    const { filters } = filtersFrom('timeline', values);
    const index = await loadIndex(createContext(global.home));
    const t = buildTimeline(index, filters, positionals.join(' '));
    if (values.json) {
      out(JSON.stringify(t, null, 2));
      return 0;
    }
    if (values.csv) {
      const rows = [...t.years.flatMap((y) => y.quotes), ...t.undated];
      out(toCsv(['date', 'stance', 'quote', 'speaker', 'role', 'organisation', 'title', 'publisher', 'url'], rows.map((q) => [q.date, q.stance, q.text, q.speaker, q.role, q.organisation, q.title, q.publisher, q.url])));
      return 0;
    }
    const who = str(values.org) ?? str(values.speaker);
    if (!t.years.length && !t.undated.length) {
      out(`No quotes for "${who}".`);
      return 0;
    }
    for (const y of t.years) {
      const c = y.counts;
      out(`${bold(y.year)}  ${c.support} support · ${c.oppose} oppose · ${c.mixed} mixed · ${c.neutral} neutral`);
      for (const q of y.quotes) out(`  ${q.date}  [${q.stance}] “${q.text.length > 140 ? `${q.text.slice(0, 140)}…` : q.text}” — ${q.speaker ?? 'unattributed'}\n    ${dim(citation(q))}`);
    }
    if (t.undated.length) {
      out(`${bold('undated')}  ${plural(t.undated.length, 'quote')}`);
      for (const q of t.undated) out(`  [${q.stance}] “${q.text.length > 140 ? `${q.text.slice(0, 140)}…` : q.text}” — ${q.speaker ?? 'unattributed'}\n    ${dim(citation(q))}`);
    }
    return 0;
  },
};
