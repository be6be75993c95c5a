// Closing materials: uploads against the checklist, downloads, replacements, type sniffing by
// content, limits, who may touch which file, and the completeness gate on the case's transitions.
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQuery, ORIGIN, startTestFayuan, totalOf, type TestFayuan } from '../../../test/support/fayuan.js';
import {
  checklist, completeItems, docx, exe, filesUnder, finishedCase, jpeg, json, newCase, ofd, otherEligibleLawyer, pdf, png, sha256,
  templateNamed, transition, upload, uploadOk, type Json,
} from './support.js';

let t: TestFayuan;
let mine: number; // an in-progress civil case of the demo lawyer
let theirs: number; // an in-progress civil case of another lawyer

beforeAll(async () => {
  t = await startTestFayuan({ cases: 20, plugins: ['case-files'] });
  mine = await newCase(t, { caseType: 'civil' });
  const other = await newCase(t, { caseType: 'civil', until: 'applied' });
  for (const [action, payload] of [['review', {}], ['accept', {}]] as const) await transition(t, 'admin', other, action, payload);
  const res = await transition(t, 'admin', other, 'assign', { lawyerId: await otherEligibleLawyer(t, other) });
  expect(res.status).toBe(200);
  theirs = other;
});
afterAll(async () => {
  await t?.close();
});

const filesDir = () => path.join(t.fayuan.context.config.dataDir, 'files');

async function fileRows(): Promise<number> {
  const { n } = await t.database.db.selectFrom('case_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

async function download(role: 'admin' | 'supervisor' | 'lawyer' | 'reviewer', id: number, query = '') {
  return t.api(role, `/api/case-files/${id}/download${query}`);
}

/** The file name of a content-disposition header's RFC 5987 `filename*`. */
function dispositionName(header: string | null): string {
  const match = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (!match) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(match[1]);
}

function itemOf(list: Json, key: string): Json {
  return list.items.find((i: Json) => i.key === key);
}

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
    const blobs = filesUnder(filesDir());
    const again = await upload(t, 'lawyer', id, 'interview', { name: '会见笔录4.pdf', data: pdf('会见 4') }, { replaces: String(second.id) });
    expect(again.status).toBe(400);
    const otherItem = await upload(t, 'lawyer', id, 'statement', { name: '代理词.pdf', data: pdf('代理词 x') }, { replaces: String(first.id) });
    expect(otherItem.status).toBe(400);
    expect(await fileRows()).toBe(rows);
    expect(filesUnder(filesDir())).toEqual(blobs);
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
    expect(filesUnder(filesDir()).filter((f) => f.endsWith(a.sha256))).toHaveLength(1);
  });
});

describe('type sniffing by content', () => {
  const accepted: [string, () => Uint8Array, string, string][] = [
    ['a PDF', () => pdf('sniff'), '判决书.pdf', 'pdf'],
    ['a PNG', png, '扫描件.png', 'png'],
    ['a JPEG', jpeg, '照片.jpg', 'jpeg'],
    ['a Word document (DOCX)', () => docx('代理词正文'), '代理词.docx', 'docx'],
    ['an OFD document', () => ofd(), '电子判决书.ofd', 'ofd'],
  ];
  for (const [what, make, name, kind] of accepted) {
    it(`accepts ${what}, recording the kind found in its content`, async () => {
      const data = make();
      const row = await uploadOk(t, 'lawyer', mine, 'judgment', name, data);
      expect(row.kind).toBe(kind);
      expect(row.sha256).toBe(sha256(data));
      const got = await download('lawyer', row.id);
      expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(data))).toBe(true);
    });
  }

  it('refuses a text file named .pdf with 415', async () => {
    const res = await upload(t, 'lawyer', mine, 'statement', { name: '代理词.pdf', data: new TextEncoder().encode('这不是 PDF，只是一段文字。') });
    const body = await json(res);
    expect(res.status).toBe(415);
    expect(body.message).toContain('代理词.pdf');
  });

  it('refuses a PNG named .pdf for an item that accepts only PDF with 415, and takes a real PDF there', async () => {
    const template = await templateNamed(t, '民事诉讼案件卷宗');
    const items = template.items.map((i: Json) => (i.key === 'hearing_record' ? { ...i, acceptedTypes: ['pdf'] } : i));
    const put = await t.api('admin', `/api/case-file-templates/${template.id}`, { method: 'PUT', body: { ...template, items } });
    expect(put.status).toBe(200);
    const refused = await upload(t, 'lawyer', mine, 'hearing_record', { name: '庭审笔录.pdf', data: png() });
    expect(refused.status).toBe(415);
    expect((await json(refused)).errors.file).toContain('PDF');
    await uploadOk(t, 'lawyer', mine, 'hearing_record', '庭审笔录.pdf', pdf('庭审笔录'));
  });

  it('refuses a Windows executable with 415, whatever it is called', async () => {
    for (const name of ['证据.pdf', 'setup.exe', '照片.jpg']) {
      const res = await upload(t, 'lawyer', mine, 'evidence', { name, data: exe() });
      expect(res.status, name).toBe(415);
    }
  });

  it('refuses a whole request when one of its files is refused, storing none of them', async () => {
    const rows = await fileRows();
    const blobs = filesUnder(filesDir());
    const res = await upload(t, 'lawyer', mine, 'evidence', [
      { name: '好文件.pdf', data: pdf('a good file sent with a bad one') },
      { name: '坏文件.pdf', data: exe() },
    ]);
    expect(res.status).toBe(415);
    expect(await fileRows()).toBe(rows);
    expect(filesUnder(filesDir())).toEqual(blobs);
  });
});

