// For the centre: the files a person uploaded with an online application (GET
// /api/cases/:id/online-files, and each file's bytes), under the case's `online-files` action rule.
import { Hono } from 'hono';
import { describeRoute, idParameter, refusalsOf } from '../meta/route-docs.js';
import type { AppEnv } from '../http/app-env.js';
import { recordId } from '../rest/crud-routes.js';
import { notFound } from '../rest/errors.js';
import type { Records } from '../rest/records.js';
import { fileKinds, type FileKind } from '../uploads/sniff.js';

export function applicationFileRoutes(records: Records) {
  const { db } = records.database;
  const cases = records.resource('cases');
  return new Hono<AppEnv>()
    .get('/:id/online-files', describeRoute({ tags: ['cases'], summary: 'The papers uploaded with an online application (admins)', parameters: [idParameter], responses: { 200: { description: 'OK' }, ...refusalsOf(403, 404) } }), async (c) => {
      const caseRow = await records.loadForAction(cases, recordId(c), c.var.actor, 'online-files');
      const files = await db.selectFrom('online_application_files').select(['id', 'purpose', 'kind', 'size', 'createdAt'])
        .where('caseId', '=', Number(caseRow.id)).orderBy('id').execute();
      return c.json(files.map((f) => ({ ...f, id: Number(f.id), size: Number(f.size) })));
    })
    .get('/:id/online-files/:fileId', describeRoute({ tags: ['cases'], summary: 'One paper of an online application, its bytes (admins)', parameters: [idParameter, { name: 'fileId', in: 'path' as const, required: true, schema: { type: 'integer' as const } }], responses: { 200: { description: 'OK' }, ...refusalsOf(403, 404) } }), async (c) => {
      const caseRow = await records.loadForAction(cases, recordId(c), c.var.actor, 'online-files');
      const fileId = c.req.param('fileId');
      if (!/^[0-9]{1,9}$/.test(fileId)) throw notFound();
      const file = await db.selectFrom('online_application_files').select(['kind', 'content', 'purpose'])
        .where('caseId', '=', Number(caseRow.id)).where('id', '=', Number(fileId)).executeTakeFirst();
      if (!file) throw notFound();
      const kind = fileKinds[file.kind as FileKind];
      return c.body(new Uint8Array(file.content), 200, {
        'Content-Type': kind.mimeType,
        'Content-Disposition': `attachment; filename="${file.purpose}.${kind.extension}"`,
      });
    });
}
