// Import and export of the registers as XLSX and CSV: all rows or none, Chinese headers and
// labels both ways, the list's row rules and masking on export, formulas neutralised.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, startTestFayuan, type Role, type TestFayuan } from './support/fayuan.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 30 });
});
afterAll(async () => t?.close());

async function upload(role: Role, path: string, bytes: Uint8Array | string, name: string): Promise<Response> {
  const form = new FormData();
  form.set('file', new File([bytes as BlobPart], name));
  return t.fayuan.app.request(path, { method: 'POST', headers: { origin: ORIGIN, cookie: await t.cookieOf(role) }, body: form });
}

async function xlsx(headers: string[], rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('律师');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function readXlsx(res: Response): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const count = async (table: string) => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
/** A practising-certificate number (17 digits) of this file's own series, apart from the demo lawyers'. */
const licence = (n: number) => `1339920151${String(n).padStart(7, '0')}`;
const firmName = async () => String((await t.database.db.selectFrom('law_firms').select('name').orderBy('id').executeTakeFirstOrThrow()).name);

/** Whether PostgreSQL's planner statistics of the table were gathered after `since` (performance.now()). */
async function analysedSince(table: string, since: number): Promise<boolean> {
  const { rows } = await sql<{ at: Date | null }>`select greatest(last_analyze, last_autoanalyze) as at from pg_stat_user_tables where schemaname = current_schema() and relname = ${table}`.execute(t.database.db);
  return rows[0]?.at !== null && rows[0]?.at !== undefined && rows[0].at.getTime() >= performance.timeOrigin + since;
}

describe('import', () => {
  it('imports nothing when one row is bad, and names its row and column in Chinese', async () => {
    const before = await count('lawyers');
    const file = await xlsx(['姓名', '执业证号', '人员类别', '律师事务所', '专长', '在岗'], [
      ['导入甲', licence(1), '社会律师', await firmName(), '刑事、劳动争议', '是'],
      ['导入乙', licence(2), '不存在的类别', '', '', '否'],
      ['导入丙', licence(3), '法援律师', '', '', '是'],
    ]);
    const res = await upload('admin', '/api/lawyers/import', file, 'lawyers.xlsx');
    expect(res.status).toBe(422);
    const body: Json = await res.json();
    expect(body.rows).toBe(3);
    expect(body.errors).toEqual([{ row: 3, field: '人员类别', message: expect.stringContaining('应为以下之一') }]);
    expect(await count('lawyers')).toBe(before);
  });

  it('previews with ?dryRun=1 (keeping nothing), then imports every row with options, tags and the firm resolved by label and title', async () => {
    const before = await count('lawyers');
    const file = await xlsx(['姓名', 'licenseNo', '人员类别', '律师事务所', '专长', '在岗', '电话'], [
      ['导入甲', licence(1), '社会律师', await firmName(), '刑事、劳动争议', '是', '13800001111'],
      ['导入丙', licence(3), '法援律师', '', '', '否', ''],
    ]);
    const preview = await upload('admin', '/api/lawyers/import?dryRun=1', file, 'lawyers.xlsx');
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ rows: 2, errors: [] });
    expect(await count('lawyers')).toBe(before);

    const res = await upload('admin', '/api/lawyers/import', file, 'lawyers.xlsx');
    expect(res.status).toBe(201);
    expect(await count('lawyers')).toBe(before + 2);
    const stored: Json = await t.database.db.selectFrom('lawyers').selectAll().where('licenseNo', '=', licence(1)).executeTakeFirstOrThrow();
    expect(stored.lawyerType).toBe('practising');
    expect(JSON.parse(stored.specialties)).toEqual(['criminal', 'labour']);
    expect(stored.phone).toBe('13800001111');
    expect(stored.lawFirmId).toBeGreaterThan(0);
    // Through the write path: each row has its audit entry.
    const audited = await t.database.db.selectFrom('audit_log').select('id').where('resource', '=', 'lawyers').where('action', '=', 'create').execute();
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });

  it('reports a duplicate of an existing record, a missing firm and an unknown column', async () => {
    const dup = await upload('admin', '/api/lawyers/import?dryRun=1', await xlsx(['姓名', '执业证号', '律师事务所'], [
      ['重复', licence(1), ''],
      ['无所', licence(9), '没有这家律所'],
    ]), 'a.xlsx');
    const body: Json = await dup.json();
    expect(body.errors).toEqual([
      { row: 2, field: '执业证号', message: expect.stringContaining('已存在') },
      { row: 3, field: '律师事务所', message: expect.stringContaining('没有这家律所') },
    ]);
    const unknown: Json = await (await upload('admin', '/api/lawyers/import?dryRun=1', await xlsx(['姓名', '血型'], [['某', 'A']]), 'b.xlsx')).json();
    expect(unknown.errors).toEqual([{ row: 1, field: '血型', message: '无法识别的列「血型」' }]);
  });

  it('reads CSV (UTF-8 with BOM) with Chinese text, and service points by their labels', async () => {
    const csv = `\uFEFF名称,类型,设立单位,地址\r\n"城东妇联工作站，二楼",工作站,妇联,城东路 1 号\r\n`;
    const res = await upload('admin', '/api/service-points/import', csv, 'points.csv');
    expect(res.status).toBe(201);
    const stored: Json = await t.database.db.selectFrom('service_points').selectAll().where('name', '=', '城东妇联工作站，二楼').executeTakeFirstOrThrow();
    expect([stored.kind, stored.hostType, stored.address]).toEqual(['workstation', 'womens_federation', '城东路 1 号']);
  });

  it('is refused to a role that may not create, and without a file', async () => {
    expect((await upload('supervisor', '/api/lawyers/import', 'a,b', 'x.csv')).status).toBe(403);
    const none = await t.fayuan.app.request('/api/lawyers/import', { method: 'POST', headers: { origin: ORIGIN, cookie: await t.cookieOf('admin') }, body: new FormData() });
    expect(none.status).toBe(400);
  });

  it('offers an import template generated from the declaration', async () => {
    const res = await t.api('admin', '/api/law-firms/import-template.xlsx');
    expect(res.status).toBe(200);
    const [header] = await readXlsx(res);
    expect(header).toEqual(['名称', '执业许可证号', '地址', '电话', '政府购买服务承接主体', '合同开始', '合同结束', '执业中']);
  });

  it('imports 1,000 lawyers from one XLSX', async () => {
    const before = await count('lawyers');
    const rows = Array.from({ length: 1000 }, (_, i) => [`批量律师${i}`, `13399201520${String(i).padStart(6, '0')}`, '社会律师', '是']);
    const started = performance.now();
    const res = await upload('admin', '/api/lawyers/import', await xlsx(['姓名', '执业证号', '人员类别', '在岗'], rows), 'bulk.xlsx');
    expect(res.status).toBe(201);
    expect(await count('lawyers')).toBe(before + 1000);
    // PostgreSQL plans with the register's new size at once, not when autovacuum (which may be off) gets to it.
    if (t.dialect === 'postgres') expect(await analysedSince('lawyers', started)).toBe(true);
    console.log(`1,000 lawyers imported in ${Math.round(performance.now() - started)} ms (${t.dialect})`);
  }, 120_000);
});

