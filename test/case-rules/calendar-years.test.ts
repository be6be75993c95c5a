// The case rules as pure functions (no database): calendar years for ages and practice.
// (Shared fixtures: test/support/case-rules.ts; through the API: test/case-lifecycle/.)
import { describe, expect, it } from 'vitest';
import { ageOn, elapsedSince, toIsoDate } from '../../api/cases/periods.js';

describe('calendar years for ages and practice', () => {
  it('counts 2 years 364 days from 2023-11-22 to 2026-11-21 and 3 years on 2026-11-22', () => {
    expect(elapsedSince('2023-11-22', '2026-11-21')).toEqual({ years: 2, days: 364 });
    expect(elapsedSince('2023-11-22', '2026-11-22')).toEqual({ years: 3, days: 0 });
    expect(elapsedSince('2023-11-22', '2023-11-21')).toBeNull();
  });

  it('makes a person born on 29 February 18 on 1 March of a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });

  it('reads the day of ISO text, of a DATE at local midnight and of a timestamp', () => {
    expect(toIsoDate('2026-03-02')).toBe('2026-03-02');
    expect(toIsoDate('2026-03-02T23:59:00.000Z')).toBe('2026-03-02');
    expect(toIsoDate(new Date(2026, 2, 2))).toBe('2026-03-02');
    expect(toIsoDate(null)).toBeNull();
  });
});
