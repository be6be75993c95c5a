// /api/meta: what the console needs to draw every register, from the declarations.
import { applicability, type Stages } from '../resources/conditions.js';
import { allFields, sectionsOf, type Actor, type Field, type ResourceDefinition, type Role } from '../resources/define.js';
import { accessOf, hiddenFields, may } from '../access/enforce.js';
import { roles } from '../auth/auth.js';
import { coreCards, type DashboardCard } from './dashboard.js';
import type { FayuanPlugin } from '../plugins/define.js';
import { loadForms } from './forms.js';
import { caseStatuses } from '../resources/cases.js';
import { caseActions } from '../cases/lifecycle.js';
import type { FieldMeta, Meta, ResourceMeta, WorkflowMeta } from './types.js';

export function describeField(name: string, field: Field, stages?: Stages): FieldMeta {
  const appliesWhen = applicability(field, stages);
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
    ...(field.type === 'list' ? { of: Object.entries(field.of).map(([n, f]) => describeField(n, f)) } : {}),
    ...('maxLength' in field && field.maxLength ? { maxLength: field.maxLength } : {}),
    ...('min' in field && field.min !== undefined ? { min: field.min } : {}),
    ...('max' in field && field.max !== undefined ? { max: field.max } : {}),
    ...(field.default !== undefined && typeof field.default !== 'function' ? { default: field.default } : {}),
    ...(field.unit ? { unit: field.unit } : {}),
    ...(field.type === 'integer' && field.grouping === false ? { grouping: false } : {}),
    ...(field.stage ? { stage: field.stage } : {}),
    ...(appliesWhen ? { appliesWhen } : {}),
    ...(field.type === 'json' && field.holds ? { holds: field.holds } : {}),
  };
}

export function describeResource(resource: ResourceDefinition): ResourceMeta {
  return {
    name: resource.name,
    label: resource.label,
    titleField: resource.titleField,
    fields: Object.entries(allFields(resource)).map(([name, field]) => describeField(name, field, resource.stages)),
    sections: sectionsOf(resource).map(({ id, label, fields }) => ({ id, label, fields })),
    list: {
      columns: resource.list.columns,
      sort: { field: resource.list.sort[0], order: resource.list.sort[1] },
      filters: resource.list.filters,
      search: resource.list.search,
      virtualFilters: Object.entries(resource.virtualFilters ?? {}).map(([name, f]) => ({ name, label: f.label })),
    },
    ...(resource.name === 'cases' ? { workflow: caseWorkflow() } : {}),
  };
}

/**
 * The case's states and moves from api/cases/lifecycle.ts, so the console copies none of them.
 * The main path takes, from the first state, each state's first declared move to a state not yet
 * reached (review, accept, assign, … archive); the other moves leave it or go back.
 */
export function caseWorkflow(): WorkflowMeta {
  const actions = Object.entries(caseActions).map(([name, a]) => ({
    name, label: a.label, from: [...a.from] as string[], to: a.to as string | null, stamps: a.stamps as string | null,
  }));
  const mainPath = [Object.keys(caseStatuses)[0]];
  for (;;) {
    const at = mainPath[mainPath.length - 1];
    const next = actions.find((a) => a.from.includes(at) && a.to !== null && !mainPath.includes(a.to));
    if (!next?.to) break;
    mainPath.push(next.to);
  }
  return {
    statuses: Object.entries(caseStatuses).map(([id, label]) => ({ id, label })),
    mainPath,
    actions,
  };
}

/** What the signed-in role may do with a register, so the console shows only that. */
export function describePermissions(resource: ResourceDefinition, actor: Actor) {
  return {
    read: may(resource, actor, 'read'),
    create: may(resource, actor, 'create'),
    update: may(resource, actor, 'update'),
    delete: may(resource, actor, 'delete'),
    writableFields: accessOf(resource).writableFields?.[actor.role as Role] ?? null,
    maskedFields: [...hiddenFields(resource, actor)],
  };
}

const forms = loadForms();

export function buildMeta(resources: ResourceDefinition[], actor: Actor | null, cards: DashboardCard[] = coreCards, plugins: FayuanPlugin[] = []): Meta {
  return {
    user: actor,
    dashboard: actor ? cards.filter((card) => card.roles.includes(actor.role as Role)) : [],
    resources: resources
      .filter((r) => !actor || may(r, actor, 'read'))
      .map((r) => ({ ...describeResource(r), ...(actor ? { permissions: describePermissions(r, actor) } : {}) })),
    roles: Object.entries(roles).map(([id, label]) => ({ id, label })),
    forms,
    plugins: plugins.map((p) => ({
      name: p.name,
      label: p.label,
      description: p.description ?? null,
      resources: (p.resources ?? []).map((r) => r.name),
      casePanels: (p.casePanels ?? []).filter((panel) => actor && panel.roles.includes(actor.role as Role)),
    })),
  };
}

export type { Meta } from './types.js';
