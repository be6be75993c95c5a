// What each of the centre's documents (法律援助文书) is made from, as plain data the caller fills.

export const DOCUMENT_KINDS = [
  'decision_grant',
  'decision_refuse',
  'assignment_notice',
  'official_letter',
  'termination',
  'closing_approval',
  'change_notice',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  decision_grant: '给予法律援助决定书',
  decision_refuse: '不予法律援助决定书',
  assignment_notice: '指派通知书',
  official_letter: '法律援助公函',
  termination: '终止法律援助决定书',
  closing_approval: '法律援助案件结案审批表',
  change_notice: '更换法律援助人员通知书',
};

/** Default numbering formats (a setting): {year} the issuing year, {seq:N} the yearly sequence padded to N digits. */
export const DEFAULT_NUMBER_FORMATS: Record<DocumentKind, string> = {
  decision_grant: '（{year}）援决字第{seq:4}号',
  decision_refuse: '（{year}）援决字第{seq:4}号',
  assignment_notice: '（{year}）援指字第{seq:4}号',
  official_letter: '（{year}）援函字第{seq:4}号',
  termination: '（{year}）援终字第{seq:4}号',
  closing_approval: '（{year}）援结字第{seq:4}号',
  change_notice: '（{year}）援更字第{seq:4}号',
};

/** `（{year}）援决字第{seq:4}号` with 2026 and 12 → （2026）援决字第0012号. */
export function formatDocumentNumber(format: string, { year, seq }: { year: number; seq: number }): string {
  return format
    .replaceAll('{year}', String(year))
    .replace(/\{seq(?::(\d+))?\}/g, (_, width?: string) => String(seq).padStart(Number(width ?? 0), '0'));
}

export interface DocumentParty {
  name: string;
  /** Already masked by the caller where the reader may not see it. */
  idNumber?: string;
  address?: string;
  phone?: string;
}

export interface DocumentData {
  centreName: string;
  /** The document's own number, formatted with formatDocumentNumber. */
  number: string;
  /** ISO date of issue: the date under the seal. */
  issuedOn: string;
  caseNumber: string;
  applicant: DocumentParty;
  /** 刑事 / 民事 / 行政 / 国家赔偿 / …, in Chinese. */
  caseType: string;
  /** 案由, e.g. 劳动争议. */
  cause: string;
  /** ISO date the application was received. */
  appliedOn?: string;
  /** ISO date of the decision to grant aid (the termination cites it). */
  grantedOn?: string;
  /** 提供法律援助的方式, e.g. 民事诉讼代理 / 刑事辩护 / 代理劳动争议仲裁. */
  aidForm?: string;
  /** The role the lawyer takes, for the letter, e.g. 辩护人 / 诉讼代理人. */
  lawyerRole?: string;
  lawyer?: { name: string; firm: string; phone?: string };
  /** The authority the official letter goes to (court, procuratorate, police). */
  authority?: string;
  /** Why aid is refused or terminated; one sentence, in Chinese. */
  reasons?: string;
  /** The articles of the Legal Aid Law relied on, e.g. 第三十一条、第四十三条 (each kind has a default). */
  legalBasis?: string;
  /** Where objections to a refusal or termination go, e.g. 某市司法局. */
  supervisingAuthority?: string;
  /** The centre's contact for the addressee. */
  contact?: { person?: string; phone?: string; address?: string };
  /** Only for the closing approval form. */
  closing?: ClosingData;
  /** Only for the change-of-lawyer notice: who acted before, and why they were changed. */
  change?: ChangeData;
}

export interface ChangeData {
  previousLawyer: { name: string; firm: string };
  /** The reason as its Chinese label, e.g. 法律援助人员申请退出. */
  reason: string;
  /** The admin's note, one sentence. */
  note?: string;
}

export interface ClosingData {
  assignedOn?: string;
  closedOn: string;
  /** 办理结果, e.g. 调解结案 / 判决胜诉. */
  outcome: string;
  /** Amount recovered for the aided person, in yuan. */
  amountRecovered?: number;
  /** The lawyer's summary of the case. */
  summary?: string;
  qualityGrade?: string;
  subsidy?: number;
  reviewerOpinion?: string;
  reviewer?: string;
  approverOpinion?: string;
  approver?: string;
}
