// A case's standard file gathered from the registers, as the reader may see it: the case under its
// row rules and masks, its transitions from the audit log, the checklist with the files bound in,
// the issued documents, and the work log and quality records of whichever plugins are enabled.
import {
  ApiError, CASE_CHECKLIST, caseActions, centreFileStore, loadSettings, readerView, redactValue,
  type Actor, type CaseActionName, type CaseChecklistSource, type PluginContext, type Row,
} from '../../../api/plugin-kit.js';
import type { CaseFileAttachment, CaseFileData, CaseFileMaterial, CaseFileQuality } from './case-file-data.js';

const BOUND_KINDS = ['pdf', 'jpeg', 'png'];
const isoDate = (value: unknown) => (value ? new Date(String(value)).toISOString().slice(0, 10) : undefined);
const text = (value: unknown) => (value === null || value === undefined || value === '' ? undefined : String(value));

function optionLabel(ctx: PluginContext, resource: string, field: string, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const options = (ctx.resource(resource).fields[field] as { options?: Record<string, { zh: string }> } | undefined)?.options;
  return options?.[String(value)]?.zh ?? String(value);
}

/** The rows of an optional register about this case that the reader may see; undefined when the register is absent or closed to them. */
async function rowsOf(ctx: PluginContext, name: string, caseId: number, actor: Actor): Promise<Row[] | undefined> {
  let resource;
  try {
    resource = ctx.resource(name);
  } catch {
    return undefined; // its plugin is not enabled
  }
  if (!resource.fields.caseId) return undefined;
  try {
    const { rows } = await ctx.records.list(resource, { filter: { caseId }, sort: ['id', 'ASC'], range: [0, 9999] }, actor);
    return rows;
  } catch (error) {
    if (error instanceof ApiError) return undefined; // the reader's role may not read it
    throw error;
  }
}

/** The first of the named columns a row has: the optional registers are other plugins' own. */
const _pick = (row: Row, ...names: string[]) => text(names.map((n) => row[n]).find((v) => v !== undefined && v !== null && v !== ''));

