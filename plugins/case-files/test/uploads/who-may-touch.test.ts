// Closing materials: who may touch which file.
// (Shared setup: ./centre.ts; file fixtures: ../support.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { listQuery, totalOf } from '../../../../test/support/fayuan.js';
import { checklist, json, pdf, sha256, upload, uploadOk, type Json } from '../support.js';
import { download, fileRows, mine, setUpUploadCentre, t, theirs } from './centre.js';

setUpUploadCentre();

describe('who may touch which file', () => {
  let theirFile: Json;

  beforeAll(async () => {
    theirFile = await uploadOk(t, 'admin', theirs, 'catalogue', '目录.pdf', pdf('another lawyer\'s case'));
  });

  it("does not let the demo lawyer upload to another lawyer's case (404)", async () => {
    const rows = await fileRows();
    const res = await upload(t, 'lawyer', theirs, 'evidence', { name: '证据.pdf', data: pdf('intruder') });
    expect(res.status).toBe(404);
    expect(await fileRows()).toBe(rows);
  });

  it("does not let the demo lawyer download or read another lawyer's case file, even with its id (404)", async () => {
    expect((await download('lawyer', theirFile.id)).status).toBe(404);
    expect((await t.api('lawyer', `/api/case-files/${theirFile.id}`)).status).toBe(404);
    expect((await t.api('lawyer', `/api/cases/${theirs}/checklist`)).status).toBe(404);
  });

  it("lists none of another lawyer's case files to the demo lawyer, and only files of the lawyer's own cases", async () => {
    const filtered = await t.api('lawyer', `/api/case-files${listQuery({ filter: { caseId: theirs }, range: [0, 99] })}`);
    expect(filtered.status).toBe(200);
    expect(await json(filtered)).toEqual([]);
    expect(totalOf(filtered)).toBe(0);
    const own = await json(await t.api('lawyer', `/api/cases${listQuery({ range: [0, 999] })}`));
    const ownIds = new Set(own.map((c: Json) => c.id));
    const all = await t.api('lawyer', `/api/case-files${listQuery({ range: [0, 999] })}`);
    const rows = await json(all);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: Json) => ownIds.has(r.caseId))).toBe(true);
  });

  it('lets a supervisor read checklists and download files, but not upload (403)', async () => {
    expect((await checklist(t, theirs, 'supervisor')).items.length).toBe(19);
    const got = await download('supervisor', theirFile.id);
    expect(got.status).toBe(200);
    expect(sha256(new Uint8Array(await got.arrayBuffer()))).toBe(theirFile.sha256);
    const res = await upload(t, 'supervisor', theirs, 'evidence', { name: '证据.pdf', data: pdf('supervisor') });
    expect(res.status).toBe(403);
  });

  it('gives a peer reviewer neither checklists nor files nor uploads (403 or 404)', async () => {
    const answers = [
      (await t.api('reviewer', `/api/cases/${theirs}/checklist`)).status,
      (await download('reviewer', theirFile.id)).status,
      (await t.api('reviewer', `/api/case-files/${theirFile.id}`)).status,
      (await t.api('reviewer', '/api/case-files')).status,
      (await upload(t, 'reviewer', theirs, 'evidence', { name: '证据.pdf', data: pdf('reviewer') })).status,
    ];
    for (const status of answers) expect([403, 404]).toContain(status);
  });

  it('lets nobody create, change or delete upload records through the register (403), not even the admin', async () => {
    const created = await t.api('admin', '/api/case-files', { method: 'POST', body: { caseId: theirs, itemKey: 'catalogue', originalName: 'x.pdf' } });
    expect(created.status).toBe(403);
    const changed = await t.api('admin', `/api/case-files/${theirFile.id}`, { method: 'PUT', body: { ...theirFile, originalName: '改名.pdf' } });
    expect(changed.status).toBe(403);
    const deleted = await t.api('admin', `/api/case-files/${theirFile.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(403);
    expect((await json(await t.api('admin', `/api/case-files/${theirFile.id}`))).originalName).toBe('目录.pdf');
  });

  it('answers requests without a session with 401', async () => {
    expect((await t.api(null, `/api/cases/${mine}/checklist`)).status).toBe(401);
    expect((await t.api(null, `/api/case-files/${theirFile.id}/download`)).status).toBe(401);
  });
});