describe('export', () => {
  it('round-trips lawyers through XLSX: the exported sheet imports back (after a licence change) with the same labels', async () => {
    const exported = await t.api('admin', `/api/lawyers/export.xlsx?${new URLSearchParams({ filter: JSON.stringify({ q: '导入甲' }) })}`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await readXlsx(exported);
    expect(rows[0]).toEqual(['编号', '姓名', '性别', '执业证号', '人员类别', '律师事务所', '执业起始日期', '专长', '电话', '电子邮箱', '在岗']);
    expect(rows[1]).toEqual([expect.any(Number), '导入甲', undefined, licence(1), '社会律师', await firmName(), undefined, '刑事、劳动争议', '13800001111', undefined, '是']);
    const again = await xlsx(rows[0] as string[], [rows[1].map((c, i) => (i === 3 ? licence(77) : i === 1 ? '导入甲二' : c ?? ''))]);
    const res = await upload('admin', '/api/lawyers/import', again, 'again.xlsx');
    expect(res.status).toBe(201);
    const copy: Json = await t.database.db.selectFrom('lawyers').selectAll().where('licenseNo', '=', licence(77)).executeTakeFirstOrThrow();
    expect([copy.name, copy.lawyerType, JSON.parse(copy.specialties)]).toEqual(['导入甲二', 'practising', ['criminal', 'labour']]);
  });

  it('writes CSV as UTF-8 with a BOM, Chinese headers, and reads back the same Chinese text', async () => {
    const res = await t.api('admin', `/api/service-points/export.csv?${new URLSearchParams({ filter: JSON.stringify({ q: '城东妇联' }) })}`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1)).data;
    expect(parsed[0]).toEqual(['编号', '名称', '类型', '设立单位', '地址', '联系人', '电话', '启用']);
    expect(parsed[1].slice(1, 5)).toEqual(['城东妇联工作站，二楼', '工作站', '妇联', '城东路 1 号']);
  });

  it('keeps the list rules: a lawyer exports only their own cases, a supervisor sees ID numbers masked, the filter and sort apply', async () => {
    const all = await t.api('admin', `/api/cases/export.csv?${new URLSearchParams({ sort: JSON.stringify(['id', 'ASC']) })}`);
    const adminRows = Papa.parse<string[]>((await all.text()).slice(1)).data.filter((r) => r.length > 1);
    expect(adminRows.length - 1).toBe(await count('cases'));
    expect(Number(adminRows[1][0])).toBeLessThan(Number(adminRows[2][0]));

    const lawyerId = Number((await t.database.db.selectFrom('user').select('lawyerId').where('email', '=', 'lawyer@fayuan.test').executeTakeFirstOrThrow()).lawyerId);
    const own = Number((await t.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).where('lawyerId', '=', lawyerId).executeTakeFirstOrThrow()).n);
    const mine = Papa.parse<string[]>((await (await t.api('lawyer', '/api/cases/export.csv')).text()).slice(1)).data.filter((r) => r.length > 1);
    expect(mine.length - 1).toBe(own);

    const withId = await t.database.db.selectFrom('cases').select(['id', 'applicantIdNumber']).where('applicantIdNumber', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    const supervisor = await readXlsx(await t.api('supervisor', `/api/cases/export.xlsx?${new URLSearchParams({ filter: JSON.stringify({ id: withId.id }) })}`));
    const column = (supervisor[0] as string[]).indexOf('身份证号');
    expect(supervisor.length).toBe(2);
    expect(supervisor[1][column]).toMatch(/^\d{4}\*{10}\d{3}[\dXx]$/);
    expect(supervisor[1][column]).not.toBe(withId.applicantIdNumber);

    // A reviewer's list of cases is empty (no row rule grants one): so is the export.
    const reviewer = Papa.parse<string[]>((await (await t.api('reviewer', '/api/cases/export.csv')).text()).slice(1)).data.filter((r) => r.length > 1);
    expect(reviewer.length).toBe(1);
  });

  it('stores ID numbers and phones as text cells and neutralises formulas', async () => {
    const created = await t.api('admin', '/api/law-firms', { method: 'POST', body: { name: '=HYPERLINK("http://evil","点我")', phone: '010-12345678' } });
    expect(created.status).toBe(201);
    const res = await t.api('admin', `/api/law-firms/export.xlsx?${new URLSearchParams({ filter: JSON.stringify({ q: 'HYPERLINK' }) })}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const row = workbook.worksheets[0].getRow(2);
    expect(row.getCell(2).value).toBe(`'=HYPERLINK("http://evil","点我")`);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(5).value).toBe('010-12345678');
    expect(workbook.worksheets[0].getColumn(5).numFmt).toBe('@');
    const csv = await (await t.api('admin', `/api/law-firms/export.csv?${new URLSearchParams({ filter: JSON.stringify({ q: 'HYPERLINK' }) })}`)).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
  });
});
