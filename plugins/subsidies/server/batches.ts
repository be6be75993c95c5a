// Gathering a period's cases into a draft batch, paying it, and its totals per firm and lawyer.
import type { Kysely } from 'kysely';
import { closedCaseStatuses, ApiError, loadSettings, type Actor, type PluginContext, type Row } from '../../../api/plugin-kit.js';
import { computeSubsidy, GRADE_ZH, subsidySettings } from './rules.js';

const fen = (yuan: unknown) => Math.round(Number(yuan ?? 0) * 100);

async function draftBatch(ctx: PluginContext, id: number, actor: Actor, action: 'gather' | 'pay', trx: Kysely<any>): Promise<Row> {
  const batch = await ctx.records.loadForAction(ctx.resource('subsidy-batches'), id, actor, action, trx);
  if (batch.state !== 'draft') throw new ApiError(422, { zh: '该批次已发放，不能再归集或发放', en: 'The batch is already paid' });
  return batch;
}

/** The lawyer's firm now (a line keeps the firm it was paid through). */
async function firmOf(trx: Kysely<any>, lawyerId: unknown): Promise<number | null> {
  if (!lawyerId) return null;
  const row = await trx.selectFrom('lawyers').select('lawFirmId').where('id', '=', Number(lawyerId)).executeTakeFirst();
  return row?.lawFirmId ?? null;
}

/** The batch's line count and total, from its stored lines. */
async function totalsPlan(trx: Kysely<any>, batchId: number): Promise<Row> {
  const row = await trx.selectFrom('subsidy_batch_lines').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount').as('sum')])
    .where('batchId', '=', batchId).executeTakeFirstOrThrow();
  return { caseCount: Number(row.n), totalAmount: Number(row.sum ?? 0) / 100 };
}

/**
 * Adds to a draft batch: the closed or archived, graded cases closed in its period and cases terminated after
 * assignment (assigned by its end), none in any batch yet; and, for cases already in a paid batch whose grade
 * or status has changed since, an adjustment line (the amount now due less what was paid).
 */
export async function gather(ctx: PluginContext, batchId: number, actor: Actor): Promise<Row> {
  return ctx.records.write(async (trx) => {
    const batch = await draftBatch(ctx, batchId, actor, 'gather', trx);
    const cases = ctx.resource('cases');
    const linesOf = ctx.resource('subsidy-batch-lines');
    const [start, end] = [String(batch.periodStart), String(batch.periodEnd)];
    const batched = trx.selectFrom('subsidy_batch_lines').select('caseId');
    // Instants of the period's first day and of the day after its last (UTC days, as dayOf reads them).
    const from = `${start}T00:00:00.000Z`;
    const until = new Date(Date.parse(`${end}T00:00:00.000Z`) + 86_400_000).toISOString();
    const due = await trx.selectFrom('cases').select('id')
      .where('subsidyAmount', 'is not', null).where('id', 'not in', batched)
      .where((eb) => eb.or([
        eb.and([eb('status', 'in', closedCaseStatuses), eb('qualityGrade', 'is not', null), eb('closedAt', '>=', from as any), eb('closedAt', '<', until as any)]),
        eb.and([eb('status', '=', 'terminated'), eb('assignedAt', 'is not', null), eb('assignedAt', '<', until as any)]),
      ]))
      .orderBy('id').execute();
    for (const { id } of due) {
      const c = await ctx.records.load(cases, Number(id), trx);
      await ctx.records.insert(linesOf, {
        batchId, caseId: c.id, lawyerId: c.lawyerId ?? null, lawFirmId: await firmOf(trx, c.lawyerId), kind: 'subsidy',
        qualityGrade: c.qualityGrade ?? null, caseStatus: c.status, amount: c.subsidyAmount, basis: c.subsidyBasis ?? null,
      }, actor, { action: 'gather', trx });
    }
    await addAdjustments(ctx, trx, batchId, actor);
    return ctx.records.change(ctx.resource('subsidy-batches'), batchId, actor, { action: 'gather', plan: () => totalsPlan(trx, batchId) }, trx);
  });
}

