// Access rules shared by several registers' declarations.
import type { Access, Actor, RowRule } from '../resources/define.js';

export const everyRow: RowRule = true;

/** Nothing: for roles whose rows another module (a plugin) grants later. */
export const noRow: RowRule = () => ({ id: [] });

/** Rows whose `field` is the acting lawyer's own lawyer record. */
export const ownLawyerRows = (field: string): RowRule => (actor: Actor) => ({ [field]: actor.lawyerId ?? -1 });

/**
 * Rows about the acting lawyer's own cases (those in `statuses` only, when given): their `field`
 * names one of them. A subquery, since a lawyer may have tens of thousands of cases (more ids than
 * SQLite or PostgreSQL take as parameters of one statement).
 */
export const ownCaseRows = (field = 'caseId', statuses?: string[]): RowRule => (actor: Actor, db) => {
  const own = db.selectFrom('cases').select('id').where('lawyerId', '=', actor.lawyerId ?? -1);
  return { [field]: statuses ? own.where('status', 'in', statuses) : own };
};

export const adminOnly: Access = { read: { admin: everyRow }, create: { admin: everyRow }, update: { admin: everyRow }, delete: { admin: everyRow } };

/** Registers everybody in the centre may read and only admins change. */
export const readableByStaff: Access = {
  read: { admin: everyRow, supervisor: everyRow, reviewer: everyRow, lawyer: everyRow },
  create: { admin: everyRow },
  update: { admin: everyRow },
  delete: { admin: everyRow },
};

/** 331004199001011234 → 3310**********1234 */
export function maskIdNumber(value: string): string {
  return value.length > 8 ? `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}` : '*'.repeat(value.length);
}

/** 13812345678 → 138****5678 */
export function maskPhone(value: string): string {
  return value.length > 7 ? `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}` : '*'.repeat(value.length);
}

/** A Chinese name keeps its surname: 王小明 → 王** */
export function maskName(value: string): string {
  return value.length > 1 ? `${value[0]}${'*'.repeat(value.length - 1)}` : value;
}

/** A birth date spells 8 digits of the ID number: 1990-05-01 → ****-**-** */
export function maskDate(value: string): string {
  return value.replace(/\d/g, '*');
}

/** Nothing of the value shows (e.g. the gender, which the ID number's 17th digit spells). */
export function maskWhole(): string {
  return '*';
}
