// Checks a transition must pass beyond the state machine: the law's rules, and any a plugin adds.
import type { Kysely } from 'kysely';
import type { Actor, Label, Row } from '../resources/define.js';
import type { Records } from '../rest/records.js';
import type { Settings } from '../settings/settings.js';
import { checkAssignment } from './assignment-rules.js';
import { checkMeansTest } from './means-test.js';
import type { CaseActionName } from './lifecycle.js';
import { openComplaintStatuses } from '../complaints/lifecycle.js';
import { describeConflicts, findConflicts, refusingKind } from './conflicts.js';
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
  check: checkChosenLawyer,
};

async function checkChosenLawyer({ trx, records, caseRow, payload, today }: GuardContext): Promise<GuardProblem[]> {
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
}

/** A new lawyer on a change of lawyer meets the same rules as the first, and is someone else. */
export const changeLawyerGuard: TransitionGuard = {
  action: 'change-lawyer',
  name: 'assignment-rules',
  async check(ctx) {
    if (Number(ctx.payload.lawyerId) === Number(ctx.caseRow.lawyerId)) {
      return [{ rule: 'change_lawyer.same_lawyer', message: { zh: '新承办律师不能与原承办律师相同', en: 'The new lawyer must be someone other than the present one' } }];
    }
    return checkChosenLawyer(ctx);
  },
};

/**
 * 利益冲突审查 before a lawyer takes the case: a lawyer who acted for the opposing party is
 * refused; any other conflict needs the admin's `acknowledgeConflicts: true`.
 */
async function checkConflicts({ trx, caseRow, payload }: GuardContext): Promise<GuardProblem[]> {
  const lawyer = await trx.selectFrom('lawyers').select(['id', 'lawFirmId']).where('id', '=', Number(payload.lawyerId)).executeTakeFirst();
  if (!lawyer) return []; // the assignment rules say so
  const conflicts = await findConflicts(trx, caseRow, { id: Number(lawyer.id), lawFirmId: lawyer.lawFirmId == null ? null : Number(lawyer.lawFirmId) });
  const refusing = conflicts.filter((c) => c.kind === refusingKind);
  if (refusing.length) {
    const cases = refusing.map((c) => c.caseNumber || `#${c.caseId}`);
    return [{
      rule: 'conflict.acted_for_opposing_party',
      message: {
        zh: `该律师曾代理本案对方当事人（${cases.join('、')}），不能指派其承办本案`,
        en: `The lawyer acted for the opposing party of this case (${cases.join(', ')}) and cannot be assigned to it`,
      },
      details: refusing,
    }];
  }
  if (conflicts.length && payload.acknowledgeConflicts !== true) {
    const described = describeConflicts(conflicts);
    return [{
      rule: 'conflict.unacknowledged',
      message: { zh: `存在利益冲突提示，请确认后再指派：${described.zh}`, en: `Conflict warnings must be acknowledged first: ${described.en}` },
      details: conflicts,
    }];
  }
  return [];
}

export const conflictGuards: TransitionGuard[] = (['assign', 'change-lawyer'] as const).map((action) => ({ action, name: 'conflicts', check: checkConflicts }));

export async function openComplaintLawyerIds(trx: Kysely<any>, caseId: number): Promise<number[]> {
  const rows = await trx.selectFrom('complaints').select('lawyerId')
    .where('caseId', '=', caseId).where('status', 'in', [...openComplaintStatuses]).where('lawyerId', 'is not', null)
    .execute();
  return rows.map((r) => Number(r.lawyerId));
}

export const coreGuards: TransitionGuard[] = [meansTestGuard, assignmentGuard, changeLawyerGuard, ...conflictGuards];
