// The documents the centre issued supply their case-file checklist items, so nobody uploads them.
import type { ChecklistSupplier } from '../../../api/plugin-kit.js';
import { DOCUMENT_TITLES, type DocumentKind } from './templates/document-data.js';

/** The standard templates' item keys (case-files/standard-templates.json) each kind fills. */
export const CHECKLIST_ITEM_OF: Partial<Record<DocumentKind, string>> = {
  decision_grant: 'decision',
  assignment_notice: 'assignment_notice',
  official_letter: 'official_letter',
};

export const issuedDocumentsSupply: ChecklistSupplier = {
  async supplied(db, caseRow) {
    const rows = await db.selectFrom('case_documents').selectAll()
      .where('caseId', '=', Number(caseRow.id)).where('supersededAt', 'is', null).orderBy('id').execute();
    return rows.filter((r) => CHECKLIST_ITEM_OF[r.kind as DocumentKind]).map((r) => ({
      itemKey: CHECKLIST_ITEM_OF[r.kind as DocumentKind]!,
      id: Number(r.id),
      originalName: `${DOCUMENT_TITLES[r.kind as DocumentKind]}${r.number}.pdf`,
      kind: 'pdf',
      size: Number(r.size),
      sha256: String(r.sha256),
      uploadedBy: String(r.issuedBy),
      createdAt: new Date(r.issuedAt).toISOString(),
      downloadUrl: `/api/case-documents/${r.id}/download`,
      suppliedBy: 'case-documents',
    }));
  },
};
