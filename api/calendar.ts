// Date arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone moves a day.

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const year = d.getUTCFullYear();
  // Beyond year 9999 the ISO text grows a sign and six digits, and its first ten characters stop being a day.
  if (Number.isNaN(year) || year < 0 || year > 9999) throw new RangeError(`addDays: ${isoDate} + ${days} leaves the calendar`);
  return d.toISOString().slice(0, 10);
}

/**
 * Working days skip Saturdays and Sundays; public holidays are not modelled. Whole weeks are
 * added at once, so the loop runs at most a week's worth of days whatever `days` is.
 */
export function addWorkingDays(isoDate: string, days: number): string {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`addWorkingDays: not a count of days: ${days}`);
  let date = isoDate.slice(0, 10);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  // From a weekend day, step to the Friday before so that whole weeks land on working days.
  const fromWeekend = weekday === 6 ? -1 : weekday === 0 ? -2 : 0;
  const weeks = Math.floor(Math.max(days - 1, 0) / 5);
  if (weeks > 0) date = addDays(date, fromWeekend + weeks * 7);
  let left = days - weeks * 5;
  while (left > 0) {
    date = addDays(date, 1);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Today as the centre's calendar reads it (Beijing time, UTC+8): the latest day a clerk may enter. */
export function centreToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whole days from a to b (b later gives a positive number). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}
