// 差别化补贴 (seed 000): each ended case's subsidy from its type and grade (settings, never code),
// gathered into batches per closing period and paid once; later grade changes become adjustments.
import { Hono } from 'hono';
import { definePlugin, describeRoute, idParameter, recordId, refusalsOf, type AppEnv } from '../../../api/plugin-kit.js';
import { batches, lines } from './declarations.js';
import { onCaseWritten, onSettingsWritten } from './compute.js';
import { gather, pay, totals } from './batches.js';
import { subsidySettingFields } from './rules.js';
import { seedDemoSubsidies } from './demo.js';

const doc = (summary: string, ok: string, ...refusals: Parameters<typeof refusalsOf>) => describeRoute({
  tags: ['subsidies'], summary, parameters: [idParameter], responses: { 200: { description: ok }, ...refusalsOf(...refusals) },
});

export default definePlugin({
  name: 'subsidies',
  label: { zh: '差别化补贴', en: 'Differentiated subsidy' },
  description: { zh: '按案件类型和质量等次计算办案补贴，按结案期间归集成批次发放；已发放的金额不再改变', en: 'Subsidies from case type and grade, gathered per period into batches and paid; paid amounts never change' },
  resources: [batches, lines],
  fields: {
    cases: {
      subsidyBasis: { type: 'longText', label: { zh: '补贴计算依据', en: 'Subsidy basis' }, readOnly: true, maxLength: 2000, section: 'closing', stage: 'closing_submitted' },
    },
    settings: subsidySettingFields,
  },
  hooks: {
    cases: { afterWrite: [onCaseWritten] },
    settings: { afterWrite: [onSettingsWritten] },
  },
  routes: (ctx) => new Hono<AppEnv>()
    .post('/subsidy-batches/:id/gather', doc(
      "Gather into a draft batch the closed, graded cases of its period not yet in a batch, and adjustments for paid cases regraded since (admins)",
      'The batch with its new totals', 403, 404, 422,
    ), async (c) => c.json(await gather(ctx, recordId(c), c.var.actor)))
    .post('/subsidy-batches/:id/pay', doc('Pay a draft batch: draft → paid; its amounts never change afterwards (admins)', 'The paid batch', 403, 404, 422),
      async (c) => c.json(await pay(ctx, recordId(c), c.var.actor)))
    .get('/subsidy-batches/:id/totals', doc("The batch's totals per law firm and per lawyer (admins, supervisors)", 'The totals', 403, 404),
      async (c) => c.json(await totals(ctx, recordId(c), c.var.actor))),
  demo: (ctx) => seedDemoSubsidies(ctx),
});
