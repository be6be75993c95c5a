// Which closed cases have been visited, kept on the case (`returnVisited`) by the visits' write
// path, so that coverage (closed cases visited, of those closed in a year) is read from a running
// tally by the month of closing and the cases still to visit from an index — not by joining a
// million cases to their visits.
import { sql } from 'kysely';
import { closedCaseStatuses, type AfterWrite, type Migration, type Row, type TallyDefinition } from '../../../api/plugin-kit.js';

/** 'YYYY-MM' of an instant in Beijing time (the centre's year, as the summary counts it). */
const beijingMonth = (at: unknown) => {
  const time = new Date(at as string).getTime();
  return Number.isNaN(time) ? null : new Date(time + 8 * 3_600_000).toISOString().slice(0, 7);
};

export const coverageTally: TallyDefinition = {
  name: 'closed-visited',
  version: 1,
  reads: ['status', 'closedAt', 'returnVisited'],
  of: (r: Row) => {
    const month = closedCaseStatuses.includes(String(r.status)) && r.closedAt ? beijingMonth(r.closedAt) : null;
    return month ? [{ bucket: month, key: [r.returnVisited ? 1 : 0] }] : [];
  },
};

/** After a visit is stored, moved to another case or deleted: each case it names is marked as it now stands. */
export const markVisitedCases: AfterWrite = async (change, { trx, records }) => {
  const ids = new Set([change.before?.caseId, change.after?.caseId].filter((id) => id !== null && id !== undefined).map(Number));
  const cases = records.resource('cases');
  for (const id of ids) {
    const visit = await trx.selectFrom('return_visits').select('id').where('caseId', '=', id).limit(1).executeTakeFirst();
    const current = await trx.selectFrom('cases').select('returnVisited').where('id', '=', id).executeTakeFirst();
    if (!current || Boolean(current.returnVisited) === Boolean(visit)) continue;
    await records.change(cases, id, change.actor, { action: 'return-visited', plan: () => ({ returnVisited: Boolean(visit) }) }, trx);
  }
};

/** Cases stored before the plugin kept the mark get it from their visits. */
export const markExistingCases: Migration = {
  name: 'mark-visited-cases',
  up: async (db) => {
    await sql`update cases set "returnVisited" = exists (select 1 from return_visits v where v."caseId" = cases.id)`.execute(db);
  },
};
