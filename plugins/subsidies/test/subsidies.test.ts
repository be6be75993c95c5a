// Differentiated subsidy: amounts from the settings for every type × grade, the cap, early ends;
// recomputed on grade and settings changes; paid batches immutable, later regrades as adjustments; access.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../../../test/support/fayuan.js';
import { systemActor } from '../../../api/plugin-kit.js';
import { computeSubsidy, subsidyDefaults, type SubsidySettings } from '../server/rules.js';
import { pdfText } from '../../../test/support/poppler.js';

type Json = Record<string, any>;
let t: TestFayuan;
const json = async (res: Response) => (await res.json()) as any;
const GROUND = 'own_lawyer';
const TYPES = ['civil', 'administrative', 'criminal', 'arbitration', 'non_litigation'] as const;
const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
const BASE: Record<string, keyof SubsidySettings> = {
  civil: 'subsidyBaseCivil', administrative: 'subsidyBaseAdministrative', criminal: 'subsidyBaseCriminal', arbitration: 'subsidyBaseArbitration', non_litigation: 'subsidyBaseNonLitigation',
};
const FACTOR: Record<string, keyof SubsidySettings> = { excellent: 'subsidyFactorExcellent', good: 'subsidyFactorGood', pass: 'subsidyFactorPass', fail: 'subsidyFactorFail' };

beforeAll(async () => {
  t = await startTestFayuan({ cases: 80, plugins: ['subsidies'] });
});
afterAll(async () => t?.close());

const cases = () => t.fayuan.records.resource('cases');
/** A server-side change of the case, as the grading plugins make it (the write path, audited). */
const setCase = (id: number, columns: Json) => t.fayuan.records.change(cases(), id, systemActor, { action: 'test-grade', plan: () => columns });
const getCase = async (id: number) => json(await t.api('admin', `/api/cases/${id}`));
const settings = async () => json(await t.api('admin', '/api/settings'));
const putSettings = async (changes: Json) => t.api('admin', '/api/settings', { method: 'PUT', body: { ...(await settings()), ...changes } });

async function closedCase(offset = 0): Promise<Json> {
  // Not in a batch yet (the demo paid one early batch).
  const row = await t.database.db.selectFrom('cases').select('id').where('status', 'in', ['closed', 'archived'])
    .where('id', 'not in', t.database.db.selectFrom('subsidy_batch_lines').select('caseId')).orderBy('id').offset(offset).limit(1).executeTakeFirstOrThrow();
  return getCase(Number(row.id));
}

describe('the settings', () => {
  it('ship the seed 000 amounts, edited in the settings record', async () => {
    const s = await settings();
    expect([s.subsidyBaseCivil, s.subsidyBaseAdministrative, s.subsidyBaseCriminal, s.subsidyCap]).toEqual([1600, 1600, 1200, 2500]);
    expect(s.subsidyFactorPass).toBe(1);
    const meta = await json(await t.api('admin', '/api/meta'));
    const declared = meta.resources.find((r: Json) => r.name === 'settings');
    expect(JSON.stringify(declared)).toContain('subsidyBaseCriminal');
  });
});

