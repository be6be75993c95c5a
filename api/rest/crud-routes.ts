// The ra-data-simple-rest routes of one register.
import { Hono, type Context } from 'hono';
import type { Actor, ResourceDefinition, Row } from '../resources/define.js';
import type { AppEnv } from '../http/app-env.js';
import { ApiError, badInput } from './errors.js';
import { parseListQuery } from './list-query.js';
import { isDbId } from './input-bounds.js';
import { assertMay } from '../access/enforce.js';
import type { Records } from './records.js';
import { withRedactedTitles } from './reference-titles.js';

export async function jsonBody(c: Context): Promise<Row> {
  if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(415, { zh: '请求体应为 JSON（Content-Type: application/json）', en: 'Send JSON (Content-Type: application/json)' });
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    if (error instanceof ApiError) throw error; // the body was over its limit (http/body-limit.ts)
    throw badInput({ body: { zh: '请求体不是有效的 JSON', en: 'The body is not valid JSON' } }, { zh: '请求体格式错误', en: 'Bad request body' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badInput({ body: { zh: '请求体应为 JSON 对象', en: 'The body must be a JSON object' } }, { zh: '请求体格式错误', en: 'Bad request body' });
  }
  return body as Row;
}

/** The id in the path, written as plain decimal digits; anything else names no record. */
export function recordId(c: Context): number {
  const text = c.req.param('id') ?? '';
  const id = /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : -1;
  return isDbId(id) ? id : -1;
}

export function crudRoutes(records: Records, resource: ResourceDefinition) {
  const presented = async (rows: Row[]) => (resource.present ? resource.present(rows, { db: records.database.db, registers: records.resources, settings: records.settingsDeclaration }) : rows);
  // The referenced records' titles go through the reader's redaction of the row that names them.
  const present = async (rows: Row[], actor: Actor) => presented(await withRedactedTitles(records, resource, rows, actor));
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      assertMay(resource, c.var.actor, 'read'); // a role that may not read the register learns nothing of its fields
      const query = parseListQuery(resource, c.req.query());
      const { rows, total } = await records.list(resource, query, c.var.actor);
      const [start] = query.range;
      c.header('Content-Range', rows.length ? `${resource.name} ${start}-${start + rows.length - 1}/${total}` : `${resource.name} */${total}`);
      c.header('Access-Control-Expose-Headers', 'Content-Range');
      return c.json(await present(rows, c.var.actor));
    })
    .get('/:id', async (c) => c.json((await present([await records.get(resource, recordId(c), c.var.actor)], c.var.actor))[0]))
    .post('/', async (c) => c.json(await records.create(resource, await jsonBody(c), c.var.actor), 201))
    .put('/:id', async (c) => c.json(await records.update(resource, recordId(c), await jsonBody(c), c.var.actor)))
    .delete('/:id', async (c) => c.json(await records.delete(resource, recordId(c), c.var.actor)));
}
