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
 * A day the State Council's schedule moves: a public holiday (`holiday`, a weekday off) or a
 * make-up working day (`workday`, 调休: a Saturday or Sunday worked).
 */
export interface CalendarException {
  date: string;
  kind: 'holiday' | 'workday';
  name?: string | null;
}

function isWeekend(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * Working days skip Saturdays and Sundays, the listed holidays, and count the listed make-up
 * working days. The loop walks day by day only across the span of the list (bounded by its
 * length); past its last date whole weeks are added at once, so it always ends.
 */
export function addWorkingDays(isoDate: string, days: number, exceptions: readonly CalendarException[] = []): string {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`addWorkingDays: not a count of days: ${days}`);
  const kindOf = new Map(exceptions.map((e) => [String(e.date).slice(0, 10), e.kind]));
  const lastListed = [...kindOf.keys()].sort().at(-1) ?? '';
  let date = isoDate.slice(0, 10);
  let left = days;
  while (left > 0 && date < lastListed) {
    date = addDays(date, 1);
    const kind = kindOf.get(date);
    if (kind === 'workday' || (kind !== 'holiday' && !isWeekend(date))) left--;
  }
  return addWeekdays(date, left);
}

/** Weekdays only, whole weeks at once: the loop runs at most a week's worth of days. */
function addWeekdays(isoDate: string, days: number): string {
  let date = isoDate.slice(0, 10);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  // From a weekend day, step to the Friday before so that whole weeks land on working days.
  const fromWeekend = weekday === 6 ? -1 : weekday === 0 ? -2 : 0;
  const weeks = Math.floor(Math.max(days - 1, 0) / 5);
  if (weeks > 0) date = addDays(date, fromWeekend + weeks * 7);
  let left = days - weeks * 5;
  while (left > 0) {
    date = addDays(date, 1);
    if (!isWeekend(date)) left--;
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
