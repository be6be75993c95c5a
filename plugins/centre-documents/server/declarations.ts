// 法律援助文书: the documents the centre issues, one row per issued version; never edited.
import { defineResource, everyRow, lawyerChangeReasons, ownCaseRows, type Field } from '../../../api/plugin-kit.js';
import { DEFAULT_NUMBER_FORMATS, DOCUMENT_KINDS, DOCUMENT_TITLES } from './templates/document-data.js';

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

const defaults = DOCUMENT_KINDS.map((k) => `${DOCUMENT_TITLES[k]} ${DEFAULT_NUMBER_FORMATS[k]}`).join('；');

/** The setting `documentNumberFormats`: a numbering format per kind, in the settings' 中心与案号 section. */
export const settingsFields = {
  documentNumberFormats: {
    type: 'list', label: { zh: '文书编号格式', en: 'Document number formats' }, maxItems: DOCUMENT_KINDS.length, section: 'centre',
    help: {
      zh: `未设置的文书按默认格式编号：${defaults}。{year} 为年份，{seq:4} 为四位年度顺序号；例：（{year}）援决字第{seq:4}号 → （2026）援决字第0012号`,
      en: 'Kinds not listed use the default format. {year} is the year, {seq:4} the yearly sequence padded to 4 digits; e.g. （{year}）援决字第{seq:4}号 → （2026）援决字第0012号',
    },
    of: {
      kind: { type: 'enum', label: { zh: '文书', en: 'Document' }, required: true, options: documentKinds },
      format: {
        type: 'text', label: { zh: '编号格式', en: 'Format' }, required: true, maxLength: 60,
        pattern: { regex: /\{seq(?::[1-9])?\}/, message: { zh: '须包含顺序号 {seq} 或 {seq:4}', en: 'Must contain the sequence {seq} or {seq:4}' } },
      },
    },
  },
} satisfies Record<string, Field>;
