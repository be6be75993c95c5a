// 利益冲突审查 and 更换法律援助人员: matches by ID number and by (two-character) name, the refused
// assignment of a lawyer who acted for the other side, acknowledged warnings in the audit trail,
// and a change of lawyer that ends the old lawyer's access on the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../support/fayuan.js';

let t: TestFayuan;
type Json = Record<string, any>;

beforeAll(async () => { t = await startTestFayuan({ cases: 5 }); });
afterAll(async () => { await t?.close(); });

async function ok(path: string, method = 'GET', body?: unknown, role: 'admin' | 'lawyer' = 'admin'): Promise<Json> {
  const res = await t.api(role, path, { method, body });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text);
}

const newCase = async (fields: Json) => ok('/api/cases', 'POST', { caseType: 'civil', channel: 'notified', causeOfAction: '民间借贷纠纷', ...fields });
const accepted = async (fields: Json) => {
  const c = await newCase(fields);
  await ok(`/api/cases/${c.id}/transitions/review`, 'POST');
  await ok(`/api/cases/${c.id}/transitions/accept`, 'POST');
  return c;
};
const eligible = async (caseId: number) => (await ok(`/api/cases/${caseId}/eligible-lawyers`)).filter((l: Json) => l.eligible);
const assign = (caseId: number, body: Json) => t.api('admin', `/api/cases/${caseId}/transitions/assign`, { method: 'POST', body });

describe('the conflict check', () => {
  let earlier: Json;
  let later: Json;
  let actedFor: Json;
  let other: Json;

  beforeAll(async () => {
    // 张伟 (with an ID number) was our client against 李娜; now 李娜 applies against 张伟.
    earlier = await accepted({ applicantName: '张伟', applicantIdNumber: '110101198001011232', opposingPartyName: '李娜' });
    [actedFor] = await eligible(earlier.id);
    await ok(`/api/cases/${earlier.id}/transitions/assign`, 'POST', { lawyerId: actedFor.id });
    later = await accepted({ applicantName: '李娜', opposingPartyName: '张伟', opposingPartyIdNumber: '110101198001011232' });
    other = (await eligible(later.id)).find((l: Json) => l.id !== actedFor.id && l.lawFirmId !== actedFor.lawFirmId);
  });

  it('finds the applicant as an earlier opposing party by a two-character name, and the opposing party as a client by ID', async () => {
    const conflicts = await ok(`/api/cases/${later.id}/conflicts`);
    expect(conflicts).toEqual(expect.arrayContaining([
      { kind: 'applicant_was_opposing_party', caseId: earlier.id, caseNumber: earlier.caseNumber, matchedOn: 'name' },
      { kind: 'opposing_party_was_client', caseId: earlier.id, caseNumber: earlier.caseNumber, matchedOn: 'idNumber' },
    ]));
    expect(conflicts.every((c: Json) => c.caseId !== later.id)).toBe(true);
    expect(await ok(`/api/cases/${later.id}/conflicts?lawyerId=${actedFor.id}`)).toContainEqual(
      { kind: 'lawyer_acted_for_opposing_party', caseId: earlier.id, caseNumber: earlier.caseNumber, matchedOn: 'idNumber' });
    // Seen from the earlier case, its opposing party 李娜 has since been a client (a name match).
    expect(await ok(`/api/cases/${earlier.id}/conflicts`)).toContainEqual(
      { kind: 'opposing_party_was_client', caseId: later.id, caseNumber: later.caseNumber, matchedOn: 'name' });
  });

  it('does not match a namesake whose ID number differs', async () => {
    const a = await newCase({ applicantName: '王强', applicantIdNumber: '110101197001011115' });
    const b = await newCase({ applicantName: '陈静', opposingPartyName: '王强', opposingPartyIdNumber: '110101197502022218' });
    expect((await ok(`/api/cases/${b.id}/conflicts`)).filter((c: Json) => c.caseId === a.id)).toEqual([]);
  });

  it('is for admins only', async () => {
    expect((await t.api('supervisor', `/api/cases/${later.id}/conflicts`)).status).toBe(403);
  });

  it('refuses to assign a lawyer who acted for the opposing party, with its rule and message', async () => {
    const res = await assign(later.id, { lawyerId: actedFor.id, acknowledgeConflicts: true });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.message).toContain('该律师曾代理本案对方当事人');
    expect(body.rules.map((r: Json) => r.rule)).toContain('conflict.acted_for_opposing_party');
    expect((await ok(`/api/cases/${later.id}`)).status).toBe('accepted');
  });

  it('asks the admin to acknowledge the other warnings, then assigns and audits what was acknowledged', async () => {
    const unacknowledged = await assign(later.id, { lawyerId: other.id });
    expect(unacknowledged.status).toBe(422);
    expect((await unacknowledged.json()).rules.map((r: Json) => r.rule)).toEqual(['conflict.unacknowledged']);
    const res = await assign(later.id, { lawyerId: other.id, acknowledgeConflicts: true });
    expect(res.status).toBe(200);
    const entry = await t.database.db.selectFrom('audit_log').select('changes')
      .where('resource', '=', 'cases').where('recordId', '=', String(later.id)).where('action', '=', 'transition:assign').executeTakeFirstOrThrow();
    const changes = JSON.parse(entry.changes);
    expect(changes.payload.acknowledgeConflicts).toBe(true);
    expect(changes.acknowledgedConflicts.map((c: Json) => c.kind)).toEqual(expect.arrayContaining(['applicant_was_opposing_party', 'opposing_party_was_client']));
  });
});

