// Text that a spreadsheet would take for a number: ID numbers become 3.31004E+17 (and lose their
// last digits), landlines lose their leading 0. In a CSV such a text begins with a tab inside its
// quotes, which Excel and WPS both read as text. Not `="…"` (a formula, which the neutralisation in
// cells.ts exists to stop), not an apostrophe (shown in the cell when a CSV is opened) and not an
// invisible zero-width space (copied along into other systems). Only text that begins with a digit
// gets the tab: a tab followed by a digit starts no formula.
const digitStart = /^\d/;

export function textCell(text: string): string {
  return digitStart.test(text) ? `\t${text}` : text;
}
