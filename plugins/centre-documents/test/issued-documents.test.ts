// The documents the centre issues at the transitions: sealed, numbered, filling their checklist
// items, re-issued as new versions; only within the case's row rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../../../test/support/fayuan.js';
import { pdfsig, pdfText } from '../../../test/support/poppler.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 20, plugins: ['case-files', 'centre-documents'] });
}, 120_000);
afterAll(() => t?.close());

async function body(res: Response): Promise<Json> {
  const text = await res.text();
  try { return JSON.parse(text); } catch { return text; }
}

async function move(id: number, action: string, payload: Record<string, unknown> = {}) {
  const res = await t.api('admin', `/api/cases/${id}/transitions/${action}`, { method: 'POST', body: payload });
  if (res.status !== 200) throw new Error(`${action} answered ${res.status}: ${await res.text()}`);
}

async function acceptedCase(): Promise<number> {
  const res = await t.api('admin', '/api/cases', { method: 'POST', body: { applicantName: '王秀兰', caseType: 'civil', channel: 'notified', causeOfAction: '追索劳动报酬纠纷' } });
  const created = await body(res);
  await move(created.id, 'review');
  await move(created.id, 'accept');
  return created.id;
}

async function lawyerId(): Promise<number> {
  return Number((await body(await t.api('lawyer', '/api/meta'))).user.lawyerId);
}

async function documentsOf(caseId: number, role: 'admin' | 'lawyer' | 'supervisor' = 'admin'): Promise<Json[]> {
  const filter = encodeURIComponent(JSON.stringify({ caseId }));
  return body(await t.api(role, `/api/case-documents?filter=${filter}&sort=["id","ASC"]&range=[0,99]`));
}

async function download(id: number, role: 'admin' | 'lawyer' | 'supervisor' = 'admin') {
  const res = await t.api(role, `/api/case-documents/${id}/download`);
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type') };
}

