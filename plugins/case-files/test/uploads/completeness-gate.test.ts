// Closing materials: the completeness gate on the case's transitions.
// (Shared setup: ./centre.ts; file fixtures: ../support.ts.)
import { describe, expect, it } from 'vitest';
import { listQuery } from '../../../../test/support/fayuan.js';
import { checklist, completeItems, json, newCase, pdf, sha256, transition, upload, uploadOk, type Json } from '../support.js';
import { itemOf, setUpUploadCentre, t } from './centre.js';

setUpUploadCentre();

describe('the completeness gate', () => {
  it('refuses submit-closing while a required lawyer item has no file (422), naming the missing items', async () => {
    const id = await newCase(t);
    const list = await checklist(t, id);
    const lawyerItems = list.items.filter((i: Json) => i.required && i.suppliedBy === 'lawyer');
    for (const item of lawyerItems.slice(0, -2)) await uploadOk(t, 'lawyer', id, item.key);
    const missing = lawyerItems.slice(-2).map((i: Json) => i.name);
    expect(missing).toEqual(['判决书/裁定书/调解书', '结案报告表']);

    const res = await transition(t, 'lawyer', id, 'submit-closing');
    const body = await json(res);
    expect(res.status).toBe(422);
    for (const name of missing) expect(body.message).toContain(name);
    expect(body.rules[0].rule).toBe('case_file.lawyer_items_missing');
    expect(body.rules[0].details.missing.map((i: Json) => i.name)).toEqual(missing);
    expect((await json(await t.api('admin', `/api/cases/${id}`))).status).toBe('in_progress');
  });

  it('accepts submit-closing once every required lawyer item has a file, centre items and optional items aside', async () => {
    const id = await newCase(t);
    await completeItems(t, id, 'lawyer');
    const list = await checklist(t, id);
    expect(list.missingLawyerItems).toEqual([]);
    expect(list.missingCentreItems.length).toBeGreaterThan(0);
    const res = await transition(t, 'lawyer', id, 'submit-closing');
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await json(res)).status).toBe('closing_submitted');
  });

  it('counts a replaced file as present: the new version fills the item', async () => {
    const id = await newCase(t);
    await completeItems(t, id, 'lawyer');
    const report = itemOf(await checklist(t, id), 'closing_report').files[0];
    const res = await upload(t, 'lawyer', id, 'closing_report', { name: '结案报告表（修订）.pdf', data: pdf('修订') }, { replaces: String(report.id) });
    expect(res.status).toBe(201);
    expect((await transition(t, 'lawyer', id, 'submit-closing')).status).toBe(200);
  });

  it('refuses close while a required centre item is missing (422), and closes once the centre has uploaded it', async () => {
    const id = await newCase(t);
    await completeItems(t, id, 'lawyer');
    expect((await transition(t, 'lawyer', id, 'submit-closing')).status).toBe(200);
    const list = await checklist(t, id);
    const centreItems = list.items.filter((i: Json) => i.required && i.suppliedBy === 'centre');
    for (const item of centreItems.slice(1)) await uploadOk(t, 'admin', id, item.key);

    const refused = await transition(t, 'admin', id, 'close', { outcome: '调解结案' });
    const body = await json(refused);
    expect(refused.status).toBe(422);
    expect(body.message).toContain(centreItems[0].name);
    expect(body.rules[0].rule).toBe('case_file.items_missing');
    expect(body.rules[0].details.missing.map((i: Json) => i.key)).toEqual([centreItems[0].key]);

    await uploadOk(t, 'admin', id, centreItems[0].key);
    const closed = await transition(t, 'admin', id, 'close', { outcome: '调解结案' });
    expect(closed.status).toBe(200);
    expect((await json(closed)).status).toBe('closed');
  });

  it('counts progress as the items with a file out of all items (12/19), each item once', async () => {
    const id = await newCase(t);
    const list = await checklist(t, id);
    const lawyerRequired = list.items.filter((i: Json) => i.required && i.suppliedBy === 'lawyer').map((i: Json) => i.key);
    const centre = list.items.filter((i: Json) => i.suppliedBy === 'centre').map((i: Json) => i.key);
    expect(lawyerRequired).toHaveLength(9);
    for (const key of lawyerRequired.slice(0, 8)) await uploadOk(t, 'lawyer', id, key);
    await uploadOk(t, 'lawyer', id, 'file_review'); // optional items count too
    await uploadOk(t, 'lawyer', id, 'evidence', '证据二.pdf', pdf('证据二')); // a second file adds no item
    for (const key of centre.slice(0, 3)) await uploadOk(t, 'admin', id, key);

    const now = await checklist(t, id, 'lawyer');
    expect(now.progress).toEqual({ done: 12, total: 19 });
    expect(now.items.filter((i: Json) => i.files.length)).toHaveLength(12);
    expect(now.missingLawyerItems.map((i: Json) => i.key)).toEqual([lawyerRequired[8]]);
    expect(now.missingCentreItems).toHaveLength(centre.length - 3);

    const refused = await json(await transition(t, 'lawyer', id, 'submit-closing'));
    expect(refused.message).toContain('12/19');
  });

  it('writes an audit entry `upload` for every stored file, naming the case, the item and the file', async () => {
    const id = await newCase(t);
    const data = pdf('audited');
    const row = await uploadOk(t, 'lawyer', id, 'interview', '会见笔录（一）.pdf', data);
    const res = await t.api('admin', `/api/audit-log${listQuery({ filter: { action: 'upload', resource: 'case-files', recordId: String(row.id) }, range: [0, 9] })}`);
    const entries = await json(res);
    expect(res.status).toBe(200);
    expect(entries).toHaveLength(1);
    expect(entries[0].actorEmail).toBe('lawyer@fayuan.test');
    const changes = JSON.parse(entries[0].changes);
    expect(changes.caseId[1]).toBe(id);
    expect(changes.itemKey[1]).toBe('interview');
    expect(changes.originalName[1]).toBe('会见笔录（一）.pdf');
    expect(changes.sha256[1]).toBe(sha256(data));
  });
});
