// The case rules as pure functions (no database): deadlines (art. 43).
// (Shared fixtures: test/support/case-rules.ts; through the API: test/case-lifecycle/.)
import { describe, expect, it } from 'vitest';
import { caseDeadline, overdueCondition } from '../../api/cases/rules.js';
import { defaultSettings } from '../../api/settings/settings.js';
import { addDays } from '../../api/calendar.js';

describe('deadlines (art. 43)', () => {
  const settings = { ...defaultSettings, reviewDays: 7, assignDays: 3 };

  it('gives 3 days to assign across the end of January', () => {
    const deadline = caseDeadline({ status: 'accepted', acceptedAt: '2026-01-29T03:00:00.000Z' }, settings, '2026-01-30');
    expect(deadline).toEqual({ kind: 'assign', due: '2026-02-01', overdue: false, daysLeft: 2 });
  });

  it('gives 7 days to decide across 29 February of a leap year', () => {
    expect(caseDeadline({ status: 'applied', applicationDate: '2028-02-27' }, settings, '2028-03-05'))
      .toEqual({ kind: 'review', due: '2028-03-05', overdue: false, daysLeft: 0 });
    expect(caseDeadline({ status: 'reviewing', applicationDate: '2028-02-27' }, settings, '2028-03-06'))
      .toEqual({ kind: 'review', due: '2028-03-05', overdue: true, daysLeft: -1 });
  });

  it('gives 7 days to decide across the end of the year', () => {
    expect(caseDeadline({ status: 'applied', applicationDate: '2026-12-30' }, settings, '2026-12-31'))
      .toEqual({ kind: 'review', due: '2027-01-06', overdue: false, daysLeft: 6 });
  });

  it('reads dates that PostgreSQL returns as Date objects', () => {
    const deadline = caseDeadline({ status: 'accepted', acceptedAt: new Date('2026-01-29T03:00:00.000Z') }, settings, '2026-02-02');
    expect(deadline).toEqual({ kind: 'assign', due: '2026-02-01', overdue: true, daysLeft: -1 });
  });

  it('runs no deadline once a lawyer is assigned, or after a decision to reject', () => {
    for (const status of ['assigned', 'in_progress', 'closing_submitted', 'closed', 'archived', 'rejected', 'terminated']) {
      expect(caseDeadline({ status, applicationDate: '2020-01-01', acceptedAt: '2020-01-02' }, settings, '2026-01-01'))
        .toEqual({ kind: null, due: null, overdue: false, daysLeft: null });
    }
  });

  it('has no due date for an accepted case without an acceptance time', () => {
    expect(caseDeadline({ status: 'accepted', acceptedAt: null }, settings, '2026-01-01')).toEqual({ kind: 'assign', due: null, overdue: false, daysLeft: null });
  });

  it('follows the configured numbers of days', () => {
    expect(caseDeadline({ status: 'applied', applicationDate: '2026-03-01' }, { reviewDays: 5, assignDays: 2 }, '2026-03-01').due).toBe('2026-03-06');
  });

  it('gives the cutoff dates for the overdue filter', () => {
    expect(overdueCondition(settings, '2026-03-02')).toEqual({ reviewDueBefore: '2026-02-23', assignDueBefore: '2026-02-27' });
    expect(overdueCondition(settings, '2028-03-05')).toEqual({ reviewDueBefore: '2028-02-27', assignDueBefore: '2028-03-02' });
  });

  it('marks as overdue by the filter exactly the cases caseDeadline marks overdue', () => {
    const today = '2026-03-02';
    const { reviewDueBefore, assignDueBefore } = overdueCondition(settings, today);
    for (let offset = -15; offset <= 2; offset++) {
      const day = addDays(today, offset);
      const applied = { status: 'applied', applicationDate: day };
      expect(day < reviewDueBefore, `applied ${day}`).toBe(caseDeadline(applied, settings, today).overdue);
      const acceptedAt = `${day}T15:59:59.000Z`;
      const accepted = { status: 'accepted', acceptedAt };
      // the SQL compares the stored ISO text (or timestamp) with the cutoff day
      expect(acceptedAt < assignDueBefore, `accepted ${acceptedAt}`).toBe(caseDeadline(accepted, settings, today).overdue);
    }
  });
});
