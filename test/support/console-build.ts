// Builds the console (admin/dist) when it is missing, as `npm run build` does.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.js';

export const consoleDist = path.join(ROOT, 'admin', 'dist');

export function buildConsoleIfMissing(): boolean {
  if (fs.existsSync(path.join(consoleDist, 'index.html'))) return false;
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', path.join(ROOT, 'admin', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return true;
}
