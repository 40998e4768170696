// CSV for spreadsheets (RFC 4180): Excel opens UTF-8 with Japanese text correctly only when the
// file starts with a byte order mark, and expects CRLF between records.
export const CSV_BOM = '\uFEFF';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

// A field is quoted when it holds a quote, a comma or a line break; quotes inside are doubled.
// Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading ' so
// a name typed by a region cannot become one; numbers are written as they are.
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [
    columns.map((c) => csvField(c.header)).join(','),
    ...rows.map((row) => columns.map((c) => csvField(c.value(row))).join(',')),
  ];
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
