// Enumerations used by more than one register.
import type { Options } from './define.js';
import { phonePattern } from '../identifiers.js';

export const gender: Options = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

export const caseTypes: Options = {
  criminal: { zh: '刑事', en: 'Criminal' },
  civil: { zh: '民事', en: 'Civil' },
  administrative: { zh: '行政', en: 'Administrative' },
  arbitration: { zh: '仲裁', en: 'Arbitration' },
  non_litigation: { zh: '非诉讼', en: 'Non-litigation' },
};

/** The four quality grades of 一案一评 (a case's grade, and the bands of the shipped forms). */
export const qualityGrades: Options = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
};

export const specialties: Options = {
  criminal: { zh: '刑事', en: 'Criminal' },
  minors: { zh: '未成年人', en: 'Minors' },
  labour: { zh: '劳动争议', en: 'Labour' },
  family: { zh: '婚姻家庭', en: 'Family' },
  administrative: { zh: '行政', en: 'Administrative' },
  contract: { zh: '合同', en: 'Contract' },
  tort: { zh: '侵权', en: 'Tort' },
  land: { zh: '土地承包', en: 'Land' },
  petition: { zh: '涉法涉诉信访', en: 'Petitions' },
};

export const phone = {
  regex: phonePattern,
  message: { zh: '应为 11 位手机号或带区号的固定电话（如 0576-82345678）', en: 'A mainland mobile (11 digits) or a landline with its area code (e.g. 0576-82345678)' },
};
