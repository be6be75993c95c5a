/** The counter of a year's case numbers, which run without gaps through the year. */
export const caseNumberCounter = (year: string) => `case-number-${year}`;

/** `{year}` is the year; `{seq:4}` the sequence padded to 4 digits, e.g. （2026）援字第0001号. */
export function formatCaseNumber(format: string, year: string, seq: number): string {
  return format
    .replace('{year}', year)
    .replace(/\{seq(?::(\d+))?\}/, (_m, width) => String(seq).padStart(Number(width ?? 1), '0'));
}
