// The plugin API: everything a plugin may add to the core. See plugins/README.md.
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv } from '../http/app-env.js';
import type { Auth } from '../auth/auth.js';
import type { CaseActionName } from '../cases/lifecycle.js';
import type { TransitionGuard } from '../cases/guards.js';
import type { DashboardCard } from '../meta/dashboard.js';
import type { Database } from '../db/connect.js';
import type { Migration } from '../db/migrate.js';
import type { ActionRule, Actor, Field, WithheldRule, RedactionRule, Hooks, Label, ResourceDefinition, Row, RowRule, Role, TallyDefinition } from '../resources/define.js';
import type { Records } from '../rest/records.js';
import type { Config } from '../config.js';
import type { Contributions } from './contributions.js';

/** What a plugin's routes and effects may use. */
export interface PluginContext {
  config: Config;
  database: Database;
  records: Records;
  auth: Auth;
  /** The registers as enabled now (core plus plugins, with added fields). */
  resource(name: string): ResourceDefinition;
  /** What enabled plugins offer at a named point (api/plugins/contributions.ts). */
  contributions: Contributions;
}

/** Work done inside a transition's transaction, after the case has moved. */
export interface TransitionEffect {
  action: CaseActionName;
  run(ctx: { trx: Kysely<any>; before: Row; after: Row; actor: Actor; payload: Record<string, unknown>; context: PluginContext }): Promise<void>;
}

/** A panel on the case's Show page, drawn by the plugin's admin part under the same `id`. */
export interface CasePanel {
  id: string;
  label: Label;
  roles: Role[];
}

type VerbExtension = Partial<Record<Role, RowRule>>;

export interface RegisterAccessExtension {
  read?: VerbExtension;
  create?: VerbExtension;
  update?: VerbExtension;
  delete?: VerbExtension;
  /** Custom actions the plugin's routes take on the register's records (e.g. `upload` on cases). */
  actions?: Record<string, ActionRule>;
  /** Fields withheld from a role, decided per request (Access.withheld); added to the register's own. */
  withheld?: Partial<Record<Role, WithheldRule>>;
  /** Words hidden in the rows' text from a role (Access.redacted); added to the register's own. */
  redacted?: Partial<Record<Role, RedactionRule>>;
}

export interface FayuanPlugin {
  /** The folder name under plugins/. */
  name: string;
  label: Label;
  description?: Label;
  /** New registers. */
  resources?: ResourceDefinition[];
  /** Fields added to existing registers (by register name). */
  fields?: Record<string, Record<string, Field>>;
  /** Words for the audit actions the plugin writes, by register (its own or another's, e.g. `cases.peer-grade`). */
  auditActions?: Record<string, Record<string, Label>>;
  /** Row rules added to existing registers (e.g. what a reviewer may read), and their custom actions' rules. */
  access?: Record<string, RegisterAccessExtension>;
  /** Running tallies added to existing registers (by register name), kept by the write path as theirs. */
  tallies?: Record<string, TallyDefinition[]>;
  /** Indexes over several columns added to existing registers (by register name), e.g. for the plugin's own queries. */
  indexes?: Record<string, string[][]>;
  /** Hooks appended to existing registers' lists (they run after the register's own). */
  hooks?: Record<string, Hooks>;
  /** Hand-written schema steps, recorded as `<plugin>/<name>` and run once, in order. */
  migrations?: Migration[];
  /** Mounted under /api behind the session guard. */
  routes?: (ctx: PluginContext) => Hono<AppEnv>;
  guards?: TransitionGuard[];
  effects?: TransitionEffect[];
  dashboard?: DashboardCard[];
  /** What the plugin's home panels draw for this actor, served in GET /api/home under `plugins[name]`
   *  (so the home page is one request); null or undefined when it has nothing for the role. */
  home?: (ctx: PluginContext, actor: Actor) => Promise<unknown>;
  casePanels?: CasePanel[];
  /** Runs once the schema is up to date at start-up (e.g. to resume background jobs). */
  start?: (ctx: PluginContext) => Promise<void>;
  /** Adds demo data after the core's demo centre is loaded into an empty database. */
  demo?: (ctx: PluginContext) => Promise<void>;
  /** What this plugin offers at other plugins' named points, e.g. `{ 'case-files/checklist-supply': [supplier] }`. */
  contributes?: Record<string, unknown[]>;
  /** Extra entries for /api/openapi.json. */
  openapi?: Record<string, unknown>;
}

export function definePlugin(plugin: FayuanPlugin): FayuanPlugin {
  return plugin;
}
