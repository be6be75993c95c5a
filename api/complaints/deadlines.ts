// 法律援助投诉处理办法: decide whether to accept within `complaintAcceptWorkingDays` (5) working
// days of receipt; conclude within `complaintConcludeDays` (45) days of acceptance, extended once
// by `complaintExtensionDays` (30); reply within `complaintReplyWorkingDays` (5) working days of
// the decision. A period counts from the day after the event, so the deadline is the event's day
// plus the days; working days follow the settings' holiday list (calendar.ts).
import type { Row } from '../resources/define.js';
import { addDays, addWorkingDays, daysBetween, type CalendarException } from '../calendar.js';
import { toIsoDate } from '../cases/periods.js';

export interface ComplaintDeadlineSettings {
  complaintAcceptWorkingDays: number;
  complaintConcludeDays: number;
  complaintExtensionDays: number;
  complaintReplyWorkingDays: number;
  holidays: readonly CalendarException[];
}

const settingsOf = (settings: Record<string, unknown>) => settings as unknown as ComplaintDeadlineSettings;

export const acceptDue = (receivedOn: string, s: Record<string, unknown>) =>
  addWorkingDays(receivedOn, Number(settingsOf(s).complaintAcceptWorkingDays), settingsOf(s).holidays ?? []);
export const concludeDue = (acceptedOn: string, s: Record<string, unknown>) =>
  addDays(acceptedOn, Number(settingsOf(s).complaintConcludeDays));
export const extendedDue = (concludeDeadline: string, s: Record<string, unknown>) =>
  addDays(concludeDeadline, Number(settingsOf(s).complaintExtensionDays));
export const replyDue = (concludedOn: string, s: Record<string, unknown>) =>
  addWorkingDays(concludedOn, Number(settingsOf(s).complaintReplyWorkingDays), settingsOf(s).holidays ?? []);

/** Which deadline each open state runs against. */
export const runningDeadline = {
  received: 'acceptDeadline',
  accepted: 'concludeDeadline',
  investigating: 'concludeDeadline',
  concluded: 'replyDeadline',
} as const;

export interface ComplaintDeadline {
  kind: 'accept' | 'conclude' | 'reply' | null;
  due: string | null;
  overdue: boolean;
  /** Days from today to the deadline: 0 on the day itself, negative once overdue. */
  daysLeft: number | null;
}

export function complaintDeadline(row: Row, today: string): ComplaintDeadline {
  const field = runningDeadline[String(row.status) as keyof typeof runningDeadline];
  if (!field) return { kind: null, due: null, overdue: false, daysLeft: null };
  const kind = field === 'acceptDeadline' ? 'accept' : field === 'concludeDeadline' ? 'conclude' : 'reply';
  const due = toIsoDate(row[field]);
  if (!due) return { kind, due: null, overdue: false, daysLeft: null };
  const daysLeft = daysBetween(today, due);
  return { kind, due, overdue: daysLeft < 0, daysLeft };
}
