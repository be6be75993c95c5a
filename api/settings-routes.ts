// /api/settings/1: the settings record in the simple-rest protocol (getOne, getList, update).
import { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { assertMay } from './access/enforce.js';
import { writeAudit } from './audit.js';
import type { Database } from './db/connect.js';
import { jsonBody } from './rest/crud-routes.js';
import { ApiError, notFound } from './rest/errors.js';
import { validateRecord } from './rest/validator.js';
import declaration from './settings-declaration.js';
import { loadSettings } from './settings.js';

export function settingsRoutes({ db }: Database) {
  const record = async () => ({ id: 1, ...(await loadSettings(db)) });
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      assertMay(declaration, c.var.actor, 'read');
      c.header('Content-Range', 'settings 0-0/1');
      return c.json([await record()]);
    })
    .get('/:id', async (c) => {
      assertMay(declaration, c.var.actor, 'read');
      if (c.req.param('id') !== '1') throw notFound();
      return c.json(await record());
    })
    .put('/:id', async (c) => {
      assertMay(declaration, c.var.actor, 'update');
      if (c.req.param('id') !== '1') throw notFound();
      const previous = await record();
      const clean = validateRecord(declaration, { ...previous, ...(await jsonBody(c)) });
      const changes: Record<string, [unknown, unknown]> = {};
      await db.transaction().execute(async (trx) => {
        for (const [key, value] of Object.entries(clean)) {
          if (JSON.stringify(value) === JSON.stringify(previous[key as keyof typeof previous])) continue;
          changes[key] = [previous[key as keyof typeof previous], value];
          await trx.insertInto('settings').values({ key, value: JSON.stringify(value) })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) })).execute();
        }
        await writeAudit(trx, { actor: c.var.actor, action: 'update', resource: 'settings', recordId: 1, changes });
      });
      return c.json(await record());
    })
    .on(['POST', 'DELETE'], '/*', () => {
      throw new ApiError(403, { zh: '系统设置不能新建或删除', en: 'Settings cannot be created or deleted' });
    });
}
