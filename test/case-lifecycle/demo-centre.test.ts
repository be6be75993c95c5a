// The case's life through the HTTP API and the real database: the demo centre as the lifecycle tests see it: every state, the overdue cases.
// (Shared fixtures: test/support/case-lifecycle.ts; the rules themselves are unit-tested in case-rules.test.ts.)
import { describe, expect, it } from 'vitest';
import { demoCases, listedIds, setUpLifecycleCentre, STATES, workflow } from '../support/case-lifecycle.js';

setUpLifecycleCentre();

describe('the demo centre', () => {
  it('holds cases in every one of the ten states', async () => {
    const demoIds = new Set(demoCases.map((c) => Number(c.id)));
    for (const state of STATES) {
      const ids = await listedIds({ status: state });
      expect([...ids].filter((id) => demoIds.has(id)).length, state).toBeGreaterThan(0);
    }
  });

  it('holds overdue applications and overdue acceptances, and the overdue filter agrees with each case\'s deadline', async () => {
    const demoIds = new Set(demoCases.map((c) => Number(c.id)));
    const overdue = await listedIds({ overdue: true });
    const overdueDemo = demoCases.filter((c) => overdue.has(Number(c.id)));
    expect(overdueDemo.filter((c) => c.status === 'applied' || c.status === 'reviewing').length).toBeGreaterThan(0);
    expect(overdueDemo.filter((c) => c.status === 'accepted').length).toBeGreaterThan(0);
    // Every open application or acceptance: the filter and /workflow tell the same story.
    for (const c of demoCases.filter((row) => ['applied', 'reviewing', 'accepted'].includes(row.status))) {
      const deadline = (await workflow(c.id)).deadline;
      expect(deadline.kind).toBe(c.status === 'accepted' ? 'assign' : 'review');
      expect(deadline.overdue, `case ${c.id} (${c.status})`).toBe(overdue.has(Number(c.id)));
    }
    for (const id of overdue) if (demoIds.has(id)) expect(['applied', 'reviewing', 'accepted']).toContain(demoCases.find((c) => c.id === id)!.status);
  });

  it('combines the status filter with the overdue filter', async () => {
    const overdue = await listedIds({ overdue: true });
    const reviewing = await listedIds({ status: 'reviewing' });
    const both = await listedIds({ status: 'reviewing', overdue: true });
    expect([...both].sort()).toEqual([...overdue].filter((id) => reviewing.has(id)).sort());
  });
});

// ---------------------------------------------------------------------------------------------
