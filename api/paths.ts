// Where the project's files are. The API runs from its TypeScript sources (tests, the CLIs) or
// compiled into api/dist/<build>/ (`npm start`, see api/build/compile-api.mjs): the project's own
// files (forms, fayuan.config.json, the built console, node_modules) are found from the project
// root, the plugins' server code beside this module's tree, in the language this module runs in.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

function nearestPackageDir(dir: string): string {
  if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  const parent = path.dirname(dir);
  if (parent === dir) throw new Error(`no package.json above ${here}`);
  return nearestPackageDir(parent);
}

export const projectRoot = nearestPackageDir(path.dirname(here));
/** The tree holding api/ and plugins/ as they run: the project itself, or a compiled build of it. */
export const codeRoot = path.resolve(path.dirname(here), '..');
/** A module's file as it runs: `index` → index.ts from sources, index.js compiled. */
export const moduleFile = (dir: string, name: string) => path.join(dir, `${name}${path.extname(here)}`);
