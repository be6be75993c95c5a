// The case's life through the HTTP API and the real database: deadlines (art. 43) and the overdue filter.
// (Shared fixtures: test/support/case-lifecycle.ts; the rules themselves are unit-tested in case-rules.test.ts.)
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../api/calendar.js';
import { assignDueDate, reviewDueDate } from '../../api/cases/deadlines.js';
import { act, caseIn, getCase, lawyer, listedIds, type Row, setUpLifecycleCentre, t, TODAY, withSettings, workflow } from '../support/case-lifecycle.js';

setUpLifecycleCentre();

describe('deadlines (art. 43) and the overdue filter', () => {
  async function isOverdue(id: number): Promise<boolean> {
    return (await listedIds({ overdue: true, id: [id] })).has(id);
  }

  /** A case accepted on the given UTC instant: driven to accepted, then the stored acceptance time moved. */
  async function acceptedAt(instant: string): Promise<Row> {
    const row = await caseIn('accepted', { applicationDate: instant.slice(0, 10) });
    await t.database.db.updateTable('cases').set({ acceptedAt: instant }).where('id', '=', row.id).execute();
    const stored = await getCase(row.id);
    expect(Date.parse(stored.acceptedAt)).toBe(Date.parse(instant));
    return stored;
  }

  it('lists an application made 8 days ago as overdue and one made 7 days ago as not (7 days to decide)', async () => {
    const eight = await caseIn('applied', { applicationDate: addDays(TODAY, -8) });
    const seven = await caseIn('applied', { applicationDate: addDays(TODAY, -7) });
    expect(await isOverdue(eight.id)).toBe(true);
    expect(await isOverdue(seven.id)).toBe(false);
    expect((await workflow(eight.id)).deadline).toEqual({ kind: 'review', due: addDays(TODAY, -1), overdue: true, daysLeft: -1 });
    expect((await workflow(seven.id)).deadline).toEqual({ kind: 'review', due: TODAY, overdue: false, daysLeft: 0 });
  });

  it('keeps the review deadline running while the case is under review, and stops it at the decision', async () => {
    const row = await caseIn('reviewing', { applicationDate: addDays(TODAY, -8) });
    expect(await isOverdue(row.id)).toBe(true);
    expect((await workflow(row.id)).deadline).toMatchObject({ kind: 'review', overdue: true });
    const rejected = await act(row.id, 'reject', { reason: '不属于法律援助事项范围' });
    expect(rejected.status).toBe(200);
    expect(await isOverdue(row.id)).toBe(false);
    expect((await workflow(row.id)).deadline).toEqual({ kind: null, due: null, overdue: false, daysLeft: null });
  });

  it('lists a case accepted 4 days ago as overdue and one accepted 3 days ago as not (3 days to assign)', async () => {
    const four = await acceptedAt(`${addDays(TODAY, -4)}T23:59:59.999Z`);
    const three = await acceptedAt(`${addDays(TODAY, -3)}T00:00:00.000Z`);
    expect(await isOverdue(four.id)).toBe(true);
    expect(await isOverdue(three.id)).toBe(false);
    expect((await workflow(four.id)).deadline).toEqual({ kind: 'assign', due: addDays(TODAY, -1), overdue: true, daysLeft: -1 });
    expect((await workflow(three.id)).deadline).toEqual({ kind: 'assign', due: TODAY, overdue: false, daysLeft: 0 });
  });

  it('counts the assignment deadline from the day of acceptance whatever its time of day', async () => {
    const early = await acceptedAt(`${addDays(TODAY, -4)}T00:00:00.000Z`);
    const late = await acceptedAt(`${addDays(TODAY, -3)}T23:59:59.999Z`);
    expect(await isOverdue(early.id)).toBe(true);
    expect(await isOverdue(late.id)).toBe(false);
    expect((await workflow(early.id)).deadline.due).toBe(assignDueDate(addDays(TODAY, -4), { reviewDays: 7, assignDays: 3 }));
  });

  it('takes a case off the overdue list once a lawyer is assigned', async () => {
    const row = await acceptedAt(`${addDays(TODAY, -6)}T09:00:00.000Z`);
    expect(await isOverdue(row.id)).toBe(true);
    expect((await act(row.id, 'assign', { lawyerId: lawyer.standard.id })).status).toBe(200);
    expect(await isOverdue(row.id)).toBe(false);
    expect((await workflow(row.id)).deadline.kind).toBeNull();
  });

  it('follows the review and assignment days set in the settings', async () => {
    const six = await caseIn('applied', { applicationDate: addDays(TODAY, -6) });
    const seven = await caseIn('applied', { applicationDate: addDays(TODAY, -7) });
    const eight = await caseIn('applied', { applicationDate: addDays(TODAY, -8) });
    const accepted4 = await acceptedAt(`${addDays(TODAY, -4)}T12:00:00.000Z`);
    const accepted2 = await acceptedAt(`${addDays(TODAY, -2)}T12:00:00.000Z`);
    const overdueOf = async () => {
      const ids = await listedIds({ overdue: true, id: [six.id, seven.id, eight.id, accepted4.id, accepted2.id] });
      return [six, seven, eight, accepted4, accepted2].map((c) => ids.has(c.id));
    };
    expect(await overdueOf()).toEqual([false, false, true, true, false]);
    await withSettings({ reviewDays: 5, assignDays: 1 }, async () => {
      expect(await overdueOf()).toEqual([true, true, true, true, true]);
      expect((await workflow(six.id)).deadline).toEqual({ kind: 'review', due: addDays(TODAY, -1), overdue: true, daysLeft: -1 });
      expect((await workflow(accepted2.id)).deadline).toEqual({ kind: 'assign', due: addDays(TODAY, -1), overdue: true, daysLeft: -1 });
    });
    await withSettings({ reviewDays: 10, assignDays: 5 }, async () => {
      expect(await overdueOf()).toEqual([false, false, false, false, false]);
      expect((await workflow(eight.id)).deadline).toEqual({ kind: 'review', due: addDays(TODAY, 2), overdue: false, daysLeft: 2 });
    });
    expect(await overdueOf()).toEqual([false, false, true, true, false]);
  });

  it('runs a 7-day review deadline from the 28th of a month into the next month', async () => {
    const lastMonth28 = Number(TODAY.slice(8, 10)) > 28
      ? `${TODAY.slice(0, 8)}28`
      : (() => {
          const d = new Date(`${TODAY.slice(0, 7)}-01T00:00:00Z`);
          d.setUTCMonth(d.getUTCMonth() - 1);
          return `${d.toISOString().slice(0, 8)}28`;
        })();
    const year = Number(TODAY.slice(0, 4));
    for (const applied of [lastMonth28, `${year - 1}-12-28`, `${year}-02-28`, '2024-02-28'].filter((d) => d < TODAY)) {
      const row = await caseIn('applied', { applicationDate: applied });
      const { deadline } = await workflow(row.id);
      const due = reviewDueDate(applied, { reviewDays: 7, assignDays: 3 });
      expect(deadline.kind).toBe('review');
      expect(deadline.due, applied).toBe(due);
      expect(daysBetween(applied, deadline.due)).toBe(7);
      const next = new Date(`${applied.slice(0, 7)}-01T00:00:00Z`);
      next.setUTCMonth(next.getUTCMonth() + 1);
      expect(deadline.due.slice(0, 7), applied).toBe(next.toISOString().slice(0, 7));
      expect(deadline.overdue).toBe(due < TODAY);
      expect(await isOverdue(row.id)).toBe(due < TODAY);
    }
  });

  it('gives 2024-02-28 (a leap year) its due date on 6 March and 2026-02-28 on 7 March', async () => {
    for (const [applied, due] of [['2024-02-28', '2024-03-06'], ['2026-02-28', '2026-03-07']]) {
      const row = await caseIn('applied', { applicationDate: applied });
      expect((await workflow(row.id)).deadline.due).toBe(due);
    }
  });

  it('shows the deadline to the supervisor and the case\'s lawyer, and the history to them too', async () => {
    const row = await caseIn('reviewing', { applicationDate: addDays(TODAY, -2) });
    const flow = await workflow(row.id, 'supervisor');
    expect(flow.deadline).toEqual({ kind: 'review', due: addDays(TODAY, 5), overdue: false, daysLeft: 5 });
    expect(flow.actions).toEqual([]);
    expect(flow.history.map((h: Row) => h.action)).toEqual(['transition:review']);
  });
});

// ---------------------------------------------------------------------------------------------
