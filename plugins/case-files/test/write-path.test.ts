// Uploads go through the core's write path: one audit entry per stored file, and a replacement
// records both the new file and the supersession of the old one, once each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../../../test/support/fayuan.js';
import { json, newCase, pdf, upload, uploadOk, type Json } from './support.js';

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 5, plugins: ['case-files'] });
  for (const role of ['admin', 'lawyer', 'supervisor'] as const) await t.cookieOf(role); // sign-ins are audited too: done before counting
});
afterAll(async () => t?.close());

async function entriesOf(work: () => Promise<unknown>): Promise<Json[]> {
  const last = await t.database.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  await work();
  return t.database.db.selectFrom('audit_log').selectAll().where('id', '>', Number(last?.id ?? 0)).orderBy('id').execute();
}

describe('uploads on the write path', () => {
  it('writes one `upload` entry per stored file, and none for a refused upload', async () => {
    const id = await newCase(t);
    let stored: Json[] = [];
    const entries = await entriesOf(async () => {
      const res = await upload(t, 'lawyer', id, 'interview', [{ name: '一.pdf', data: pdf('一') }, { name: '二.pdf', data: pdf('二') }]);
      expect(res.status).toBe(201);
      stored = await json(res);
    });
    expect(entries.map((e) => [e.action, e.resource, e.recordId])).toEqual(stored.map((f) => ['upload', 'case-files', String(f.id)]));
    expect(await entriesOf(async () => expect((await upload(t, 'supervisor', id, 'interview', { name: '三.pdf', data: pdf('三') })).status).toBe(403))).toEqual([]);
  });

  it('records a replacement once as the new file\'s upload and once as the old file\'s supersession', async () => {
    const id = await newCase(t);
    const old = await uploadOk(t, 'lawyer', id, 'interview');
    let replacement: Json;
    const entries = await entriesOf(async () => {
      const res = await upload(t, 'lawyer', id, 'interview', { name: '新.pdf', data: pdf('新') }, { replaces: String(old.id) });
      expect(res.status).toBe(201);
      [replacement] = await json(res);
    });
    expect(entries.map((e) => [e.action, e.recordId])).toEqual([['upload', String(replacement.id)], ['supersede', String(old.id)]]);
    expect(JSON.parse(entries[1].changes).supersededBy).toEqual([null, replacement.id]);
  });
});
