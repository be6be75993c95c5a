// A lawyer's home page figures: their cases by state, what is missing before closing, their
// grades and subsidies — aggregates over the lawyer's own cases only (the cases' row rule).
import { sql } from 'kysely';
import type { Actor } from '../resources/define.js';
import type { Records } from '../rest/records.js';

export interface MyWork {
  byStatus: { status: string; count: number }[];
  /** Cases in progress or submitted for closing with no outcome written yet. */
  missingOutcome: number;
  grades: { grade: string | null; count: number }[];
  subsidyTotal: number;
}

export async function myWork(records: Records, actor: Actor): Promise<MyWork> {
  const { db } = records.database;
  const own = db.selectFrom('cases').where('lawyerId', '=', actor.lawyerId ?? -1);
  const [byStatus, missing, grades, subsidy] = await Promise.all([
    own.select(['status', sql<number>`count(*)`.as('n')]).groupBy('status').execute(),
    own.where('status', 'in', ['in_progress', 'closing_submitted']).where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '=', '')]))
      .select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
    own.where('status', 'in', ['closed', 'archived']).select(['qualityGrade', sql<number>`count(*)`.as('n')]).groupBy('qualityGrade').execute(),
    own.select(sql<number>`coalesce(sum("subsidyAmount"), 0)`.as('fen')).executeTakeFirst(),
  ]);
  return {
    byStatus: byStatus.map((r) => ({ status: String(r.status), count: Number(r.n) })),
    missingOutcome: Number(missing?.n ?? 0),
    grades: grades.map((r) => ({ grade: r.qualityGrade === null ? null : String(r.qualityGrade), count: Number(r.n) })),
    subsidyTotal: Number(subsidy?.fen ?? 0) / 100,
  };
}
