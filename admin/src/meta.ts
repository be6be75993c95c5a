// /api/meta: the registers, their fields and the roles, fetched once before the console renders.
import { createContext, useContext } from 'react';

export type Label = { zh: string; en: string };

export type FieldType =
  | 'text' | 'longText' | 'integer' | 'money' | 'date' | 'datetime' | 'boolean'
  | 'enum' | 'tags' | 'reference' | 'referenceList'
  /** An ordered list of small records (e.g. a template's items), described by `of`. */
  | 'list';

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
}

export interface ResourceMeta {
  name: string;
  label: Label;
  titleField: string;
  fields: FieldMeta[];
  list: {
    columns: string[];
    sort: { field: string; order: 'ASC' | 'DESC' };
    filters: string[];
    search: string[];
    /** Named filters that are not fields (e.g. `overdue`): a switch that is on or off. */
    virtualFilters?: { name: string; label: Label }[];
  };
  /** What the signed-in user may do here (absent when nobody is signed in). */
  permissions?: ResourcePermissions;
}

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

/** A count of records matching a filter, for the signed-in user's home page. */
export interface DashboardCard {
  id: string;
  label: Label;
  resource: string;
  filter: Record<string, unknown>;
  /** Highlight when the count is above zero (overdue work). */
  alert?: boolean;
}

export interface Meta {
  /** The signed-in user, or null. */
  user?: { id: string; email: string; role: string; lawyerId: number | null } | null;
  dashboard?: DashboardCard[];
  resources: ResourceMeta[];
  roles: { id: string; label: Label }[];
  forms: unknown[];
  plugins: unknown[];
}

/** Columns the server adds to every register; shown last and never edited. */
export const SYSTEM_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'];

/** Public without a session; with one, it also says what the user may do and see. */
export async function fetchMeta(): Promise<Meta> {
  const response = await fetch('/api/meta', { credentials: 'include', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`/api/meta answered ${response.status}`);
  return (await response.json()) as Meta;
}

export const MetaContext = createContext<Meta | null>(null);

export function useMeta(): Meta {
  const meta = useContext(MetaContext);
  if (!meta) throw new Error('useMeta() outside <MetaContext.Provider>');
  return meta;
}

export function useResourceMeta(name: string): ResourceMeta {
  const resource = useMeta().resources.find((r) => r.name === name);
  if (!resource) throw new Error(`No register called ${name} in /api/meta`);
  return resource;
}

const EVERYTHING: ResourcePermissions = { read: true, create: true, update: true, delete: true, writableFields: null, maskedFields: [] };

export function permissionsOf(resource: ResourceMeta): ResourcePermissions {
  return resource.permissions ?? EVERYTHING;
}

/** May this user change this field (declared writable, and among the user's writable fields)? */
export function isEditable(resource: ResourceMeta, field: FieldMeta): boolean {
  if (field.readOnly || SYSTEM_FIELDS.includes(field.name)) return false;
  const { writableFields, maskedFields } = permissionsOf(resource);
  if (maskedFields.includes(field.name)) return false;
  return !writableFields || writableFields.includes(field.name);
}

/** Every register ever described, so that labels stay known whoever signs in next. */
export function mergeCatalogue(known: ResourceMeta[], seen: ResourceMeta[]): ResourceMeta[] {
  const names = new Set(known.map((r) => r.name));
  const added = seen.filter((r) => !names.has(r.name));
  return added.length ? [...known, ...added] : known;
}

export function fieldOf(resource: ResourceMeta, name: string): FieldMeta | undefined {
  return resource.fields.find((f) => f.name === name);
}
