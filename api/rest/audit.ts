import type { Kysely } from 'kysely';
import { allFields, type Actor, type ResourceDefinition, type Row } from '../resources/define.js';
export type { Actor };

export const systemActor: Actor = { id: 'system', email: 'system', role: 'admin', lawyerId: null };

const IGNORED = new Set(['version', 'updatedAt', 'createdAt']);

/** Changed fields as { field: [before, after] }. */
export function diffOf(resource: ResourceDefinition, before: Row, after: Row): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const name of Object.keys(allFields(resource))) {
    if (IGNORED.has(name)) continue;
    const a = before[name] ?? null;
    const b = after[name] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[name] = [a, b];
  }
  return changes;
}

export interface AuditEntry {
  actor: Actor | null;
  action: string;
  resource?: string;
  recordId?: unknown;
  changes?: unknown;
  ip?: string | null;
}

export async function writeAudit(db: Kysely<any>, entry: AuditEntry): Promise<void> {
  const now = new Date().toISOString();
  await db.insertInto('audit_log').values({
    createdAt: now,
    updatedAt: now,
    at: now,
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    resource: entry.resource ?? null,
    recordId: entry.recordId === undefined ? null : String(entry.recordId),
    changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
    ip: entry.ip ?? null,
  }).execute();
}
