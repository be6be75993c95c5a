// /api/meta: the registers, their fields and the roles, fetched once before the console renders.
import { createContext, useContext } from 'react';
import { createApiClient } from './apiClient.js';
import type { FieldMeta, Meta, ResourceMeta, ResourcePermissions } from '../../api/meta/types.js';

export type * from '../../api/meta/types.js';

/** Columns the server adds to every register; shown last and never edited. */
export const SYSTEM_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'];

/** Public without a session; with one, it also says what the user may do and see. */
export async function fetchMeta(getLocale: () => string): Promise<Meta> {
  return createApiClient(getLocale).get<Meta>('/api/meta');
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
