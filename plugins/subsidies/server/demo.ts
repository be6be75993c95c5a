// Demo subsidies: every ended case's amount from the settings, and one paid batch (through the write path)
// for the first quarter that has closed cases.
import { closedCaseStatuses, loadSettings, systemActor, type PluginContext } from '../../../api/plugin-kit.js';
import { gather, pay } from './batches.js';
import { computeSubsidy, subsidySettings } from './rules.js';

export async function seedDemoSubsidies(ctx: PluginContext): Promise<void> {
  const { db } = ctx.database;
  // The seeded cases' amounts and bases from the settings (a seed, like the cases themselves: no audit entries).
  const cases = ctx.resource('cases');
  const settings = subsidySettings(await loadSettings(db));
  const ended = await db.selectFrom('cases').select(['id', 'caseType', 'status', 'assignedAt', 'qualityGrade'])
    .where('status', 'in', ['closed', 'archived', 'terminated']).execute();
  const computed = ended.map((c) => ({ id: c.id, ...computeSubsidy(c, settings) }));
  await db.transaction().execute((trx) => ctx.records.seedUpdates(cases, computed.map(({ id, amount, basis }) => ({ id, subsidyAmount: amount, subsidyBasis: basis })), trx));
  const first = await db.selectFrom('cases').select('closedAt').where('status', 'in', closedCaseStatuses).where('qualityGrade', 'is not', null)
    .orderBy('closedAt').limit(1).executeTakeFirst();
  if (!first?.closedAt) return;
  const day = new Date(first.closedAt as string);
  const quarter = Math.floor(day.getUTCMonth() / 3);
  const start = new Date(Date.UTC(day.getUTCFullYear(), quarter * 3, 1));
  const end = new Date(Date.UTC(day.getUTCFullYear(), quarter * 3 + 3, 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const batch = await ctx.records.insert(ctx.resource('subsidy-batches'), {
    name: `${start.getUTCFullYear()}年第${quarter + 1}季度办案补贴`, periodStart: iso(start), periodEnd: iso(end), state: 'draft',
  }, systemActor);
  await gather(ctx, Number(batch.id), systemActor);
  await pay(ctx, Number(batch.id), systemActor);
}
