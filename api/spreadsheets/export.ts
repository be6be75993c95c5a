// A register's list as a spreadsheet: the list's own filter, sort, row rules and masking (rows are
// read through Records.list, page by page), with Chinese headers and labels.
import { newWorkbook } from './workbook.js';
import Papa from 'papaparse';
import type { Actor, Field, ResourceDefinition, Row } from '../resources/define.js';
import { readerView, type ReaderView } from '../access/enforce.js';
import { readableTitles, titleSeenIn } from '../rest/reference-titles.js';
import { MAX_PAGE, type ListQuery } from '../rest/list-query.js';
import type { Records } from '../rest/records.js';
import { ApiError } from '../rest/errors.js';
import { cellOf, headerOf, isTextField, neutralised, sheetFields } from './cells.js';
import { textCell } from './csv.js';

/** At most this many rows per file (a spreadsheet program's practical size, and the server's memory). */
export const MAX_EXPORT_ROWS = 100_000;

/** The sheet's columns: the record number, then every readable field. */
function exportColumns(resource: ResourceDefinition): [string, Field][] {
  return [['id', { type: 'integer', label: { zh: '编号', en: 'ID' } }], ...sheetFields(resource, 'export')];
}

/** Every row the list would show for this filter and sort (all pages), as shown cells. */
export async function exportTable(records: Records, resource: ResourceDefinition, query: ListQuery, actor: Actor) {
  const columns = exportColumns(resource);
  const rows: Row[] = [];
  for (let start = 0; ; start += MAX_PAGE) {
    const page = await records.list(resource, { ...query, range: [start, start + MAX_PAGE - 1] }, actor);
    if (page.total > MAX_EXPORT_ROWS) {
      throw new ApiError(422, {
        zh: `共 ${page.total} 行，一次最多导出 ${MAX_EXPORT_ROWS} 行：请先用筛选条件缩小范围`,
        en: `${page.total} rows: at most ${MAX_EXPORT_ROWS} per export; narrow the filter first`,
      });
    }
    rows.push(...page.rows);
    if (page.rows.length < MAX_PAGE) break;
  }
  const titles = await readableTitles(records, resource, rows, actor, columns.map(([name]) => name));
  const view = await readerView(resource, actor, records.database.db);
  return {
    headers: columns.map(([, field]) => headerOf(field)),
    columns,
    cells: rows.map((row) => columns.map(([name, field]) => {
      const cell = cellOf(field, row[name], seenTitles(row, titles.get(name), view));
      return typeof cell === 'string' ? neutralised(cell) : cell;
    })),
  };
}

/** A row's referenced titles as its reader sees them (through the row's redaction). */
function seenTitles(row: Row, titles: Map<number, string> | undefined, view: ReaderView): Map<number, string> | undefined {
  if (!titles || !view.redaction) return titles;
  return new Map([...titles.keys()].map((id) => [id, titleSeenIn(row, titles, id, view)!]));
}

export async function toXlsx(sheetName: string, table: Awaited<ReturnType<typeof exportTable>>): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = table.columns.map(([, field], i) => ({
    header: table.headers[i],
    width: Math.max(10, table.headers[i].length * 2 + 2),
    // ID numbers, phones and licence numbers stay text, never a number in scientific notation.
    style: isTextField(field) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.cells) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** UTF-8 with a byte-order mark, so that Excel opens the Chinese as Chinese. */
export function toCsv(table: Awaited<ReturnType<typeof exportTable>>): string {
  const text = table.columns.map(([, field]) => isTextField(field));
  // Digits kept as text (ID, licence and phone numbers): a tab inside the quotes (see csv.ts).
  const data = table.cells.map((r) => r.map((c, i) => (text[i] && typeof c === 'string' ? textCell(c) : c ?? '')));
  return `\uFEFF${Papa.unparse({ fields: table.headers, data }, { newline: '\r\n', quotes: text })}`;
}
