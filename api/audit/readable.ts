// The audit trail in the centre's language, made in one place for every screen that shows it
// (a record's history, a case's workflow, the audit log): actions by their Chinese names,
// enum values by their labels, references by their titles, people by name and role, times as
// 2026-03-05 14:30 (China Standard Time). The stored entries keep their raw values for export.
import type { Kysely } from 'kysely';
import { caseMachine } from '../cases/lifecycle.js';
import { complaintMachine } from '../complaints/lifecycle.js';
import type { StateMachine } from '../workflow/state-machine.js';
import { roles } from '../auth/auth.js';
import usersDeclaration from '../users/declaration.js';
import settingsDeclaration from '../settings/declaration.js';
import { allFields, tableName, type Field, type Label, type ResourceDefinition, type Row } from '../resources/define.js';

/** Registers kept outside the record tables (accounts in better-auth's, settings by key). */
const accountRegisters: Record<string, ResourceDefinition> = { users: usersDeclaration, settings: settingsDeclaration };

export interface ReadableChange {
  field: Label;
  before: Label | null;
  after: Label | null;
}

export interface ReadableEntry {
  /** 2026-03-05 14:30, Beijing time. */
  at: string;
  /** 张三（中心管理员）; the address given, for a failed sign-in. */
  who: Label;
  action: Label;
  /** The register and the record's title, e.g. 法律援助案件 2026-法援-0007. */
  record: Label | null;
  changes: ReadableChange[];
}

const same = (text: string): Label => ({ zh: text, en: text });

const actionNames: Record<string, Label> = {
  create: { zh: '新建', en: 'Created' },
  update: { zh: '修改', en: 'Changed' },
  delete: { zh: '删除', en: 'Deleted' },
  upload: { zh: '上传材料', en: 'Uploaded a file' },
  supersede: { zh: '替换材料', en: 'Replaced a file' },
  'sign-in': { zh: '登录', en: 'Signed in' },
  'sign-in-failed': { zh: '登录失败', en: 'Sign-in failed' },
  'sign-in-throttled': { zh: '登录受限（尝试过多）', en: 'Sign-in blocked (too many attempts)' },
  correct: { zh: '更正', en: 'Corrected' },
};

/** The registers whose changes of state are `transition:<action>` entries, by register. */
const machines: Record<string, StateMachine> = { cases: caseMachine, complaints: complaintMachine };

/** What a transition's details are called (api/cases/lifecycle.ts payloads). */
const payloadNames: Record<string, Label> = {
  reason: { zh: '理由', en: 'Reason' },
  note: { zh: '备注', en: 'Note' },
  outcome: { zh: '办案结果', en: 'Outcome' },
  amountRecovered: { zh: '挽回损失或取得利益（元）', en: 'Amount recovered (yuan)' },
  lawyerId: { zh: '承办律师', en: 'Lawyer' },
  method: { zh: '指派方式', en: 'Assignment' },
  ground: { zh: '终止情形', en: 'Termination ground' },
};

export function actionName(action: string, resource = 'cases', register?: ResourceDefinition): Label {
  const declared = register?.auditActions;
  if (declared && Object.hasOwn(declared, action)) return declared[action];
  if (action.startsWith('transition:')) {
    const machine = Object.hasOwn(machines, resource) ? machines[resource] : undefined;
    const name = action.slice('transition:'.length);
    if (machine && Object.hasOwn(machine.actions, name)) return machine.actions[name].label;
  }
  return actionNames[action] ?? same(action);
}

