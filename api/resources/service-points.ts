import { defineResource } from './define.js';
import { readableByStaff } from '../access/rules.js';
import { phone } from './options.js';

export default defineResource({
  name: 'service-points',
  label: { zh: '服务点', en: 'Service points' },
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { zh: '名称', en: 'Name' }, required: true, unique: true, maxLength: 100 },
    kind: {
      type: 'enum', label: { zh: '类型', en: 'Kind' }, required: true,
      options: {
        intake_point: { zh: '受理点', en: 'Intake point' },
        workstation: { zh: '工作站', en: 'Workstation' },
        liaison_point: { zh: '联系点', en: 'Liaison point' },
      },
    },
    hostType: {
      type: 'enum', label: { zh: '设立单位', en: 'Host' }, required: true,
      options: {
        law_firm: { zh: '律师事务所', en: 'Law firm' },
        youth_league: { zh: '团委', en: 'Youth League' },
        womens_federation: { zh: '妇联', en: "Women's Federation" },
        disabled_federation: { zh: '残联', en: "Disabled Persons' Federation" },
        aging_committee: { zh: '老龄委', en: 'Committee on Ageing' },
        court: { zh: '法院', en: 'Court' },
        procuratorate: { zh: '检察院', en: 'Procuratorate' },
        petition_bureau: { zh: '信访局', en: 'Petitions bureau' },
        detention_centre: { zh: '看守所', en: 'Detention centre' },
        military_unit: { zh: '军营', en: 'Military unit' },
        township: { zh: '乡镇', en: 'Township' },
        ethnic_minority: { zh: '少数民族联系点', en: 'Ethnic minority liaison' },
        other: { zh: '其他', en: 'Other' },
      },
    },
    address: { type: 'text', label: { zh: '地址', en: 'Address' }, maxLength: 200 },
    contactName: { type: 'text', label: { zh: '联系人', en: 'Contact' }, maxLength: 50 },
    phone: { type: 'text', label: { zh: '电话', en: 'Phone' }, pattern: phone },
    active: { type: 'boolean', label: { zh: '启用', en: 'Active' }, default: true },
  },
  // Service points are posted publicly; every role may read them.
  sections: [
    { id: 'basic', label: { zh: '基本信息', en: 'Basic details' }, fields: ['name', 'kind', 'hostType', 'active'] },
    { id: 'contact', label: { zh: '地址与联系方式', en: 'Address and contact' }, fields: ['address', 'contactName', 'phone'] },
  ],
  access: readableByStaff,
  list: {
    columns: ['name', 'kind', 'hostType', 'contactName', 'phone', 'active'],
    sort: ['name', 'ASC'],
    filters: ['kind', 'hostType', 'active'],
    search: ['name', 'address', 'contactName'],
  },
});
