// The running tallies (api/db/tallies.ts) stay equal to a recount from the rows through every
// path that writes a register: REST create, update and delete, system changes (a case closed, as
// the workflow does), a correction, hooks of the plugins that change a case when it is written
// (the subsidy), a seed's bulk insert and later columns, and the migration that counts again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestFayuan, type TestFayuan } from './support/fayuan.js';
import { syncTallies } from '../api/db/tallies.js';
import { yearFigures } from '../api/reports/indicators.js';
import type { Actor, Row } from '../api/resources/define.js';

let t: TestFayuan;
const actor: Actor = { id: 'test', email: 'test@fayuan.test', role: 'admin', lawyerId: null };

/** Every tally row, zero rows left out, in a stable order. */
async function snapshot(): Promise<string[]> {
  const rows = await t.database.db.selectFrom('tallies').selectAll().execute();
  return rows.filter((r) => Number(r.n) !== 0 || Number(r.amount) !== 0)
    .map((r) => `${r.register}|${r.tally}|${r.bucket}|${r.key}|${Number(r.n)}|${Number(r.amount)}`).sort();
}

async function recounted(): Promise<string[]> {
  await sql`delete from tally_state`.execute(t.database.db);
  await sql`delete from tallies`.execute(t.database.db);
  await syncTallies(t.database.db, t.fayuan.resources);
  return snapshot();
}

beforeAll(async () => {
  t = await startTestFayuan({ cases: 80, plugins: ['case-files', 'subsidies', 'return-visits', 'case-inspection'] });
});
afterAll(() => t?.close());