describe('every case type × grade', () => {
  it('computes base × factor, capped, from the settings, and follows a changed setting', async () => {
    const c = await closedCase();
    for (const round of [0, 1]) {
      const s = { ...subsidyDefaults, ...(await settings()) } as SubsidySettings;
      for (const caseType of TYPES) {
        for (const qualityGrade of GRADES) {
          await setCase(c.id, { caseType, qualityGrade, criminalRole: caseType === 'criminal' ? 'defendant' : null });
          const stored = await getCase(c.id);
          const expected = Math.min(Math.round(s[BASE[caseType]] * s[FACTOR[qualityGrade]] * 100) / 100, s.subsidyCap);
          expect(stored.subsidyAmount, `${caseType} ${qualityGrade} round ${round}`).toBe(expected);
          expect(stored.subsidyBasis).toContain(String(s[BASE[caseType]]));
        }
      }
      // Round two: a higher excellent factor hits the cap, a fail withholds the subsidy, criminal base raised.
      if (round === 0) expect((await putSettings({ subsidyFactorExcellent: 2, subsidyFactorFail: 0, subsidyBaseCriminal: 1300 })).status).toBe(200);
    }
    await setCase(c.id, { caseType: 'civil', qualityGrade: 'excellent', criminalRole: null });
    const capped = await getCase(c.id);
    expect(capped.subsidyAmount).toBe(2500);
    expect(capped.subsidyBasis).toMatch(/上限/);
    await setCase(c.id, { qualityGrade: 'fail' });
    expect((await getCase(c.id)).subsidyAmount).toBe(0);
    expect((await putSettings({ ...subsidyDefaults })).status).toBe(200);
  });

  it('a settings change recomputes every unpaid ended case', async () => {
    const c = await closedCase(1);
    await setCase(c.id, { caseType: 'civil', qualityGrade: 'pass', criminalRole: null });
    expect((await getCase(c.id)).subsidyAmount).toBe(1600);
    expect((await putSettings({ subsidyBaseCivil: 1700 })).status).toBe(200);
    expect((await getCase(c.id)).subsidyAmount).toBe(1700);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('resource', '=', 'cases').where('recordId', '=', String(c.id)).where('action', '=', 'subsidy').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect((await putSettings({ subsidyBaseCivil: 1600 })).status).toBe(200);
    expect((await getCase(c.id)).subsidyAmount).toBe(1600);
  });

  it('a closed case without a grade has no amount yet; an early end gets the settings\' share of the base', async () => {
    const c = await closedCase(2);
    await setCase(c.id, { qualityGrade: null, caseType: 'civil', criminalRole: null });
    const open = await getCase(c.id);
    expect(open.subsidyAmount).toBeNull();
    expect(open.subsidyBasis).toMatch(/尚未评定/);
    const s = { ...subsidyDefaults, ...(await settings()) } as SubsidySettings;
    expect(computeSubsidy({ status: 'terminated', caseType: 'criminal', assignedAt: '2026-01-01T00:00:00Z' }, s).amount).toBe(s.subsidyBaseCriminal * s.subsidyTerminatedPercent / 100);
    expect(computeSubsidy({ status: 'terminated', caseType: 'criminal', assignedAt: null }, s).amount).toBeNull();
    const assigned = await t.database.db.selectFrom('cases').select('id').where('status', 'in', ['assigned', 'in_progress']).where('assignedAt', 'is not', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const res = await t.api('admin', `/api/cases/${assigned.id}/transitions/terminate`, { method: 'POST', body: { reason: GROUND, note: '受援人自行委托律师' } });
    expect(res.status).toBe(200);
    const ended = await getCase(Number(assigned.id));
    expect(ended.status).toBe('terminated');
    expect(ended.subsidyAmount).toBe(computeSubsidy(ended, s).amount);
    expect(ended.subsidyAmount).toBeGreaterThan(0);
    expect(ended.subsidyBasis).toMatch(/指派后终止/);
  });
});

describe('clients', () => {
  it('cannot write subsidyAmount or subsidyBasis', async () => {
    const c = await closedCase(3);
    for (const role of ['admin', 'supervisor'] as const) {
      const seen = await json(await t.api(role, `/api/cases/${c.id}`));
      for (const body of [{ subsidyAmount: 9999 }, { subsidyBasis: '我说了算' }]) {
        const res = await t.api(role, `/api/cases/${c.id}`, { method: 'PUT', body: { ...seen, ...body } });
        expect(res.status, `${role} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
    const after = await getCase(c.id);
    expect([after.subsidyAmount, after.subsidyBasis]).toEqual([c.subsidyAmount, c.subsidyBasis]);
  });
});

describe('batches', () => {
  let batch: Json;
  it('an admin gathers a period into a draft batch, with totals per firm and lawyer, and pays it', async () => {
    // Every graded closed case of the test's period, and none already batched by the demo.
    const c = await closedCase(4);
    await setCase(c.id, { caseType: 'civil', qualityGrade: 'good', criminalRole: null, closedAt: '2031-02-03T04:00:00.000Z' });
    batch = await json(await t.api('admin', '/api/subsidy-batches', { method: 'POST', body: { name: '2031年2月', periodStart: '2031-02-01', periodEnd: '2031-02-28' } }));
    expect(batch.state).toBe('draft');
    expect((await t.api('supervisor', `/api/subsidy-batches/${batch.id}/gather`, { method: 'POST' })).status).toBe(403);
    const gathered = await json(await t.api('admin', `/api/subsidy-batches/${batch.id}/gather`, { method: 'POST' }));
    // The case closed in the period, and cases terminated after assignment not yet paid (they have no closing date).
    const lines = await json(await t.api('admin', `/api/subsidy-batch-lines?range=[0,999]&filter=${encodeURIComponent(JSON.stringify({ batchId: batch.id }))}`));
    const closedLines = lines.filter((l: Json) => l.caseStatus !== 'terminated');
    expect(closedLines.map((l: Json) => [l.caseId, l.kind, l.amount])).toEqual([[c.id, 'subsidy', 1920]]);
    const total = lines.reduce((a: number, l: Json) => a + Math.round(l.amount * 100), 0) / 100;
    expect(gathered).toMatchObject({ caseCount: lines.length, totalAmount: total });
    const sums = await json(await t.api('supervisor', `/api/subsidy-batches/${batch.id}/totals`));
    expect(sums.total).toBe(total);
    expect(sums.byLawyer).toContainEqual(expect.objectContaining({ lawyerId: c.lawyerId }));
    expect(Math.round(sums.byFirm.reduce((a: number, f: Json) => a + f.amount, 0) * 100) / 100).toBe(total);
    expect(Math.round(sums.byLawyer.reduce((a: number, f: Json) => a + f.amount, 0) * 100) / 100).toBe(total);
    // Gathering again adds nothing.
    expect(await json(await t.api('admin', `/api/subsidy-batches/${batch.id}/gather`, { method: 'POST' }))).toMatchObject({ caseCount: lines.length });
    expect((await t.api('supervisor', `/api/subsidy-batches/${batch.id}/pay`, { method: 'POST' })).status).toBe(403);
    const paid = await json(await t.api('admin', `/api/subsidy-batches/${batch.id}/pay`, { method: 'POST' }));
    expect(paid.state).toBe('paid');
    expect((await t.api('admin', `/api/subsidy-batches/${batch.id}/pay`, { method: 'POST' })).status).toBe(422);
  });

  it('a paid batch never changes: PUT and DELETE refused, a regrade is an adjustment in the next batch', async () => {
    const paid = await json(await t.api('admin', `/api/subsidy-batches/${batch.id}`));
    expect((await t.api('admin', `/api/subsidy-batches/${batch.id}`, { method: 'PUT', body: { ...paid, name: '改名' } })).status).toBe(422);
    expect((await t.api('admin', `/api/subsidy-batches/${batch.id}`, { method: 'DELETE' })).status).toBe(422);
    const line = (await json(await t.api('admin', `/api/subsidy-batch-lines?range=[0,999]&filter=${encodeURIComponent(JSON.stringify({ batchId: batch.id }))}`)))
      .find((l: Json) => l.caseStatus !== 'terminated');
    expect((await t.api('admin', `/api/subsidy-batch-lines/${line.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await t.api('admin', `/api/subsidy-batch-lines/${line.id}`, { method: 'PUT', body: { ...line, amount: 1 } })).status).toBe(403);
    // The case is regraded excellent after payment: its paid amount stays.
    await setCase(line.caseId, { qualityGrade: 'excellent' });
    expect((await getCase(line.caseId)).subsidyAmount).toBe(1920);
    const next = await json(await t.api('admin', '/api/subsidy-batches', { method: 'POST', body: { name: '2031年3月', periodStart: '2031-03-01', periodEnd: '2031-03-31' } }));
    const gathered = await json(await t.api('admin', `/api/subsidy-batches/${next.id}/gather`, { method: 'POST' }));
    expect(gathered).toMatchObject({ caseCount: 1, totalAmount: 2400 - 1920 });
    const [adjustment] = await json(await t.api('admin', `/api/subsidy-batch-lines?filter=${encodeURIComponent(JSON.stringify({ batchId: next.id }))}`));
    expect(adjustment).toMatchObject({ caseId: line.caseId, kind: 'adjustment', amount: 480, qualityGrade: 'excellent' });
    expect(adjustment.basis).toMatch(/已发放 1920/);
    const again = await json(await t.api('admin', `/api/subsidy-batch-lines/${line.id}`));
    expect(again.amount).toBe(1920);
  });

  it("a firm's statement as a Chinese PDF: each line's case, lawyer, grade and amount, per-lawyer subtotals and the total (admins)", async () => {
    const sums = await json(await t.api('admin', `/api/subsidy-batches/${batch.id}/totals`));
    const lines = await json(await t.api('admin', `/api/subsidy-batch-lines?range=[0,999]&filter=${encodeURIComponent(JSON.stringify({ batchId: batch.id }))}`));
    const firm = sums.byFirm.find((f: Json) => f.lawFirmId !== null);
    const res = await t.api('admin', `/api/subsidy-batches/${batch.id}/statement.pdf?firmId=${firm.lawFirmId}`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    if (process.env.SCREENSHOT_DIR) fs.writeFileSync(path.join(process.env.SCREENSHOT_DIR, 'subsidy-statement.pdf'), pdf);
    const text = pdfText(pdf);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('办案补贴对账单');
    expect(flat).toContain(String(firm.name).replace(/\s+/g, ''));
    expect(flat).toContain(`合计：${firm.lines}笔，${firm.amount.toFixed(2)}元`);
    for (const line of lines.filter((l: Json) => l.lawFirmId === firm.lawFirmId)) {
      const c = await getCase(line.caseId);
      expect(flat).toContain(String(c.caseNumber).replace(/\s+/g, ''));
      expect(flat).toContain(line.amount.toFixed(2));
    }
    for (const lawyer of sums.byLawyer.filter((l: Json) => l.lawFirmId === firm.lawFirmId)) expect(flat).toContain(`${lawyer.amount.toFixed(2)}元`);
    // Another firm's lines are not on it.
    const other = lines.find((l: Json) => l.lawFirmId !== firm.lawFirmId && l.lawFirmId !== null);
    if (other) expect(flat).not.toContain(String((await getCase(other.caseId)).caseNumber).replace(/\s+/g, ''));
    // Admins only; a firm id is required and must exist; an unknown batch is 404.
    expect((await t.api('supervisor', `/api/subsidy-batches/${batch.id}/statement.pdf?firmId=${firm.lawFirmId}`)).status).toBe(403);
    expect((await t.api('lawyer', `/api/subsidy-batches/${batch.id}/statement.pdf?firmId=${firm.lawFirmId}`)).status).toBe(403);
    for (const bad of ['', 'x', '-1', '1;drop']) {
      const refused = await t.api('admin', `/api/subsidy-batches/${batch.id}/statement.pdf?firmId=${encodeURIComponent(bad)}`);
      expect(refused.status, bad).toBe(400);
      expect((await json(refused)).errors.firmId).toBeTruthy();
    }
    expect((await t.api('admin', `/api/subsidy-batches/${batch.id}/statement.pdf?firmId=999999`)).status).toBe(404);
    expect((await t.api('admin', `/api/subsidy-batches/999999/statement.pdf?firmId=${firm.lawFirmId}`)).status).toBe(404);
  });

  it('exports the lines as CSV and XLSX', async () => {
    const filter = encodeURIComponent(JSON.stringify({ batchId: batch.id }));
    const csv = await t.api('admin', `/api/subsidy-batch-lines/export.csv?filter=${filter}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('1920');
    const xlsx = await t.api('admin', `/api/subsidy-batch-lines/export.xlsx?filter=${filter}`);
    expect(xlsx.status).toBe(200);
  });
});

describe('access', () => {
  it('admins write, supervisors read, lawyers see only their own lines, reviewers nothing', async () => {
    expect((await t.api('supervisor', '/api/subsidy-batches')).status).toBe(200);
    expect((await t.api('supervisor', '/api/subsidy-batches', { method: 'POST', body: { name: 'x', periodStart: '2031-01-01', periodEnd: '2031-01-31' } })).status).toBe(403);
    expect((await t.api('admin', '/api/subsidy-batches', { method: 'POST', body: { name: 'x', periodStart: '2031-02-01', periodEnd: '2031-01-31' } })).status).toBe(400);
    for (const id of ['abc', '0', '99999999']) expect((await t.api('admin', `/api/subsidy-batches/${id}/gather`, { method: 'POST' })).status).toBe(404);
    for (const role of ['lawyer', 'reviewer'] as const) expect((await t.api(role, '/api/subsidy-batches')).status).toBe(403);
    expect((await t.api('reviewer', '/api/subsidy-batch-lines')).status).toBe(403);
    const me = await json(await t.api('lawyer', '/api/users/me').catch(() => new Response('{}')));
    const own = await json(await t.api('lawyer', '/api/subsidy-batch-lines?range=[0,999]'));
    const all = await t.database.db.selectFrom('subsidy_batch_lines').select(['id', 'lawyerId']).execute();
    const lawyerId = me?.lawyerId ?? (await t.database.db.selectFrom('user').select('lawyerId').where('email', '=', 'lawyer@fayuan.test').executeTakeFirst())?.lawyerId;
    expect(own.every((l: Json) => l.lawyerId === Number(lawyerId))).toBe(true);
    expect(own.length).toBe(all.filter((l) => Number(l.lawyerId) === Number(lawyerId)).length);
    const foreign = all.find((l) => Number(l.lawyerId) !== Number(lawyerId));
    if (foreign) expect((await t.api('lawyer', `/api/subsidy-batch-lines/${foreign.id}`)).status).toBe(404);
    const anyBatch = all.length ? (await t.database.db.selectFrom('subsidy_batches').select('id').executeTakeFirstOrThrow()).id : 1;
    expect((await t.api('lawyer', `/api/subsidy-batches/${anyBatch}/totals`)).status).toBe(403);
  });

  it('the demo computed the graded closed cases and paid one batch', async () => {
    const paid = await t.database.db.selectFrom('subsidy_batches').select(['id', 'state']).where('state', '=', 'paid').execute();
    expect(paid.length).toBeGreaterThanOrEqual(1);
    const graded = await t.database.db.selectFrom('cases').select(['subsidyAmount', 'subsidyBasis']).where('status', 'in', ['closed', 'archived']).where('qualityGrade', 'is not', null).execute();
    expect(graded.every((c) => c.subsidyAmount !== null && c.subsidyBasis)).toBe(true);
  });
});
