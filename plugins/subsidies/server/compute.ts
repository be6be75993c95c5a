// Keeping cases.subsidyAmount / subsidyBasis: recomputed when a case's status, type or grade changes,
// and for every unpaid case when the subsidy settings change — each change through the write path.
import type { Kysely } from 'kysely';
import { loadSettings, systemActor, type AfterWrite, type Records, type Row } from '../../../api/plugin-kit.js';
import { computeSubsidy, subsidyKeys, subsidySettings, type SubsidySettings } from './rules.js';

export const SUBSIDY_ACTION = 'subsidy';
const ENDED = ['closed', 'archived', 'terminated'];

/** Whether the case has a line in a paid batch (its amount then never changes). */
export async function inPaidBatch(trx: Kysely<any>, caseId: number): Promise<boolean> {
  const row = await trx.selectFrom('subsidy_batch_lines as l').innerJoin('subsidy_batches as b', 'b.id', 'l.batchId')
    .select('l.id').where('l.caseId', '=', caseId).where('b.state', '=', 'paid').executeTakeFirst();
  return !!row;
}

/** Stores the case's subsidy as the rules give it now, unless it is paid or already so. */
export async function recompute(records: Records, trx: Kysely<any>, row: Row, settings: SubsidySettings): Promise<void> {
  if (await inPaidBatch(trx, Number(row.id))) return;
  const { amount, basis } = computeSubsidy(row, settings);
  if (sameMoney(row.subsidyAmount, amount) && (row.subsidyBasis ?? null) === basis) return;
  await records.change(records.resource('cases'), Number(row.id), systemActor, {
    action: SUBSIDY_ACTION,
    plan: () => ({ subsidyAmount: amount, subsidyBasis: basis }),
  }, trx);
}

const sameMoney = (a: unknown, b: number | null) => (a === null || a === undefined ? b === null : b !== null && Math.round(Number(a) * 100) === Math.round(b * 100));

/** afterWrite on cases: a change of status, type or grade recomputes the subsidy. */
export const onCaseWritten: AfterWrite = async (change, { trx, settings, records }) => {
  const { before, after } = change;
  if (!after) return;
  const moved = ['status', 'qualityGrade', 'caseType', 'assignedAt'].some((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after[k] ?? null));
  if (!moved) return;
  await recompute(records, trx, after, subsidySettings(settings));
};

/** afterWrite on settings: a changed subsidy setting recomputes every ended, unpaid case. */
export const onSettingsWritten: AfterWrite = async (change, { trx, records }) => {
  const changed = subsidyKeys.some((k) => JSON.stringify(change.before?.[k]) !== JSON.stringify(change.after?.[k]));
  if (!changed) return;
  await recomputeAll(records, trx, subsidySettings(change.after ?? {}));
};

/** Every ended case not in a paid batch (demo data, changed settings). */
export async function recomputeAll(records: Records, trx: Kysely<any>, settings?: SubsidySettings): Promise<number> {
  const s = settings ?? subsidySettings(await loadSettings(trx));
  const cases = records.resource('cases');
  const ids = await trx.selectFrom('cases').select('id').where('status', 'in', ENDED)
    .where('id', 'not in', trx.selectFrom('subsidy_batch_lines as l').innerJoin('subsidy_batches as b', 'b.id', 'l.batchId').select('l.caseId').where('b.state', '=', 'paid'))
    .orderBy('id').execute();
  for (const { id } of ids) await recompute(records, trx, await records.load(cases, Number(id), trx), s);
  return ids.length;
}