describe('running tallies', () => {
  it('are counted for the demo centre as its rows say', async () => {
    const kept = await snapshot();
    expect(kept.some((r) => r.startsWith('cases|granted-by-type-and-point|'))).toBe(true);
    expect(kept.some((r) => r.startsWith('cases|closed-by-type-and-grade|'))).toBe(true);
    expect(kept.some((r) => r.startsWith('consultations|by-month|'))).toBe(true);
    expect(kept.some((r) => r.startsWith('cases|closed-visited|'))).toBe(true); // a plugin's tally on a core register
    expect(kept.some((r) => r.startsWith('return-visits|by-month|'))).toBe(true);
    expect(await recounted()).toEqual(kept);
  });

  it('follow creates, updates, deletes, system changes, corrections and hooks', async () => {
    const { records } = t.fayuan;
    const cases = records.resource('cases');
    const all = await records.all(cases);
    const year = new Date().getUTCFullYear();
    const before = await yearFigures(records, year);

    // REST: a new application, then its type and service point changed.
    const template = all.find((c) => c.status === 'applied' && c.applicationDate)!;
    const body: Row = Object.fromEntries(Object.entries(template).filter(([k]) => !['id', 'version', 'createdAt', 'updatedAt', 'caseNumber', 'subsidyAmount', 'subsidyBasis', 'qualityGrade'].includes(k)));
    const created = await t.api('admin', '/api/cases', { method: 'POST', body });
    expect(created.status, await created.clone().text()).toBe(201);
    const id = Number((await created.json()).id);
    const put = await t.api('admin', `/api/cases/${id}`, { method: 'PUT', body: { caseType: template.caseType === 'civil' ? 'criminal' : 'civil', servicePointId: null } });
    expect(put.status, await put.clone().text()).toBe(200);

    // System changes, as the workflow makes them: granted, then closed with an amount (the subsidy hook writes the case again).
    const open = all.find((c) => c.status === 'in_progress')!;
    await records.change(cases, Number(open.id), actor, { action: 'transition:close', plan: () => ({ status: 'closed', closedAt: new Date().toISOString(), amountRecovered: 1234.56, outcome: open.outcome ?? '调解结案' }) });
    await records.change(cases, id, actor, { action: 'transition:accept', plan: () => ({ status: 'accepted', acceptedAt: new Date().toISOString() }) });

    // A correction of an archived case's amount.
    const archived = all.find((c) => c.status === 'archived');
    if (archived) {
      const fixed = await t.api('admin', `/api/cases/${archived.id}/corrections`, { method: 'POST', body: { reason: '金额录入错误', changes: { amountRecovered: 99.5 } } });
      expect([200, 201], await fixed.clone().text()).toContain(fixed.status);
    }

    // A consultation deleted and one added.
    const consultations = records.resource('consultations');
    const [first] = await records.all(consultations);
    expect((await t.api('admin', `/api/consultations/${first.id}`, { method: 'DELETE' })).status).toBe(200);
    await records.insert(consultations, { ...Object.fromEntries(Object.entries(first).filter(([k]) => !['id', 'version', 'createdAt', 'updatedAt'].includes(k))), occurredAt: new Date().toISOString() }, actor);

    // A seed's later columns (as plugins' demo data writes them).
    const graded = all.find((c) => c.status === 'closed' && c.qualityGrade !== 'fail')!;
    await t.database.db.transaction().execute((trx) => records.seedUpdates(cases, [{ id: graded.id, qualityGrade: 'fail' }], trx));

    const kept = await snapshot();
    const after = await yearFigures(records, year);
    expect(after).not.toEqual(before);
    expect(await recounted()).toEqual(kept);
    expect(await yearFigures(records, year)).toEqual(after);
  });

  it("follow a seed's later columns over many records, a chunk at a time, a record given twice taking its last values", async () => {
    const { records } = t.fayuan;
    const cases = records.resource('cases');
    const closed = (await records.all(cases)).filter((c) => c.status === 'closed' || c.status === 'archived');
    expect(closed.length).toBeGreaterThan(20);
    const grades = ['excellent', 'good', 'pass', 'fail'];
    const given = closed.map((c, i) => ({ id: c.id, qualityGrade: grades[i % 4] }));
    given.push({ id: closed[0].id, qualityGrade: 'fail' }, { id: closed[1].id, qualityGrade: 'excellent' });
    await t.database.db.transaction().execute((trx) => records.seedUpdates(cases, given, trx, 7));
    const stored = new Map((await records.all(cases)).map((c) => [c.id, c.qualityGrade]));
    expect(closed.map((c) => stored.get(c.id))).toEqual(closed.map((_, i) => (i === 0 ? 'fail' : i === 1 ? 'excellent' : grades[i % 4])));
    const kept = await snapshot();
    expect(await recounted()).toEqual(kept);
  });

  it('are rebuilt by the migration when a tally is new or its version changes', async () => {
    const kept = await snapshot();
    await sql`update tally_state set version = version + 100 where tally = 'granted-by-group'`.execute(t.database.db);
    await sql`delete from tallies where tally = 'granted-by-group'`.execute(t.database.db);
    await syncTallies(t.database.db, t.fayuan.resources);
    expect(await snapshot()).toEqual(kept);
  });

  it('answer every register’s list totals by the fields of its count tally as counting the rows would, plugins’ registers too', async () => {
    const { records } = t.fayuan;
    const counting = t.fayuan.resources.filter((r) => r.tallies?.some((tally) => tally.counts));
    expect(counting.map((r) => r.name)).toEqual(expect.arrayContaining(['cases', 'return-visits', 'case-inspections']));
    for (const resource of counting) {
      const rows = await records.all(resource);
      const fields = resource.tallies!.find((tally) => tally.counts)!.counts!;
      const filters: Record<string, unknown>[] = [{}, ...fields.flatMap((field) => [...new Set(rows.map((r) => r[field]))].filter((v) => v !== null).map((v) => ({ [field]: v })))];
      for (const filter of filters) {
        const counted = rows.filter((r) => Object.entries(filter).every(([k, v]) => r[k] === v)).length;
        const res = await t.api('admin', `/api/${resource.name}?${new URLSearchParams({ range: '[0,0]', filter: JSON.stringify(filter) })}`);
        expect(Number(res.headers.get('content-range')?.split('/').pop()), `${resource.name} ${JSON.stringify(filter)}`).toBe(counted);
      }
      expect(rows.length, resource.name).toBeGreaterThan(0);
    }
  });

  it("answer an admin's list totals by type and status exactly as counting the rows would, and leave row-ruled totals to the rows", async () => {
    const { records } = t.fayuan;
    const cases = records.resource('cases');
    const rows = await records.all(cases);
    const counted = (filter: Record<string, unknown>) => rows.filter((r) => Object.entries(filter).every(([k, v]) => [v].flat().includes(r[k]))).length;
    const filters: Record<string, unknown>[] = [
      {}, { status: 'closed' }, { caseType: 'criminal' }, { caseType: 'criminal', status: 'closed' },
      { status: ['closed', 'archived'] }, { caseType: ['civil', 'criminal'], status: ['applied', 'reviewing'] }, { status: [] },
    ];
    for (const filter of filters) {
      const res = await t.api('admin', `/api/cases?${new URLSearchParams({ range: '[0,0]', filter: JSON.stringify(filter) })}`);
      expect(Number(res.headers.get('content-range')?.split('/').pop()), JSON.stringify(filter)).toBe(counted(filter));
      expect(await records.count(cases, filter, actor)).toBe(counted(filter));
    }
    // The admin's total is the tally's: a tally row changed behind the write path's back shows in it,
    // while the lawyer's (a row rule) and a filter the tally does not hold are counted from the rows.
    const lawyer: Actor = { id: 'l', email: 'l@fayuan.test', role: 'lawyer', lawyerId: Number(rows.find((r) => r.lawyerId && r.status === 'closed')!.lawyerId) };
    const own = rows.filter((r) => Number(r.lawyerId) === lawyer.lawyerId && r.status === 'closed').length;
    const channel = rows.filter((r) => r.status === 'closed' && r.channel === 'window').length;
    const closedKeys = sql`register = 'cases' and tally = 'count:caseType,status' and key like '%"closed"]'`;
    const { rows: [{ n: bumped }] } = await sql<{ n: number }>`select count(*) as n from tallies where ${closedKeys}`.execute(t.database.db);
    expect(Number(bumped)).toBeGreaterThan(0);
    await sql`update tallies set n = n + 1000 where ${closedKeys}`.execute(t.database.db);
    try {
      expect(await records.count(cases, { status: 'closed' }, actor)).toBe(counted({ status: 'closed' }) + 1000 * Number(bumped));
      expect(await records.count(cases, { status: 'closed' }, lawyer)).toBe(own);
      expect(await records.count(cases, { status: 'closed', channel: 'window' }, actor)).toBe(channel);
    } finally {
      await sql`update tallies set n = n - 1000 where ${closedKeys}`.execute(t.database.db);
    }
  });
});
