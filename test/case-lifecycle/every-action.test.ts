// The case's life through the HTTP API and the real database: every action from every state, through the API.
// (Shared fixtures: test/support/case-lifecycle.ts; the rules themselves are unit-tested in case-rules.test.ts.)
import { describe, expect, it } from 'vitest';
import { act, ACTION_ZH, ACTIONS, auditOf, caseIn, createCase, expectUnchanged, getCase, lawyer, MOVES, PAYLOADS, ROUTE, type Row, setUpLifecycleCentre, STAMPS, type State, STATE_ZH, STATES, transitionCount, within, workflow } from '../support/case-lifecycle.js';

setUpLifecycleCentre();

describe('every action from every state, through the API', () => {
  for (const state of STATES) {
    describe(`a case that is ${state}`, () => {
      for (const action of ACTIONS) {
        const move = MOVES[action];
        if (move.from.includes(state)) {
          it(`lets the admin ${action} it: 200, status ${move.to}, ${move.stamps ?? 'no timestamp'} stamped, audited as transition:${action}`, async () => {
            const before = await caseIn(state);
            const entriesBefore = await auditOf(before.id, `transition:${action}`);
            const start = Date.now();
            const res = await act(before.id, action, PAYLOADS[action]());
            const end = Date.now();
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            expect(res.body.status).toBe(move.to);
            expect(res.body.version).toBe(before.version + 1);
            for (const stamp of STAMPS) {
              if (stamp === move.stamps) within(res.body[stamp], start, end);
              else expect(res.body[stamp], stamp).toEqual(before[stamp]);
            }
            const stored = await getCase(before.id);
            expect(stored.status).toBe(move.to);
            expect(stored.version).toBe(before.version + 1);

            const entries = await auditOf(before.id, `transition:${action}`);
            expect(entries).toHaveLength(entriesBefore.length + 1);
            const entry = entries.at(-1)!;
            expect(entry.actorEmail).toBe('admin@fayuan.test');
            expect(JSON.parse(entry.changes).status).toEqual([state, move.to]);
          });
        } else {
          it(`refuses to ${action} it with 409, naming 「${STATE_ZH[state]}」 and 「${ACTION_ZH[action]}」, and leaves it unchanged`, async () => {
            const before = await caseIn(state);
            const transitions = await transitionCount(before.id);
            const res = await act(before.id, action, PAYLOADS[action]());
            expect(res.status, JSON.stringify(res.body)).toBe(409);
            expect(res.body.message).toContain(`「${STATE_ZH[state]}」`);
            expect(res.body.message).toContain(`「${ACTION_ZH[action]}」`);
            await expectUnchanged(before);
            expect(await transitionCount(before.id)).toBe(transitions);
          });
        }
      }
    });
  }

  it('starts every new case as applied, ignoring a status, lawyer or timestamps sent with it', async () => {
    const row = await createCase({
      status: 'closed', lawyerId: lawyer.standard.id, assignmentMethod: 'client_choice', acceptedAt: '2026-01-01T00:00:00.000Z',
      closedAt: '2026-01-02T00:00:00.000Z', terminationGround: 'fraud', decisionReason: '伪造',
    });
    expect(row).toMatchObject({
      status: 'applied', lawyerId: null, assignmentMethod: null, acceptedAt: null, assignedAt: null, closedAt: null,
      archivedAt: null, terminationGround: null, decisionReason: null, version: 1,
    });
    expect((await workflow(row.id)).actions.map((a: Row) => a.name)).toEqual(['review', 'terminate']);
  });

  it('refuses an action that does not exist with 422 and a Chinese message', async () => {
    const before = await caseIn('applied');
    const res = await act(before.id, 'reopen');
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('reopen');
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    await expectUnchanged(before);
  });

  it('answers 404 for a transition on a case that does not exist', async () => {
    const res = await act(99_999_999, 'review');
    expect(res.status).toBe(404);
  });

  it('walks a case from application to archive and lists every step, in order, in the workflow history', async () => {
    const row = await caseIn('archived');
    const flow = await workflow(row.id);
    expect(flow.status).toBe('archived');
    expect(flow.actions).toEqual([]);
    expect(flow.deadline).toMatchObject({ kind: null, due: null, overdue: false });
    expect(flow.history.map((h: Row) => h.action)).toEqual(ROUTE.archived.map((a) => `transition:${a}`));
    expect(flow.history.map((h: Row) => h.changes.status[1])).toEqual(['reviewing', 'accepted', 'assigned', 'in_progress', 'closing_submitted', 'closed', 'archived']);
    const archived = await getCase(row.id);
    for (const stamp of STAMPS) expect(archived[stamp], stamp).not.toBeNull();
    expect(archived.lawyerId).toBe(lawyer.standard.id);
    expect(archived.assignmentMethod).toBe('assigned');
  });

  it('offers the admin on /workflow exactly the actions the state allows', async () => {
    for (const state of ['applied', 'reviewing', 'accepted', 'closing_submitted', 'rejected'] as State[]) {
      const row = await caseIn(state);
      const expected = ACTIONS.filter((a) => MOVES[a].from.includes(state));
      expect((await workflow(row.id)).actions.map((a: Row) => a.name), state).toEqual(expected);
    }
  });

  it('sends a closing submission back for more work and takes it again', async () => {
    const row = await caseIn('closing_submitted');
    const back = await act(row.id, 'return-closing', { reason: '缺少庭审笔录' });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('in_progress');
    const entry = (await auditOf(row.id, 'transition:return-closing')).at(-1)!;
    expect(JSON.parse(entry.changes).payload).toEqual({ reason: '缺少庭审笔录' });
    const again = await act(row.id, 'submit-closing');
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('closing_submitted');
  });
});

// ---------------------------------------------------------------------------------------------
