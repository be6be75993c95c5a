// How a record's fields are grouped on its page: the declared fields in their order,
// the long texts, then the columns the system keeps.
import { SYSTEM_FIELDS, type FieldMeta, type ResourceMeta } from '../meta.js';

export interface FieldGroup {
  /** Message key of the group's heading; empty for a list of items, headed by its own label. */
  title: string;
  fields: FieldMeta[];
  /** Long texts take the full width. */
  wide: boolean;
}

export function fieldGroups(resource: ResourceMeta): FieldGroup[] {
  const declared = resource.fields.filter((f) => !SYSTEM_FIELDS.includes(f.name));
  const groups: FieldGroup[] = [
    { title: 'fayuan.show.main', fields: declared.filter((f) => f.type !== 'longText' && f.type !== 'list' && f.type !== 'json'), wide: false },
    ...declared.filter((f) => f.type === 'list' || f.type === 'json').map((f) => ({ title: '', fields: [f], wide: true })),
    { title: 'fayuan.show.text', fields: declared.filter((f) => f.type === 'longText'), wide: true },
    {
      title: 'fayuan.show.system',
      fields: SYSTEM_FIELDS.map((name) => resource.fields.find((f) => f.name === name)).filter((f): f is FieldMeta => Boolean(f)),
      wide: false,
    },
  ];
  return groups.filter((g) => g.fields.length > 0);
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
