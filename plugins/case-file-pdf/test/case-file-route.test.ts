// GET /api/cases/:id/case-file.pdf from the registers: the case number, the catalogue's pages,
// the issued documents bound in, masks by role, and the case's row rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../../../test/support/fayuan.js';
import { pdfPageCount, pdfPageTexts } from '../../../test/support/poppler.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const flat = (text: string) => text.replace(/\s+/g, '');

let t: TestFayuan;
let ownCase: Json;
let otherCase: Json;

async function body(res: Response): Promise<Json> {
  const text = await res.text();
  try { return JSON.parse(text); } catch { return text; }
}

async function move(id: number, action: string, payload: Record<string, unknown> = {}) {
  const res = await t.api('admin', `/api/cases/${id}/transitions/${action}`, { method: 'POST', body: payload });
  if (res.status !== 200) throw new Error(`${action} answered ${res.status}: ${await res.text()}`);
}

async function caseFor(lawyerId: number | null): Promise<Json> {
  const created = await body(await t.api('admin', '/api/cases', {
    method: 'POST',
    body: { applicantName: '王秀兰', applicantIdNumber: '11010519491231002X', applicantPhone: '13912345678', caseType: 'civil', channel: 'notified', causeOfAction: '追索劳动报酬纠纷' },
  }));
  await move(created.id, 'review');
  await move(created.id, 'accept');
  if (lawyerId) await move(created.id, 'assign', { lawyerId, assignmentMethod: 'assigned' });
  return body(await t.api('admin', `/api/cases/${created.id}`));
}

async function caseFile(id: number, role: 'admin' | 'supervisor' | 'lawyer' | 'reviewer') {
  const res = await t.api(role, `/api/cases/${id}/case-file.pdf`);
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** The catalogue's rows on page 2: title and page range. */
function catalogueRows(pageText: string) {
  return pageText.split('\n')
    .map((line) => /^\s*\d+\s+(\S+)\s+(\d+)(?:–(\d+))?/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ title: m[1], first: Number(m[2]), last: Number(m[3] ?? m[2]) }));
}

beforeAll(async () => {
  t = await startTestFayuan({ cases: 10, plugins: ['case-files', 'centre-documents', 'case-file-pdf'] });
  const lawyerId = Number((await body(await t.api('lawyer', '/api/meta'))).user.lawyerId);
  ownCase = await caseFor(lawyerId);
  otherCase = await caseFor(null);
}, 180_000);
afterAll(() => t?.close());

describe('the case file of a case', () => {
  it('parses, carries the case number, and its catalogue names the pages its sections start on', async () => {
    const file = await caseFile(ownCase.id, 'admin');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    const pages = pdfPageTexts(file.bytes);
    expect(pages.length).toBe(pdfPageCount(file.bytes));
    expect(flat(pages[0])).toContain(ownCase.caseNumber);
    expect(flat(pages[0])).toContain('法律援助案件卷宗');
    const rows = catalogueRows(pages[1]);
    const titles = rows.map((r) => r.title);
    expect(titles.slice(0, 4)).toEqual(['封面', '目录', '案件概况', '卷内材料清单']);
    // The three documents issued at accept and assign are bound in, each where the catalogue says.
    for (const name of ['给予法律援助决定书', '指派通知书', '法律援助公函']) {
      const row = rows.find((r) => r.title.startsWith(name));
      expect(row, name).toBeDefined();
      expect(flat(pages[row!.first - 1])).toContain(name);
    }
    const summary = rows.find((r) => r.title === '案件概况')!;
    expect(flat(pages[summary.first - 1])).toContain('案件概况');
    expect(flat(pages[summary.first - 1])).toContain('受理');
  }, 120_000);

  it('shows the applicant as the reader may see them: whole to an admin and the lawyer, masked to a supervisor', async () => {
    const admin = flat(pdfPageTexts((await caseFile(ownCase.id, 'admin')).bytes).join(''));
    expect(admin).toContain('11010519491231002X');
    const lawyer = flat(pdfPageTexts((await caseFile(ownCase.id, 'lawyer')).bytes).join(''));
    expect(lawyer).toContain('11010519491231002X');
    const supervisor = flat(pdfPageTexts((await caseFile(ownCase.id, 'supervisor')).bytes).join(''));
    expect(supervisor).not.toContain('11010519491231002X');
    expect(supervisor).not.toContain('19491231');
    expect(supervisor).toContain(ownCase.caseNumber);
  }, 120_000);

  it('a lawyer gets their own cases only; a reviewer none; an unknown case is 404', async () => {
    expect((await caseFile(otherCase.id, 'lawyer')).status).toBe(404);
    expect((await caseFile(ownCase.id, 'reviewer')).status).toBe(404);
    expect((await caseFile(999_999, 'admin')).status).toBe(404);
    expect((await t.api(null, `/api/cases/${ownCase.id}/case-file.pdf`)).status).toBe(401);
  }, 60_000);
});
