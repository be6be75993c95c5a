// Contributions: one plugin offering another something at a named point, without importing it.
// A plugin lists what it offers under `contributes: { '<point>': [...] }`; the plugin that owns
// the point reads `contributions('<point>')` (empty when no enabled plugin offers anything).
import type { Kysely } from 'kysely';
import type { Row } from '../resources/define.js';
import type { FayuanPlugin } from './define.js';

export type Contributions = <T>(point: string) => T[];

export function contributionsOf(plugins: FayuanPlugin[]): Contributions {
  return <T>(point: string) => plugins.flatMap((p) => (p.contributes?.[point] ?? []) as T[]);
}

/** `case-files/checklist-supply`: files another plugin supplies for a case's checklist items. */
export const CHECKLIST_SUPPLY = 'case-files/checklist-supply';

/** A file on the checklist that was not uploaded: e.g. a document the centre issued. */
export interface SuppliedChecklistFile {
  itemKey: string;
  /** The supplying register's record id. */
  id: number;
  originalName: string;
  kind: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
  /** Where the console downloads it (the supplier's own route, under its own row rules). */
  downloadUrl: string;
  /** The supplying register, e.g. `case-documents`. */
  suppliedBy: string;
}

export interface ChecklistSupplier {
  /** The current files this supplier holds for the case, each against a template item key. */
  supplied(db: Kysely<any>, caseRow: Row): Promise<SuppliedChecklistFile[]>;
}

/** `case-files/checklist`: a case's checklist as case-files computes it (for exports). */
export const CASE_CHECKLIST = 'case-files/checklist';

export interface CaseChecklistItem {
  key: string;
  name: string;
  required: boolean;
  suppliedBy: 'centre' | 'lawyer';
  files: { id: number; originalName: string; kind: string; size: number; sha256: string; downloadUrl?: string }[];
}

export interface CaseChecklistSource {
  checklist(db: Kysely<any>, caseRow: Row, contributions: Contributions): Promise<{ items: CaseChecklistItem[]; template: { name: string } | null }>;
}
