// 旁听庭审 (seed 001 item 5): supervisors observe lawyers' hearings with a scored sheet; the plan of which to attend.
import { Hono } from 'hono';
import { ApiError, definePlugin, loadSettings, type AppEnv, type PluginContext } from '../../../api/plugin-kit.js';
import { observations } from './declarations.js';
import { hearingPlan } from './planning.js';
import { seedDemoObservations } from './demo.js';

const planners = ['admin', 'supervisor'];

async function planOf(ctx: PluginContext, year: number) {
  const { db } = ctx.database;
  const settings = await loadSettings(db);
  return hearingPlan(db, { year, now: new Date().toISOString(), targetPercent: Number(settings.hearingObservationTargetPercent) });
}

export default definePlugin({
  name: 'hearing-observation',
  label: { zh: '旁听庭审', en: 'Hearing observation' },
  description: { zh: '按表单评价律师庭审表现，律师可见反馈、得分和等次；旁听计划与覆盖率', en: "Scored observation of lawyers' hearings; feedback to the lawyer; the attendance plan and coverage" },
  resources: [observations],
  routes: (ctx) => new Hono<AppEnv>().get('/hearing-observations/planning', async (c) => {
    if (!planners.includes(c.var.actor.role)) {
      throw new ApiError(403, { zh: '只有管理人员可以查看旁听计划', en: 'Only supervisors and admins plan observations' });
    }
    return c.json(await planOf(ctx, Number(c.req.query('year')) || new Date().getFullYear()));
  }),
  home: async (ctx, actor) => (planners.includes(actor.role) ? { plan: await planOf(ctx, new Date().getFullYear()) } : null),
  demo: (ctx) => seedDemoObservations(ctx),
  casePanels: [{ id: 'hearing-observations', label: { zh: '旁听庭审', en: 'Hearing observations' }, roles: ['admin', 'supervisor', 'lawyer'] }],
  dashboard: [
    { id: 'observations-fail', label: { zh: '旁听评为不合格', en: 'Observations graded fail' }, resource: 'hearing-observations', filter: { grade: 'fail' }, roles: ['admin', 'supervisor'] },
  ],
  openapi: {
    '/api/hearing-observations/planning': { get: { tags: ['hearing-observation'], summary: "This year's coverage against the target and the upcoming hearings, the suggested ones marked", responses: { 200: { description: 'The plan' }, 403: { description: 'Not a supervisor' } } } },
  },
});
