// ExcelJS is loaded when the first workbook is made, not at start-up: importing it costs as much
// as the rest of the API's modules together.
import type ExcelJS from 'exceljs';

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}
