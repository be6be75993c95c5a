// What the standard case file (标准卷宗) is made from, as plain data the caller fills from the
// registers. Personal data arrives already masked for the reader's role. A quality part whose
// plugin is disabled (or that has no rows) is left undefined, and its section is left out.

export interface CaseFileData {
  centreName: string;
  caseNumber: string;
  /** 刑事 / 民事 / 行政 / …, in Chinese. */
  caseType: string;
  /** 案由. */
  cause: string;
  applicant: {
    name: string;
    gender?: string;
    idNumber?: string;
    phone?: string;
    address?: string;
    /** e.g. 农民工 / 残疾人 / 老年人. */
    category?: string;
  };
  lawyer?: { name: string; firm: string };
  /** ISO dates. */
  dates: { appliedOn?: string; acceptedOn?: string; assignedOn?: string; closedOn?: string };
  archive?: { archivist?: string; archivedOn?: string; /** 保管期限, e.g. 长期 / 永久 / 30年. */ retention?: string };
  qualityGrade?: string;
  /** 经济困难状况审查 and any exemption from it. */
  meansTest?: { result: string; exemption?: string; note?: string };
  /** The assignment and the rule checks it passed. */
  assignment?: { lawyer: string; firm: string; assignedOn: string; ruleChecks: { rule: string; passed: boolean; detail?: string }[] };
  /** The case's transitions, oldest first. */
  transitions: { at: string; action: string; to: string; by?: string; note?: string }[];
  /** 办案日志; undefined when the work-log register is absent. */
  workLog?: { on: string; activity: string; by?: string; hours?: number }[];
  outcome?: { result: string; amountRecovered?: number; closedOn?: string };
  /** The template's items in binding order, with the files supplied for each. */
  materials: CaseFileMaterial[];
  quality?: CaseFileQuality;
}

export interface CaseFileMaterial {
  itemKey: string;
  label: string;
  required: boolean;
  files: { name: string; size: number; sha256: string; kind: string }[];
}

export interface CaseFileQuality {
  observations?: { on: string; observer: string; court?: string; score?: number; remarks?: string }[];
  returnVisits?: { on: string; visitor: string; satisfaction: string; remarks?: string }[];
  inspectionGrades?: { on: string; inspector: string; grade: string; remarks?: string }[];
  peerGrades?: { round: string; reviewer: string; grade: string; score?: number; remarks?: string }[];
  subsidy?: { amount: number; grade?: string; paidOn?: string; note?: string };
}

/** A file appended to the case file: PDFs and JPEG/PNG images are bound in, others only listed. */
export interface CaseFileAttachment {
  itemKey: string;
  name: string;
  /** The sniffed kind, as in case-files: pdf, jpeg, png, docx, ofd, … */
  kind: string;
  bytes: Uint8Array;
}
