// The impact figures as a CSV file for a CSR report: UTF-8 with a BOM and CRLF so Excel opens it
// in Japanese, fields quoted as RFC 4180 says. The words come from the page, in its language.

export type CsvRow = ReadonlyArray<string | number>;

function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(sections: ReadonlyArray<{ title: string; rows: readonly CsvRow[] }>): string {
  const lines: string[] = [];
  sections.forEach((section, i) => {
    if (i > 0) lines.push('');
    lines.push(field(section.title));
    for (const row of section.rows) lines.push(row.map(field).join(','));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function saveCsv(csv: string, fileName: string): void {
  const href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
