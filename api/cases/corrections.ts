// POST /api/cases/:id/corrections { changes, reason, version? } — the one way to change a case
// its lock closes to edits (archived, or closed beyond its grade and subsidy): an admin's
// action, audited as `correct` with the reason (records.ts `correct`).
import { Hono } from 'hono';
import { describeRoute, idParameter, refusalsOf } from '../meta/route-docs.js';
import type { AppEnv } from '../http/app-env.js';
import { jsonBody, recordId } from '../rest/crud-routes.js';
import type { Records } from '../rest/records.js';

export function correctionRoutes(records: Records) {
  const cases = records.resource('cases');
  return new Hono<AppEnv>()
    .post('/:id/corrections', describeRoute({ tags: ['cases'], summary: 'Correct a closed or archived case: {changes, reason, version?}, admins only, audited with the reason', parameters: [idParameter], responses: { 200: { description: 'OK' }, ...refusalsOf(400, 403, 404, 409, 422) } }), async (c) => c.json(await records.correct(cases, recordId(c), await jsonBody(c), c.var.actor)));
}
