// CSV text from rows of cells, safe to open in a spreadsheet program: a cell that would start a
// formula there (= + - @, or a tab or carriage return before one) is prefixed with an apostrophe,
// which the program shows as text and does not evaluate.

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  const raw = value === null || value === undefined ? '' : String(value);
  // Numbers from the API (a negative amount) are data; only text can smuggle a formula.
  const text = typeof value === 'string' && formulaStart.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}
