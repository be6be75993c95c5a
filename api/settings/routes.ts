// /api/settings: the centre's settings as one record (a singleton: GET and PUT, no list);
// /api/settings/1 answers the same record for the simple-rest protocol (getOne, update).
// `declaration`: the settings as enabled, with the fields plugins add.
import { Hono } from 'hono';
import { describeRoute, refusalsOf } from '../meta/route-docs.js';
import type { AppEnv } from '../http/app-env.js';
import { assertMay } from '../access/enforce.js';
import { jsonBody } from '../rest/crud-routes.js';
import { ApiError, notFound } from '../rest/errors.js';
import type { Records } from '../rest/records.js';
import type { ResourceDefinition } from '../resources/define.js';

/** `declaration`: the settings register with the enabled plugins' settings (fields) and hooks added. */
export function settingsRoutes(records: Records, declaration: ResourceDefinition) {
  const record = () => records.settingsRecord(declaration);
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      assertMay(declaration, c.var.actor, 'read');
      return c.json(await record());
    })
    .put('/', describeRoute({ tags: ['settings'], summary: "The centre's settings, as one record (admins)", responses: { 200: { description: 'OK' }, ...refusalsOf(400, 403, 409) } }), async (c) => {
      assertMay(declaration, c.var.actor, 'update');
      return c.json(await records.saveSettings(declaration, await jsonBody(c), c.var.actor));
    })
    .get('/:id', async (c) => {
      assertMay(declaration, c.var.actor, 'read');
      if (c.req.param('id') !== '1') throw notFound();
      return c.json(await record());
    })
    .put('/:id', async (c) => {
      assertMay(declaration, c.var.actor, 'update');
      if (c.req.param('id') !== '1') throw notFound();
      return c.json(await records.saveSettings(declaration, await jsonBody(c), c.var.actor));
    })
    .on(['POST', 'DELETE'], '/*', () => {
      throw new ApiError(403, { zh: '系统设置不能新建或删除', en: 'Settings cannot be created or deleted' });
    });
}
