// The answer of GET /api/meta (and of a case's /workflow), as the server builds it and the console
// reads it. Types only: the console imports this file with `import type`, so nothing here runs.

import type { FormDefinition } from '../../forms/engine.js';
import type { Condition } from '../resources/conditions.js';
import type { ReadableEntry } from '../audit/readable.js';
export type { ReadableChange, ReadableEntry } from '../audit/readable.js';
export type Label = { zh: string; en: string };

export type FieldType =
  | 'text' | 'longText' | 'integer' | 'money' | 'date' | 'datetime' | 'boolean'
  | 'enum' | 'tags' | 'reference' | 'referenceList'
  /** An ordered list of small records (e.g. a template's items), described by `of`. */
  | 'list'
  /** A JSON object kept by the register's hooks (a form definition, a sheet's answers). */
  | 'json';

export interface FieldMeta {
  name: string;
  type: FieldType;
  label: Label;
  required: boolean;
  unique: boolean;
  readOnly: boolean;
  help?: Label;
  options?: { id: string; label: Label }[];
  /** The register a reference points to. */
  reference?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  default?: unknown;
  /** The fields of each item of a `list`. */
  of?: FieldMeta[];
  maxItems?: number;
  /** Shown after the value instead of a currency sign (倍, 日). */
  unit?: Label;
  /** false: an integer that is an identifier or a seed, shown without thousands separators. */
  grouping?: boolean;
  /** The stage from which the field is asked (as declared). */
  stage?: string;
  /**
   * When the field applies: its `visibleWhen` and its stage as one condition
   * (api/resources/conditions.ts `holds`); absent when it always applies.
   */
  appliesWhen?: Condition;
  /** What a `json` field holds: a form definition, or a sheet filled on a form (its default form key). */
  holds?: { kind: 'form-definition' } | { kind: 'sheet'; defaultForm: string };
}

/** A titled group of a register's fields on its forms and pages. */
export interface SectionMeta {
  id: string;
  label: Label;
  fields: string[];
}

export interface ListMeta {
  columns: string[];
  sort: { field: string; order: 'ASC' | 'DESC' };
  filters: string[];
  search: string[];
  /** Named filters that are not fields (e.g. `overdue`): a switch that is on or off. */
  virtualFilters?: { name: string; label: Label }[];
}

/** What the signed-in user may do with a register. */
export interface ResourcePermissions {
  read: boolean;
  create: boolean;
  update: boolean;
  delete: boolean;
  /** When set, the only fields this user may change. */
  writableFields: string[] | null;
  /** Fields this user sees masked: shown as they come, never sent back. */
  maskedFields: string[];
}

/** One move of a case's workflow (api/cases/lifecycle.ts `caseActions`). */
export interface WorkflowActionMeta {
  name: string;
  label: Label;
  from: string[];
  /** null: the case keeps its state (a change of lawyer). */
  to: string | null;
  /** The timestamp field the move sets on the case (`acceptedAt`…), if any. */
  stamps: string | null;
}

/** A case's life as the server declares it: its states in order, its main path and its moves. */
export interface WorkflowMeta {
  /** Every state, in the order the status field declares them. */
  statuses: { id: string; label: Label }[];
  /** From application to archive: each state's first declared move to a state not yet reached. */
  mainPath: string[];
  actions: WorkflowActionMeta[];
}

export interface ResourceMeta {
  name: string;
  label: Label;
  titleField: string;
  fields: FieldMeta[];
  /** The titled groups of its forms and pages; every declared field in exactly one. */
  sections: SectionMeta[];
  list: ListMeta;
  /** What the signed-in user may do here (absent when nobody is signed in). */
  permissions?: ResourcePermissions;
  /** Registers with a workflow (cases) describe it. */
  workflow?: WorkflowMeta;
}

/** A count of records matching a filter, for the signed-in user's home page. */
export interface DashboardCardMeta {
  id: string;
  label: Label;
  resource: string;
  filter: Record<string, unknown>;
  roles: string[];
  /** Highlight when the count is above zero (overdue work). */
  alert?: boolean;
}

/** A quality form shipped under forms/ (its definition, as forms/engine.ts reads it). */
export type FormMeta = FormDefinition;

/** A panel on a case's page; meta lists only those the user's role may see. */
export interface CasePanelMeta {
  id: string;
  label: Label;
  roles: string[];
}

/** An enabled plugin. */
export interface PluginMeta {
  name: string;
  label: Label;
  description: Label | null;
  /** The registers it adds. */
  resources: string[];
  casePanels: CasePanelMeta[];
}

export interface MetaUser {
  id: string;
  email: string;
  role: string;
  lawyerId: number | null;
}

export interface Meta {
  /** The signed-in user, or null. */
  user: MetaUser | null;
  dashboard: DashboardCardMeta[];
  resources: ResourceMeta[];
  roles: { id: string; label: Label }[];
  forms: FormMeta[];
  plugins: PluginMeta[];
}

/** GET /api/cases/:id/workflow. */
export interface CaseDeadline {
  kind: 'review' | 'assign' | null;
  due: string | null;
  overdue: boolean;
  /** Days from today to the deadline: 0 on the day itself, negative once overdue. */
  daysLeft: number | null;
}

export interface WorkflowHistoryEntry {
  at: string;
  actorEmail: string | null;
  /** `transition:<action>`. */
  action: string;
  /** Field → [before, after]; `payload` is what the action carried. */
  changes: (Record<string, unknown> & { status?: [string, string]; payload?: Record<string, unknown> }) | null;
  /** The same entry in the centre's words (api/audit/readable.ts). */
  readable: ReadableEntry;
}

export interface CaseWorkflowState {
  id: number;
  status: string;
  /** The moves the user may make now. */
  actions: { name: string; label: Label }[];
  deadline: CaseDeadline;
  history: WorkflowHistoryEntry[];
}
