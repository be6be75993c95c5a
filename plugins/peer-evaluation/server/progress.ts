// A round's progress: files scored per reviewer, overdue reviews, the grade distribution.
import type { Kysely } from 'kysely';
import type { Row } from '../../../api/plugin-kit.js';

const GRADES = ['excellent', 'good', 'pass', 'fail'];

export async function progressOf(db: Kysely<any>, round: Row, today: string) {
  const rows = await db.selectFrom('peer_reviews as r').leftJoin('user as u', 'u.id', 'r.reviewerId')
    .select(['r.id', 'r.caseId', 'r.reviewerId', 'u.name as reviewerName', 'r.status', 'r.grade', 'r.dueOn', 'r.recheckOf'])
    .where('r.roundId', '=', Number(round.id)).orderBy('r.id').execute();
  const perReviewer = new Map<string, { reviewerId: string; name: string; assigned: number; scored: number; overdue: number }>();
  for (const r of rows) {
    const key = String(r.reviewerId);
    const entry = perReviewer.get(key) ?? { reviewerId: key, name: String(r.reviewerName ?? key), assigned: 0, scored: 0, overdue: 0 };
    entry.assigned++;
    if (r.status === 'submitted') entry.scored++;
    else if (r.dueOn && String(r.dueOn) < today) entry.overdue++;
    perReviewer.set(key, entry);
  }
  const results = (typeof round.results === 'string' ? JSON.parse(round.results) : round.results) as Record<string, string | null> | null;
  // Decided: the files' grades; before: the grades of the first reviews scored so far.
  const grades = results ? Object.values(results) : rows.filter((r) => !r.recheckOf && r.status === 'submitted').map((r) => r.grade);
  const distribution = Object.fromEntries(GRADES.map((g) => [g, grades.filter((x) => x === g).length]));
  return {
    roundId: Number(round.id), status: round.status, files: ((typeof round.sample === 'string' ? JSON.parse(round.sample) : round.sample) ?? []).length,
    reviews: rows.length, scored: rows.filter((r) => r.status === 'submitted').length, rechecks: rows.filter((r) => r.recheckOf).length,
    overdue: rows.filter((r) => r.status === 'assigned' && r.dueOn && String(r.dueOn) < today).map((r) => ({ id: Number(r.id), caseId: Number(r.caseId), reviewerId: r.reviewerId, dueOn: r.dueOn })),
    perReviewer: [...perReviewer.values()], distribution, decided: Boolean(results),
  };
}
