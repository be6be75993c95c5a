// The console's side of the plugin kit: a plugin's admin half reaches the console only through
// admin/src/plugin-kit.ts; the case's workflow comes from /api/meta, not from copies; every word
// lives in one polyglot namespace (the core's fayuan.*, each plugin's plugins.<name>.*).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMeta } from '../api/meta/meta.js';
import { coreResources } from '../api/resources/index.js';
import { caseStatuses } from '../api/resources/cases.js';
import { caseActions } from '../api/cases/lifecycle.js';
import { caseLifecycle } from '../admin/src/cases/workflow.js';
import { createI18nProvider } from '../admin/src/i18n.js';
import { appMessages } from '../admin/src/messages.js';
import { bundledPlugins } from '../admin/src/plugins.js';
import type { Messages } from '../admin/src/words.js';

const root = path.resolve(import.meta.dirname, '..');
const KIT = path.join(root, 'admin/src/plugin-kit.ts');
const PACKAGES = [/^react(\/|$)/, /^react-admin$/, /^@mui\//, /^@tanstack\/react-query$/];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

/** `./x.js` → the .ts or .tsx file it names. */
function resolveSource(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, base].find((candidate) => fs.existsSync(candidate)) ?? base;
}

const adminHalves = fs.readdirSync(path.join(root, 'plugins'))
  .map((name) => ({ name, dir: path.join(root, 'plugins', name) }))
  .filter(({ dir }) => fs.existsSync(path.join(dir, 'admin')));

describe("a plugin's admin half", () => {
  it('exists for at least the case-files plugin', () => {
    expect(adminHalves.map((p) => p.name)).toContain('case-files');
  });

  for (const { name, dir } of adminHalves) {
    it(`${name}: imports the console only through admin/src/plugin-kit.ts, besides its own folder, React, react-admin, MUI and react-query`, () => {
      const strays: string[] = [];
      for (const file of sourceFiles(path.join(dir, 'admin'))) {
        for (const specifier of importsOf(file)) {
          const where = `${path.relative(root, file)} → ${specifier}`;
          if (!specifier.startsWith('.')) {
            if (!PACKAGES.some((allowed) => allowed.test(specifier))) strays.push(where);
            continue;
          }
          const target = resolveSource(file, specifier);
          if (target !== KIT && !target.startsWith(dir + path.sep)) strays.push(where);
        }
      }
      expect(strays).toEqual([]);
    });
  }
});

describe("the case's workflow in /api/meta", () => {
  const meta = buildMeta(coreResources, null);
  const cases = meta.resources.find((r) => r.name === 'cases')!;

  it('lists the states in the order the status field declares them, and the main path from application to archive', () => {
    expect(cases.workflow!.statuses).toEqual(Object.entries(caseStatuses).map(([id, label]) => ({ id, label })));
    expect(cases.workflow!.mainPath).toEqual(['applied', 'reviewing', 'accepted', 'assigned', 'in_progress', 'closing_submitted', 'closed', 'archived']);
  });

  it("gives every move of lifecycle.ts with its label, the states it leaves and the one it reaches; no other register has a workflow", () => {
    expect(cases.workflow!.actions).toEqual(Object.entries(caseActions).map(([name, a]) => ({
      name, label: a.label, from: [...a.from], to: a.to, stamps: a.stamps,
    })));
    expect(meta.resources.filter((r) => r.workflow).map((r) => r.name)).toEqual(['cases']);
  });

  const lifecycle = caseLifecycle(cases.workflow!);

  it('draws as warnings exactly the moves that leave the main path or go back on it', () => {
    expect(Object.keys(caseActions).filter(lifecycle.isCautious)).toEqual(['reject', 'return-closing', 'terminate']);
  });

  it('shows where an ended case stopped: from its history, else its furthest stamp, else the state its end starts from', () => {
    const terminated = { id: 1, status: 'terminated' };
    const history = [{ at: '2026-11-01T00:00:00Z', actorEmail: null, action: 'transition:terminate', changes: { status: ['in_progress', 'terminated'] as [string, string] } }];
    expect(lifecycle.lastMainStatus(terminated, history)).toBe('in_progress');
    expect(lifecycle.lastMainStatus({ ...terminated, assignedAt: '2026-10-01T00:00:00Z' }, [])).toBe('assigned');
    expect(lifecycle.lastMainStatus(terminated, [])).toBe('applied');
    expect(lifecycle.lastMainStatus({ id: 2, status: 'rejected' }, [])).toBe('reviewing');
  });
});

function keysOf(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)).sort();
}

describe("the console's words", () => {
  it('has the same keys in Chinese and English, for the core and for every plugin', () => {
    expect(keysOf(appMessages.en)).toEqual(keysOf(appMessages.zh));
    for (const plugin of bundledPlugins) {
      if (plugin.messages) expect(keysOf(plugin.messages.en), plugin.name).toEqual(keysOf(plugin.messages.zh));
    }
  });

  it("serves each plugin's words under plugins.<name>.* and the core's under fayuan.*, counted in English", () => {
    const zh = createI18nProvider([], bundledPlugins, 'zh');
    expect(zh.translate('plugins.case-files.uploaded', { smart_count: 2 })).toBe('上传完成（2 个文件）');
    expect(zh.translate('fayuan.workflow.days_left', { kind: '审查期限', due: '2026-12-03', smart_count: 3 })).toBe('审查期限 2026-12-03，剩 3 天');
    const en = createI18nProvider([], bundledPlugins, 'en');
    expect(en.translate('plugins.case-files.uploaded', { smart_count: 1 })).toBe('Uploaded (1 file)');
    expect(en.translate('plugins.case-files.uploaded', { smart_count: 2 })).toBe('Uploaded (2 files)');
    expect(en.translate('fayuan.workflow.overdue', { kind: 'Decision due', due: '2026-11-28', smart_count: 1 })).toBe('Decision due 2026-11-28: 1 day overdue');
  });
});
