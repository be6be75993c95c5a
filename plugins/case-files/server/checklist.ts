// A case's checklist: its template's items (or the snapshot taken when it was archived)
// with the current files uploaded against each.
import type { Kysely } from 'kysely';
import { CHECKLIST_SUPPLY, type ChecklistSupplier, type Contributions, type Row } from '../../../api/plugin-kit.js';

export interface TemplateItem {
  key: string;
  name: string;
  required: boolean;
  suppliedBy: 'centre' | 'lawyer';
  acceptedTypes: string[];
  note?: string | null;
}

export interface ChecklistTemplate {
  id: number;
  name: string;
  version: number;
  items: TemplateItem[];
  /** True once the case is archived: the template as it was then. */
  frozen: boolean;
}

const STAGE_PREFERENCE = ['trial', 'prosecution', 'investigation'];

/** The template that applies to a case: its snapshot if archived, else the best active match. */
export async function templateForCase(db: Kysely<any>, caseRow: Row): Promise<ChecklistTemplate | null> {
  const snapshot = await db.selectFrom('case_file_snapshots').selectAll().where('caseId', '=', Number(caseRow.id)).executeTakeFirst();
  if (snapshot) {
    return { id: Number(snapshot.templateId), name: snapshot.templateName, version: Number(snapshot.templateVersion), items: JSON.parse(snapshot.items), frozen: true };
  }
  return chooseTemplate(await activeTemplates(db), caseRow);
}

export async function activeTemplates(db: Kysely<any>): Promise<Row[]> {
  const rows = await db.selectFrom('case_file_templates').selectAll().orderBy('id').execute();
  return rows.filter((t) => t.active === true || t.active === 1);
}

/** The best active template for a case: its type, then its criminal stage, then the most complete stage. */
export function chooseTemplate(active: Row[], caseRow: Row): ChecklistTemplate | null {
  const rank = (t: Row) => {
    if (t.criminalStage && t.criminalStage === caseRow.criminalStage) return 0;
    if (!t.criminalStage) return 1;
    return 2 + STAGE_PREFERENCE.indexOf(String(t.criminalStage));
  };
  const chosen = active
    .filter((t) => t.caseType === caseRow.caseType)
    .filter((t) => !caseRow.criminalStage || !t.criminalStage || t.criminalStage === caseRow.criminalStage)
    .sort((a, b) => rank(a) - rank(b))[0];
  if (!chosen) return null;
  return { id: Number(chosen.id), name: String(chosen.name), version: Number(chosen.version), items: JSON.parse(String(chosen.items)), frozen: false };
}

export interface ChecklistFile {
  id: number;
  originalName: string;
  kind: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
  /** Set for a file another plugin supplied (e.g. a document the centre issued): where to get it. */
  downloadUrl?: string;
  suppliedBy?: string;
}

/**
 * The checklist with its current files: those uploaded here, and those other plugins supply at
 * `case-files/checklist-supply` (an item so supplied counts as done).
 */
export async function checklistOf(db: Kysely<any>, caseRow: Row, contributions: Contributions) {
  const template = await templateForCase(db, caseRow);
  const rows = await db.selectFrom('case_files')
    .select(['id', 'itemKey', 'originalName', 'kind', 'size', 'sha256', 'uploadedBy', 'createdAt'])
    .where('caseId', '=', Number(caseRow.id)).where('supersededAt', 'is', null)
    .orderBy('id').execute();
  const byItem = new Map<string, ChecklistFile[]>();
  for (const r of rows) {
    const list = byItem.get(r.itemKey) ?? [];
    list.push({ ...r, id: Number(r.id), size: Number(r.size), createdAt: new Date(r.createdAt).toISOString() });
    byItem.set(r.itemKey, list);
  }
  for (const supplier of contributions<ChecklistSupplier>(CHECKLIST_SUPPLY)) {
    for (const file of await supplier.supplied(db, caseRow)) {
      byItem.set(file.itemKey, [...(byItem.get(file.itemKey) ?? []), file]);
    }
  }
  const items = (template?.items ?? []).map((item) => ({ ...item, files: byItem.get(item.key) ?? [] }));
  const missing = items.filter((i) => i.required && !i.files.length);
  return {
    caseId: Number(caseRow.id),
    template: template && { id: template.id, name: template.name, version: template.version, frozen: template.frozen },
    items,
    progress: { done: items.filter((i) => i.files.length).length, total: items.length },
    missingLawyerItems: missing.filter((i) => i.suppliedBy === 'lawyer').map((i) => ({ key: i.key, name: i.name })),
    missingCentreItems: missing.filter((i) => i.suppliedBy === 'centre').map((i) => ({ key: i.key, name: i.name })),
  };
}
