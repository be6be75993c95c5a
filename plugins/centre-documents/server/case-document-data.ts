// A document's data from the case as stored: the applicant, the lawyer and firm, the dates.
import type { Kysely } from 'kysely';
import { lawyerChangeReasons, maskIdNumber, maskPhone, type PluginContext, type Row, type Settings } from '../../../api/plugin-kit.js';
import type { DocumentData, DocumentKind } from './templates/document-data.js';

/** 提供法律援助的方式, by case type. */
const AID_FORMS: Record<string, { aidForm: string; lawyerRole: string }> = {
  criminal: { aidForm: '刑事辩护', lawyerRole: '辩护人' },
  civil: { aidForm: '民事诉讼代理', lawyerRole: '委托诉讼代理人' },
  administrative: { aidForm: '行政诉讼代理', lawyerRole: '委托诉讼代理人' },
  arbitration: { aidForm: '仲裁代理', lawyerRole: '委托代理人' },
  non_litigation: { aidForm: '非诉讼代理', lawyerRole: '委托代理人' },
};

/** What a change-of-lawyer notice states besides the case: kept on its row (case-documents). */
export interface ChangeDetails {
  previousLawyerId: number;
  changeReason: string;
  changeNote?: string | null;
}

const isoDate = (value: unknown) => (value ? new Date(String(value)).toISOString().slice(0, 10) : undefined);

function optionLabel(context: PluginContext, field: string, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const options = (context.resource('cases').fields[field] as { options?: Record<string, { zh: string }> } | undefined)?.options;
  return options?.[String(value)]?.zh ?? String(value);
}

export async function documentData(
  trx: Kysely<any>, context: PluginContext, caseRow: Row, kind: DocumentKind,
  { number, issuedOn, settings, change }: { number: string; issuedOn: string; settings: Settings; change?: ChangeDetails },
): Promise<DocumentData> {
  const lawyerAndFirm = async (id: unknown) => {
    const lawyer = id ? await context.records.load(context.resource('lawyers'), Number(id), trx) : null;
    const firm = lawyer?.lawFirmId ? await context.records.load(context.resource('law-firms'), Number(lawyer.lawFirmId), trx) : null;
    return { lawyer, firm };
  };
  const { lawyer: lawyerRow, firm: firmRow } = await lawyerAndFirm(caseRow.lawyerId);
  const previous = kind === 'change_notice' && change?.previousLawyerId ? await lawyerAndFirm(change.previousLawyerId) : null;
  const form = AID_FORMS[String(caseRow.caseType)] ?? AID_FORMS.civil;
  const reasons = kind === 'termination'
    ? optionLabel(context, 'terminationGround', caseRow.terminationGround) ?? String(caseRow.decisionReason ?? '')
    : String(caseRow.decisionReason ?? '');
  return {
    centreName: settings.centreName,
    number,
    issuedOn,
    caseNumber: String(caseRow.caseNumber ?? ''),
    // An issued document goes out of the centre: the ID number and phone are never printed whole.
    applicant: {
      name: String(caseRow.applicantName),
      idNumber: caseRow.applicantIdNumber ? maskIdNumber(String(caseRow.applicantIdNumber)) : undefined,
      phone: caseRow.applicantPhone ? maskPhone(String(caseRow.applicantPhone)) : undefined,
    },
    caseType: optionLabel(context, 'caseType', caseRow.caseType) ?? '',
    cause: String(caseRow.causeOfAction || '法律援助'),
    appliedOn: isoDate(caseRow.applicationDate),
    grantedOn: isoDate(caseRow.acceptedAt),
    aidForm: form.aidForm,
    lawyerRole: form.lawyerRole,
    lawyer: lawyerRow ? { name: String(lawyerRow.name), firm: String(firmRow?.name ?? ''), phone: lawyerRow.phone ? String(lawyerRow.phone) : undefined } : undefined,
    authority: String(caseRow.court ?? caseRow.authority ?? '有关人民法院（仲裁机构）'),
    reasons: reasons || undefined,
    change: previous?.lawyer && change
      ? {
          previousLawyer: { name: String(previous.lawyer.name), firm: String(previous.firm?.name ?? '') },
          reason: lawyerChangeReasons[change.changeReason as keyof typeof lawyerChangeReasons]?.zh ?? '工作需要',
          note: change.changeNote || undefined,
        }
      : undefined,
    closing: kind === 'closing_approval'
      ? {
          assignedOn: isoDate(caseRow.assignedAt),
          closedOn: isoDate(caseRow.closedAt) ?? issuedOn,
          outcome: String(caseRow.outcome || '—'),
          amountRecovered: caseRow.amountRecovered == null ? undefined : Number(caseRow.amountRecovered),
          qualityGrade: optionLabel(context, 'qualityGrade', caseRow.qualityGrade),
          subsidy: caseRow.subsidyAmount == null ? undefined : Number(caseRow.subsidyAmount),
        }
      : undefined,
  };
}
