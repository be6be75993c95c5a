// Rows from an XLSX or CSV into a register: headers by Chinese label or field name, options by
// label, references by title; every row goes through Records.create (the one write path: the
// same validation, references, uniqueness, hooks and audit) inside ONE transaction, so that a
// file imports whole or not at all. A dry run does the same work and rolls it back.
import type ExcelJS from 'exceljs';
import { newWorkbook } from './workbook.js';
import Papa from 'papaparse';
import { tableName, type Actor, type Field, type ResourceDefinition, type Row } from '../resources/define.js';
import { ApiError } from '../rest/errors.js';
import type { Records } from '../rest/records.js';
import { cellValue, headerOf, sheetFields } from './cells.js';
import { ANALYZE_AFTER_ROWS, refreshTableStatistics } from '../db/planner-statistics.js';
import { indexedFields, searchTableOf } from '../db/search-index.js';

/** One problem, as the person who filled the sheet sees it: the sheet's row number and the column's label. */
export interface ImportProblem {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  rows: number;
  errors: ImportProblem[];
}

/** At most this many data rows per file. */
export const MAX_IMPORT_ROWS = 50_000;

interface SheetRow {
  /** As numbered in the sheet (the header is row 1). */
  number: number;
  cells: unknown[];
}

const refuse = (message: string) => new ApiError(422, { zh: message, en: message }, {}, { rows: 0, errors: [{ row: 1, field: '', message }] });

/** XLSX (a ZIP: starts with PK) or CSV (UTF-8, with or without BOM). */
export async function readSheet(bytes: Uint8Array): Promise<{ headers: string[]; rows: SheetRow[] }> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const workbook = await newWorkbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw refuse('无法读取该 XLSX 文件');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw refuse('文件中没有工作表');
    const plain = (v: ExcelJS.CellValue): unknown => {
      if (v && typeof v === 'object' && !(v instanceof Date)) {
        if ('richText' in v) return v.richText.map((t) => t.text).join('');
        if ('text' in v) return v.text;
        if ('result' in v) return v.result;
        return null;
      }
      return v;
    };
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => { headers[col - 1] = String(plain(cell.value) ?? '').trim(); });
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (number === 1) return;
      const cells = headers.map((_, i) => plain(row.getCell(i + 1).value));
      if (cells.some((c) => c !== null && c !== undefined && String(c).trim() !== '')) rows.push({ number, cells });
    });
    return { headers, rows };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const [head = [], ...body] = parsed.data;
  const rows = body.map((cells, i) => ({ number: i + 2, cells }))
    .filter((r) => r.cells.some((c) => String(c ?? '').trim() !== ''));
  return { headers: head.map((h) => String(h).trim()), rows };
}

/** Which field each column names (by Chinese label, English label or field name); null for the ignored ones. */
function matchHeaders(resource: ResourceDefinition, headers: string[], problems: ImportProblem[]): ([string, Field] | null)[] {
  const writable = sheetFields(resource, 'import');
  const known = new Set(['id', '编号', ...Object.entries(resource.fields).filter(([, f]) => f.readOnly).flatMap(([n, f]) => [n, f.label.zh, f.label.en]),
    '版本', '创建时间', '更新时间', 'version', 'createdAt', 'updatedAt']);
  return headers.map((header) => {
    if (!header) return null;
    const found = writable.find(([name, field]) => name === header || headerOf(field) === header || field.label.en.toLowerCase() === header.toLowerCase());
    if (found) return found;
    if (!known.has(header)) problems.push({ row: 1, field: header, message: `无法识别的列「${header}」` });
    return null;
  });
}

