// POST /api/cases/:id/corrections { changes, reason, version? } — the one way to change a case
// its lock closes to edits (archived, or closed beyond its grade and subsidy): an admin's
// action, audited as `correct` with the reason (records.ts `correct`).
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { jsonBody, recordId } from '../rest/crud-routes.js';
import type { Records } from '../rest/records.js';

export function correctionRoutes(records: Records) {
  const cases = records.resource('cases');
  return new Hono<AppEnv>()
    .post('/:id/corrections', async (c) => c.json(await records.correct(cases, recordId(c), await jsonBody(c), c.var.actor)));
}