describe('limits and bad requests', () => {
  it('refuses an empty file with 400', async () => {
    const res = await upload(t, 'lawyer', mine, 'evidence', { name: '空文件.pdf', data: new Uint8Array(0) });
    expect(res.status).toBe(400);
    expect((await json(res)).errors.file).toContain('空文件.pdf');
  });

  it('refuses a file over the upload limit setting with 413, and takes one under it', async () => {
    const set = await t.api('admin', '/api/settings/1', { method: 'PUT', body: { uploadLimitMb: 1 } });
    expect(set.status).toBe(200);
    try {
      const big = new Uint8Array(1.5 * 1024 * 1024).fill(0x20);
      big.set(pdf('big'));
      const res = await upload(t, 'lawyer', mine, 'evidence', { name: '超大证据.pdf', data: big });
      const body = await json(res);
      expect(res.status).toBe(413);
      expect(body.message).toContain('1 MB');
      const fits = new Uint8Array(900 * 1024).fill(0x20);
      fits.set(pdf('fits'));
      await uploadOk(t, 'lawyer', mine, 'evidence', '合规证据.pdf', fits);
    } finally {
      await t.api('admin', '/api/settings/1', { method: 'PUT', body: { uploadLimitMb: 20 } });
    }
  });

  it('refuses file names with ../ or / or \\ with 400', async () => {
    for (const name of ['../../etc/passwd.pdf', '..\\..\\boot.pdf', '证据/一.pdf', '/tmp/证据.pdf', 'a\\b.pdf']) {
      const res = await upload(t, 'lawyer', mine, 'evidence', { name, data: pdf('path name') });
      expect(res.status, name).toBe(400);
      expect(Object.keys((await json(res)).errors)).toContain('file');
    }
  });

  it('refuses an item key that is not on the checklist, and a request without a file, with 400', async () => {
    const unknown = await upload(t, 'lawyer', mine, 'no_such_item', { name: 'x.pdf', data: pdf('x') });
    expect(unknown.status).toBe(400);
    expect(Object.keys((await json(unknown)).errors)).toContain('itemKey');
    const form = new FormData();
    form.set('itemKey', 'evidence');
    const none = await t.fayuan.app.request(`/api/cases/${mine}/files`, { method: 'POST', headers: { cookie: await t.cookieOf('lawyer'), origin: ORIGIN }, body: form });
    expect(none.status).toBe(400);
  });

  it('answers a half-sent multipart body with 400 and leaves no row and no file behind', async () => {
    const rows = await fileRows();
    const blobs = filesUnder(filesDir());
    const boundary = '----fayuan-half-upload';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="itemKey"\r\n\r\nevidence\r\n`
      + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const whole = pdf('never finished');
    const body = Buffer.concat([Buffer.from(head), Buffer.from(whole.subarray(0, 200))]); // no closing boundary
    const res = await t.fayuan.app.request(`/api/cases/${mine}/files`, {
      method: 'POST',
      headers: { cookie: await t.cookieOf('lawyer'), origin: ORIGIN, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(res.status).toBe(400);
    expect(await fileRows()).toBe(rows);
    expect(filesUnder(filesDir())).toEqual(blobs);
    expect(filesUnder(filesDir()).some((f) => f.endsWith('.part'))).toBe(false);
  });

  it('answers a multipart body without a boundary, or garbage, with 400', async () => {
    for (const [contentType, body] of [['multipart/form-data', 'itemKey=evidence'], ['multipart/form-data; boundary=x', 'garbage without any boundary']]) {
      const res = await t.fayuan.app.request(`/api/cases/${mine}/files`, {
        method: 'POST',
        headers: { cookie: await t.cookieOf('lawyer'), origin: ORIGIN, 'content-type': contentType },
        body,
      });
      expect(res.status, contentType).toBe(400);
    }
  });
});

describe('cases that are over', () => {
  it('refuses uploads to closed, archived and terminated cases with 422', async () => {
    const closed = await finishedCase(t, 'civil', 'closed');
    const archived = await finishedCase(t, 'civil', 'archived');
    const terminated = await newCase(t);
    expect((await transition(t, 'admin', terminated, 'terminate', { reason: 'own_lawyer' })).status).toBe(200);
    for (const [what, id] of [['closed', closed], ['archived', archived], ['terminated', terminated]] as const) {
      for (const role of ['admin', 'lawyer'] as const) {
        const res = await upload(t, role, id, 'evidence', { name: '补充证据.pdf', data: pdf(`late ${what}`) });
        expect(res.status, `${role} → ${what}`).toBe(422);
      }
    }
  });
});

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
