// 案卷评查 (issue #12): one inspection per closed case, scored by the server; the band sets the case's initial grade.
import { Hono } from 'hono';
import { closedCaseStatuses, ApiError, definePlugin, loadSettings, type AppEnv } from '../../../api/plugin-kit.js';
import { inspections } from './declarations.js';
import { seedDemoInspections } from './demo.js';

const DAY = 86_400_000;

export default definePlugin({
  name: 'case-inspection',
  label: { zh: '案卷评查', en: 'Case-file inspection' },
  description: { zh: '一案一评：结案案卷按评查表打分，分档给出初评质量等次；待评查队列（逾期标记）', en: 'Every closed file scored with the rubric; the band is the initial grade; a queue of files awaiting inspection' },
  resources: [inspections],
  auditActions: { cases: { 'inspection-grade': { zh: '评查定初评等次', en: 'Graded by inspection' } } },
  demo: (ctx) => seedDemoInspections(ctx),
  casePanels: [{ id: 'case-inspection', label: { zh: '案卷评查', en: 'Case-file inspection' }, roles: ['admin', 'supervisor', 'lawyer'] }],
  fields: {
    settings: { inspectionDueDays: { type: 'integer', label: { zh: '结案后应评查天数', en: 'Days after closing to inspect' }, default: 30, min: 1, max: 365 } },
  },
  routes: (ctx) => {
    const { db } = ctx.database;
    return new Hono<AppEnv>().get('/case-inspections/queue', async (c) => {
      if (!['admin', 'supervisor'].includes(c.var.actor.role)) throw new ApiError(403, { zh: '只有管理人员可以查看待评查案卷', en: 'Only supervisors and admins see the inspection queue' });
      const due = Number((await loadSettings(db) as Record<string, unknown>).inspectionDueDays) || 30;
      const rows = await db.selectFrom('cases').select(['id', 'caseNumber', 'applicantName', 'caseType', 'lawyerId', 'closedAt', 'status'])
        .where('status', 'in', closedCaseStatuses).where('closedAt', 'is not', null)
        .where('id', 'not in', db.selectFrom('case_inspections').select('caseId'))
        .orderBy('closedAt', 'asc').orderBy('id', 'asc').limit(500).execute();
      const now = Date.now();
      return c.json(rows.map((r) => ({ ...r, dueDays: due, overdue: now - Date.parse(String(r.closedAt)) > due * DAY })));
    });
  },
  openapi: {
    '/api/case-inspections/queue': { get: { tags: ['case-inspections'], summary: 'Closed cases awaiting inspection, the oldest closing first, overdue ones flagged (setting inspectionDueDays)', responses: { 200: { description: 'The cases' }, 403: { description: 'Not a supervisor' } } } },
  },
});
