import type { Kysely } from 'kysely';

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
  /** Letters and online consultations are answered within this many working days. */
  consultationReplyWorkingDays: 7,
  registeredPopulation: 450_000,
  uploadLimitMb: 20,
  /** A DOCX or OFD, unpacked, at most this (its central directory's sizes). */
  uploadUnzippedLimitMb: 100,
};

export type Settings = typeof defaultSettings;

export async function loadSettings(db: Kysely<any>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
  return { ...defaultSettings, ...stored };
}