export async function gatherCaseFile(ctx: PluginContext, caseId: number, actor: Actor): Promise<{ data: CaseFileData; attachments: CaseFileAttachment[] }> {
  const { records } = ctx;
  const { db } = ctx.database;
  const caseRow = await records.get(ctx.resource('cases'), caseId, actor); // 404 out of reach; masked for the role
  const settings = await loadSettings(db);
  const lawyer = caseRow.lawyerId ? await records.load(ctx.resource('lawyers'), Number(caseRow.lawyerId)) : null;
  const firm = lawyer?.lawFirmId ? await records.load(ctx.resource('law-firms'), Number(lawyer.lawFirmId)) : null;

  // Words hidden from the reader in this case's texts (a blind round's lawyer and firm): hidden in the whole file,
  // and then who made each move is left out too (an e-mail address can name the lawyer).
  const hidden = (await readerView(ctx.resource('cases'), actor, db)).redaction?.wordsOf(caseRow) ?? [];

  const history = await db.selectFrom('audit_log').select(['at', 'actorEmail', 'action', 'changes'])
    .where('resource', '=', 'cases').where('recordId', '=', String(caseId)).where('action', 'like', 'transition:%')
    .orderBy('id', 'asc').execute();
  const transitions = history.map((h) => {
    const name = String(h.action).slice('transition:'.length) as CaseActionName;
    const changes = h.changes ? JSON.parse(h.changes) : {};
    return {
      at: new Date(h.at).toISOString(),
      action: caseActions[name]?.label.zh ?? name,
      to: optionLabel(ctx, 'cases', 'status', changes.status?.[1]) ?? '',
      by: hidden.length ? undefined : text(h.actorEmail),
    };
  });

  const store = centreFileStore(ctx);
  const source = ctx.contributions<CaseChecklistSource>(CASE_CHECKLIST)[0];
  const checklist = source ? await source.checklist(db, caseRow, ctx.contributions) : null;
  const materials: CaseFileMaterial[] = (checklist?.items ?? []).map((item) => ({
    itemKey: item.key, label: item.name, required: item.required,
    files: item.files.map((f) => ({ name: f.originalName, size: f.size, sha256: f.sha256, kind: f.kind })),
  }));
  const listed = new Set(materials.flatMap((m) => m.files.map((f) => f.sha256)));
  // Issued documents no checklist item asks for (a refusal, a termination, the closing form) are listed after the template's.
  for (const document of (await rowsOf(ctx, 'case-documents', caseId, actor)) ?? []) {
    if (document.supersededAt || listed.has(String(document.sha256))) continue;
    const label = optionLabel(ctx, 'case-documents', 'kind', document.kind) ?? String(document.kind);
    materials.push({ itemKey: `document-${document.kind}`, label, required: false, files: [{ name: `${label}${document.number}.pdf`, size: Number(document.size), sha256: String(document.sha256), kind: 'pdf' }] });
  }
  const attachments: CaseFileAttachment[] = [];
  for (const material of materials) {
    for (const file of material.files) {
      if (BOUND_KINDS.includes(file.kind) && (await store.exists(file.sha256))) {
        attachments.push({ itemKey: material.itemKey, name: redactValue(file.name, hidden) as string, kind: file.kind, bytes: await store.read(file.sha256) });
      }
    }
  }

  // The registers of the work log (core) and of the quality plugins, as issues #11 names their fields.
  const workLog = (await rowsOf(ctx, 'case-activities', caseId, actor))?.map((r) => {
    const kind = optionLabel(ctx, 'case-activities', 'kind', r.kind) ?? String(r.kind ?? '');
    const where = [r.court, r.courtroom, r.place].filter(Boolean).join(' ');
    return {
      on: isoDate(r.occurredAt) ?? '',
      activity: `${kind}${where ? `（${where}）` : ''}${r.notes ? `：${r.notes}` : ''}`,
      by: r.participants ? String(r.participants) : undefined,
    };
  });
  const observations = (await rowsOf(ctx, 'hearing-observations', caseId, actor))?.map((r) => ({
    on: isoDate(r.observedOn) ?? '',
    observer: String(r.observers ?? ''),
    court: r.court ? String(r.court) : undefined,
    score: r.score == null ? undefined : Number(r.score),
    remarks: r.feedback ? String(r.feedback) : undefined, // the feedback the lawyer also sees; never the private notes
  }));
  const returnVisits = (await rowsOf(ctx, 'return-visits', caseId, actor))?.map((r) => ({
    on: isoDate(r.visitedAt) ?? '',
    visitor: String(r.visitor ?? ''),
    satisfaction: optionLabel(ctx, 'return-visits', 'satisfaction', r.satisfaction) ?? String(r.satisfaction ?? ''),
    remarks: r.reachedPerson ? `受访人：${r.reachedPerson}` : undefined,
  }));
  const quality: CaseFileQuality = {
    ...(observations?.length ? { observations } : {}),
    ...(returnVisits?.length ? { returnVisits } : {}),
    ...(caseRow.subsidyAmount != null ? { subsidy: { amount: Number(caseRow.subsidyAmount), grade: optionLabel(ctx, 'cases', 'qualityGrade', caseRow.qualityGrade) } } : {}),
  };

  const exemption = optionLabel(ctx, 'cases', 'exemptionReason', caseRow.exemptionReason);
  const data: CaseFileData = {
    centreName: settings.centreName,
    caseNumber: String(caseRow.caseNumber ?? ''),
    caseType: optionLabel(ctx, 'cases', 'caseType', caseRow.caseType) ?? '',
    cause: text(caseRow.causeOfAction) ?? '—',
    applicant: {
      name: String(caseRow.applicantName ?? ''),
      gender: optionLabel(ctx, 'cases', 'applicantGender', caseRow.applicantGender),
      idNumber: text(caseRow.applicantIdNumber),
      phone: text(caseRow.applicantPhone),
      address: text(caseRow.applicantAddress),
      category: ((caseRow.applicantGroups as string[] | null) ?? []).map((g) => optionLabel(ctx, 'cases', 'applicantGroups', g)).join('、') || undefined,
    },
    lawyer: lawyer ? { name: String(lawyer.name), firm: String(firm?.name ?? '') } : undefined,
    dates: { appliedOn: isoDate(caseRow.applicationDate), acceptedOn: isoDate(caseRow.acceptedAt), assignedOn: isoDate(caseRow.assignedAt), closedOn: isoDate(caseRow.closedAt) },
    archive: caseRow.archivedAt ? { archivedOn: isoDate(caseRow.archivedAt) } : undefined,
    qualityGrade: optionLabel(ctx, 'cases', 'qualityGrade', caseRow.qualityGrade),
    meansTest: exemption
      ? { result: '免予经济困难状况审查', exemption }
      : caseRow.householdMonthlyIncome != null
        ? { result: `家庭人均月收入 ${Number(caseRow.householdMonthlyIncome)} 元`, note: `当地经济困难标准 ${settings.minimumLivingStandard * settings.hardshipFactor} 元` }
        : undefined,
    assignment: lawyer && caseRow.assignedAt
      ? { lawyer: String(lawyer.name), firm: String(firm?.name ?? ''), assignedOn: isoDate(caseRow.assignedAt)!, ruleChecks: [{ rule: '指派时通过全部指派规则检查（执业年限、利益冲突、在办案件数、投诉）', passed: true }] }
      : undefined,
    transitions,
    workLog: workLog?.length ? workLog : undefined,
    outcome: caseRow.outcome || caseRow.closedAt
      ? { result: text(caseRow.outcome) ?? '—', amountRecovered: caseRow.amountRecovered == null ? undefined : Number(caseRow.amountRecovered), closedOn: isoDate(caseRow.closedAt) }
      : undefined,
    materials,
    quality: Object.keys(quality).length ? quality : undefined,
  };
  return { data: redactValue(data, hidden) as CaseFileData, attachments };
}
