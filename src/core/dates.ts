/**
 * Parsing the written forms of dates found in metadata and text into ISO values. Pure; used by
 * extraction (publication dates) and analysis (dates mentioned).
 */
// Each function from its own module: date-fns's index loads its hundreds of modules (a quarter of a second).
import { isValid } from 'date-fns/isValid';
import { isAfter } from 'date-fns/isAfter';
import { addDays } from 'date-fns/addDays';

export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
  // German and French months: the date benchmark and European publishers use them.
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, mai: 5, juni: 6, juli: 7, oktober: 10, dezember: 12,
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, juin: 6, juillet: 7, août: 8, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
  // Spanish, Italian, Portuguese and Dutch months; Russian and Ukrainian in the genitive ("12 марта").
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9,
  octubre: 10, noviembre: 11, diciembre: 12, gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7,
  settembre: 9, ottobre: 10, dicembre: 12, janeiro: 1, fevereiro: 2, março: 3, maio: 5, junho: 6, julho: 7,
  setembro: 9, outubro: 10, novembro: 11, dezembro: 12, januari: 1, februari: 2, maart: 3, mei: 5, augustus: 8,
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9,
  октября: 10, ноября: 11, декабря: 12,
};

/** The month-name alternation for regexes, longest names first so that "June" wins over "Jun". */
export const MONTH_PATTERN = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when the day exists, else null. */
export function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (!isValid(d) || d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function isoMonth(year: number, month: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  return `${year}-${pad(month)}`;
}

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

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
