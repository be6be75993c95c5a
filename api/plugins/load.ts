// Which plugins run: `plugins` in fayuan.config.json, or FAYUAN_PLUGINS=a,b (empty: none).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { accessOf } from '../access/enforce.js';
import { checkTallies, type Access, type Field, type Hooks, type ResourceDefinition, type Section } from '../resources/define.js';
import type { FayuanPlugin, RegisterAccessExtension } from './define.js';
import { codeRoot, moduleFile, projectRoot } from '../paths.js';

export const pluginsDir = path.join(codeRoot, 'plugins');

export function enabledPluginNames(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.FAYUAN_PLUGINS !== undefined) return env.FAYUAN_PLUGINS.split(',').map((s) => s.trim()).filter(Boolean);
  const file = path.join(projectRoot, 'fayuan.config.json');
  if (!fs.existsSync(file)) return [];
  return (JSON.parse(fs.readFileSync(file, 'utf8')).plugins ?? []) as string[];
}

/** Imports each plugin's server part: plugins/<name>/server/index.ts (index.js compiled), default export. */
export async function loadPlugins(names: string[]): Promise<FayuanPlugin[]> {
  const plugins: FayuanPlugin[] = [];
  for (const name of [...new Set(names)]) {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`plugin name "${name}": use lowercase letters, digits and hyphens`);
    const entry = moduleFile(path.join(pluginsDir, name, 'server'), 'index');
    if (!fs.existsSync(entry)) throw new Error(`plugin "${name}" is enabled but ${path.relative(codeRoot, entry)} does not exist`);
    const plugin = (await import(pathToFileURL(entry).href)).default as FayuanPlugin;
    if (plugin?.name !== name) throw new Error(`plugins/${name}/server/index.ts must export default definePlugin({ name: '${name}', … })`);
    plugins.push(plugin);
  }
  return plugins;
}

/** The core registers with the plugins' registers, fields, row rules, action rules, hooks, tallies and indexes added. */
export function withPlugins(core: ResourceDefinition[], plugins: FayuanPlugin[]): ResourceDefinition[] {
  const resources = [...core, ...plugins.flatMap((p) => p.resources ?? [])];
  return resources.map((resource) => {
    let extended = resource;
    for (const plugin of plugins) {
      const fields = plugin.fields?.[resource.name];
      const access = plugin.access?.[resource.name];
      const hooks = plugin.hooks?.[resource.name];
      if (fields) extended = { ...extended, fields: { ...extended.fields, ...fields }, sections: withSectionFields(extended, fields) };
      if (access) extended = { ...extended, access: withAccess(accessOf(extended), access) };
      if (hooks) extended = { ...extended, hooks: withHooks(extended.hooks ?? {}, hooks) };
      const tallies = plugin.tallies?.[resource.name];
      if (tallies) extended = { ...extended, tallies: [...(extended.tallies ?? []), ...tallies] };
      const indexes = plugin.indexes?.[resource.name];
      if (indexes) extended = { ...extended, indexes: [...(extended.indexes ?? []), ...indexes] };
      const actions = plugin.auditActions?.[resource.name];
      if (actions) extended = { ...extended, auditActions: { ...extended.auditActions, ...actions } };
    }
    checkTallies(extended);
    return extended;
  });
}

/** Added fields join the section each names (the register's last one if it names none or an unknown one). */
function withSectionFields(resource: ResourceDefinition, fields: Record<string, Field>): Section[] | undefined {
  if (!resource.sections) return undefined;
  const sections = resource.sections.map((s) => ({ ...s, fields: [...s.fields] }));
  for (const [name, field] of Object.entries(fields)) {
    (sections.find((s) => s.id === field.section) ?? sections[sections.length - 1]).fields.push(name);
  }
  return sections;
}

function withAccess(access: Access, extension: RegisterAccessExtension): Access {
  const out: Access = { ...access, actions: { ...access.actions, ...extension.actions } };
  if (extension.withheld) out.withheld = { ...access.withheld, ...extension.withheld };
  if (extension.redacted) out.redacted = { ...access.redacted, ...extension.redacted };
  for (const verb of ['read', 'create', 'update', 'delete'] as const) {
    if (extension[verb]) out[verb] = { ...access[verb], ...extension[verb] };
  }
  return out;
}

function withHooks(hooks: Hooks, added: Hooks): Hooks {
  return {
    beforeCreate: [...(hooks.beforeCreate ?? []), ...(added.beforeCreate ?? [])],
    beforeUpdate: [...(hooks.beforeUpdate ?? []), ...(added.beforeUpdate ?? [])],
    afterWrite: [...(hooks.afterWrite ?? []), ...(added.afterWrite ?? [])],
  };
}
