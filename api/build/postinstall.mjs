// postinstall: build the console and compile the API once at install, so the first `npm start`
// only migrates and serves. The console is skipped when vite is absent (e.g. `npm install
// --omit=dev` of a trimmed image).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { compiledApi } from './compile-api.mjs';

if (fs.existsSync('node_modules/vite/bin/vite.js') && fs.existsSync('admin/vite.config.ts')) {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
}
await compiledApi();
