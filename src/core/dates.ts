/**
 * Parsing the written forms of dates found in metadata and text into ISO values. Pure; used by
 * extraction (publication dates) and analysis (dates mentioned).
 */
// Each function from its own module: date-fns's index loads its hundreds of modules (a quarter of a second).
import { isValid } from 'date-fns/isValid';
import { isAfter } from 'date-fns/isAfter';
import { addDays } from 'date-fns/addDays';
import { MONTHS, isoDay, isoMonth, monthNumber } from './iso-dates.js';

export { MONTHS, isoDay, isoMonth, monthNumber } from './iso-dates.js';

/** The month-name alternation for regexes, longest names first so that "June" wins over "Jun". */
export const MONTH_PATTERN = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY_NAME = new RegExp(`^(?:[\\p{L}]+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+|de\\s+)?(${MONTH_PATTERN})\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})`, 'iu');
/** "2019年6月24日" (Japanese and Chinese). */
const CJK = /^(\d{4})年(\d{1,2})月(\d{1,2})日/;
const MDY_NAME = new RegExp(`^(?:[A-Za-z]+,?\\s+)?(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const MY_NAME = new RegExp(`^(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})$`, 'i');
const NUMERIC = /^(\d{1,4})[/.](\d{1,2})[/.](\d{2,4})$/;

/**
 * Parses one written date ("25 October 2017", "October 25, 2017", "2017-10-25T09:00:00Z",
 * "25/10/2017", "October 2017") into `YYYY-MM-DD` or `YYYY-MM`; null when it is not a date.
 * Numeric dates are read day-first (British usage) unless the first number is a year.
 */
export function parseDate(input: string): string | null {
  const s = input.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(s);
  if (m) {
    // A timestamp with an offset is the local date of the publisher: keep the written day.
    return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  m = DMY_NAME.exec(s);
  if (m) return isoDay(Number(m[3]), monthNumber(m[2]!) ?? 0, Number(m[1]));
  m = CJK.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MDY_NAME.exec(s);
  if (m) return isoDay(Number(m[3]), monthNumber(m[1]!) ?? 0, Number(m[2]));
  m = MY_NAME.exec(s);
  if (m) return isoMonth(Number(m[2]), monthNumber(m[1]!) ?? 0);
  m = NUMERIC.exec(s);
  if (m) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[1]!.length === 4) return isoDay(a, b, c);
    const year = m[3]!.length === 2 ? 2000 + c : c;
    return isoDay(year, b, a) ?? isoDay(year, a, b);
  }
  return null;
}

/** True when an ISO date value lies after `now` (plus a day of slack for time zones). */
export function isFuture(value: string, now: Date = new Date()): boolean {
  const d = new Date(`${value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value}T00:00:00Z`);
  return isValid(d) && isAfter(d, addDays(now, 1));
}
