// GET /api/home: every figure of the console's home page in one answer, for the signed-in role —
// the year's indicators (admins, supervisors) or the lawyer's own work, the count cards, the size
// of each register the role reads, and what the enabled plugins' home panels draw.
import type { DashboardCard } from '../meta/dashboard.js';
import type { FayuanPlugin, PluginContext } from '../plugins/define.js';
import { may } from '../access/enforce.js';
import type { Actor, Role } from '../resources/define.js';
import type { Records } from '../rest/records.js';
import usersDeclaration from '../users/declaration.js';
import { yearFigures, type YearFigures } from './indicators.js';
import { myWork, type MyWork } from './my-work.js';

export interface HomeFigures {
  year: number;
  indicators: YearFigures | null;
  mine: MyWork | null;
  /** Each count card's total by card id (null: the role cannot read it now). */
  cards: Record<string, number | null>;
  /** Records in each register the role reads, by register name. */
  registers: Record<string, number>;
  /** Each enabled plugin's home data, by plugin name (absent when it has none for the role). */
  plugins: Record<string, unknown>;
}

/** The console accounts (not a record register: better-auth's table), for those who manage them. */
async function userCount(records: Records, actor: Actor): Promise<Record<string, number>> {
  if (!may(usersDeclaration, actor, 'read')) return {};
  const { n } = await records.database.db.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { [usersDeclaration.name]: Number(n) };
}

export async function homeFigures(records: Records, context: PluginContext, cards: DashboardCard[], plugins: FayuanPlugin[], actor: Actor, year: number): Promise<HomeFigures> {
  const role = actor.role as Role;
  const mine = cards.filter((card) => card.roles.includes(role));
  const readable = [...records.resources.values()].filter((r) => may(r, actor, 'read'));
  const [indicators, work, cardTotals, registerTotals, users, pluginData] = await Promise.all([
    role === 'admin' || role === 'supervisor' ? yearFigures(records, year) : null,
    role === 'lawyer' ? myWork(records, actor) : null,
    Promise.all(mine.map((card) => records.count(records.resource(card.resource), card.filter, actor).catch(() => null))),
    Promise.all(readable.map((r) => records.count(r, {}, actor))),
    userCount(records, actor),
    Promise.all(plugins.map((p) => p.home?.(context, actor))),
  ]);
  return {
    year,
    indicators,
    mine: work,
    cards: Object.fromEntries(mine.map((card, i) => [card.id, cardTotals[i]])),
    registers: { ...Object.fromEntries(readable.map((r, i) => [r.name, registerTotals[i]])), ...users },
    plugins: Object.fromEntries(plugins.flatMap((p, i) => (pluginData[i] === undefined || pluginData[i] === null ? [] : [[p.name, pluginData[i]]]))),
  };
}
