// A plugin uses the core only through its kits: api/plugin-kit.ts (and its PDF door,
// api/plugin-kit-pdf.ts) on the server and
// admin/src/plugin-kit.ts in the console (its tests may also use test/support). Every file of
// every plugin is read, so the rule holds for the plugins to come.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pluginsDir = path.join(root, 'plugins');

const SOURCE = /\.(ts|tsx|js|mjs|jsx)$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Paths (relative to the repository) that a file of this plugin half may import outside its plugin. */
function allowed(half: 'server' | 'admin' | 'test', target: string): boolean {
  const bare = target.replace(/\.(js|ts|tsx)$/, '');
  // The console's bundle takes only the console kit: the server kit pulls in node:fs and node:crypto.
  if (half === 'admin') return bare === 'admin/src/plugin-kit';
  if (bare === 'api/plugin-kit' || bare === 'api/plugin-kit-pdf' || bare === 'admin/src/plugin-kit') return true;
  return half === 'test' && target.startsWith('test/support/');
}

/** Every import of a plugin half that reaches outside the plugin to something other than a kit. */
function strayImports(half: 'server' | 'admin' | 'test'): string[] {
  const stray: string[] = [];
  for (const plugin of fs.readdirSync(pluginsDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const own = path.join(pluginsDir, plugin.name);
    for (const file of filesUnder(path.join(own, half))) {
      for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        if (!specifier.startsWith('.') && !specifier.startsWith('/')) continue; // a package
        const resolved = path.resolve(path.dirname(file), specifier);
        // A console file may not reach into its own plugin's server half either (it is server code).
        if (half === 'admin' && resolved.startsWith(path.join(own, 'server') + path.sep)) {
          stray.push(`${path.relative(root, file)} imports ${specifier}`);
          continue;
        }
        if (resolved.startsWith(own + path.sep)) continue;
        const target = path.relative(root, resolved).split(path.sep).join('/');
        if (!allowed(half, target)) stray.push(`${path.relative(root, file)} imports ${specifier}`);
      }
    }
  }
  return stray;
}

describe('plugins import the core only through the plugin kits', () => {
  it('finds the plugins it checks', () => {
    expect(filesUnder(path.join(pluginsDir, 'case-files', 'server')).length).toBeGreaterThan(0);
  });

  it('server files import nothing from api/ or admin/src/ but the kits', () => {
    expect(strayImports('server')).toEqual([]);
  });

  it('console files import nothing from api/, admin/src/ or their server half but admin/src/plugin-kit', () => {
    expect(strayImports('admin')).toEqual([]);
  });

  it('test files import only the kits and test/support', () => {
    expect(strayImports('test')).toEqual([]);
  });
});
