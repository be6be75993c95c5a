// postinstall: build the console once at install, so the first `npm start` only migrates and serves.
// Skipped when vite is absent (e.g. `npm install --omit=dev` of a trimmed image).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

if (fs.existsSync('node_modules/vite/bin/vite.js') && fs.existsSync('admin/vite.config.ts')) {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
}
