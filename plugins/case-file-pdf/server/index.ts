// 标准卷宗导出: a case's whole standard file as one PDF, and batches of them as a ZIP made by a
// background job in worker threads.
import { definePlugin } from '../../../api/plugin-kit.js';
import { caseFileExports } from './exports/declaration.js';
import { exportRunner } from './exports/runner.js';
import { caseFilePdfRoutes } from './routes.js';

export default definePlugin({
  name: 'case-file-pdf',
  label: { zh: '标准卷宗导出', en: 'Standard case-file export' },
  description: { zh: '按卷宗模板装订顺序导出案件的标准卷宗 PDF，支持批量导出为 ZIP', en: "A case's standard file as a PDF; batches as a ZIP" },
  resources: [caseFileExports],
  routes: caseFilePdfRoutes,
  start: (ctx) => exportRunner(ctx).recover(),
  casePanels: [{ id: 'case-file', label: { zh: '标准卷宗', en: 'Standard case file' }, roles: ['admin', 'supervisor', 'lawyer'] }],
  openapi: {
    '/api/cases/{id}/case-file.pdf': { get: { tags: ['case-file-pdf'], summary: "The case's standard file (download=1 for an attachment)", responses: { 200: { description: 'application/pdf' }, 404: { description: 'Not found or out of reach' } } } },
    '/api/case-file-exports': { post: { tags: ['case-file-pdf'], summary: 'Start a batch export: { ids } or { filter } (the cases list filter)', responses: { 201: { description: 'The queued job' }, 400: { description: 'Bad input' } } } },
    '/api/case-file-exports/{id}/cancel': { post: { tags: ['case-file-pdf'], summary: 'Cancel a queued or running export', responses: { 200: { description: 'The cancelled job' }, 409: { description: 'Already ended' } } } },
    '/api/case-file-exports/{id}/download': { get: { tags: ['case-file-pdf'], summary: 'The ZIP of PDFs', responses: { 200: { description: 'application/zip' }, 409: { description: 'Not done yet' } } } },
  },
});
