// A lawyer's caseload: the cases assigned to them that are not yet closed, ended or archived.
import type { Kysely } from 'kysely';
import type { CaseStatus } from './lifecycle.js';

/** From assignment until the closing is approved. */
export const caseloadStatuses = ['assigned', 'in_progress', 'closing_submitted'] as const satisfies readonly CaseStatus[];

/** Open cases per lawyer id (lawyers without any are absent). */
export async function openCaseloads(db: Kysely<any>): Promise<Map<number, number>> {
  const rows = await db.selectFrom('cases').select(['lawyerId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('lawyerId', 'is not', null).where('status', 'in', [...caseloadStatuses]).groupBy('lawyerId').execute();
  return new Map(rows.map((r) => [Number(r.lawyerId), Number(r.n)]));
}
