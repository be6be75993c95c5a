// Working-day deadlines (complaints: accept and reply within 5 working days) across weekends,
// the State Council's holidays and its make-up working days (调休), as the settings list them.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, type CalendarException } from '../api/calendar.js';
import { defaultHolidays } from '../api/settings/holidays.js';
import { defaultSettings } from '../api/settings/settings.js';
import { acceptDue, concludeDue, extendedDue, replyDue } from '../api/complaints/deadlines.js';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('working days with the default holiday list (2026 schedule, 2027 statutory days)', () => {
  const table: [from: string, days: number, expected: string, why: string][] = [
    ['2026-03-06', 5, '2026-03-13', 'a Friday in an ordinary week: the next Friday'],
    ['2026-03-07', 1, '2026-03-09', 'from a Saturday: the Monday'],
    ['2026-09-30', 5, '2026-10-13', 'National Day 1–7 Oct off; 8, 9, Saturday 10 Oct (调休), 12, 13'],
    ['2026-09-18', 1, '2026-09-20', 'Sunday 20 Sep is a make-up working day before National Day'],
    ['2026-02-12', 5, '2026-02-26', 'Friday 13, Saturday 14 Feb (调休), Spring Festival 15–23 Feb off, then 24, 25, 26'],
    ['2026-02-24', 4, '2026-02-28', 'Saturday 28 Feb is a make-up working day after Spring Festival: 25, 26, 27, 28'],
    ['2026-04-30', 5, '2026-05-11', 'Labour Day 1–5 May off; 6, 7, 8, Saturday 9 May (调休), Monday 11'],
    ['2026-06-18', 1, '2026-06-22', 'Dragon Boat Festival Friday 19 Jun off, then the weekend'],
    ['2026-12-31', 5, '2027-01-08', "New Year's Day Friday 1 Jan 2027 off, then the weekend: 4–8 Jan"],
    ['2026-12-31', 0, '2026-12-31', 'no days: the day itself'],
    ['2030-01-01', 5, '2030-01-08', 'past the list: weekends only (Tuesday + 5 = the next Tuesday)'],
  ];
  for (const [from, days, expected, why] of table) {
    it(`${from} + ${days} working days = ${expected}: ${why}`, () => {
      expect(addWorkingDays(from, days, defaultHolidays)).toBe(expected);
    });
  }

  it('without a list counts weekends only (National Day week is then five working days)', () => {
    expect(addWorkingDays('2026-09-30', 5)).toBe('2026-10-07');
  });

  it('lists every make-up working day on a weekend and every 2026 holiday on a real date', () => {
    for (const day of defaultHolidays) {
      expect(new Date(`${day.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day.date);
      if (day.kind === 'workday') expect([0, 6], day.date).toContain(weekday(day.date));
    }
    expect(defaultHolidays.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(
      ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(defaultHolidays.filter((d) => d.date.startsWith('2026') && d.kind === 'holiday')).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
  });

  it('follows a list an admin changed: a holiday added, a make-up day added', () => {
    const list: CalendarException[] = [{ date: '2026-03-09', kind: 'holiday', name: '示例假日' }, { date: '2026-03-14', kind: 'workday', name: '示例调休' }];
    // Friday 6 Mar + 3: Monday 9 off, Tuesday 10, Wednesday 11, Thursday 12.
    expect(addWorkingDays('2026-03-06', 3, list)).toBe('2026-03-12');
    // Thursday 12 + 2: Friday 13, Saturday 14 (worked).
    expect(addWorkingDays('2026-03-12', 2, list)).toBe('2026-03-14');
  });

  it('ends for any count (the walk is bounded by the list, then whole weeks), and refuses a count that is not one', () => {
    const far = addWorkingDays('2026-01-01', 5 * 5000, defaultHolidays);
    expect(far > '2100-01-01').toBe(true);
    expect([0, 6]).not.toContain(weekday(far));
    expect(() => addWorkingDays('2026-01-01', Number.POSITIVE_INFINITY, defaultHolidays)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-01', -1, defaultHolidays)).toThrow(RangeError);
  });
});

describe('complaint deadlines from the settings', () => {
  const s = defaultSettings as unknown as Record<string, unknown>;
  it('accept within 5 working days of receipt, conclude within 45 days of acceptance (+30 once), reply within 5 working days of the decision', () => {
    expect(acceptDue('2026-09-30', s)).toBe('2026-10-13');
    expect(concludeDue('2026-10-13', s)).toBe('2026-11-27');
    expect(extendedDue('2026-11-27', s)).toBe('2026-12-27');
    expect(replyDue('2026-04-30', s)).toBe('2026-05-11');
  });
});
