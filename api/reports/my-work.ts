// A lawyer's home page figures: their cases by state, what is missing before closing, their
// grades and subsidies — over the lawyer's own cases only (the cases' row rule), from their tally.
import { countIn, readTally, type TallyRow } from '../db/tallies.js';
import { CLOSED, lawyerWorkTally } from './tallies.js';
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
  // The lawyer's running tally (api/reports/tallies.ts): a few dozen rows, however many cases.
  const id = String(actor.lawyerId ?? -1);
  const rows = await readTally(records.database.db, 'cases', lawyerWorkTally.name, id, id);
  const grouped = (of: TallyRow[], key: (r: TallyRow) => string | null) => {
    const out = new Map<string | null, number>();
    for (const r of of) out.set(key(r), (out.get(key(r)) ?? 0) + r.n);
    return [...out].filter(([, n]) => n > 0);
  };
  return {
    byStatus: grouped(rows, (r) => String(r.key[0])).map(([status, count]) => ({ status: String(status), count })),
    missingOutcome: countIn(rows, (r) => r.key[2] === 1),
    grades: grouped(rows.filter((r) => CLOSED.includes(String(r.key[0]))), (r) => (r.key[1] === null ? null : String(r.key[1]))).map(([grade, count]) => ({ grade, count })),
    subsidyTotal: rows.reduce((total, r) => total + r.amount, 0) / 100,
  };
}
