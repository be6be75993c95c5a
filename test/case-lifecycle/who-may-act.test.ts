// The case's life through the HTTP API and the real database: who may act on a case.
// (Shared fixtures: test/support/case-lifecycle.ts; the rules themselves are unit-tested in case-rules.test.ts.)
import { describe, expect, it } from 'vitest';
import type { Role } from '../support/fayuan.js';
import { act, type Action, ACTION_ZH, auditOf, call, caseIn, demoLawyerId, expectUnchanged, PAYLOADS, ROUTE, type Row, setUpLifecycleCentre, type State, transitionCount, workflow } from '../support/case-lifecycle.js';

setUpLifecycleCentre();

describe('who may act on a case', () => {
  /** A case in a state each action starts from, and the actions to try there. */
  const tries: [State, Action[]][] = [
    ['applied', ['review', 'terminate']],
    ['reviewing', ['accept', 'reject']],
    ['accepted', ['assign']],
    ['assigned', ['start']],
    ['in_progress', ['submit-closing']],
    ['closing_submitted', ['return-closing', 'close']],
    ['closed', ['archive']],
  ];

  it('refuses every action to the quality supervisor with 403 and a Chinese message, leaving the case unchanged', async () => {
    for (const [state, actions] of tries) {
      const before = await caseIn(state);
      for (const action of actions) {
        const res = await act(before.id, action, PAYLOADS[action](), 'supervisor');
        expect(res.status, `${action} on ${state}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.message).toContain(`「${ACTION_ZH[action]}」`);
      }
      await expectUnchanged(before);
      expect(await transitionCount(before.id)).toBe(ROUTE[state].length);
    }
  });

  it('refuses every action to the peer reviewer with 404, since reviewers cannot see cases at all', async () => {
    for (const [state, actions] of tries) {
      const before = await caseIn(state);
      for (const action of actions) {
        const res = await act(before.id, action, PAYLOADS[action](), 'reviewer');
        expect(res.status, `${action} on ${state}`).toBe(404);
      }
      expect((await call('reviewer', `/api/cases/${before.id}/workflow`)).status).toBe(404);
      await expectUnchanged(before);
    }
  });

  it('refuses every action to a request without a session', async () => {
    const before = await caseIn('applied');
    const res = await act(before.id, 'review', {}, null as unknown as Role);
    expect(res.status).toBe(401);
    await expectUnchanged(before);
  });

  it('lets the demo lawyer start and submit for closing their own case, audited as them', async () => {
    const row = await caseIn('assigned', {}, { assign: { lawyerId: demoLawyerId } });
    expect(row.lawyerId).toBe(demoLawyerId);
    expect((await workflow(row.id, 'lawyer')).actions.map((a: Row) => a.name)).toEqual(['start']);

    const started = await act(row.id, 'start', {}, 'lawyer');
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.status).toBe('in_progress');
    expect((await workflow(row.id, 'lawyer')).actions.map((a: Row) => a.name)).toEqual(['submit-closing']);

    const submitted = await act(row.id, 'submit-closing', {}, 'lawyer');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('closing_submitted');
    expect((await workflow(row.id, 'lawyer')).actions).toEqual([]);

    const entries = await auditOf(row.id);
    expect(entries.filter((e) => e.action === 'transition:start' || e.action === 'transition:submit-closing').map((e) => e.actorEmail))
      .toEqual(['lawyer@fayuan.test', 'lawyer@fayuan.test']);
  });

  it('answers 404 to the demo lawyer acting on another lawyer\'s case, which stays unchanged', async () => {
    const assigned = await caseIn('assigned');
    expect(assigned.lawyerId).not.toBe(demoLawyerId);
    expect((await act(assigned.id, 'start', {}, 'lawyer')).status).toBe(404);
    await expectUnchanged(assigned);

    const inProgress = await caseIn('in_progress');
    expect((await act(inProgress.id, 'submit-closing', {}, 'lawyer')).status).toBe(404);
    await expectUnchanged(inProgress);

    // A case without a lawyer is nobody's own case either.
    const applied = await caseIn('applied');
    expect((await act(applied.id, 'review', {}, 'lawyer')).status).toBe(404);
    await expectUnchanged(applied);
  });

  it('refuses with 403 the admin\'s actions (accept, assign, close…) to the lawyer, even on their own case', async () => {
    const own = (state: State) => caseIn(state, {}, { assign: { lawyerId: demoLawyerId } });
    const cases: [State, Action[]][] = [
      ['assigned', ['review', 'accept', 'reject', 'assign', 'terminate']],
      ['closing_submitted', ['return-closing', 'close', 'terminate']],
      ['closed', ['archive']],
    ];
    for (const [state, actions] of cases) {
      const before = await own(state);
      for (const action of actions) {
        const res = await act(before.id, action, PAYLOADS[action](), 'lawyer');
        expect(res.status, `${action} on ${state}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.message).toContain(`「${ACTION_ZH[action]}」`);
      }
      await expectUnchanged(before);
    }
  });

  it('refuses the lawyer\'s own action in the wrong state with 409, like anyone\'s', async () => {
    const before = await caseIn('in_progress', {}, { assign: { lawyerId: demoLawyerId } });
    const res = await act(before.id, 'start', {}, 'lawyer');
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('「承办」');
    expect(res.body.message).toContain('「开始承办」');
    await expectUnchanged(before);
  });
});

// ---------------------------------------------------------------------------------------------
