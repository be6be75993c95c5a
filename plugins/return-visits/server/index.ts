// 回访 (seed 000: satisfaction ≥ 98%): scored visits after closing; reported money, gifts or fees open a complaint.
import { Hono } from 'hono';
import { ApiError, definePlugin, loadSettings, type AppEnv, type Actor, type PluginContext } from '../../../api/plugin-kit.js';
import { visits } from './declarations.js';
import { unvisitedCases, visitSummary } from './summary.js';
import { seedDemoVisits } from './demo.js';
import { coverageTally, markExistingCases } from './visited-cases.js';

const supervisors = ['admin', 'supervisor'];

function supervisorsOnly(actor: Actor) {
  if (!supervisors.includes(actor.role)) throw new ApiError(403, { zh: '只有管理人员可以查看回访统计', en: 'Only supervisors and admins see return-visit figures' });
}

async function summaryOf(ctx: PluginContext, year: number) {
  const { db } = ctx.database;
  const settings = await loadSettings(db);
  return visitSummary(db, year, { satisfaction: Number(settings.satisfactionTargetPercent), coverage: Number(settings.returnVisitTargetPercent) });
}

export default definePlugin({
  name: 'return-visits',
  label: { zh: '案件回访', en: 'Return visits' },
  auditActions: {
    'return-visits': { 'link-complaint': { zh: '自动立案投诉', en: 'Opened a complaint' } },
    cases: { 'return-visited': { zh: '回访记录变动', en: 'Return visits changed' } },
  },
  fields: {
    cases: { returnVisited: { type: 'boolean', readOnly: true, label: { zh: '已回访', en: 'Visited' }, help: { zh: '有回访记录时由系统标记', en: 'Marked by the system when a visit is recorded' } } },
  },
  // Coverage by the month of closing, and the closed cases still to visit, the longest closed first.
  tallies: { cases: [coverageTally] },
  indexes: { cases: [['returnVisited', 'closedAt']] },
  migrations: [markExistingCases],
  description: { zh: '结案后回访受援人，按表单评价；反映收受财物或私自收费的自动立投诉；满意度与回访覆盖率', en: 'Visits after closing, scored; money, gifts or private fees open a complaint; satisfaction and coverage' },
  resources: [visits],
  routes: (ctx) => {
    const { db } = ctx.database;
    return new Hono<AppEnv>()
      .get('/return-visits/summary', async (c) => {
        supervisorsOnly(c.var.actor);
        return c.json(await summaryOf(ctx, Number(c.req.query('year')) || new Date().getFullYear()));
      })
      .get('/return-visits/unvisited', async (c) => {
        supervisorsOnly(c.var.actor);
        return c.json(await unvisitedCases(db));
      });
  },
  home: async (ctx, actor) => {
    if (!supervisors.includes(actor.role)) return null;
    const [summary, unvisited] = await Promise.all([summaryOf(ctx, new Date().getFullYear()), unvisitedCases(ctx.database.db)]);
    return { summary, unvisited };
  },
  demo: (ctx) => seedDemoVisits(ctx),
  casePanels: [{ id: 'return-visits', label: { zh: '回访', en: 'Return visits' }, roles: ['admin', 'supervisor'] }],
  dashboard: [
    { id: 'visits-dissatisfied', label: { zh: '回访不满意', en: 'Dissatisfied visits' }, resource: 'return-visits', filter: { satisfaction: 'dissatisfied' }, roles: ['admin', 'supervisor'], alert: true },
  ],
  openapi: {
    '/api/return-visits/summary': { get: { tags: ['return-visits'], summary: "The year's satisfaction rate and visit coverage against the targets", responses: { 200: { description: 'The figures' }, 403: { description: 'Not a supervisor' } } } },
    '/api/return-visits/unvisited': { get: { tags: ['return-visits'], summary: 'Closed cases not yet visited, the longest closed first', responses: { 200: { description: 'The cases' }, 403: { description: 'Not a supervisor' } } } },
  },
});
