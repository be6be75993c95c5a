// Exports are safe to open: a cell a spreadsheet would run as a formula is neutralised, and ID,
// licence and phone numbers stay text (no 3.31E+17), in the CSV the API writes.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQuery, startTestFayuan, type TestFayuan } from '../support/fayuan.js';

let t: TestFayuan;
beforeAll(async () => { t = await startTestFayuan({ cases: 30 }); });
afterAll(async () => { await t?.close(); });

async function exportedRow(id: number): Promise<Record<string, string>> {
  const res = await t.api('admin', `/api/cases/export.csv${listQuery({ filter: { id: [id] } })}`);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, so Excel reads UTF-8
  const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true });
  expect(parsed.data).toHaveLength(1);
  return parsed.data[0];
}

describe('the CSV export', () => {
  it('prefixes text beginning with = + - @ with an apostrophe, and leaves ordinary text alone', async () => {
    const [first] = await (await t.api('admin', `/api/cases${listQuery({ sort: ['id', 'ASC'], range: [0, 0], filter: { status: ['applied', 'reviewing', 'accepted', 'assigned', 'in_progress'] } })}`)).json();
    for (const [cause, shown] of [
      ['=HYPERLINK("http://evil.example","点此")', `'=HYPERLINK("http://evil.example","点此")`],
      ['+1+1', "'+1+1"], ['-2+3', "'-2+3"], ['@SUM(A1)', "'@SUM(A1)"], ['劳动报酬', '劳动报酬'],
    ]) {
      const current = await (await t.api('admin', `/api/cases/${first.id}`)).json();
      const put = await t.api('admin', `/api/cases/${first.id}`, { method: 'PUT', body: { ...current, causeOfAction: cause } });
      expect(put.status, await put.clone().text()).toBe(200);
      expect((await exportedRow(first.id))['案由']).toBe(shown);
    }
  });

  it('keeps ID and phone numbers as text: a tab inside the quotes, which Excel and WPS read as text', async () => {
    const [first] = await (await t.api('admin', `/api/cases${listQuery({ sort: ['id', 'ASC'], range: [0, 0] })}`)).json();
    const res = await t.api('admin', `/api/cases/export.csv${listQuery({ filter: { id: [first.id] } })}`);
    const text = await res.text();
    expect(first.applicantIdNumber).toMatch(/^\d{17}[\dX]$/);
    expect(text).toContain(`"\t${first.applicantIdNumber}"`);
    if (first.applicantPhone) expect(text).toContain(`"\t${first.applicantPhone}"`);
    const row = await exportedRow(first.id);
    expect(Object.values(row)).toContain(`\t${first.applicantIdNumber}`);
  });
});
