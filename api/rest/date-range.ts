// The dates the API accepts: a declaration-level range of years (1900–2100 unless a field says
// otherwise), so that every date that reaches date arithmetic is one the arithmetic is made for.
import type { Field, Label } from '../resources/define.js';

export const DEFAULT_YEARS: [number, number] = [1900, 2100];

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

export function yearsOf(field: Field): [number, number] {
  return (field.type === 'date' || field.type === 'datetime') && field.years ? field.years : DEFAULT_YEARS;
}

/** A real calendar day, YYYY-MM-DD. */
export function isRealDay(text: string): boolean {
  if (!isoDay.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** An ISO date or date-time whose day is real and whose year lies in the range. */
export function isAcceptedDate(text: string, years: [number, number], withTime: boolean): boolean {
  const day = text.slice(0, 10);
  if (!isRealDay(day)) return false;
  if (withTime ? Number.isNaN(Date.parse(text)) || !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) : text.length !== 10) return false;
  const year = Number(day.slice(0, 4));
  return year >= years[0] && year <= years[1];
}

export function dateRangeLabel(years: [number, number]): Label {
  return { zh: `日期应在 ${years[0]} 年至 ${years[1]} 年之间`, en: `The date must be between ${years[0]} and ${years[1]}` };
}
