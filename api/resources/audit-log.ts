import { defineResource } from './define.js';
import { describeEntries, type StoredEntry } from '../audit/readable.js';
import { everyRow } from '../access/rules.js';

/** Append-only: written by the server on every change and sign-in; no role may change it. */
export default defineResource({
  name: 'audit-log',
  label: { zh: '操作日志', en: 'Audit log' },
  titleField: 'action',
  fields: {
    at: { type: 'datetime', label: { zh: '时间', en: 'Time' }, readOnly: true },
    actorId: { type: 'text', label: { zh: '操作人编号', en: 'Actor id' }, readOnly: true },
    actorEmail: { type: 'text', label: { zh: '操作人', en: 'Actor' }, readOnly: true },
    action: { type: 'text', label: { zh: '操作', en: 'Action' }, readOnly: true },
    resource: { type: 'text', label: { zh: '登记簿', en: 'Register' }, readOnly: true },
    recordId: { type: 'text', label: { zh: '记录编号', en: 'Record id' }, readOnly: true },
    changes: { type: 'longText', label: { zh: '变更内容', en: 'Changes' }, readOnly: true },
    ip: { type: 'text', label: { zh: 'IP 地址', en: 'IP address' }, readOnly: true },
  },
  sections: [
    { id: 'entry', label: { zh: '操作记录', en: 'Entry' }, fields: ['at', 'actorId', 'actorEmail', 'action', 'resource', 'recordId', 'ip', 'changes'] },
  ],
  // The entry in the centre's language beside its raw values (which exports keep).
  presented: { readable: { zh: '该条记录的可读说明（时间、操作人、操作、变更）', en: 'The entry in the centre\'s words (time, who, action, changes)' } },
  present: async (rows, { db, registers, settings }) => {
    const readable = await describeEntries(db, rows as unknown as StoredEntry[], registers, settings);
    return rows.map((row, i) => ({ ...row, readable: readable[i] }));
  },
  access: { read: { admin: everyRow }, create: {}, update: {}, delete: {} },
  list: {
    columns: ['at', 'actorEmail', 'action', 'resource', 'recordId'],
    sort: ['at', 'DESC'],
    filters: ['actorEmail', 'action', 'resource', 'recordId', 'at'],
    search: ['actorEmail', 'action', 'resource', 'recordId', 'changes'],
  },
});
