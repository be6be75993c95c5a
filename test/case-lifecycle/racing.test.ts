// The case's life through the HTTP API and the real database: racing requests.
// (Shared fixtures: test/support/case-lifecycle.ts; the rules themselves are unit-tested in case-rules.test.ts.)
import { describe, expect, it } from 'vitest';
import { act, auditOf, call, caseIn, getCase, lawyer, setUpLifecycleCentre } from '../support/case-lifecycle.js';

setUpLifecycleCentre();

describe('racing requests', () => {
  function statuses(results: { status: number }[]) {
    return results.map((r) => r.status).sort();
  }

  it('lets exactly one of 10 concurrent accepts through: one 200, nine 409, one audit entry', async () => {
    const before = await caseIn('reviewing');
    const results = await Promise.all(Array.from({ length: 10 }, () => act(before.id, 'accept')));
    expect(statuses(results), JSON.stringify(results.filter((r) => r.status !== 200 && r.status !== 409))).toEqual([200, ...Array(9).fill(409)]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await auditOf(before.id, 'transition:accept')).toHaveLength(1);
    const after = await getCase(before.id);
    expect(after.status).toBe('accepted');
    expect(after.version).toBe(before.version + 1);
  });

  it('lets exactly one of 10 concurrent assignments (to different lawyers) through', async () => {
    const before = await caseIn('accepted');
    const candidates = ['standard', 'threeYears', 'threeYearsLessADay', 'minorsSpecialist', 'notMinorsSpecialist', 'endsToday', 'legalAid', 'standard', 'threeYears', 'legalAid'];
    const results = await Promise.all(candidates.map((key) => act(before.id, 'assign', { lawyerId: lawyer[key].id })));
    expect(statuses(results)).toEqual([200, ...Array(9).fill(409)]);
    const winner = results.find((r) => r.status === 200)!;
    const entries = await auditOf(before.id, 'transition:assign');
    expect(entries).toHaveLength(1);
    const after = await getCase(before.id);
    expect(after.status).toBe('assigned');
    expect(after.lawyerId).toBe(winner.body.lawyerId);
    expect(JSON.parse(entries[0].changes).lawyerId).toEqual([null, winner.body.lawyerId]);
  });

  it('lets exactly one of a concurrent terminate and close on a closing submission win', async () => {
    for (let round = 0; round < 3; round++) {
      const before = await caseIn('closing_submitted');
      const [terminated, closed] = await Promise.all([
        act(before.id, 'terminate', { reason: 'client_request' }),
        act(before.id, 'close', { outcome: '调解结案' }),
      ]);
      expect([terminated.status, closed.status].sort()).toEqual([200, 409]);
      const after = await getCase(before.id);
      expect(after.status).toBe(terminated.status === 200 ? 'terminated' : 'closed');
      expect(after.version).toBe(before.version + 1);
      const entries = (await auditOf(before.id)).filter((e) => e.action === 'transition:terminate' || e.action === 'transition:close');
      expect(entries).toHaveLength(1);
      if (after.status === 'terminated') expect(after.closedAt).toBeNull();
      else expect(after.terminationGround).toBeNull();
    }
  });

  it('keeps the case consistent when a transition races a PUT of the form as it was loaded', async () => {
    const before = await caseIn('reviewing');
    const [accepted, put] = await Promise.all([
      act(before.id, 'accept'),
      call('admin', `/api/cases/${before.id}`, 'PUT', { ...before, causeOfAction: '并发修改' }),
    ]);
    expect(accepted.status).toBe(200);
    const after = await getCase(before.id);
    expect(after.status).toBe('accepted');
    if (put.status === 200) {
      expect(after.causeOfAction).toBe('并发修改');
      expect(after.version).toBe(before.version + 2);
    } else {
      // The form still says 「审查」: refused as stale (409) or as a change of status (422).
      expect([409, 422]).toContain(put.status);
      expect(after.causeOfAction).toBe(before.causeOfAction);
      expect(after.version).toBe(before.version + 1);
    }
  });

  it('lets concurrent edits that state no version land one after another, each audited', async () => {
    const before = await caseIn('reviewing');
    const edits = Array.from({ length: 8 }, (_, i) => `并发修改${i}`);
    const results = await Promise.all(edits.map((causeOfAction) => call('admin', `/api/cases/${before.id}`, 'PUT', { causeOfAction })));
    expect(results.map((r) => r.status)).toEqual(edits.map(() => 200));
    const after = await getCase(before.id);
    expect(after.version).toBe(before.version + edits.length);
    expect(edits).toContain(after.causeOfAction);
    expect(await auditOf(before.id, 'update')).toHaveLength(edits.length);
  });

  it('lets a transition that follows a concurrent edit through: it reads the record once the edit is stored', async () => {
    for (let round = 0; round < 5; round++) {
      const before = await caseIn('reviewing');
      const [put, accepted] = await Promise.all([
        call('admin', `/api/cases/${before.id}`, 'PUT', { causeOfAction: '并发修改' }),
        act(before.id, 'accept'),
      ]);
      expect([put.status, accepted.status]).toEqual([200, 200]);
      const after = await getCase(before.id);
      expect(after).toMatchObject({ status: 'accepted', causeOfAction: '并发修改', version: before.version + 2 });
    }
  });
});
