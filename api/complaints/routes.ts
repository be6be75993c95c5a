// The complaint's routes beyond CRUD: its workflow (the generic routes with the reply's date
// check), the half-year report, and the public notice (公示), which needs no session.
import { Hono } from 'hono';
import { describeRoute, refusalsOf } from '../meta/route-docs.js';
import type { AppEnv } from '../http/app-env.js';
import { assertMay } from '../access/enforce.js';
import { today } from '../calendar.js';
import { toIsoDate } from '../cases/periods.js';
import type { Records } from '../rest/records.js';
import { loadSettings } from '../settings/settings.js';
import { workflowRoutes } from '../workflow/routes.js';
import { complaintMachine } from './lifecycle.js';
import { complaintReport, parseHalf } from './report.js';

export function complaintRoutes(records: Records) {
  return workflowRoutes(records, complaintMachine, {
    conflict: { zh: '该投诉刚被他人处理，请刷新后重试', en: 'Someone else just handled this complaint; reload and try again' },
    async guards({ row, action, payload, today }) {
      if (action !== 'reply') return [];
      const concluded = toIsoDate(row.concludedAt);
      const replied = String(payload.repliedAt);
      if (replied > today) return [{ rule: 'complaint.reply_in_future', message: { zh: '答复日期不能晚于今天', en: 'The reply cannot be dated after today' } }];
      if (concluded && replied < concluded) return [{ rule: 'complaint.reply_before_conclusion', message: { zh: `答复日期不能早于办结日期 ${concluded}`, en: `The reply cannot be dated before the conclusion (${concluded})` } }];
      return [];
    },
  });
}

/** GET /api/reports/complaints?half=2026-H1 (JSON), complaints.xlsx and complaints.pdf: for whoever may read complaints. */
export function complaintReportRoutes(records: Records) {
  const complaints = records.resource('complaints');
  const { db } = records.database;
  const build = async (c: any) => {
    assertMay(complaints, c.var.actor, 'read');
    const half = parseHalf(c.req.query('half'));
    const [report, settings] = await Promise.all([complaintReport(db, complaints, half, today()), loadSettings(db)]);
    return { report, centreName: settings.centreName };
  };
  /** `name` in Chinese for browsers that read filename*, `fallback` (ASCII) for the others. */
  const file = (body: Buffer, type: string, fallback: string, name: string) => new Response(new Uint8Array(body), {
    headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}` },
  });
  return new Hono<AppEnv>()
    .get('/complaints', describeRoute({ tags: ['complaints'], summary: 'The half-year complaints report (?half=YYYY-H1|H2): counts by category, channel, outcome and timeliness', responses: { 200: { description: 'OK' }, ...refusalsOf(400, 403) } }), async (c) => c.json((await build(c)).report))
    .get('/complaints.xlsx', describeRoute({ tags: ['complaints'], summary: 'The half-year complaints report as XLSX', responses: { 200: { description: 'OK' }, ...refusalsOf(400, 403) } }), async (c) => {
      const { report, centreName } = await build(c);
      const { reportXlsx } = await import('./report-files.js');
      return file(await reportXlsx(report, centreName), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `complaints-${report.half}.xlsx`, `投诉统计-${report.half}.xlsx`);
    })
    .get('/complaints.pdf', describeRoute({ tags: ['complaints'], summary: 'The half-year complaints report as PDF', responses: { 200: { description: 'OK' }, ...refusalsOf(400, 403) } }), async (c) => {
      const { report, centreName } = await build(c);
      const { reportPdf } = await import('./report-files.js');
      return file(await reportPdf(report, centreName), 'application/pdf', `complaints-${report.half}.pdf`, `投诉统计-${report.half}.pdf`);
    });
}

const noticeKeys = {
  address: 'complaintNoticeAddress',
  phone: 'complaintNoticePhone',
  fax: 'complaintNoticeFax',
  email: 'complaintNoticeEmail',
  scope: 'complaintNoticeScope',
  procedure: 'complaintNoticeProcedure',
} as const;

/** GET /api/public/complaint-notice: how to complain, and nothing else of the settings. */
export function complaintNoticeRoute(records: Records) {
  return new Hono<AppEnv>().get('/complaint-notice', describeRoute({ tags: ['public'], security: [], summary: 'The public notice on complaints (公示): address, phone, fax, email, scope and procedure; no session', responses: { 200: { description: 'OK' }, ...refusalsOf() } }), async (c) => {
    const settings = await loadSettings(records.database.db);
    return c.json({
      centreName: settings.centreName,
      ...Object.fromEntries(Object.entries(noticeKeys).map(([key, setting]) => [key, settings[setting] ?? null])),
    });
  });
}
