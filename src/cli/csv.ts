/**
 * Tables for other programs: CSV for spreadsheets (RFC 4180: quoted fields, doubled quotes, CRLF
 * line ends, and a UTF-8 byte-order mark so that Excel shows curly quotes and accents) and
 * Markdown tables for notes and reports.
 */
type Cell = string | number | boolean | null | undefined;

const text = (v: Cell): string => (v === null || v === undefined ? '' : String(v));

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  const cell = (v: Cell): string => {
    const s = text(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}`;
}

/** A Markdown table; pipes and line breaks inside cells are escaped. */
export function toMarkdown(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  const cell = (v: Cell): string => text(v).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const line = (r: ReadonlyArray<Cell>): string => `| ${r.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}
