import { defineResource } from './define.js';
import { everyRow } from '../access/rules.js';
import { phone } from './options.js';
import { inOrder } from './record-rules.js';

export default defineResource({
  name: 'law-firms',
  label: { zh: '律师事务所', en: 'Law firms' },
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { zh: '名称', en: 'Name' }, required: true, unique: true, maxLength: 100 },
    licenseNo: { type: 'text', label: { zh: '执业许可证号', en: 'Licence no.' }, unique: true, maxLength: 40 },
    address: { type: 'text', label: { zh: '地址', en: 'Address' }, maxLength: 200 },
    phone: { type: 'text', label: { zh: '电话', en: 'Phone' }, pattern: phone },
    isContracted: {
      type: 'boolean', label: { zh: '政府购买服务承接主体', en: 'Contracted' }, default: false,
      help: { zh: '纳入政府购买法律援助服务承接主体范围', en: 'Contracted to provide government-funded legal aid' },
    },
    contractStart: { type: 'date', label: { zh: '合同开始', en: 'Contract start' } },
    contractEnd: { type: 'date', label: { zh: '合同结束', en: 'Contract end' } },
    active: { type: 'boolean', label: { zh: '执业中', en: 'Active' }, default: true },
  },
  rules: [inOrder('contractStart', 'contractEnd')],
  sections: [
    { id: 'basic', label: { zh: '基本信息', en: 'Basic details' }, fields: ['name', 'licenseNo', 'active'] },
    { id: 'contact', label: { zh: '联系方式', en: 'Contact' }, fields: ['address', 'phone'] },
    { id: 'contract', label: { zh: '政府购买服务', en: 'Government contract' }, fields: ['isContracted', 'contractStart', 'contractEnd'] },
  ],
  access: {
    read: {
      admin: everyRow, supervisor: everyRow, reviewer: everyRow,
      lawyer: async (actor, db) => {
        const own = await db.selectFrom('lawyers').select('lawFirmId').where('id', '=', actor.lawyerId ?? -1).executeTakeFirst();
        return { id: own?.lawFirmId ? [own.lawFirmId] : [] };
      },
    },
    create: { admin: everyRow },
    update: { admin: everyRow },
    delete: { admin: everyRow },
  },
  list: {
    columns: ['name', 'licenseNo', 'phone', 'isContracted', 'contractEnd'],
    sort: ['name', 'ASC'],
    filters: ['isContracted', 'contractEnd', 'active'],
    search: ['name', 'licenseNo', 'address'],
  },
});
