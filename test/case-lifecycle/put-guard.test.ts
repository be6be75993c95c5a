// The case's life through the HTTP API and the real database: fields only transitions may change (the PUT guard).
// (Shared fixtures: test/support/case-lifecycle.ts; the rules themselves are unit-tested in case-rules.test.ts.)
import { describe, expect, it } from 'vitest';
import { call, caseIn, getCase, lawyer, type Row, setUpLifecycleCentre, STAMPS } from '../support/case-lifecycle.js';

setUpLifecycleCentre();

describe('fields only transitions may change (PUT guard)', () => {
  async function expectPutRefused(id: number, changes: Row, field: string) {
    const before = await getCase(id);
    const res = await call('admin', `/api/cases/${id}`, 'PUT', { ...before, ...changes });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.errors[field]).toMatch(/[\u4e00-\u9fff]/);
    const after = await getCase(id);
    expect(after).toEqual(before);
  }

  it('refuses with 422 a PUT that changes the status, and changes nothing', async () => {
    const row = await caseIn('reviewing');
    await expectPutRefused(row.id, { status: 'accepted' }, 'status');
    await expectPutRefused(row.id, { status: 'closed', causeOfAction: '改了案由' }, 'status');
  });

  it('refuses with 422 a PUT that changes the assignment time or the lawyer, and changes nothing', async () => {
    const row = await caseIn('in_progress');
    const assignedAt = new Date(Date.parse(row.assignedAt) - 86_400_000).toISOString();
    await expectPutRefused(row.id, { assignedAt }, 'assignedAt');
    await expectPutRefused(row.id, { lawyerId: lawyer.legalAid.id }, 'lawyerId');
    await expectPutRefused(row.id, { lawyerId: null }, 'lawyerId');
    await expectPutRefused(row.id, { acceptedAt: null }, 'acceptedAt');
    await expectPutRefused(row.id, { assignmentMethod: 'client_choice' }, 'assignmentMethod');
  });

  it('refuses with 422 a PUT that sets the closing, archive or termination fields', async () => {
    const row = await caseIn('closed');
    const dayBefore = (stamp: string) => new Date(Date.parse(stamp) - 86_400_000).toISOString();
    await expectPutRefused(row.id, { closedAt: dayBefore(row.closedAt) }, 'closedAt');
    await expectPutRefused(row.id, { closedAt: null }, 'closedAt');
    await expectPutRefused(row.id, { archivedAt: row.closedAt }, 'archivedAt');
    await expectPutRefused(row.id, { terminationGround: 'fraud' }, 'terminationGround');
    await expectPutRefused(row.id, { decisionReason: '补写理由' }, 'decisionReason');
  });

  it('accepts a PUT that sends the system-kept fields back unchanged and changes another field', async () => {
    const row = await caseIn('in_progress');
    const before = await getCase(row.id);
    const res = await call('admin', `/api/cases/${row.id}`, 'PUT', { ...before, causeOfAction: '追索劳动报酬纠纷' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await getCase(row.id);
    expect(after.causeOfAction).toBe('追索劳动报酬纠纷');
    expect(after.version).toBe(before.version + 1);
    for (const field of ['status', 'lawyerId', 'assignmentMethod', ...STAMPS]) expect(after[field], field).toEqual(before[field]);
  });

  it('accepts the same instant written with another time zone as unchanged', async () => {
    const row = await caseIn('assigned');
    const before = await getCase(row.id);
    const at = new Date(Date.parse(before.assignedAt) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    expect(Date.parse(at)).toBe(Date.parse(before.assignedAt));
    const res = await call('admin', `/api/cases/${row.id}`, 'PUT', { ...before, assignedAt: at, applicantPhone: '13800138000' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await getCase(row.id)).assignedAt).toBe(before.assignedAt);
  });

  it('accepts a PUT without the system-kept fields at all', async () => {
    const row = await caseIn('accepted');
    const res = await call('admin', `/api/cases/${row.id}`, 'PUT', { causeOfAction: '工伤赔偿' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await getCase(row.id);
    expect(after.status).toBe('accepted');
    expect(after.acceptedAt).toBe(row.acceptedAt);
  });
});

// ---------------------------------------------------------------------------------------------
