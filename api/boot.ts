// Start-up, in the one order every entry point needs: config → database → plugins → migrate.
// Used by `npm start`, the CLIs, the benchmark and the tests.
import { createFayuan, type Fayuan } from './http/app.js';
import { readConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/connect.js';
import type { FayuanPlugin } from './plugins/define.js';
import { enabledPluginNames, loadPlugins } from './plugins/load.js';
import type { ResourceDefinition } from './resources/define.js';

export interface BootOptions {
  /** Default: read from the environment. */
  config?: Config;
  /** Default: opened from the config (and closed again if start-up fails). */
  database?: Database;
  /** Plugin names (or, in tests, definitions); default: the enabled ones. */
  plugins?: (string | FayuanPlugin)[];
  /** The core registers (tests may add throwaway ones). */
  resources?: ResourceDefinition[];
  /** False to leave the schema as it is (the benchmark times migration itself); the plugins' start hooks then do not run either. */
  migrate?: boolean;
}

export interface Booted {
  config: Config;
  database: Database;
  fayuan: Fayuan;
}

export async function boot(options: BootOptions = {}): Promise<Booted> {
  const config = options.config ?? readConfig();
  const database = options.database ?? openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  try {
    const wanted = options.plugins ?? enabledPluginNames();
    const loaded = await loadPlugins(wanted.filter((p): p is string => typeof p === 'string'));
    const plugins = wanted.map((p) => (typeof p === 'string' ? loaded.find((l) => l.name === p)! : p));
    const fayuan = createFayuan({ database, config, plugins, ...(options.resources ? { resources: options.resources } : {}) });
    if (options.migrate !== false) {
      await fayuan.migrate();
      await fayuan.start();
    }
    return { config, database, fayuan };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}
