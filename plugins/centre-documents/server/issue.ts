// Issuing a document: numbered, rendered from the case, sealed, stored by content, recorded.
// It runs inside the caller's transaction (a transition's, or a re-issue's): the document and
// the change that called for it are written together or not at all.
import type { Kysely } from 'kysely';
import { ApiError, centreFileStore, liveCounters, loadSettings, today, type Actor, type PluginContext, type Row } from '../../../api/plugin-kit.js';
import { signPdf } from '../../../api/plugin-kit-pdf.js';
import { documentData, type ChangeDetails } from './case-document-data.js';
import { centreSeal } from './seal.js';
import { DEFAULT_NUMBER_FORMATS, DOCUMENT_TITLES, formatDocumentNumber, renderDocument, type DocumentKind } from './templates/index.js';

/**
 * The setting `documentNumberFormats` overrides the defaults kind by kind: a list of {kind, format}
 * as the settings form writes it (or, as stored before, an object by kind).
 */
export function numberFormat(settings: Record<string, unknown>, kind: DocumentKind): string {
  const stored = settings.documentNumberFormats as Array<{ kind: string; format: string }> | Partial<Record<DocumentKind, string>> | undefined;
  const format = Array.isArray(stored) ? stored.find((f) => f?.kind === kind)?.format : stored?.[kind];
  return typeof format === 'string' && /\{seq(?::\d+)?\}/.test(format) ? format : DEFAULT_NUMBER_FORMATS[kind];
}

/**
 * The next number of the year for a format: one atomic upsert on the shared counters, so two
 * processes never share a number. Kinds with the same format (the two decisions) share a sequence.
 */
async function nextDocumentNumber(trx: Kysely<any>, format: string, year: number): Promise<string> {
  const seq = await liveCounters(trx).next(`document-number-${year}-${format}`);
  return formatDocumentNumber(format, { year, seq });
}

const RENDER_FAILED = {
  zh: '文书生成或签章失败，本次操作未执行，请稍后重试或联系系统管理员',
  en: 'The document could not be generated or sealed; nothing was changed. Try again or contact the administrator',
};

/**
 * Issues `kind` for the case; with `previous`, a new version of that document (the old one kept).
 * A change-of-lawyer notice states `change` (a re-issue states what the previous version did).
 */
export async function issueDocument(
  trx: Kysely<any>, context: PluginContext, caseRow: Row, kind: DocumentKind, actor: Actor, previous?: Row, change?: ChangeDetails,
): Promise<Row> {
  if (previous?.previousLawyerId) {
    change = { previousLawyerId: Number(previous.previousLawyerId), changeReason: String(previous.changeReason), changeNote: previous.changeNote == null ? null : String(previous.changeNote) };
  }
  const settings = await loadSettings(trx);
  const issuedOn = today();
  const number = previous ? String(previous.number) : await nextDocumentNumber(trx, numberFormat(settings, kind), Number(issuedOn.slice(0, 4)));
  let sealed: Buffer;
  try {
    const data = await documentData(trx, context, caseRow, kind, { number, issuedOn, settings, change });
    const pdf = await renderDocument(kind, data);
    sealed = await signPdf(pdf, centreSeal(context.config.dataDir), { centreName: settings.centreName, reason: `${DOCUMENT_TITLES[kind]} ${number}` });
  } catch (error) {
    console.error(`centre-documents: ${kind} for case ${caseRow.id}:`, error);
    throw new ApiError(422, RENDER_FAILED, {}, { rule: 'centre_documents.render_failed' });
  }
  const stored = await centreFileStore(context).put(sealed, trx);
  const documents = context.resource('case-documents');
  const issued = await context.records.insert(documents, {
    caseId: Number(caseRow.id), kind, number, issuedAt: new Date().toISOString(), sha256: stored.sha256, size: stored.size,
    revision: previous ? Number(previous.revision) + 1 : 1, supersedes: previous ? Number(previous.id) : null, issuedBy: actor.email,
    ...(change ? { previousLawyerId: change.previousLawyerId, changeReason: change.changeReason, changeNote: change.changeNote ?? null } : {}),
  }, actor, { action: previous ? 'reissue' : 'issue', trx });
  if (previous) {
    await context.records.change(documents, Number(previous.id), actor, {
      action: 'supersede',
      conflict: { zh: '该文书刚被他人重新签发，请刷新后重试', en: 'Someone else just re-issued this document' },
      plan: (current) => {
        if (current.supersededAt) throw new ApiError(409, { zh: '该文书已被重新签发，请刷新后重试', en: 'This document was already re-issued' });
        return { supersededAt: new Date().toISOString() };
      },
    }, trx);
  }
  return issued;
}
