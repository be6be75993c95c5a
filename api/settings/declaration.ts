import { defineResource } from '../resources/define.js';
import { everyRow } from '../access/rules.js';

/** The centre's settings as one record (id 1), edited by admins; defaults in settings.ts. */
export default defineResource({
  name: 'settings',
  label: { zh: '系统设置', en: 'Settings' },
  titleField: 'centreName',
  fields: {
    centreName: { type: 'text', label: { zh: '法律援助中心名称', en: 'Centre name' }, required: true, maxLength: 100 },
    caseNumberFormat: {
      type: 'text', label: { zh: '案号格式', en: 'Case number format' }, required: true, maxLength: 60,
      pattern: { regex: /\{year\}.*\{seq(:\d)?\}/, message: { zh: '须包含 {year} 和 {seq:4}', en: 'Must contain {year} and {seq:4}' } },
      help: { zh: '{year} 为年份，{seq:4} 为四位顺序号', en: '{year} is the year, {seq:4} the 4-digit sequence' },
    },
    minimumLivingStandard: { type: 'money', label: { zh: '当地最低生活保障标准（元/人·月）', en: 'Minimum living standard (yuan/person/month)' }, required: true, min: 0 },
    hardshipFactor: {
      type: 'money', label: { zh: '经济困难标准倍数', en: 'Hardship factor' }, required: true, min: 0.5, max: 10,
      help: { zh: '经济困难标准 = 最低生活保障标准 × 倍数', en: 'Threshold = minimum living standard × factor' },
    },
    reviewDays: { type: 'integer', label: { zh: '审查期限（日）', en: 'Review within (days)' }, required: true, min: 1, max: 60 },
    assignDays: { type: 'integer', label: { zh: '指派期限（日）', en: 'Assign within (days)' }, required: true, min: 1, max: 30 },
    complaintAcceptWorkingDays: { type: 'integer', label: { zh: '投诉受理期限（工作日）', en: 'Accept complaints within (working days)' }, required: true, min: 1, max: 30 },
    complaintConcludeDays: { type: 'integer', label: { zh: '投诉办结期限（日）', en: 'Conclude complaints within (days)' }, required: true, min: 1, max: 180 },
    complaintReplyWorkingDays: { type: 'integer', label: { zh: '投诉答复期限（工作日）', en: 'Reply within (working days)' }, required: true, min: 1, max: 30 },
    consultationReplyWorkingDays: { type: 'integer', label: { zh: '信函、网络咨询答复期限（工作日）', en: 'Answer letters and online questions within (working days)' }, required: true, min: 1, max: 30 },
    registeredPopulation: { type: 'integer', label: { zh: '户籍人口', en: 'Registered population' }, required: true, min: 1 },
    uploadLimitMb: { type: 'integer', label: { zh: '上传文件大小上限（MB）', en: 'Upload limit (MB)' }, required: true, min: 1, max: 200 },
    uploadUnzippedLimitMb: {
      type: 'integer', label: { zh: '文档解压后大小上限（MB）', en: 'Unpacked document limit (MB)' }, required: true, min: 1, max: 2000,
      help: { zh: 'DOCX、OFD 等压缩包格式的文档，解压后不得超过此大小（防止压缩炸弹）', en: 'A DOCX or OFD may hold at most this much once unpacked (no zip bombs)' },
    },
  },
  access: { read: { admin: everyRow, supervisor: everyRow, lawyer: everyRow, reviewer: everyRow }, create: {}, update: { admin: everyRow }, delete: {} },
  list: {
    columns: ['centreName', 'caseNumberFormat', 'reviewDays', 'assignDays'],
    sort: ['centreName', 'ASC'],
    filters: [],
    search: [],
  },
});
