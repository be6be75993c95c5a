// POST /api/forms/check: a definition checked by the server's engine, so the console's form
// editor shows each error at its path without compiling the schema in the browser (its CSP forbids eval).
import { Hono } from 'hono';
import { describeRoute, refusalsOf } from '../meta/route-docs.js';
import type { AppEnv } from '../http/app-env.js';
import { jsonBody } from '../rest/crud-routes.js';
import { badInput } from '../rest/errors.js';
import type { Records } from '../rest/records.js';
import { assertMay } from '../access/enforce.js';
import { scoreSheet, type FormDefinition } from '../../forms/engine.js';
import { definitionErrors } from './revisions.js';

export function formRoutes(records: Records) {
  return new Hono<AppEnv>().post('/check', describeRoute({ tags: ['forms'], summary: 'Check a form definition without storing it: 200, or 400 with the JSON path of each error', responses: { 200: { description: 'OK' }, ...refusalsOf(400, 403) } }), async (c) => {
    assertMay(records.resource('forms'), c.var.actor, 'create');
    const { definition } = await jsonBody(c);
    const errors = definitionErrors(definition);
    if (errors) throw badInput(errors);
    return c.json({ ok: true, empty: scoreSheet(definition as FormDefinition, {}) });
  });
}
