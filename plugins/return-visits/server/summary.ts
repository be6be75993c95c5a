// The year's return visits against the targets: satisfaction (satisfied or basically satisfied,
// of the visits) and coverage (closed cases visited, of the cases closed that year).
import type { Kysely } from 'kysely';

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
  const visits = await db.selectFrom('return_visits').select(['caseId', 'satisfaction', 'complaintId'])
    .where('visitedAt', '>=', `${year}-01-01`).where('visitedAt', '<=', `${year}-12-31`).execute();
  const count = (s: string) => visits.filter((v) => v.satisfaction === s).length;
  const closed = await closedCasesOf(db, year);
  const visitedEver = new Set((await db.selectFrom('return_visits').select('caseId').execute()).map((r) => Number(r.caseId)));
  const visitedClosed = closed.filter((id) => visitedEver.has(id)).length;
  const satisfied = count('satisfied');
  const basically = count('basically_satisfied');
  return {
    year, visits: visits.length, satisfied, basicallySatisfied: basically, dissatisfied: count('dissatisfied'),
    satisfactionPercent: percent(satisfied + basically, visits.length), satisfactionTargetPercent: targets.satisfaction,
    closedCases: closed.length, visitedClosedCases: visitedClosed, coveragePercent: percent(visitedClosed, closed.length), coverageTargetPercent: targets.coverage,
    complaintsOpened: visits.filter((v) => v.complaintId !== null).length,
  };
}

async function closedCasesOf(db: Kysely<any>, year: number): Promise<number[]> {
  const from = new Date(`${year}-01-01T00:00:00+08:00`).toISOString();
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString();
  const rows = await db.selectFrom('cases').select('id').where('status', 'in', CLOSED).where('closedAt', '>=', from).where('closedAt', '<', to).execute();
  return rows.map((r) => Number(r.id));
}

/** Closed (or archived) cases nobody has visited yet, the longest closed first. */
export async function unvisitedCases(db: Kysely<any>, limit = 200) {
  const rows = await db.selectFrom('cases as c').leftJoin('return_visits as v', 'v.caseId', 'c.id')
    .select(['c.id', 'c.caseNumber', 'c.caseType', 'c.lawyerId', 'c.closedAt', 'c.status'])
    .where('c.status', 'in', CLOSED).where('v.id', 'is', null)
    .orderBy('c.closedAt').orderBy('c.id').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), lawyerId: r.lawyerId === null ? null : Number(r.lawyerId), closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null }));
}
