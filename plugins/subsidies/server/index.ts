// 差别化补贴 (seed 000): each ended case's subsidy from its type and grade (settings, never code),
// gathered into batches per closing period and paid once; later grade changes become adjustments.
import { Hono } from 'hono';
import { definePlugin, describeRoute, idParameter, recordId, refusalsOf, type AppEnv } from '../../../api/plugin-kit.js';
import { firmIdOf, statementOf } from './statement.js';
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
  auditActions: {
    cases: { subsidy: { zh: '计算办案补贴', en: 'Subsidy computed' } },
    'subsidy-batches': { gather: { zh: '归集案件', en: 'Gathered cases' }, pay: { zh: '确认发放', en: 'Paid' } },
    'subsidy-batch-lines': { gather: { zh: '归集', en: 'Gathered' } },
  },
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
      async (c) => c.json(await totals(ctx, recordId(c), c.var.actor)))
    .get('/subsidy-batches/:id/statement.pdf', describeRoute({
      tags: ['subsidies'], summary: "A law firm's statement of the batch as a PDF: its lines (case, lawyer, grade, amount), per-lawyer subtotals and the total (admins)",
      parameters: [idParameter, { name: 'firmId', in: 'query', required: true, description: 'The law firm id, or none for lawyers without a firm', schema: { type: 'string' } }],
      responses: { 200: { description: 'The statement', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, ...refusalsOf(400, 403, 404) },
    }), async (c) => {
      const statement = await statementOf(ctx, recordId(c), firmIdOf(c.req.query('firmId')), c.var.actor);
      // Drawing loads react-pdf and the fonts: on first use, not at start-up.
      const { renderStatement } = await import('./statement-pdf.js');
      const pdf = await renderStatement(statement);
      const name = `对账单-${statement.batch.name}-${statement.firm}.pdf`;
      return new Response(new Uint8Array(pdf), {
        headers: {
          'content-type': 'application/pdf', 'content-length': String(pdf.byteLength), 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store',
          'content-disposition': `inline; filename="statement-${statement.batch.id}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
        },
      });
    }),
  demo: (ctx) => seedDemoSubsidies(ctx),
});
