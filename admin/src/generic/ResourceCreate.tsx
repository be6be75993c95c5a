// Creating a record of any register: declared defaults filled in, server-set fields never sent.
import { Create, ListButton, TopToolbar, useResourceContext, type RaRecord } from 'react-admin';
import { SYSTEM_FIELDS, useResourceMeta, type ResourceMeta } from '../meta.js';
import { ResourceForm } from './ResourceForm.js';

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The declared defaults. A required date without one (application date, date received) is
 * usually today, which the server would also fill in: show it so the form can be sent as it is.
 */
export function createDefaults(resource: ResourceMeta): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of resource.fields) {
    if (field.readOnly) continue;
    if (field.default !== undefined) values[field.name] = field.default;
    else if (field.required && field.type === 'date') values[field.name] = today();
  }
  return values;
}

/** Drops what the server sets (ids, versions, numbers, deadlines), e.g. from a cloned record. */
export function withoutServerFields(resource: ResourceMeta, data: RaRecord): Record<string, unknown> {
  const serverSet = new Set([...SYSTEM_FIELDS, ...resource.fields.filter((f) => f.readOnly).map((f) => f.name)]);
  return Object.fromEntries(Object.entries(data).filter(([name]) => !serverSet.has(name)));
}

export function ResourceCreate() {
  const resource = useResourceMeta(useResourceContext()!);
  return (
    <Create
      redirect="show"
      transform={(data: RaRecord) => withoutServerFields(resource, data)}
      actions={<TopToolbar><ListButton /></TopToolbar>}
    >
      <ResourceForm resource={resource} mode="create" defaultValues={createDefaults(resource)} />
    </Create>
  );
}