async function addAdjustments(ctx: PluginContext, trx: Kysely<any>, batchId: number, actor: Actor): Promise<void> {
  const paid = await trx.selectFrom('subsidy_batch_lines as l').innerJoin('subsidy_batches as b', 'b.id', 'l.batchId')
    .select(['l.caseId', 'l.amount', 'l.qualityGrade', 'l.caseStatus', 'l.id']).where('b.state', '=', 'paid').orderBy('l.id').execute();
  if (!paid.length) return;
  const inDraft = new Set((await trx.selectFrom('subsidy_batch_lines as l').innerJoin('subsidy_batches as b', 'b.id', 'l.batchId')
    .select('l.caseId').where('b.state', '=', 'draft').execute()).map((r) => Number(r.caseId)));
  const byCase = new Map<number, { paidFen: number; grade: unknown; status: unknown }>();
  for (const line of paid) {
    const seen = byCase.get(Number(line.caseId)) ?? { paidFen: 0, grade: null, status: null };
    byCase.set(Number(line.caseId), { paidFen: seen.paidFen + Number(line.amount), grade: line.qualityGrade, status: line.caseStatus });
  }
  const settings = subsidySettings(await loadSettings(trx));
  const stage = (status: unknown) => (status === 'terminated' ? 'terminated' : 'closed');
  for (const [caseId, was] of byCase) {
    if (inDraft.has(caseId)) continue;
    const c = await ctx.records.load(ctx.resource('cases'), caseId, trx);
    if ((c.qualityGrade ?? null) === (was.grade ?? null) && stage(c.status) === stage(was.status)) continue;
    const now = computeSubsidy(c, settings);
    const delta = fen(now.amount) - was.paidFen;
    if (delta === 0) continue;
    const grade = (g: unknown) => GRADE_ZH[g as string] ?? '未评定';
    await ctx.records.insert(ctx.resource('subsidy-batch-lines'), {
      batchId, caseId, lawyerId: c.lawyerId ?? null, lawFirmId: await firmOf(trx, c.lawyerId),
      kind: 'adjustment', qualityGrade: c.qualityGrade ?? null, caseStatus: c.status, amount: delta / 100,
      basis: `已发放 ${was.paidFen / 100} 元（${grade(was.grade)}）；现为${grade(c.qualityGrade)}：${now.basis ?? '不予补贴'}；调整 ${delta / 100} 元`,
    }, actor, { action: 'gather', trx });
  }
}

/** draft → paid: the batch's amounts are final from now on. */
export async function pay(ctx: PluginContext, batchId: number, actor: Actor): Promise<Row> {
  return ctx.records.write(async (trx) => {
    await draftBatch(ctx, batchId, actor, 'pay', trx);
    const totals = await totalsPlan(trx, batchId);
    if (!totals.caseCount) throw new ApiError(422, { zh: '批次中没有补贴明细，请先归集', en: 'The batch has no lines; gather first' });
    return ctx.records.change(ctx.resource('subsidy-batches'), batchId, actor, {
      action: 'pay', plan: () => ({ ...totals, state: 'paid', paidAt: new Date().toISOString() }),
    }, trx);
  });
}

/** The batch's totals per firm and per lawyer (with names). */
export async function totals(ctx: PluginContext, batchId: number, actor: Actor) {
  const { db } = ctx.database;
  const batch = await ctx.records.loadForAction(ctx.resource('subsidy-batches'), batchId, actor, 'totals');
  const sum = (eb: any) => [eb.fn.countAll().as('lines'), eb.fn.sum('l.amount').as('fen')];
  const byFirm = await db.selectFrom('subsidy_batch_lines as l').leftJoin('law_firms as f', 'f.id', 'l.lawFirmId')
    .select((eb) => ['l.lawFirmId', 'f.name', ...sum(eb)]).where('l.batchId', '=', batchId).groupBy(['l.lawFirmId', 'f.name']).orderBy('f.name').execute();
  const byLawyer = await db.selectFrom('subsidy_batch_lines as l').leftJoin('lawyers as w', 'w.id', 'l.lawyerId').leftJoin('law_firms as f', 'f.id', 'l.lawFirmId')
    .select((eb) => ['l.lawyerId', 'w.name', 'l.lawFirmId', 'f.name as firmName', ...sum(eb)]).where('l.batchId', '=', batchId)
    .groupBy(['l.lawyerId', 'w.name', 'l.lawFirmId', 'f.name']).orderBy('w.name').execute();
  const shape = (r: any) => ({ ...r, lines: Number(r.lines), amount: Number(r.fen ?? 0) / 100, fen: undefined });
  return { batch, total: Number(batch.totalAmount ?? 0), byFirm: byFirm.map(shape), byLawyer: byLawyer.map(shape) };
}
