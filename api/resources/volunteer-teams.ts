import { defineResource } from './define.js';
import { everyRow, ownLawyerRows } from '../access/rules.js';

export default defineResource({
  name: 'volunteer-teams',
  label: { zh: '志愿者队伍', en: 'Volunteer teams' },
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { zh: '名称', en: 'Name' }, required: true, unique: true, maxLength: 100 },
    focus: {
      type: 'enum', label: { zh: '服务方向', en: 'Focus' }, required: true,
      options: {
        petition: { zh: '涉法涉诉信访', en: 'Petitions' },
        migrant_workers: { zh: '农民工', en: 'Migrant workers' },
        minors: { zh: '未成年人', en: 'Minors' },
        women: { zh: '妇女', en: 'Women' },
        elderly: { zh: '老年人', en: 'Elderly' },
        disabled: { zh: '残疾人', en: 'Disabled people' },
        military: { zh: '军人军属', en: 'Military families' },
        other: { zh: '其他', en: 'Other' },
      },
    },
    leaderId: { type: 'reference', to: 'lawyers', label: { zh: '负责人', en: 'Leader' } },
    memberIds: { type: 'referenceList', to: 'lawyers', label: { zh: '成员', en: 'Members' } },
    establishedAt: { type: 'date', label: { zh: '成立日期', en: 'Established' } },
    description: { type: 'longText', label: { zh: '简介', en: 'Description' }, maxLength: 2000 },
  },
  sections: [
    { id: 'basic', label: { zh: '基本信息', en: 'Basic details' }, fields: ['name', 'focus', 'establishedAt', 'description'] },
    { id: 'members', label: { zh: '负责人与成员', en: 'Leader and members' }, fields: ['leaderId', 'memberIds'] },
  ],
  access: {
    read: { admin: everyRow, supervisor: everyRow, reviewer: everyRow, lawyer: ownLawyerRows('memberIds') },
    create: { admin: everyRow },
    update: { admin: everyRow },
    delete: { admin: everyRow },
  },
  list: {
    columns: ['name', 'focus', 'leaderId', 'memberIds', 'establishedAt'],
    sort: ['name', 'ASC'],
    filters: ['focus', 'leaderId', 'memberIds'],
    search: ['name', 'description'],
  },
});