const clock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** 2026-03-05 14:30 in China Standard Time. */
export function readableTime(at: unknown): string {
  const date = at instanceof Date ? at : new Date(String(at));
  if (Number.isNaN(date.getTime())) return String(at ?? '');
  const p = Object.fromEntries(clock.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const yuan = (n: number) => `${n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 元`;

type Lookup = (register: string, id: unknown) => Label | undefined;

/** A field holding a user account's id (`account: true`). */
const isAccountField = (field: Field | undefined): boolean => field?.type === 'text' && field.account === true;

function readableValue(field: Field | undefined, value: unknown, titleOf: Lookup): Label | null {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  if (!field) return same(typeof value === 'string' ? value : JSON.stringify(value));
  switch (field.type) {
    case 'enum':
      return field.options[String(value)] ?? same(String(value));
    case 'tags': {
      const labels = (value as string[]).map((v) => field.options[v] ?? same(v));
      return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
    }
    case 'boolean':
      return value ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' };
    case 'money':
      // A declared unit (分, 倍) means the number is not an amount of money.
      return field.unit ? { zh: `${Number(value)} ${field.unit.zh}`, en: `${Number(value)} ${field.unit.en}` } : same(yuan(Number(value)));
    case 'datetime':
      return same(readableTime(value));
    case 'reference':
      return titleOf(field.to, value) ?? same(`#${String(value)}`);
    case 'referenceList': {
      const labels = (value as unknown[]).map((id) => titleOf(field.to, id) ?? same(`#${String(id)}`));
      return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
    }
    case 'text':
      return isAccountField(field) ? titleOf('users', value) ?? same(String(value)) : same(String(value));
    case 'list':
      return { zh: `${(value as unknown[]).length} 项`, en: `${(value as unknown[]).length} items` };
    default:
      return same(String(value));
  }
}

/** A stored entry's `changes`: { field: [before, after] } and, for a transition, `payload`. */
function changePairs(changes: unknown): { pairs: [string, unknown, unknown][]; payload: Row } {
  let parsed: unknown = changes;
  if (typeof changes === 'string') {
    try { parsed = JSON.parse(changes); } catch { return { pairs: [], payload: {} }; }
  }
  if (!parsed || typeof parsed !== 'object') return { pairs: [], payload: {} };
  const pairs: [string, unknown, unknown][] = [];
  let payload: Row = {};
  for (const [name, pair] of Object.entries(parsed as Row)) {
    if (name === 'payload' && pair && typeof pair === 'object' && !Array.isArray(pair)) payload = pair as Row;
    else if (Array.isArray(pair) && pair.length === 2) pairs.push([name, pair[0], pair[1]]);
  }
  return { pairs, payload };
}

export interface StoredEntry {
  at: unknown;
  actorId?: unknown;
  actorEmail?: unknown;
  action: unknown;
  resource?: unknown;
  recordId?: unknown;
  changes?: unknown;
}

/**
 * Readable versions of stored audit entries, looking up in one pass the people, the titles of
 * referenced records and the records the entries are about. `settings`: the settings register as enabled,
 * so a plugin's setting reads by its label too (the core's declaration knows only the core's).
 */
export async function describeEntries(db: Kysely<any>, entries: StoredEntry[], registers: Map<string, ResourceDefinition>, settings?: ResourceDefinition): Promise<ReadableEntry[]> {
  const registerOf = (name: string) => (name === 'settings' && settings ? settings : registers.get(name) ?? accountRegisters[name]);
  const parsed = entries.map((e) => ({ entry: e, ...changePairs(e.changes), register: registerOf(String(e.resource ?? '')) }));

  // Who: the account's name and role as they are now; so too the accounts the changes name (a review's reviewer).
  const named = parsed.flatMap((p) => (p.register ? p.pairs.filter(([name]) => isAccountField(allFields(p.register!)[name])).flatMap(([, before, after]) => [before, after]) : []));
  const actorIds = [...new Set([...entries.map((e) => e.actorId), ...named].filter((id): id is string => typeof id === 'string' && id !== '' && id !== 'system'))];
  const people = new Map<string, { name: string; role: string }>();
  if (actorIds.length) {
    for (const u of await db.selectFrom('user').select(['id', 'name', 'role']).where('id', 'in', actorIds).execute()) people.set(String(u.id), { name: String(u.name), role: String(u.role ?? '') });
  }

  // Titles: of referenced records in the changes, and of the records themselves.
  const wanted = new Map<string, Set<number>>();
  const want = (register: string, id: unknown) => {
    const n = Number(id);
    if (!Number.isInteger(n) || n <= 0) return;
    if (!wanted.has(register)) wanted.set(register, new Set());
    wanted.get(register)!.add(n);
  };
  for (const p of parsed) {
    if (!p.register) continue;
    const fields = allFields(p.register);
    for (const [name, before, after] of [...p.pairs, ...(p.payload.lawyerId !== undefined ? [['lawyerId', null, p.payload.lawyerId] as [string, unknown, unknown]] : [])]) {
      const field = fields[name];
      if (field?.type === 'reference') [before, after].forEach((id) => want(field.to, id));
      if (field?.type === 'referenceList') [before, after].forEach((ids) => Array.isArray(ids) && ids.forEach((id) => want(field.to, id)));
    }
    want(p.register.name, p.entry.recordId);
  }
  const titles = new Map<string, Label>();
  for (const [name, ids] of wanted) {
    const register = registerOf(name);
    if (!register || name === 'settings' || name === 'users') continue;
    try {
      const rows = await db.selectFrom(tableName(register)).select(['id', register.titleField]).where('id', 'in', [...ids]).execute();
      for (const row of rows) titles.set(`${name}:${row.id}`, same(String(row[register.titleField] ?? `#${row.id}`)));
    } catch { /* a register whose table is gone (a plugin disabled): ids stay ids */ }
  }
  const titleOf: Lookup = (register, id) => (register === 'users'
    ? (typeof id === 'string' && people.has(id) ? same(people.get(id)!.name) : undefined)
    : titles.get(`${register}:${Number(id)}`));

  return parsed.map(({ entry, pairs, payload, register }) => {
    const person = typeof entry.actorId === 'string' ? people.get(entry.actorId) : undefined;
    const role = person ? roles[person.role as keyof typeof roles] : undefined;
    const who: Label = entry.actorId === 'system' ? { zh: '系统', en: 'System' }
      : person ? { zh: `${person.name}（${role?.zh ?? person.role}）`, en: `${person.name} (${role?.en ?? person.role})` }
        : same(String(entry.actorEmail ?? '') || '—');
    const fields = register ? allFields(register) : Object.create(null) as Record<string, Field>;
    // A new record lists what was filled in, not every empty field.
    const shown = entry.action === 'create' ? pairs.filter(([, , after]) => readableValue(undefined, after, titleOf) !== null) : pairs;
    const changes: ReadableChange[] = shown.map(([name, before, after]) => (fields[name]?.type === 'json'
      // A form definition or a filled sheet reads as a whole on its record's page, not as JSON here.
      ? { field: fields[name].label, before: null, after: before === null || before === undefined ? { zh: '已填写', en: 'filled in' } : { zh: '已修改', en: 'changed' } }
      : { field: fields[name]?.label ?? same(name), before: readableValue(fields[name], before, titleOf), after: readableValue(fields[name], after, titleOf) }));
    for (const [name, value] of Object.entries(payload)) {
      // Already shown as a change of the record (a rejection's reason is its decisionReason).
      if (pairs.some(([n, , after]) => n === name || JSON.stringify(after) === JSON.stringify(value))) continue;
      const field = fields[name] ?? (name === 'reason' && entry.action === 'transition:terminate' ? fields.terminationGround : undefined);
      changes.push({ field: payloadNames[name] ?? field?.label ?? same(name), before: null, after: readableValue(field, value, titleOf) });
    }
    const recordTitle = register && entry.recordId != null ? titleOf(register.name, entry.recordId) : undefined;
    return {
      at: readableTime(entry.at),
      who,
      action: actionName(String(entry.action), String(entry.resource ?? 'cases'), register),
      record: register ? { zh: `${register.label.zh} ${recordTitle?.zh ?? (entry.recordId != null ? `#${entry.recordId}` : '')}`.trim(), en: `${register.label.en} ${recordTitle?.en ?? (entry.recordId != null ? `#${entry.recordId}` : '')}`.trim() } : null,
      changes,
    };
  });
}
