/**
 * Month names and ISO day and month strings: what the query language needs of dates, without the
 * parsing of written dates (core/dates.ts) and its libraries, so that a command starts fast. Pure.
 */

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

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when the day exists, else null. */
export function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  // A day past the month's end rolls over into the next month; a NaN gives an invalid date (NaN month).
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function isoMonth(year: number, month: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  return `${year}-${pad(month)}`;
}

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

