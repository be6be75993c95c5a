// GET /api/indicators?year=YYYY (the dashboard's and the reports' one source of numbers),
// GET /api/indicators/mine (a lawyer's own figures), GET /api/home?year=YYYY (the home page's figures),
// GET /api/reports/yearly.xlsx?year=YYYY (the yearly report with the Ministry's table) and .pdf.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { Records } from '../rest/records.js';
import { ApiError, badInput } from '../rest/errors.js';
import { yearFigures } from './indicators.js';
import { yearlyWorkbook } from './yearly-xlsx.js';
import { myWork } from './my-work.js';
import { loadSettings } from '../settings/settings.js';
import type { DashboardCard } from '../meta/dashboard.js';
import type { FayuanPlugin, PluginContext } from '../plugins/define.js';
import { homeFigures } from './home.js';

const READERS = ['admin', 'supervisor'];

function yearOf(c: Context): number {
  const text = c.req.query('year') ?? String(new Date().getUTCFullYear());
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 1990 && year <= 2100)) throw badInput({ year: { zh: '年份应为 1990–2100 之间的四位数字', en: 'The year must be 1990–2100' } }, { zh: '参数 year 有误', en: 'Bad year parameter' });
  return year;
}

function assertReader(c: Context<AppEnv>) {
  if (!READERS.includes(c.var.actor.role)) {
    throw new ApiError(403, { zh: '只有中心管理员和监督人员可以查看统计指标', en: 'Only centre admins and supervisors see the indicators' });
  }
}

export function reportRoutes(records: Records, home: { context: PluginContext; cards: DashboardCard[]; plugins: FayuanPlugin[] }) {
  return new Hono<AppEnv>()
    .get('/home', async (c) => c.json(await homeFigures(records, home.context, home.cards, home.plugins, c.var.actor, yearOf(c))))
    .get('/indicators', async (c) => {
      assertReader(c);
      return c.json(await yearFigures(records, yearOf(c)));
    })
    .get('/indicators/mine', async (c) => {
      if (c.var.actor.role !== 'lawyer') throw new ApiError(403, { zh: '只有律师有本人的办案统计', en: 'Only lawyers have their own case figures' });
      return c.json(await myWork(records, c.var.actor));
    })
    .get('/reports/yearly.xlsx', async (c) => {
      assertReader(c);
      const year = yearOf(c);
      const bytes = await yearlyWorkbook(records, await yearFigures(records, year));
      return c.body(bytes as never, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="yearly-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${year}年度法律援助工作统计.xlsx`)}`,
        'Cache-Control': 'no-store',
      });
    })
    .get('/reports/yearly.pdf', async (c) => {
      assertReader(c);
      const year = yearOf(c);
      const figures = await yearFigures(records, year);
      // The PDF toolkit loads react-pdf and the fonts: only when a PDF is first asked for.
      const { yearlyPdf } = await import('./yearly-pdf.js');
      const bytes = await yearlyPdf(String((await loadSettings(records.database.db)).centreName), figures);
      return c.body(new Uint8Array(bytes) as never, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="yearly-${year}.pdf"; filename*=UTF-8''${encodeURIComponent(`${year}年度法律援助工作统计.pdf`)}`,
        'Cache-Control': 'no-store',
      });
    });
}