describe('a change of lawyer', () => {
  it('moves the case to a new lawyer under the same rules, keeps the history, and ends the old lawyer\'s access at once', async () => {
    const demoLawyerId = (await ok('/api/meta', 'GET', undefined, 'lawyer')).user.lawyerId;
    const c = await accepted({ applicantName: '孙丽' });
    const res = await assign(c.id, { lawyerId: demoLawyerId });
    if (res.status !== 200) throw new Error(`the demo lawyer cannot take the case: ${await res.text()}`);
    expect((await t.api('lawyer', `/api/cases/${c.id}`)).status).toBe(200);
    await ok(`/api/cases/${c.id}/transitions/start`, 'POST', {}, 'lawyer');

    const next = (await eligible(c.id)).find((l: Json) => l.id !== demoLawyerId);
    const same = await t.api('admin', `/api/cases/${c.id}/transitions/change-lawyer`, { method: 'POST', body: { lawyerId: demoLawyerId, reason: 'client_request' } });
    expect((await same.json()).rules.map((r: Json) => r.rule)).toEqual(['change_lawyer.same_lawyer']);
    expect((await t.api('admin', `/api/cases/${c.id}/transitions/change-lawyer`, { method: 'POST', body: { lawyerId: next.id, reason: 'bored' } })).status).toBe(422);
    expect((await t.api('lawyer', `/api/cases/${c.id}/transitions/change-lawyer`, { method: 'POST', body: { lawyerId: next.id, reason: 'lawyer_withdrawal' } })).status).toBe(403);

    const changed = await ok(`/api/cases/${c.id}/transitions/change-lawyer`, 'POST', { lawyerId: next.id, reason: 'client_request', note: '受援人认为沟通不畅' });
    expect(changed).toMatchObject({ status: 'in_progress', lawyerId: next.id });
    // The old lawyer's very next requests find nothing.
    expect((await t.api('lawyer', `/api/cases/${c.id}`)).status).toBe(404);
    expect((await t.api('lawyer', `/api/cases/${c.id}/workflow`)).status).toBe(404);
    expect((await t.api('lawyer', `/api/cases/${c.id}/transitions/submit-closing`, { method: 'POST' })).status).toBe(404);
    const history = (await ok(`/api/cases/${c.id}/workflow`)).history;
    expect(history.map((h: Json) => h.action)).toEqual(['transition:review', 'transition:accept', 'transition:assign', 'transition:start', 'transition:change-lawyer']);
    expect(history.at(-1).changes).toMatchObject({ lawyerId: [demoLawyerId, next.id], payload: { reason: 'client_request', note: '受援人认为沟通不畅' } });
  });

  it('is refused on a case that has no lawyer yet', async () => {
    const c = await accepted({ applicantName: '周杰' });
    expect((await t.api('admin', `/api/cases/${c.id}/transitions/change-lawyer`, { method: 'POST', body: { lawyerId: 1, reason: 'client_request' } })).status).toBe(409);
  });
});
