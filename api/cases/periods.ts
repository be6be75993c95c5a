// Ages and lengths of practice, counted in calendar years the way the rules need them,
// and the calendar day of a date or datetime value.
import { addDays, daysBetween } from '../calendar.js';

/**
 * The calendar day (YYYY-MM-DD) of a date or datetime column, or null when empty.
 * SQLite returns ISO text (the day is its first ten characters, UTC as stamped);
 * node-postgres returns a Date: a DATE column arrives at local midnight (its local
 * day is meant), a timestamp at any other instant (its UTC day, like the ISO text).
 */
export function toIsoDate(value: unknown): string | null {
  if (value == null || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const localMidnight = value.getHours() === 0 && value.getMinutes() === 0 && value.getSeconds() === 0 && value.getMilliseconds() === 0;
    if (!localMidnight) return value.toISOString().slice(0, 10);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  const text = String(value).trim();
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;
}



function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function yearsLater(start: string, years: number, leapDayBecomes: '02-28' | '03-01'): string {
  const year = Number(start.slice(0, 4)) + years;
  const monthDay = start.slice(5, 10);
  const day = monthDay === '02-29' && !isLeapYear(year) ? leapDayBecomes : monthDay;
  return `${String(year).padStart(4, '0')}-${day}`;
}

/**
 * The first day on which `years` full years of an activity begun on `start` are complete.
 * The start day itself counts as practised, so practice begun on 2023-11-22 reaches
 * 3 years on 2026-11-22. A year begun on 29 February runs to 28 February and is
 * complete on 1 March of a common year.
 */
export function yearsCompleteOn(start: string, years: number): string {
  return yearsLater(start, years, '03-01');
}

/**
 * Whole years and remaining days of an activity begun on `start`, as of the day `on`
 * (e.g. 2023-11-22 → 2026-11-21 gives 2 years 364 days). Null when `on` is before `start`.
 */
export function elapsedSince(start: string, on: string): { years: number; days: number } | null {
  if (on < start) return null;
  let years = Number(on.slice(0, 4)) - Number(start.slice(0, 4));
  while (years > 0 && yearsCompleteOn(start, years) > on) years--;
  return { years, days: daysBetween(years === 0 ? start : yearsCompleteOn(start, years), on) };
}

/**
 * Age in 周岁 on the day `on`. Chinese law counts a period from the day after it begins
 * (民法典 art. 201; for criminal age, 最高人民法院 2006 解释 art. 2 「从周岁生日的第二天起算」),
 * so a person turns 18 the day after the 18th birthday and is still a minor on it.
 * A birthday on 29 February falls on 28 February in a common year (民法典 art. 202).
 */
export function ageOn(birthDate: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  while (age > 0 && addDays(yearsLater(birthDate, age, '02-28'), 1) > on) age--;
  return Math.max(age, 0);
}

export const ADULT_AGE = 18;
/** 老年人权益保障法 art. 2: 六十周岁以上的公民. */
export const ELDERLY_AGE = 60;