describe('documents issued at the transitions', () => {
  it('accept issues the decision, numbered per year, sealed; it fills the checklist item', async () => {
    const id = await acceptedCase();
    const [decision] = await documentsOf(id);
    expect(decision).toMatchObject({ caseId: id, kind: 'decision_grant', revision: 1 });
    expect(decision.number).toMatch(new RegExp(`^（${new Date().getFullYear()}）援决字第\\d{4}号$`));
    const file = await download(decision.id);
    expect(file.type).toBe('application/pdf');
    const text = pdfText(file.bytes).replace(/\s+/g, '');
    expect(text).toContain('给予法律援助决定书');
    expect(text).toContain(decision.number);
    expect(pdfsig(file.bytes)).toMatch(/Signature is Valid/);
    const tampered = new Uint8Array(file.bytes);
    const at = Buffer.from(tampered).indexOf('/Type /Page') + 2;
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    expect(pdfsig(tampered)).not.toMatch(/Signature is Valid/);

    const checklist = await body(await t.api('admin', `/api/cases/${id}/checklist`));
    const item = checklist.items.find((i: Json) => i.key === 'decision');
    expect(item.files).toEqual([expect.objectContaining({ id: decision.id, sha256: decision.sha256, downloadUrl: `/api/case-documents/${decision.id}/download`, suppliedBy: 'case-documents' })]);
    expect(checklist.missingCentreItems.map((i: Json) => i.key)).not.toContain('decision');
  }, 120_000);

  it('numbers follow one another within the year', async () => {
    const [a] = await documentsOf(await acceptedCase());
    const [b] = await documentsOf(await acceptedCase());
    const seq = (n: string) => Number(/第(\d+)号/.exec(n)![1]);
    expect(seq(b.number)).toBe(seq(a.number) + 1);
  }, 120_000);

  it('assign issues the notice and the letter, each filling its item; the lawyer of the case reads them, another does not', async () => {
    const id = await acceptedCase();
    await move(id, 'assign', { lawyerId: await lawyerId(), assignmentMethod: 'assigned' });
    const docs = await documentsOf(id);
    expect(docs.map((d: Json) => d.kind)).toEqual(['decision_grant', 'assignment_notice', 'official_letter']);
    const checklist = await body(await t.api('lawyer', `/api/cases/${id}/checklist`));
    for (const key of ['decision', 'assignment_notice', 'official_letter']) {
      expect(checklist.items.find((i: Json) => i.key === key).files).toHaveLength(1);
    }
    const notice = docs[1];
    expect(pdfText((await download(notice.id, 'lawyer')).bytes).replace(/\s+/g, '')).toContain('指派通知书');
    expect(pdfsig((await download(docs[2].id)).bytes)).toMatch(/Signature is Valid/);

    const other = await acceptedCase(); // not the demo lawyer's
    const [theirs] = await documentsOf(other);
    expect((await download(theirs.id, 'lawyer')).status).toBe(404);
    expect(await documentsOf(other, 'lawyer')).toEqual([]);
    expect((await t.api('reviewer', `/api/case-documents/${theirs.id}/download`)).status).toBe(403); // no read rule for reviewers
  }, 120_000);

  it('change-lawyer issues the change notice naming both lawyers and the reason, sealed; a re-issue states the same', async () => {
    const id = await acceptedCase();
    const first = await lawyerId();
    await move(id, 'assign', { lawyerId: first, assignmentMethod: 'assigned' });
    const lawyers = await body(await t.api('admin', '/api/lawyers?range=[0,20]'));
    const next = lawyers.find((l: Json) => l.id !== first);
    await move(id, 'change-lawyer', { lawyerId: next.id, reason: 'lawyer_withdrawal', note: '原承办律师因病休养', acknowledgeConflicts: true });
    const docs = await documentsOf(id);
    const notice = docs.find((d: Json) => d.kind === 'change_notice');
    expect(notice).toMatchObject({ revision: 1, previousLawyerId: first, changeReason: 'lawyer_withdrawal', changeNote: '原承办律师因病休养' });
    expect(notice.number).toMatch(new RegExp(`^（${new Date().getFullYear()}）援更字第\\d{4}号$`));
    const firstName = (await body(await t.api('admin', `/api/lawyers/${first}`))).name;
    const file = await download(notice.id);
    const text = pdfText(file.bytes).replace(/\s+/g, '');
    expect(text).toContain('更换法律援助人员通知书');
    expect(text).toContain(notice.number);
    expect(text).toContain(`${firstName}律师承办`);
    expect(text).toContain(`${next.name}律师继续承办`);
    expect(text).toContain('因法律援助人员申请退出（原承办律师因病休养）');
    expect(pdfsig(file.bytes)).toMatch(/Signature is Valid/);

    const res = await t.api('admin', `/api/case-documents/${notice.id}/reissue`, { method: 'POST' });
    expect(res.status).toBe(201);
    const again = await body(res);
    expect(again).toMatchObject({ kind: 'change_notice', number: notice.number, revision: 2, previousLawyerId: first, changeReason: 'lawyer_withdrawal' });
    expect(pdfText((await download(again.id)).bytes).replace(/\s+/g, '')).toContain(`${firstName}律师承办`);
  }, 120_000);

  it('reject issues the refusal', async () => {
    const res = await t.api('admin', '/api/cases', { method: 'POST', body: { applicantName: '李四', caseType: 'civil', channel: 'notified', causeOfAction: '民间借贷纠纷' } });
    const { id } = await body(res);
    await move(id, 'review');
    await move(id, 'reject', { reason: '申请事项不属于法律援助范围' });
    const [refusal] = await documentsOf(id);
    expect(refusal.kind).toBe('decision_refuse');
    expect(pdfText((await download(refusal.id)).bytes).replace(/\s+/g, '')).toContain('申请事项不属于法律援助范围');
  }, 120_000);

  it('re-issue makes a new sealed version and keeps the old one; only an admin may; never twice from one version', async () => {
    const id = await acceptedCase();
    const [first] = await documentsOf(id);
    expect((await t.api('supervisor', `/api/case-documents/${first.id}/reissue`, { method: 'POST' })).status).toBe(403);
    const res = await t.api('admin', `/api/case-documents/${first.id}/reissue`, { method: 'POST' });
    expect(res.status).toBe(201);
    const second = await body(res);
    expect(second).toMatchObject({ kind: 'decision_grant', number: first.number, revision: 2, supersedes: first.id, supersededAt: null });
    const docs = await documentsOf(id);
    expect(docs).toHaveLength(2);
    expect(docs[0].supersededAt).toBeTruthy();
    expect(docs[0].sha256).toBe(first.sha256);
    expect((await download(first.id)).status).toBe(200); // the old one kept
    expect(pdfsig((await download(second.id)).bytes)).toMatch(/Signature is Valid/);
    const checklist = await body(await t.api('admin', `/api/cases/${id}/checklist`));
    expect(checklist.items.find((i: Json) => i.key === 'decision').files.map((f: Json) => f.id)).toEqual([second.id]);
    expect((await t.api('admin', `/api/case-documents/${first.id}/reissue`, { method: 'POST' })).status).toBe(409);
  }, 120_000);

  it('numbers by the formats set in the settings form; a format without the sequence is refused', async () => {
    const put = (formats: unknown) => t.api('admin', '/api/settings/1', { method: 'PUT', body: { documentNumberFormats: formats } });
    const refused = await put([{ kind: 'decision_grant', format: '江北援决〔{year}〕号' }]);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await body(refused))).toContain('须包含顺序号');
    const meta = await body(await t.api('admin', '/api/meta'));
    const field = meta.resources.find((r: Json) => r.name === 'settings').fields.documentNumberFormats ?? meta.resources.find((r: Json) => r.name === 'settings').fields.find?.((f: Json) => f.name === 'documentNumberFormats');
    expect(JSON.stringify(field)).toContain('（2026）援决字第0012号'); // the example number in the form's help

    expect((await put([{ kind: 'decision_grant', format: '江北援决〔{year}〕{seq}号' }])).status).toBe(200);
    const [decision] = await documentsOf(await acceptedCase());
    expect(decision.number).toMatch(new RegExp(`^江北援决〔${new Date().getFullYear()}〕\\d+号$`));
    expect((await put([])).status).toBe(200);
    const [again] = await documentsOf(await acceptedCase());
    expect(again.number).toMatch(/援决字第\d{4}号$/);
  }, 120_000);

  it('nobody writes the register through REST', async () => {
    expect((await t.api('admin', '/api/case-documents', { method: 'POST', body: { caseId: 1, kind: 'decision_grant' } })).status).toBe(403);
  });
});
