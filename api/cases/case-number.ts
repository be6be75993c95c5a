import { sql, type Kysely } from 'kysely';

/**
 * The next case number of the application's year, e.g. （2026）援字第0001号.
 * The counter row is bumped with one atomic upsert, so concurrent creations in
 * several processes on one PostgreSQL never share a number.
 */
export async function nextCaseNumber(trx: Kysely<any>, applicationDate: string, format: string): Promise<string> {
  const year = applicationDate.slice(0, 4);
  const { rows } = await sql<{ value: number }>`
    insert into counters (name, value) values (${`case-number-${year}`}, 1)
    on conflict (name) do update set value = counters.value + 1
    returning value`.execute(trx);
  return formatCaseNumber(format, year, Number(rows[0].value));
}

/** `{year}` is the year; `{seq:4}` the sequence padded to 4 digits. */
export function formatCaseNumber(format: string, year: string, seq: number): string {
  return format
    .replace('{year}', year)
    .replace(/\{seq(?::(\d+))?\}/, (_m, width) => String(seq).padStart(Number(width ?? 1), '0'));
}
