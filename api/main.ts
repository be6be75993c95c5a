// `npm start`: migrate, load the demo centre into an empty database, build the console, serve.
import { serve } from '@hono/node-server';
import { buildAdminIfStale } from './http/admin-build.js';
import { boot } from './boot.js';
import { DEFAULT_DEMO_PASSWORD } from './config.js';
import { demoAccounts, hasDemoAccounts, isEmpty, seedDemo } from './seed/load-demo.js';

const started = performance.now();
const { config, database, fayuan } = await boot();
const { plugins } = fayuan;

if (config.production && (await hasDemoAccounts(database.db))) {
  console.error('NODE_ENV=production refuses to start while demo accounts (@fayuan.test) exist: delete them first.');
  process.exit(1);
}
let seeded = false;
if (config.demo && (await isEmpty(database))) {
  await seedDemo(fayuan, database, config.demoPassword);
  seeded = true;
}
if (buildAdminIfStale()) console.log('console built');

serve({ fetch: fayuan.app.fetch, port: config.port }, () => {
  const where = database.dialect === 'postgres' ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  console.log(`Plugins: ${plugins.map((p) => p.name).join(', ') || 'none'}`);
  console.log(`法援 Fayuan is up at http://localhost:${config.port}/ (API under /api, docs at /api/docs) — ${where}, ready in ${Math.round(performance.now() - started)} ms`);
  if (seeded || config.demo) {
    console.log(`${seeded ? 'Loaded the demo centre. ' : ''}Demo accounts (password ${config.demoPassword === DEFAULT_DEMO_PASSWORD ? `"${config.demoPassword}"` : 'from DEMO_PASSWORD'}):`);
    for (const account of demoAccounts) console.log(`  ${account.role.padEnd(10)} ${account.email}`);
  }
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await database.close();
    process.exit(0);
  });
}
