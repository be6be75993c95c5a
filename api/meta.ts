// /api/meta: what the console needs to draw every register, from the declarations.
import { allFields, type Field, type ResourceDefinition } from './resources/define.js';
import { roles } from './auth.js';

export function describeField(name: string, field: Field) {
  return {
    name,
    type: field.type,
    label: field.label,
    required: Boolean(field.required),
    unique: Boolean(field.unique),
    readOnly: Boolean(field.readOnly),
    ...(field.help ? { help: field.help } : {}),
    ...('options' in field ? { options: Object.entries(field.options).map(([id, label]) => ({ id, label })) } : {}),
    ...('to' in field ? { reference: field.to } : {}),
    ...('maxLength' in field && field.maxLength ? { maxLength: field.maxLength } : {}),
    ...('min' in field && field.min !== undefined ? { min: field.min } : {}),
    ...('max' in field && field.max !== undefined ? { max: field.max } : {}),
    ...(field.default !== undefined && typeof field.default !== 'function' ? { default: field.default } : {}),
  };
}

export function describeResource(resource: ResourceDefinition) {
  return {
    name: resource.name,
    label: resource.label,
    titleField: resource.titleField,
    fields: Object.entries(allFields(resource)).map(([name, field]) => describeField(name, field)),
    list: {
      columns: resource.list.columns,
      sort: { field: resource.list.sort[0], order: resource.list.sort[1] },
      filters: resource.list.filters,
      search: resource.list.search,
    },
  };
}

export function buildMeta(resources: ResourceDefinition[]) {
  return {
    resources: resources.map(describeResource),
    roles: Object.entries(roles).map(([id, label]) => ({ id, label })),
    forms: [] as unknown[],
    plugins: [] as unknown[],
  };
}

export type Meta = ReturnType<typeof buildMeta>;
