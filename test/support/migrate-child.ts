// A separate process that migrates the database named by DATABASE_URL (schema FAYUAN_TEST_SCHEMA)
// or DATA_DIR. It prints `ready` once loaded and connected, and starts when a line arrives on
// stdin (so that several children start together). Exit code 0 when it succeeded.
import { createFayuan } from '../../api/http/app.js';
import { readConfig } from '../../api/config.js';
import { openDatabase } from '../../api/db/connect.js';

const config = readConfig({ ...process.env, FAYUAN_RATE_LIMIT: 'off' });
const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: process.env.FAYUAN_TEST_SCHEMA || undefined });
const fayuan = createFayuan({ database, config });
await database.db.selectNoFrom((eb) => eb.val(1).as('one')).execute(); // connected
console.log('ready');
await new Promise((resolve) => process.stdin.once('data', resolve));
const began = Date.now();
try {
  await fayuan.migrate();
  console.log(`migrated ${began} ${Date.now()}`);
  await database.close();
  process.exit(0);
} catch (error) {
  console.error(error);
  await database.close().catch(() => {});
  process.exit(1);
}
