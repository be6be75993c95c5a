// 法律援助文书: the centre's own documents, generated from the case at the transition that calls
// for each, sealed with the centre's certificate, kept by content, and filling their checklist items.
import { CHECKLIST_SUPPLY, definePlugin } from '../../../api/plugin-kit.js';
import { issuedDocumentsSupply } from './checklist-supply.js';
import { caseDocuments, settingsFields } from './declarations.js';
import { issueOnTransition } from './effects.js';
import { caseDocumentRoutes } from './routes.js';
import { centreSeal } from './seal.js';

export default definePlugin({
  name: 'centre-documents',
  label: { zh: '法律援助文书与电子印章', en: 'Issued documents and electronic seal' },
  description: { zh: '受理、指派、终止、结案时自动生成并加盖电子印章的法律援助文书', en: 'Sealed documents generated at acceptance, assignment, termination and closing' },
  resources: [caseDocuments],
  fields: { settings: settingsFields },
  routes: caseDocumentRoutes,
  // At start: the centre's certificate loaded (a development one generated if needed, and said so).
  start: async (ctx) => {
    centreSeal(ctx.config.dataDir);
  },
  effects: issueOnTransition,
  contributes: { [CHECKLIST_SUPPLY]: [issuedDocumentsSupply] },
  openapi: {
    '/api/case-documents/{id}/download': { get: { tags: ['centre-documents'], summary: 'The sealed PDF (inline=1 to preview)', responses: { 200: { description: 'application/pdf' } } } },
    '/api/case-documents/{id}/reissue': { post: { tags: ['centre-documents'], summary: 'Re-issue: a new sealed version; the old one is kept', responses: { 201: { description: 'The new version' }, 409: { description: 'Already re-issued' } } } },
  },
});
