// POST /api/consultations/:id/convert (转为申请) and the quarterly 12348 report.
import { Hono } from 'hono';
import { describeRoute, refusalsOf } from '../meta/route-docs.js';
import type { AppEnv } from '../http/app-env.js';
import { maskRow } from '../access/enforce.js';
import { today } from '../calendar.js';
import { recordId } from '../rest/crud-routes.js';
import { ApiError } from '../rest/errors.js';
import type { Records } from '../rest/records.js';
import type { Row } from '../resources/define.js';
import { decoderOf } from '../db/codec.js';
import { consultationCategories } from '../resources/consultations.js';
import { loadSettings } from '../settings/settings.js';
import { hotlineReport, parseQuarter } from './hotline-report.js';

/** The case's application channel for a consultation's channel (a letter is a written application at the window). */
const caseChannel: Record<string, string> = { visit: 'window', hotline_12348: 'hotline_12348', letter: 'window', online: 'online', workstation: 'workstation' };

/** The application fields a consultation fills in; the admin completes the rest on the case. */
export function applicationFrom(consultation: Row): Row {
  const category = String(consultation.category);
  return {
    applicantName: consultation.personName,
    applicantPhone: consultation.personPhone ?? null,
    applicantGroups: consultation.personGroups ?? [],
    caseType: category === 'criminal' ? 'criminal' : 'civil',
    causeOfAction: consultationCategories[category as keyof typeof consultationCategories]?.zh ?? null,
    channel: caseChannel[String(consultation.channel)] ?? 'window',
    servicePointId: consultation.servicePointId ?? null,
    applicationDate: today(),
    status: 'applied',
    consultationId: consultation.id,
  };
}

export function consultationRoutes(records: Records) {
  const consultations = records.resource('consultations');
  const cases = records.resource('cases');
  return new Hono<AppEnv>().post('/:id/convert', async (c) => {
    const actor = c.var.actor;
    const id = recordId(c);
    const created = await records.write(async (trx) => {
      const consultation = await records.loadForAction(consultations, id, actor, 'convert', trx);
      if (consultation.caseId != null) {
        throw new ApiError(409, { zh: '该咨询已转为申请', en: 'This consultation has already become an application' }, {}, { caseId: consultation.caseId });
      }
      const newCase = await records.insert(cases, applicationFrom(consultation), actor, { trx });
      await records.change(consultations, id, actor, { action: 'convert', expectedVersion: Number(consultation.version), plan: () => ({ caseId: newCase.id }) }, trx);
      return newCase;
    });
    return c.json(maskRow(cases, actor, created), 201);
  });
}

const reportReaders = new Set(['admin', 'supervisor']);

export function reportRoutes(records: Records) {
  const { db } = records.database;
  const consultations = records.resource('consultations');
  const servicePoints = records.resource('service-points');
  async function build(quarterText: string | undefined, role: string) {
    if (!reportReaders.has(role)) throw new ApiError(403, { zh: '只有中心管理员和质量监督员可以查看统计报告', en: 'Only admins and supervisors see the reports' });
    const quarter = parseQuarter(quarterText);
    // Quarters are China Standard Time quarters.
    const instant = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
    const rows = (await db.selectFrom('consultations').selectAll()
      .where('occurredAt', '>=', instant(quarter.from)).where('occurredAt', '<', instant(quarter.until)).execute())
      .map(decoderOf(consultations));
    const names = new Map((await records.all(servicePoints)).map((p) => [Number(p.id), String(p.name)]));
    const settings = await loadSettings(db);
    return { report: hotlineReport(quarter, rows, names, today()), centreName: String(settings.centreName) };
  }
  const fileName = (quarter: string, ext: string) => `attachment; filename="12348-${quarter}.${ext}"; filename*=UTF-8''${encodeURIComponent(`12348咨询统计-${quarter}.${ext}`)}`;
  return new Hono<AppEnv>()
    .get('/hotline', async (c) => c.json((await build(c.req.query('quarter'), c.var.actor.role)).report))
    .get('/hotline.xlsx', describeRoute({ tags: ['consultations'], summary: 'The quarterly 12348 report as XLSX (?quarter=YYYY-Qn)', responses: { 200: { description: 'OK' }, ...refusalsOf(400, 403) } }), async (c) => {
      const { report, centreName } = await build(c.req.query('quarter'), c.var.actor.role);
      const { hotlineXlsx } = await import('./hotline-files.js');
      return c.body(new Uint8Array(await hotlineXlsx(report, centreName)), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': fileName(report.quarter, 'xlsx'),
      });
    })
    .get('/hotline.pdf', describeRoute({ tags: ['consultations'], summary: 'The quarterly 12348 report as PDF (?quarter=YYYY-Qn)', responses: { 200: { description: 'OK' }, ...refusalsOf(400, 403) } }), async (c) => {
      const { report, centreName } = await build(c.req.query('quarter'), c.var.actor.role);
      const { hotlinePdf } = await import('./hotline-files.js');
      return c.body(new Uint8Array(await hotlinePdf(report, centreName)), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': fileName(report.quarter, 'pdf'),
      });
    });
}