/** title → id of every record of the registers the columns refer to. */
async function titleMaps(records: Records, columns: ([string, Field] | null)[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  for (const column of columns) {
    if (!column) continue;
    const [, field] = column;
    if ((field.type !== 'reference' && field.type !== 'referenceList') || out.has(field.to)) continue;
    const target = records.resources.get(field.to);
    if (!target) continue;
    const rows = await records.database.db.selectFrom(tableName(target)).select(['id', target.titleField]).execute();
    out.set(field.to, new Map(rows.map((r) => [String(r[target.titleField]), Number(r.id)])));
  }
  return out;
}

class DryRunDone extends Error {}

/**
 * Imports the file's rows (or, with `dryRun`, checks them and keeps nothing). Answers the
 * rows read and every problem; when there is any problem nothing is kept.
 */
export async function importRows(
  records: Records, resource: ResourceDefinition, bytes: Uint8Array, actor: Actor,
  { dryRun = false, progress = () => {} }: { dryRun?: boolean; progress?: (done: number, total: number) => void } = {},
): Promise<ImportResult> {
  const { headers, rows } = await readSheet(bytes);
  const problems: ImportProblem[] = [];
  if (rows.length > MAX_IMPORT_ROWS) throw refuse(`一次最多导入 ${MAX_IMPORT_ROWS} 行，文件有 ${rows.length} 行`);
  const columns = matchHeaders(resource, headers, problems);
  if (problems.length) return { rows: rows.length, errors: problems };
  const titles = await titleMaps(records, columns);

  const attempt = records.write(async (trx) => {
    for (const [index, row] of rows.entries()) {
      const body: Row = {};
      const rowProblems: ImportProblem[] = [];
      columns.forEach((column, i) => {
        if (!column) return;
        const [name, field] = column;
        const result = cellValue(field, row.cells[i], 'to' in field ? titles.get(field.to) : undefined);
        if ('message' in result) rowProblems.push({ row: row.number, field: headerOf(field), message: result.message });
        else if (result.value !== undefined) body[name] = result.value;
      });
      if (!rowProblems.length) {
        try {
          await records.create(resource, body, actor, trx);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          const fields = Object.entries(error.errors);
          if (!fields.length) rowProblems.push({ row: row.number, field: '', message: error.label.zh });
          for (const [name, label] of fields) {
            rowProblems.push({ row: row.number, field: resource.fields[name] ? headerOf(resource.fields[name]) : name, message: label.zh });
          }
        }
      }
      problems.push(...rowProblems);
      progress(index + 1, rows.length);
    }
    // Nothing is kept when one row failed, or when only checking.
    if (problems.length || dryRun) throw new DryRunDone();
  });
  try {
    await attempt;
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
    return { rows: rows.length, errors: problems };
  }
  if (rows.length >= ANALYZE_AFTER_ROWS) {
    const tables = [tableName(resource), ...(indexedFields(resource).length ? [searchTableOf(resource.name)] : [])];
    await refreshTableStatistics(records.database.db, records.database.dialect, tables);
  }
  return { rows: rows.length, errors: problems };
}

/** An empty sheet with the register's importable columns, an example note per column and the options. */
export async function importTemplate(resource: ResourceDefinition): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(resource.label.zh.slice(0, 31));
  const fields = sheetFields(resource, 'import');
  sheet.columns = fields.map(([, field]) => ({
    header: headerOf(field), width: Math.max(12, headerOf(field).length * 2 + 2),
    style: field.type === 'text' || field.type === 'longText' ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  fields.forEach(([, field], i) => {
    const cell = header.getCell(i + 1);
    if (field.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.note = hintOf(field);
  });
  const guide = workbook.addWorksheet('填写说明');
  guide.columns = [{ header: '列', width: 24 }, { header: '必填', width: 8 }, { header: '说明', width: 80 }];
  guide.getRow(1).font = { bold: true };
  for (const [, field] of fields) guide.addRow([headerOf(field), field.required ? '是' : '', hintOf(field)]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function hintOf(field: Field): string {
  switch (field.type) {
    case 'enum': return `填写以下之一：${Object.values(field.options).map((o) => o.zh).join('、')}`;
    case 'tags': return `可填多个，用“、”分隔：${Object.values(field.options).map((o) => o.zh).join('、')}`;
    case 'boolean': return '填写“是”或“否”';
    case 'reference': return '填写所引用记录的名称（如律师事务所全称）';
    case 'referenceList': return '填写所引用记录的名称，多个用“、”分隔';
    case 'date': return '日期，如 2026-03-01';
    case 'datetime': return '日期时间，如 2026-03-01 09:30';
    case 'money': return '金额（元），最多两位小数';
    case 'integer': return '整数';
    default: return field.help?.zh ?? '文字';
  }
}
