// The wording of the centre's letters, after the Ministry of Justice's 法律援助文书格式 and the
// Legal Aid Law of 2021 (第四十三条 decision and assignment, 第四十八条 termination, 第四十九条 objections).
import { chineseDate } from '../../../../api/plugin-kit-pdf.js';
import type { DocumentData, DocumentKind } from './document-data.js';

export interface LetterWording {
  /** The addressee line, ending in a full-width colon. */
  addressee: string;
  paragraphs: string[];
  /** Listed under the body: 附：… */
  attachments?: string[];
  /** 抄送：…, under the signature. */
  copiesTo?: string[];
}

const LAW = '《中华人民共和国法律援助法》';
/** 司法部《办理法律援助案件程序规定》(2023): the change of the aid lawyer at the client's request or the lawyer's. */
const PROCEDURE = '《办理法律援助案件程序规定》';

const DEFAULT_BASIS: Partial<Record<DocumentKind, string>> = {
  decision_grant: '第四十三条',
  decision_refuse: '第四十三条',
  assignment_notice: '第四十三条',
  official_letter: '第四十三条',
  termination: '第四十八条',
};

const basis = (kind: DocumentKind, data: DocumentData) => `${LAW}${data.legalBasis ?? DEFAULT_BASIS[kind]}`;

const applied = (data: DocumentData) =>
  data.appliedOn ? `你（单位）于${chineseDate(data.appliedOn)}申请的${data.cause}一案` : `你（单位）申请的${data.cause}一案`;

const objection = (data: DocumentData, subject: string) =>
  `如对本决定有异议，可以依照${LAW}第四十九条的规定，向${data.supervisingAuthority ?? '设立本机构的司法行政部门'}提出${subject}。`;

function required<T>(value: T | undefined, what: string, kind: DocumentKind): T {
  if (value === undefined || value === '') throw new RangeError(`${kind} needs ${what}`);
  return value;
}

export function letterWording(kind: Exclude<DocumentKind, 'closing_approval'>, data: DocumentData): LetterWording {
  switch (kind) {
    case 'decision_grant': {
      const aidForm = required(data.aidForm, 'aidForm', kind);
      const assigned = data.lawyer ? `本机构已指派${data.lawyer.firm}${data.lawyer.name}律师为你（单位）提供法律援助。` : '';
      return {
        addressee: `${data.applicant.name}：`,
        paragraphs: [
          `${applied(data)}，经审查，符合法律援助条件。根据${basis(kind, data)}的规定，决定给予法律援助，提供法律援助的方式为${aidForm}。${assigned}`,
          '请你（单位）如实陈述与案件有关的情况，及时提供证据材料，协助、配合法律援助人员办理案件。受援人以欺骗或者其他不正当手段获得法律援助、故意隐瞒重要事实或者提供虚假证据的，本机构将终止法律援助。',
        ],
      };
    }
    case 'decision_refuse':
      return {
        addressee: `${data.applicant.name}：`,
        paragraphs: [
          `${applied(data)}，经审查，${required(data.reasons, 'reasons', kind)}，不符合法律援助条件。根据${basis(kind, data)}的规定，决定不予法律援助。`,
          objection(data, '异议'),
        ],
      };
    case 'assignment_notice': {
      const lawyer = required(data.lawyer, 'lawyer', kind);
      return {
        addressee: `${lawyer.firm}：`,
        paragraphs: [
          `本机构已决定对${data.applicant.name}${data.cause}一案（案号：${data.caseNumber}）给予法律援助，提供法律援助的方式为${required(data.aidForm, 'aidForm', kind)}。根据${basis(kind, data)}的规定，现指派你所${lawyer.name}律师承办。`,
          '请你所督促承办律师及时会见或者联系受援人，签订委托协议，依法履行法律援助职责，遵守法律援助服务规范，并于案件办结后三十日内向本机构提交结案材料。',
        ],
        attachments: ['给予法律援助决定书', '法律援助申请材料'],
      };
    }
    case 'official_letter': {
      const lawyer = required(data.lawyer, 'lawyer', kind);
      return {
        addressee: `${required(data.authority, 'authority', kind)}：`,
        paragraphs: [
          `根据${basis(kind, data)}的规定，本机构决定对${data.applicant.name}${data.cause}一案提供法律援助，指派${lawyer.firm}${lawyer.name}律师担任其${data.lawyerRole ?? '诉讼代理人'}。请予接洽，并依法为承办律师履行职责提供便利。`,
          '特此函告。',
        ],
      };
    }
    case 'termination': {
      const granted = data.grantedOn ? `本机构于${chineseDate(data.grantedOn)}决定给予法律援助的` : '本机构决定给予法律援助的';
      return {
        addressee: `${data.applicant.name}：`,
        paragraphs: [
          `${granted}${data.cause}一案（案号：${data.caseNumber}），因${required(data.reasons, 'reasons', kind)}，根据${basis(kind, data)}的规定，决定终止法律援助。`,
          objection(data, '异议'),
        ],
      };
    }
    case 'change_notice': {
      const change = required(data.change, 'change', kind);
      const lawyer = required(data.lawyer, 'lawyer', kind);
      const note = change.note ? `（${change.note.replace(/[。；;.\s]+$/u, '')}）` : '';
      return {
        addressee: `${data.applicant.name}：`,
        paragraphs: [
          `本机构对你（单位）${data.cause}一案（案号：${data.caseNumber}）给予法律援助，原指派${change.previousLawyer.firm}${change.previousLawyer.name}律师承办。因${change.reason}${note}，根据${PROCEDURE}的有关规定，本机构决定更换法律援助人员，现指派${lawyer.firm}${lawyer.name}律师继续承办。`,
          '原法律援助人员自本通知送达之日起不再承办本案。请你（单位）与新指派的法律援助人员联系，配合其依法办理案件。特此通知。',
        ],
        copiesTo: [...new Set([change.previousLawyer.firm, lawyer.firm].filter(Boolean))],
      };
    }
  }
}
