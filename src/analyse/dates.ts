/**
 * Dates mentioned in a text: "25 October 2017", "April 2018", "1 November" (year from the
 * publication date), "2017/18" (a financial year: its first year), "in 2015". Pure.
 */
import type { DateMention } from '../core/types.js';
import { isoDay, isoMonth, monthNumber } from '../core/dates.js';

const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
/** Every date starts with a digit or a month's capital: a lookahead for those lets the engine pass over other characters at once. */
const STARTS = `(?=[\\d${[...new Set(MONTHS_EN.split('|').map((m) => m[0]))].join('')}])`;
const DATE_RE = new RegExp(
  `${STARTS}(?:${[
    `(?<dmy>(?<!\\d)(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m1>${MONTHS_EN})\\.?(?:,?\\s+(?<y1>(?:19|20)\\d{2}))?)`,
    `(?<mdy>(?<m2>${MONTHS_EN})\\.?\\s+(?<d2>\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?:,?\\s+(?<y2>(?:19|20)\\d{2}))?)`,
    `(?<my>(?<m3>${MONTHS_EN})\\s+(?<y3>(?:19|20)\\d{2}))`,
    `(?<fy>(?<fy1>(?:19|20)\\d{2})\\s*[/–-]\\s*(?<fy2>(?:19|20)?\\d{2}))`,
    `(?<y>(?<=\\b(?:in|since|from|by|until|of|during|before|after|to)\\s+)(?<y4>(?:19|20)\\d{2}))`,
    `(?<from>(?<=\\b(?:from|in|by|until|since)\\s+)(?<m5>${MONTHS_EN}))(?!\\s+\\d)`,
  ].join('|')})`,
  'g',
);

export function findDates(text: string, published: string | null): DateMention[] {
  const year = published ? Number(published.slice(0, 4)) : null;
  const out: DateMention[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const g = m.groups!;
    let value: string | null = null;
    if (g.dmy) {
      const y = g.y1 ? Number(g.y1) : year;
      value = y ? isoDay(y, monthNumber(g.m1!) ?? 0, Number(g.d1)) : null;
    } else if (g.mdy) {
      const y = g.y2 ? Number(g.y2) : year;
      value = y ? isoDay(y, monthNumber(g.m2!) ?? 0, Number(g.d2)) : null;
    } else if (g.my) {
      value = isoMonth(Number(g.y3), monthNumber(g.m3!) ?? 0);
    } else if (g.fy) {
      const a = Number(g.fy1);
      const b = Number(g.fy2!.length === 2 ? `${g.fy1!.slice(0, 2)}${g.fy2}` : g.fy2);
      if (b === a + 1) value = String(a);
    } else if (g.y) {
      value = g.y4!;
    } else if (g.from && year && g.m5 !== 'May') {
      value = isoMonth(year, monthNumber(g.m5!) ?? 0);
    }
    if (value) out.push({ text: m[0], value });
  }
  return out;
}

