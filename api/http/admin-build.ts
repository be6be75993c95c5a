// `npm start` builds the console when its sources (admin/, plugins/*/admin/) are newer than the last build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { adminDist } from './app.js';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function buildAdminIfStale(): boolean {
  const adminDir = path.dirname(adminDist);
  const index = path.join(adminDist, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const plugins = path.join(adminDir, '..', 'plugins');
  const pluginScreens = fs.existsSync(plugins) ? fs.readdirSync(plugins).map((name) => newestMtime(path.join(plugins, name, 'admin'))) : [];
  const sourcesAt = Math.max(newestMtime(adminDir), ...pluginScreens);
  if (builtAt >= sourcesAt) return false;
  const vite = path.join(adminDir, '..', 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', path.join(adminDir, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
  return true;
}
