// /api/openapi.json entries for the indicators, the reports and the registers' spreadsheets.
import type { ResourceDefinition } from '../resources/define.js';
import { IMPORTABLE } from '../spreadsheets/routes.js';

const year = { name: 'year', in: 'query', schema: { type: 'integer', minimum: 1990, maximum: 2100 } };
const listParams = ['filter', 'sort'].map((name) => ({ name, in: 'query', schema: { type: 'string' }, description: 'As on the list (JSON)' }));
const file = (type: string) => ({ 200: { description: 'The file', content: { [type]: { schema: { type: 'string', format: 'binary' } } } } });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reportPaths(resources: ResourceDefinition[]): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    '/api/indicators': { get: { summary: "The year's indicators against their targets, with monthly trends and breakdowns (admin, supervisor)", parameters: [year], responses: { 200: { description: '{ year, indicators: [{ id, label, numerator, denominator, value, target, met, trend }], … }' } } } },
    '/api/home': { get: { summary: "Every figure of the console's home page for the signed-in role in one answer: the year's indicators or the lawyer's own work, the count cards, each readable register's size, and the enabled plugins' home data", parameters: [year], responses: { 200: { description: '{ year, indicators, mine, cards: { cardId: total }, registers: { register: total }, plugins: { plugin: data } }' } } } },
    '/api/indicators/mine': { get: { summary: "A lawyer's own cases by state, missing outcomes, grades and subsidies", responses: { 200: { description: 'Figures' } } } },
    '/api/reports/yearly.xlsx': { get: { summary: 'The yearly report with the Ministry statistical table', parameters: [year], responses: file(XLSX) } },
    '/api/reports/yearly.pdf': { get: { summary: 'The yearly report as a PDF', parameters: [year], responses: file('application/pdf') } },
  };
  for (const resource of resources) {
    paths[`/api/${resource.name}/export.xlsx`] = { get: { summary: `${resource.label.en}: the list as XLSX (Chinese headers and labels)`, parameters: listParams, responses: file(XLSX) } };
    paths[`/api/${resource.name}/export.csv`] = { get: { summary: `${resource.label.en}: the list as CSV (UTF-8 with BOM)`, parameters: listParams, responses: file('text/csv') } };
    if (!IMPORTABLE.includes(resource.name)) continue;
    paths[`/api/${resource.name}/import-template.xlsx`] = { get: { summary: `${resource.label.en}: the import template`, responses: file(XLSX) } };
    paths[`/api/${resource.name}/import`] = { post: {
      summary: `${resource.label.en}: import an XLSX or CSV, all rows or none`,
      parameters: [{ name: 'dryRun', in: 'query', schema: { type: 'string', enum: ['1'] }, description: 'Check only; keep nothing' }],
      requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } } },
      responses: { 200: { description: '{ rows, errors: [] } (dry run)' }, 201: { description: 'Imported' }, 422: { description: '{ message, rows, errors: [{ row, field, message }] }: nothing imported' } },
    } };
  }
  return paths;
}
