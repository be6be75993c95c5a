// Closing materials: upload and download.
// (Shared setup: ./centre.ts; file fixtures: ../support.ts.)
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { checklist, docx, jpeg, json, newCase, pdf, png, sha256, upload, uploadOk, type Json } from '../support.js';
import { dispositionName, download, fileRows, storedFiles, itemOf, mine, setUpUploadCentre, t } from './centre.js';

setUpUploadCentre();

describe('upload and download', () => {
  it('gives back the same bytes, SHA-256 and UTF-8 file name that were uploaded', async () => {
    const data = pdf('round trip');
    const name = '起诉状（张三 诉 李四）第1稿.pdf';
    const res = await upload(t, 'lawyer', mine, 'complaint', { name, data });
    const [row] = await json(res);
    expect(res.status).toBe(201);
    expect(row).toMatchObject({
      caseId: mine, itemKey: 'complaint', itemName: '起诉状/上诉状', originalName: name, kind: 'pdf', mimeType: 'application/pdf',
      size: data.length, sha256: sha256(data), uploadedBy: 'lawyer@fayuan.test', supersededAt: null, supersededBy: null,
    });

    const got = await download('lawyer', row.id);
    expect(got.status).toBe(200);
    const back = new Uint8Array(await got.arrayBuffer());
    expect(sha256(back)).toBe(sha256(data));
    expect(Buffer.from(back).equals(Buffer.from(data))).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(dispositionName(got.headers.get('content-disposition'))).toBe(name);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lists the upload on the case checklist under its item', async () => {
    const list = await checklist(t, mine, 'lawyer');
    const files = itemOf(list, 'complaint').files;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ originalName: '起诉状（张三 诉 李四）第1稿.pdf', kind: 'pdf' });
  });

  it('shows PDF and images inline when asked, and offers any other kind as an attachment', async () => {
    const image = await uploadOk(t, 'lawyer', mine, 'evidence', '现场照片.png', png());
    const word = await uploadOk(t, 'lawyer', mine, 'evidence', '证据目录.docx', docx('证据目录'));
    const inline = await download('lawyer', image.id, '?inline=1');
    expect(inline.headers.get('content-type')).toBe('image/png');
    expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);
    const attachment = await download('lawyer', word.id, '?inline=1');
    expect(attachment.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(dispositionName(attachment.headers.get('content-disposition'))).toBe('证据目录.docx');
  });

  it('takes several files for one item, in one request and in several', async () => {
    const id = await newCase(t);
    const res = await upload(t, 'lawyer', id, 'evidence', [
      { name: '证据一.pdf', data: pdf('证据一') },
      { name: '证据二.jpg', data: jpeg() },
    ]);
    const rows = await json(res);
    expect(res.status).toBe(201);
    expect(rows.map((r: Json) => r.originalName)).toEqual(['证据一.pdf', '证据二.jpg']);
    await uploadOk(t, 'lawyer', id, 'evidence', '证据三.pdf', pdf('证据三'));
    const files = itemOf(await checklist(t, id), 'evidence').files;
    expect(files.map((f: Json) => f.originalName)).toEqual(['证据一.pdf', '证据二.jpg', '证据三.pdf']);
  });

  it('replaces a file and keeps the old version, still downloadable by the admin; the checklist shows the new one only', async () => {
    const id = await newCase(t);
    const v1 = pdf('授权委托书 v1');
    const v2 = pdf('授权委托书 v2');
    const old = await uploadOk(t, 'lawyer', id, 'power_of_attorney', '授权委托书.pdf', v1);
    const res = await upload(t, 'lawyer', id, 'power_of_attorney', { name: '授权委托书（签字版）.pdf', data: v2 }, { replaces: String(old.id) });
    const [replacement] = await json(res);
    expect(res.status).toBe(201);

    const oldRow = await json(await t.api('admin', `/api/case-files/${old.id}`));
    expect(oldRow.supersededAt).not.toBeNull();
    expect(Number.isNaN(Date.parse(oldRow.supersededAt))).toBe(false);
    expect(oldRow.supersededBy).toBe(replacement.id);
    const oldBytes = await download('admin', old.id);
    expect(oldBytes.status).toBe(200);
    expect(sha256(new Uint8Array(await oldBytes.arrayBuffer()))).toBe(sha256(v1));

    const files = itemOf(await checklist(t, id, 'lawyer'), 'power_of_attorney').files;
    expect(files.map((f: Json) => f.id)).toEqual([replacement.id]);
    expect(files[0].sha256).toBe(sha256(v2));
  });

  it('refuses to replace a file already replaced, or one of another item, with 400, storing nothing', async () => {
    const id = await newCase(t);
    const first = await uploadOk(t, 'lawyer', id, 'interview', '会见笔录.pdf', pdf('会见 1'));
    const second = await uploadOk(t, 'lawyer', id, 'interview', '会见笔录2.pdf', pdf('会见 2'));
    const ok = await upload(t, 'lawyer', id, 'interview', { name: '会见笔录3.pdf', data: pdf('会见 3') }, { replaces: String(second.id) });
    expect(ok.status).toBe(201);
    const rows = await fileRows();
    const blobs = await storedFiles();
    const again = await upload(t, 'lawyer', id, 'interview', { name: '会见笔录4.pdf', data: pdf('会见 4') }, { replaces: String(second.id) });
    expect(again.status).toBe(400);
    const otherItem = await upload(t, 'lawyer', id, 'statement', { name: '代理词.pdf', data: pdf('代理词 x') }, { replaces: String(first.id) });
    expect(otherItem.status).toBe(400);
    expect(await fileRows()).toBe(rows);
    expect(await storedFiles()).toEqual(blobs);
  });

  it('refuses a replaces value that is not a file id with 400, rather than adding the file beside the old one', async () => {
    const id = await newCase(t);
    const old = await uploadOk(t, 'lawyer', id, 'risk_notice', '诉讼风险告知书.pdf', pdf('风险 1'));
    const res = await upload(t, 'lawyer', id, 'risk_notice', { name: '诉讼风险告知书（新）.pdf', data: pdf('风险 2') }, { replaces: 'abc' });
    const files = itemOf(await checklist(t, id), 'risk_notice').files;
    expect(res.status, `answered ${res.status}; the item now holds ${files.map((f: Json) => f.originalName).join(', ')}`).toBe(400);
    expect(files.map((f: Json) => f.id)).toEqual([old.id]);
  });

  it('lets only one of several simultaneous replacements of the same file through', async () => {
    const id = await newCase(t);
    const old = await uploadOk(t, 'lawyer', id, 'statement', '代理词.pdf', pdf('代理词 v1'));
    const replaceAll = () => Promise.all([2, 3, 4, 5].map((n) =>
      upload(t, 'lawyer', id, 'statement', { name: `代理词 v${n}.pdf`, data: pdf(`代理词 v${n}`) }, { replaces: String(old.id) })));
    let answers: Response[];
    if (t.dialect === 'postgres') {
      // Make the requests overlap for certain: hold the old row's lock until all four are inside
      // their transactions and waiting on it (SQLite runs write transactions one at a time anyway).
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = t.database.db.transaction().execute(async (trx) => {
        await sql`select id from case_files where id = ${old.id} for update`.execute(trx);
        locked();
        await released;
      });
      await isLocked;
      const pending = replaceAll();
      for (let i = 0; i < 100; i++) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and query ilike '%case_files%' and datname = current_database()`.execute(t.database.db);
        if (rows[0].n >= 4) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      release();
      await holder;
      answers = await pending;
    } else {
      answers = await replaceAll();
    }
    const statuses = answers.map((r) => r.status);
    const current = itemOf(await checklist(t, id), 'statement').files;
    expect(statuses.filter((s) => s === 201), `answers ${statuses.join(', ')}; current versions: ${current.map((f: Json) => f.originalName).join(', ')}`).toHaveLength(1);
    expect(current).toHaveLength(1);
    const oldRow = await json(await t.api('admin', `/api/case-files/${old.id}`));
    expect(oldRow.supersededBy).toBe(current[0].id);
  });

  it('stores identical bytes once, however many times they are uploaded', async () => {
    const data = pdf('same bytes');
    const a = await uploadOk(t, 'lawyer', mine, 'evidence', '副本一.pdf', data);
    const b = await uploadOk(t, 'lawyer', mine, 'evidence', '副本二.pdf', data);
    expect(a.sha256).toBe(b.sha256);
    expect((await storedFiles()).filter((f) => f.endsWith(a.sha256))).toHaveLength(1);
  });
});
