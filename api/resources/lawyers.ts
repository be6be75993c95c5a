import { defineResource } from './define.js';
import { everyRow, ownLawyerRows } from '../access/rules.js';
import { gender, phone, specialties } from './options.js';
import { licenceNumberPattern } from '../identifiers.js';

export default defineResource({
  name: 'lawyers',
  label: { zh: '律师', en: 'Lawyers' },
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { zh: '姓名', en: 'Name' }, required: true, maxLength: 50 },
    gender: { type: 'enum', label: { zh: '性别', en: 'Gender' }, options: gender },
    licenseNo: {
      type: 'text', label: { zh: '执业证号', en: 'Practising certificate no.' }, required: true, unique: true,
      pattern: { regex: licenceNumberPattern, message: { zh: '执业证号应为 17 位数字', en: 'A practising certificate number has 17 digits' } },
    },
    lawyerType: {
      type: 'enum', label: { zh: '人员类别', en: 'Type' }, required: true, default: 'practising',
      options: {
        practising: { zh: '社会律师', en: 'Practising lawyer' },
        legal_aid: { zh: '法援律师', en: 'Legal aid lawyer' },
        public: { zh: '公职律师', en: 'Public-sector lawyer' },
        grassroots: { zh: '基层法律服务工作者', en: 'Grassroots legal worker' },
      },
    },
    lawFirmId: { type: 'reference', to: 'law-firms', label: { zh: '律师事务所', en: 'Law firm' } },
    practiceStartDate: { type: 'date', label: { zh: '执业起始日期', en: 'Practising since' }, notAfter: 'today' },
    specialties: { type: 'tags', label: { zh: '专长', en: 'Specialties' }, options: specialties },
    phone: { type: 'text', label: { zh: '电话', en: 'Phone' }, pattern: phone },
    email: {
      type: 'text', label: { zh: '电子邮箱', en: 'Email' }, maxLength: 100,
      pattern: { regex: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, message: { zh: '电子邮箱格式不正确', en: 'Not a valid email address' } },
    },
    active: { type: 'boolean', label: { zh: '在岗', en: 'Active' }, default: true },
  },
  sections: [
    { id: 'basic', label: { zh: '基本信息', en: 'Basic details' }, fields: ['name', 'gender', 'lawyerType', 'active'] },
    { id: 'practice', label: { zh: '执业信息', en: 'Practice' }, fields: ['licenseNo', 'lawFirmId', 'practiceStartDate', 'specialties'] },
    { id: 'contact', label: { zh: '联系方式', en: 'Contact' }, fields: ['phone', 'email'] },
  ],
  access: {
    read: { admin: everyRow, supervisor: everyRow, reviewer: everyRow, lawyer: ownLawyerRows('id') },
    create: { admin: everyRow },
    update: { admin: everyRow, lawyer: ownLawyerRows('id') },
    delete: { admin: everyRow },
    writableFields: { lawyer: ['phone', 'email'] },
  },
  list: {
    columns: ['name', 'licenseNo', 'lawyerType', 'lawFirmId', 'practiceStartDate', 'specialties', 'active'],
    sort: ['name', 'ASC'],
    filters: ['lawyerType', 'lawFirmId', 'specialties', 'active', 'practiceStartDate'],
    search: ['name', 'licenseNo', 'phone', 'email'],
    searchIndex: true,
  },
});
