import type { Kysely } from 'kysely';
import { defaultHolidays } from './holidays.js';

/** Every number a centre may change. Stored values override these defaults. */
export const defaultSettings = {
  centreName: '示例区法律援助中心',
  caseNumberFormat: '（{year}）援字第{seq:4}号',
  /** Local minimum living standard, yuan per person per month. */
  minimumLivingStandard: 900,
  /** Hardship threshold = minimum living standard × this factor (seed 000: 2). */
  hardshipFactor: 2,
  reviewDays: 7,
  assignDays: 3,
  complaintAcceptWorkingDays: 5,
  complaintConcludeDays: 45,
  complaintReplyWorkingDays: 5,
  /** The one extension of the conclude deadline (法律援助投诉处理办法: at most 30 days). */
  complaintExtensionDays: 30,
  /** Weekday holidays and weekend make-up working days (调休), for working-day deadlines. */
  holidays: defaultHolidays,
  /** The public notice (公示) of how to complain: GET /api/public/complaint-notice. */
  complaintNoticeAddress: null as string | null,
  complaintNoticePhone: '12348',
  complaintNoticeFax: null as string | null,
  complaintNoticeEmail: null as string | null,
  complaintNoticeScope: '法律援助机构及其工作人员、法律援助人员在法律援助工作中违反法律、法规、规章和规范性文件的行为，受援人或其他利害关系人可以投诉。',
  complaintNoticeProcedure: '投诉可以通过来访、电话、传真、信函、电子邮件等方式提出。我中心自收到投诉之日起 5 个工作日内决定是否受理；受理后 45 日内办结（情况复杂的可延长一次，不超过 30 日），并在作出处理决定后 5 个工作日内答复投诉人。',
  /** Letters and online consultations are answered within this many working days. */
  consultationReplyWorkingDays: 7,
  registeredPopulation: 450_000,
  uploadLimitMb: 20,
  /** A DOCX or OFD, unpacked, at most this (its central directory's sizes). */
  uploadUnzippedLimitMb: 100,
  /** Hearings observed: this share (%) of the cases heard in court this year. */
  hearingObservationTargetPercent: 5,
  /** Closed cases visited afterwards (%) this year. */
  returnVisitTargetPercent: 90,
  /** Visits answering satisfied or basically satisfied (%) — seed 000: ≥ 98. */
  satisfactionTargetPercent: 98,
  // Seed 001's yearly targets (reports/indicators.ts); shares in per cent, 0 = no target.
  targetCasesPer10k: 12,
  targetCriminalSharePct: 19,
  targetLitigationSharePct: 55,
  targetLawFirmSharePct: 35,
  targetAmountRecovered: 0,
  /** Seed 000: 800 consultations a year. */
  targetConsultations: 800,
};

export type Settings = typeof defaultSettings;

export async function loadSettings(db: Kysely<any>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
  return { ...defaultSettings, ...stored };
}
