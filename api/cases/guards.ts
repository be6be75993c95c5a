// Checks a transition must pass beyond the state machine: the law's rules, and any a plugin adds.
import type { Kysely } from 'kysely';
import type { Actor, Label, Row } from '../resources/define.js';
import type { Records } from '../rest/records.js';
import type { Settings } from '../settings/settings.js';
import { checkAssignment } from './assignment-rules.js';
import { checkMeansTest } from './means-test.js';
import type { CaseActionName } from './lifecycle.js';
import type { Contributions } from '../plugins/contributions.js';

export interface GuardContext {
  trx: Kysely<any>;
  /** Reads other registers' records, decoded, inside `trx`. */
  records: Records;
  caseRow: Row;
  /** The validated payload of the action. */
  payload: Record<string, unknown>;
  actor: Actor;
  settings: Settings;
  today: string;
  /** What enabled plugins offer at named points. */
  contributions: Contributions;
}

export interface GuardProblem {
  rule: string;
  message: Label;
  /** Extra data for the console, e.g. the missing checklist items. */
  details?: unknown;
}

export interface TransitionGuard {
  action: CaseActionName;
  name: string;
  check(ctx: GuardContext): Promise<GuardProblem[]> | GuardProblem[];
}

/** Legal Aid Law art. 34/32/42/25/28: accept only the poor, the exempt and the notified. */
export const meansTestGuard: TransitionGuard = {
  action: 'accept',
  name: 'means-test',
  check({ caseRow, settings }) {
    const result = checkMeansTest(caseRow, settings);
    return result.ok ? [] : [{ rule: result.rule, message: result.message }];
  },
};

/** Legal Aid Law art. 26 and seed 001 item 6: who may take which case. */
export const assignmentGuard: TransitionGuard = {
  action: 'assign',
  name: 'assignment-rules',
  async check({ trx, records, caseRow, payload, today }) {
    const lawyer = await records.load(records.resource('lawyers'), Number(payload.lawyerId), trx).catch(() => null);
    if (!lawyer) return [{ rule: 'assignment.no_such_lawyer', message: { zh: '所选律师不存在', en: 'No such lawyer' } }];
    const firm = lawyer.lawFirmId ? await records.load(records.resource('law-firms'), Number(lawyer.lawFirmId), trx).catch(() => null) : null;
    return checkAssignment({
      caseRow,
      lawyer,
      firm,
      openComplaintLawyerIds: await openComplaintLawyerIds(trx, Number(caseRow.id)),
      on: today,
    });
  },
};

export async function openComplaintLawyerIds(trx: Kysely<any>, caseId: number): Promise<number[]> {
  const rows = await trx.selectFrom('complaints').select('lawyerId')
    .where('caseId', '=', caseId).where('status', 'in', ['received', 'accepted']).where('lawyerId', 'is not', null)
    .execute();
  return rows.map((r) => Number(r.lawyerId));
}

export const coreGuards: TransitionGuard[] = [meansTestGuard, assignmentGuard];
