// CSV text from rows of cells, safe to open in a spreadsheet program: a cell that would start a
// formula there (= + - @, or a tab or carriage return before one) is prefixed with an apostrophe,
// which the program shows as text and does not evaluate.

const formulaStart = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would take for a number: ID numbers become 3.31004E+17 (and lose their
 * last digits), landlines lose their leading 0. Such a text begins with a tab inside its quotes,
 * which Excel and WPS both read as text. Not `="…"` (a formula, which the neutralisation below
 * exists to stop) and not an apostrophe (shown in the cell when a CSV is opened) or an invisible
 * zero-width space (copied along into other systems). Only text that begins with a digit gets the
 * tab: a tab followed by a digit starts no formula, so the cell needs no apostrophe.
 */
export class TextCell {
  constructor(readonly text: string) {}
}

const digitStart = /^\d/;

export function csvCell(value: unknown): string {
  if (value instanceof TextCell) {
    return digitStart.test(value.text) ? `"\t${value.text.replace(/"/g, '""')}"` : csvCell(value.text);
  }
  const raw = value === null || value === undefined ? '' : String(value);
  // Numbers from the API (a negative amount) are data; only text can smuggle a formula.
  const text = typeof value === 'string' && formulaStart.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}
