// GET /api/<register>/export.xlsx|csv (the list's filter and sort), GET /api/<register>/import-template.xlsx,
// POST /api/<register>/import (multipart `file`, ?dryRun=1 to check only).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { ResourceDefinition } from '../resources/define.js';
import type { Records } from '../rest/records.js';
import { parseListQuery } from '../rest/list-query.js';
import { assertMay } from '../access/enforce.js';
import { allowLargerBody } from '../http/body-limit.js';
import { ApiError, badInput } from '../rest/errors.js';
import { loadSettings } from '../settings/settings.js';
import { exportTable, toCsv, toXlsx } from './export.js';
import { importRows, importTemplate } from './import.js';

/** The registers whose spreadsheets can be imported. */
export const IMPORTABLE = ['lawyers', 'law-firms', 'service-points', 'cases'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(c: Context, body: Uint8Array | string, type: string, filename: string) {
  return c.body(body as never, 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'Cache-Control': 'no-store',
  });
}

const stamp = () => new Date().toISOString().slice(0, 10);

export function spreadsheetRoutes(records: Records, resource: ResourceDefinition) {
  const routes = new Hono<AppEnv>();
  const exported = async (c: Context<AppEnv>) => {
    assertMay(resource, c.var.actor, 'read');
    const query = parseListQuery(resource, c.req.query());
    return exportTable(records, resource, query, c.var.actor);
  };
  routes.get('/export.xlsx', async (c) => attachment(c, await toXlsx(resource.label.zh, await exported(c)), XLSX, `${resource.label.zh}-${stamp()}.xlsx`));
  routes.get('/export.csv', async (c) => attachment(c, toCsv(await exported(c)), 'text/csv; charset=utf-8', `${resource.label.zh}-${stamp()}.csv`));
  if (!IMPORTABLE.includes(resource.name)) return routes;

  routes.get('/import-template.xlsx', async (c) => {
    assertMay(resource, c.var.actor, 'create');
    return attachment(c, await importTemplate(resource), XLSX, `${resource.label.zh}导入模板.xlsx`);
  });
  routes.post('/import', async (c) => {
    assertMay(resource, c.var.actor, 'create');
    const settings = await loadSettings(records.database.db);
    const limit = Number(settings.uploadLimitMb) * 1024 * 1024;
    allowLargerBody(c, limit + 64 * 1024, { zh: `文件过大：不能超过 ${settings.uploadLimitMb} MB`, en: `Too large: at most ${settings.uploadLimitMb} MB` });
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(415, { zh: '请以 multipart/form-data 上传文件（字段 file）', en: 'Send multipart/form-data with a file field' });
    }
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw badInput({ file: { zh: '无法读取上传的文件', en: 'The upload could not be read' } });
    }
    const file = form.file;
    if (!(file instanceof File)) throw badInput({ file: { zh: '请选择要导入的 XLSX 或 CSV 文件', en: 'Choose an XLSX or CSV file' } });
    const dryRun = ['1', 'true'].includes(c.req.query('dryRun') ?? '');
    const result = await importRows(records, resource, new Uint8Array(await file.arrayBuffer()), c.var.actor, { dryRun });
    if (!dryRun && result.errors.length) {
      return c.json({ message: c.var.locale === 'en' ? `Nothing imported: ${result.errors.length} problems` : `未导入：发现 ${result.errors.length} 处错误，请修改后重新导入`, ...result }, 422);
    }
    return c.json({ ...result, imported: dryRun ? 0 : result.rows }, dryRun ? 200 : 201);
  });
  return routes;
}
