// Legal Aid Law art. 43: decide on an application within `reviewDays` (7) days of receiving it,
// and assign within `assignDays` (3) days of the decision to accept. A period counts from the
// day after the event (民法典 art. 201), so the deadline is the event's day plus the days;
// a case is overdue from the day after its deadline. Dates are calendar days in UTC, as in
// calendar.ts: a datetime's day is the day of its UTC timestamp.
import type { Row } from '../resources/define.js';
import type { Settings } from '../settings/settings.js';
import { addDays, daysBetween } from '../calendar.js';
import { toIsoDate } from './periods.js';

export type DeadlineSettings = Pick<Settings, 'reviewDays' | 'assignDays'>;

export interface CaseDeadline {
  kind: 'review' | 'assign' | null;
  due: string | null;
  overdue: boolean;
  /** Days from today to the deadline: 0 on the day itself, negative once overdue. */
  daysLeft: number | null;
}

/** States in which the centre still has to decide on the application. */
export const reviewDeadlineStatuses = ['applied', 'reviewing'] as const;
/** States in which the centre still has to assign a lawyer. */
export const assignDeadlineStatuses = ['accepted'] as const;

export function reviewDueDate(applicationDate: string, settings: DeadlineSettings): string {
  return addDays(applicationDate, Number(settings.reviewDays));
}

export function assignDueDate(acceptedDate: string, settings: DeadlineSettings): string {
  return addDays(acceptedDate, Number(settings.assignDays));
}

/** The statutory deadline the case is running against today, if any. */
export function caseDeadline(caseRow: Row, settings: DeadlineSettings, today: string | Date): CaseDeadline {
  const status = String(caseRow.status);
  let kind: CaseDeadline['kind'] = null;
  let due: string | null = null;
  if ((reviewDeadlineStatuses as readonly string[]).includes(status)) {
    kind = 'review';
    const applied = toIsoDate(caseRow.applicationDate);
    due = applied && reviewDueDate(applied, settings);
  } else if ((assignDeadlineStatuses as readonly string[]).includes(status)) {
    kind = 'assign';
    const accepted = toIsoDate(caseRow.acceptedAt);
    due = accepted && assignDueDate(accepted, settings);
  }
  const day = toIsoDate(today);
  if (!due || !day) return { kind, due, overdue: false, daysLeft: null };
  const daysLeft = daysBetween(day, due);
  return { kind, due, overdue: daysLeft < 0, daysLeft };
}

/**
 * The cutoffs for finding overdue cases in a query: a case in applied/reviewing whose
 * applicationDate is before `reviewDueBefore`, or a case in accepted whose acceptedAt
 * falls on a day before `assignDueBefore`, is overdue today.
 */
export function overdueCondition(settings: DeadlineSettings, today: string | Date): { reviewDueBefore: string; assignDueBefore: string } {
  const day = toIsoDate(today);
  if (!day) throw new Error(`overdueCondition: not a date: ${String(today)}`);
  return {
    reviewDueBefore: addDays(day, -Number(settings.reviewDays)),
    assignDueBefore: addDays(day, -Number(settings.assignDays)),
  };
}
