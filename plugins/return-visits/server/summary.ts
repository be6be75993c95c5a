// The year's return visits against the targets: satisfaction (satisfied or basically satisfied,
// of the visits) and coverage (closed cases visited, of the cases closed that year).
import { sql, type Kysely } from 'kysely';
import { readTally } from '../../../api/plugin-kit.js';

export interface VisitSummary {
  year: number;
  visits: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  satisfactionPercent: number | null;
  satisfactionTargetPercent: number;
  closedCases: number;
  visitedClosedCases: number;
  coveragePercent: number | null;
  coverageTargetPercent: number;
  complaintsOpened: number;
}

const CLOSED = ['closed', 'archived'];
const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

export async function visitSummary(db: Kysely<any>, year: number, targets: { satisfaction: number; coverage: number }): Promise<VisitSummary> {
  // The visits from their tally; the closed cases counted by the database, not row by row here.
  const from = new Date(`${year}-01-01T00:00:00+08:00`).toISOString();
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString();
  const closedOfYear = db.selectFrom('cases as c').where('c.status', 'in', CLOSED).where('c.closedAt', '>=', from).where('c.closedAt', '<', to);
  const [visitRows, closed, visitedClosed] = await Promise.all([
    readTally(db, 'return-visits', 'by-month', `${year}-01`, `${year}-12`),
    closedOfYear.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    closedOfYear.innerJoin('return_visits as v', 'v.caseId', 'c.id').select(sql<number>`count(distinct "v"."caseId")`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const count = (s: string) => visitRows.filter((r) => r.key[0] === s).reduce((sum, r) => sum + r.n, 0);
  const visits = visitRows.reduce((sum, r) => sum + r.n, 0);
  const satisfied = count('satisfied');
  const basically = count('basically_satisfied');
  return {
    year, visits, satisfied, basicallySatisfied: basically, dissatisfied: count('dissatisfied'),
    satisfactionPercent: percent(satisfied + basically, visits), satisfactionTargetPercent: targets.satisfaction,
    closedCases: Number(closed.n), visitedClosedCases: Number(visitedClosed.n), coveragePercent: percent(Number(visitedClosed.n), Number(closed.n)), coverageTargetPercent: targets.coverage,
    complaintsOpened: visitRows.filter((r) => r.key[1] === 1).reduce((sum, r) => sum + r.n, 0),
  };
}

/** Closed (or archived) cases nobody has visited yet, the longest closed first. */
export async function unvisitedCases(db: Kysely<any>, limit = 200) {
  const rows = await db.selectFrom('cases as c').leftJoin('return_visits as v', 'v.caseId', 'c.id')
    .select(['c.id', 'c.caseNumber', 'c.caseType', 'c.lawyerId', 'c.closedAt', 'c.status'])
    // Closing stamps closedAt; saying so lets the database walk the closedAt index and stop at `limit`.
    .where('c.closedAt', 'is not', null).where('c.status', 'in', CLOSED).where('v.id', 'is', null)
    .orderBy('c.closedAt').orderBy('c.id').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), lawyerId: r.lawyerId === null ? null : Number(r.lawyerId), closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null }));
}
