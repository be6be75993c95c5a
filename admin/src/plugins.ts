/// <reference types="vite/client" />
// The admin halves of the plugins (plugins/<name>/admin/index.tsx): every one is bundled, and
// only those /api/meta lists as enabled are drawn. A plugin's case panels show where meta says
// the user's role may see them; its list inputs replace the generic editor of a `list` field.
// A plugin's admin half imports the console only through ./plugin-kit.ts.
import type { ComponentType } from 'react';
import type { RaRecord } from 'react-admin';
import { useMeta, type FieldMeta, type Label, type Meta, type PluginMeta, type ResourceMeta } from './meta.js';
import type { PolyglotMessages } from './words.js';

/** What a plugin's input for a `list` field receives (it edits `source` in the form). */
export interface ListInputProps {
  field: FieldMeta;
  source: string;
  resource: ResourceMeta;
}

/** What a plugin's case panel receives; it is drawn inside the case's record context too. */
export interface CasePanelProps {
  /** The case, loaded. */
  caseRecord: RaRecord;
}

/** What a plugin's page receives: the path's parameters (`/case-inspections/inspect/:caseId` → `{ caseId }`). */
export interface PluginPageProps {
  params: Record<string, string | undefined>;
}

/** What a plugin's display of a field receives (on a record's page, or in a list cell when `inList`). */
export interface FieldDisplayProps {
  field: FieldMeta;
  value: unknown;
  inList: boolean;
}

/** What a plugin's panel on a record's page receives (drawn below the record's fields). */
export interface RecordPanelProps {
  record: RaRecord;
}

/** The default export of plugins/<name>/admin/index.tsx. */
export interface AdminPlugin {
  /** The folder name, as in /api/meta `plugins[].name`. */
  name: string;
  /** Its words, merged under `plugins.<name>.*` (see usePluginTranslate). */
  messages?: PolyglotMessages;
  /** Panels on a case's page, by the `id` the server half declares in `casePanels`. */
  casePanels?: Record<string, ComponentType<CasePanelProps>>;
  /** Inputs for list fields, by `<resource>.<field>`. */
  listInputs?: Record<string, ComponentType<ListInputProps>>;
  /** How fields read on record pages and in lists (instead of the generic display), by `<resource>.<field>`. */
  fieldDisplays?: Record<string, ComponentType<FieldDisplayProps>>;
  /** Panels on the home page (工作台), each deciding from meta whether this user sees it. */
  homePanels?: ComponentType[];
  /** Buttons for the rows selected in a register's list (they read the list context), by register name. */
  bulkActions?: Record<string, ComponentType[]>;
  /** Panels above a register's list (e.g. the batch exports still running), by register name. */
  listPanels?: Record<string, ComponentType[]>;
  /** Panels on a register's record page (the generic one), below its fields, by register name. */
  recordPanels?: Record<string, ComponentType<RecordPanelProps>[]>;
  /** Whole pages of the console, by path (react-router syntax, e.g. `/case-inspections/inspect/:caseId`). */
  pages?: Record<string, ComponentType<PluginPageProps>>;
}

/** Checks a plugin's admin half against AdminPlugin and keeps its exact type. */
export function defineAdminPlugin<const T extends AdminPlugin>(plugin: T): T {
  return plugin;
}

const modules = import.meta.glob<{ default: AdminPlugin }>('../../plugins/*/admin/index.tsx', { eager: true });

/** Every plugin's admin half in the bundle, enabled or not. */
export const bundledPlugins: AdminPlugin[] = Object.values(modules).map((module) => module.default);

/** The bundled admin halves of the plugins the server has enabled, with their meta. */
export function enabledPlugins(meta: Meta): { plugin: AdminPlugin; meta: PluginMeta }[] {
  return meta.plugins.flatMap((described) => {
    const plugin = bundledPlugins.find((p) => p.name === described.name);
    return plugin ? [{ plugin, meta: described }] : [];
  });
}

export interface CasePanelEntry {
  /** `<plugin>.<panel id>`, unique on the page. */
  key: string;
  label: Label;
  Panel: ComponentType<CasePanelProps>;
}

/** The case panels this user may see, in the order meta lists them. */
export function useCasePanels(): CasePanelEntry[] {
  const meta = useMeta();
  return enabledPlugins(meta).flatMap(({ plugin, meta: described }) =>
    described.casePanels.flatMap((panel) => {
      const Panel = plugin.casePanels?.[panel.id];
      return Panel ? [{ key: `${plugin.name}.${panel.id}`, label: panel.label, Panel }] : [];
    }),
  );
}

/** The enabled plugins' components for this register's fields, from `<resource>.<field>` keys, by field name. */
function byField<P>(meta: Meta, resource: string, of: (plugin: AdminPlugin) => Record<string, ComponentType<P>> | undefined): Record<string, ComponentType<P>> {
  const found: Record<string, ComponentType<P>> = {};
  for (const { plugin } of enabledPlugins(meta)) {
    for (const [key, Component] of Object.entries(of(plugin) ?? {})) {
      const [name, field] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
      if (name === resource) found[field] = Component;
    }
  }
  return found;
}

/** The enabled plugins' inputs for this register's list fields, by field name. */
export function useListInputs(resource: string): Record<string, ComponentType<ListInputProps>> {
  return byField(useMeta(), resource, (p) => p.listInputs);
}

/** The enabled plugins' displays of this register's fields, by field name. */
export function useFieldDisplays(resource: string): Record<string, ComponentType<FieldDisplayProps>> {
  return byField(useMeta(), resource, (p) => p.fieldDisplays);
}

/** The enabled plugins' home-page panels, in plugin order. */
export function useHomePanels(): { key: string; Panel: ComponentType }[] {
  const meta = useMeta();
  return enabledPlugins(meta).flatMap(({ plugin }) => (plugin.homePanels ?? []).map((Panel, i) => ({ key: `${plugin.name}.${i}`, Panel })));
}

/** The enabled plugins' bulk-action buttons for this register's list. */
export function useBulkActions(resource: string): ComponentType[] {
  const meta = useMeta();
  return enabledPlugins(meta).flatMap(({ plugin }) => plugin.bulkActions?.[resource] ?? []);
}

export function useListPanels(resource: string): ComponentType[] {
  const meta = useMeta();
  return enabledPlugins(meta).flatMap(({ plugin }) => plugin.listPanels?.[resource] ?? []);
}

/** The enabled plugins' panels for this register's record page. */
export function useRecordPanels(resource: string): ComponentType<RecordPanelProps>[] {
  const meta = useMeta();
  return enabledPlugins(meta).flatMap(({ plugin }) => plugin.recordPanels?.[resource] ?? []);
}

/** The enabled plugins' pages, by path. */
export function pluginPages(meta: Meta): { path: string; Page: ComponentType<PluginPageProps> }[] {
  return enabledPlugins(meta).flatMap(({ plugin }) => Object.entries(plugin.pages ?? {}).map(([path, Page]) => ({ path, Page })));
}
