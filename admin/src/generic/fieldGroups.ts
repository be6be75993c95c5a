// How a record's fields are grouped on its forms and page: the register's declared sections
// (from /api/meta), then the columns the system keeps. Whether a field applies to the record
// is decided by the server's own evaluator (api/resources/conditions.ts), on the values at hand.
import { holds } from '../../../api/resources/conditions.js';
import { SYSTEM_FIELDS, type FieldMeta, type Label, type ResourceMeta } from '../meta.js';

export interface FieldGroup {
  id: string;
  /** The section's declared title; for the system columns, a message key instead. */
  label: Label | null;
  title?: string;
  fields: FieldMeta[];
}

export function fieldGroups(resource: ResourceMeta): FieldGroup[] {
  const byName = new Map(resource.fields.map((f) => [f.name, f]));
  const groups: FieldGroup[] = resource.sections.map((section) => ({
    id: section.id,
    label: section.label,
    fields: section.fields.map((name) => byName.get(name)).filter((f): f is FieldMeta => Boolean(f)),
  }));
  groups.push({
    id: 'system',
    label: null,
    title: 'fayuan.show.system',
    fields: SYSTEM_FIELDS.map((name) => byName.get(name)).filter((f): f is FieldMeta => Boolean(f)),
  });
  return groups.filter((g) => g.fields.length > 0);
}

/** Whether the field applies to this record (its `visibleWhen` and its stage): hidden and not required if not. */
export function applies(field: FieldMeta, record: Record<string, unknown> | undefined): boolean {
  return holds(field.appliesWhen, record ?? {});
}

/** Long texts, lists of chips and lists of items take a whole row. */
export function isWideField(field: FieldMeta): boolean {
  return field.type === 'longText' || field.type === 'referenceList' || field.type === 'list' || field.type === 'json';
}

/** Fields side by side: one column on a phone, two on a tablet, three on a desktop. */
export const fieldGridSx = {
  display: 'grid',
  gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(3, minmax(0, 1fr))' },
  columnGap: 4,
  rowGap: 2,
} as const;
