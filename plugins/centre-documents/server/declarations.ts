// 法律援助文书: the documents the centre issues, one row per issued version; never edited.
import { defineResource, everyRow, lawyerChangeReasons, ownCaseRows } from '../../../api/plugin-kit.js';
import { DOCUMENT_KINDS, DOCUMENT_TITLES } from './templates/document-data.js';

export const documentKinds = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, { zh: DOCUMENT_TITLES[k], en: k.replace('_', ' ') }]));

export const caseDocuments = defineResource({
  name: 'case-documents',
  label: { zh: '法律援助文书', en: 'Issued documents' },
  titleField: 'number',
  fields: {
    caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' }, readOnly: true },
    kind: { type: 'enum', label: { zh: '文书', en: 'Document' }, readOnly: true, options: documentKinds },
    number: { type: 'text', label: { zh: '文号', en: 'Number' }, readOnly: true },
    issuedAt: { type: 'datetime', label: { zh: '签发时间', en: 'Issued at' }, readOnly: true },
    sha256: { type: 'text', label: { zh: 'SHA-256', en: 'SHA-256' }, readOnly: true },
    size: { type: 'integer', label: { zh: '大小（字节）', en: 'Size (bytes)' }, readOnly: true },
    revision: { type: 'integer', label: { zh: '版次', en: 'Revision' }, readOnly: true },
    supersedes: { type: 'integer', label: { zh: '取代的文书', en: 'Supersedes' }, readOnly: true },
    supersededAt: { type: 'datetime', label: { zh: '被重新签发时间', en: 'Re-issued at' }, readOnly: true },
    issuedBy: { type: 'text', label: { zh: '签发人', en: 'Issued by' }, readOnly: true },
    // Only on a change-of-lawyer notice: what it states, kept so a re-issue states the same.
    previousLawyerId: { type: 'reference', to: 'lawyers', label: { zh: '原承办律师', en: 'Previous lawyer' }, readOnly: true },
    changeReason: { type: 'enum', label: { zh: '更换原因', en: 'Reason for the change' }, readOnly: true, options: lawyerChangeReasons },
    changeNote: { type: 'text', label: { zh: '更换说明', en: 'Note on the change' }, readOnly: true, maxLength: 500 },
  },
  access: {
    read: {
      admin: everyRow,
      supervisor: everyRow,
      // A lawyer sees the documents of their own cases only.
      lawyer: ownCaseRows(),
    },
    create: {},
    update: {},
    delete: {},
    actions: {
      reissue: { roles: { admin: everyRow }, refusal: { zh: '只有中心管理员可以重新签发文书', en: 'Only an admin may re-issue a document' } },
    },
  },
  list: {
    columns: ['issuedAt', 'caseId', 'kind', 'number', 'revision', 'supersededAt', 'issuedBy'],
    sort: ['issuedAt', 'DESC'],
    filters: ['caseId', 'kind', 'supersededAt'],
    search: ['number', 'sha256'],
  },
});
