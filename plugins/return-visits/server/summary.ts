// The year's return visits against the targets: satisfaction (satisfied or basically satisfied,
// of the visits) and coverage (closed cases visited, of the cases closed that year).
import { sql, type Kysely } from 'kysely';
import { closedCaseStatuses, countIn, readTally } from '../../../api/plugin-kit.js';
import { coverageTally } from './visited-cases.js';

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

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

export async function visitSummary(db: Kysely<any>, year: number, targets: { satisfaction: number; coverage: number }): Promise<VisitSummary> {
  // Both from running tallies: the visits by month, the closed cases by the (Beijing) month of closing.
  const [first, last] = [`${year}-01`, `${year}-12`];
  const [visitRows, closedRows] = await Promise.all([readTally(db, 'return-visits', 'by-month', first, last), readTally(db, 'cases', coverageTally.name, first, last)]);
  const closed = countIn(closedRows);
  const visitedClosed = countIn(closedRows, (r) => r.key[0] === 1);
  const count = (s: string) => countIn(visitRows, (r) => r.key[0] === s);
  const visits = countIn(visitRows);
  const satisfied = count('satisfied');
  const basically = count('basically_satisfied');
  return {
    year, visits, satisfied, basicallySatisfied: basically, dissatisfied: count('dissatisfied'),
    satisfactionPercent: percent(satisfied + basically, visits), satisfactionTargetPercent: targets.satisfaction,
    closedCases: closed, visitedClosedCases: visitedClosed, coveragePercent: percent(visitedClosed, closed), coverageTargetPercent: targets.coverage,
    complaintsOpened: countIn(visitRows, (r) => r.key[1] === 1),
  };
}

/** Closed (or archived) cases nobody has visited yet, the longest closed first: those marked unvisited and
 *  those never marked (stored before the mark), each walked along the (returnVisited, closedAt) index. */
export async function unvisitedCases(db: Kysely<any>, limit = 200) {
  const walk = (mark: false | null) => db.selectFrom('cases').select(['id', 'caseNumber', 'caseType', 'lawyerId', 'closedAt', 'status'])
    .where('returnVisited', mark === null ? 'is' : '=', mark === null ? null : sql.lit(mark)).where('closedAt', 'is not', null).where('status', 'in', closedCaseStatuses)
    .orderBy('closedAt').orderBy('id').limit(limit).execute();
  const rows = (await Promise.all([walk(false), walk(null)])).flat()
    .map((r) => ({ ...r, id: Number(r.id), lawyerId: r.lawyerId === null ? null : Number(r.lawyerId), closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null }))
    .sort((a, b) => String(a.closedAt).localeCompare(String(b.closedAt)) || a.id - b.id);
  return rows.slice(0, limit);
}
