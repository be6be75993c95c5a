// Masked data is not an oracle: a role that sees a field masked cannot confirm a guess of it
// by writing it, and the fields that spell part of an ID number (birth date, gender) are masked
// for the same roles on every read path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQuery, startTestFayuan, type TestFayuan } from '../support/fayuan.js';

let t: TestFayuan;
let caseId: number;
let stored: Record<string, any>;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 20 });
  const rows = await (await t.api('admin', `/api/cases${listQuery({ range: [0, 99] })}`)).json();
  stored = rows.find((r: any) => r.applicantIdNumber && r.applicantBirthDate && r.applicantGender);
  caseId = stored.id;
});
afterAll(() => t?.close());

async function answer(body: Record<string, unknown>) {
  const res = await t.api('supervisor', `/api/cases/${caseId}`, { method: 'PUT', body });
  return { status: res.status, text: await res.text() };
}

describe('a write of a masked field', () => {
  it('is answered byte for byte the same for a true and a false guess of the ID number', async () => {
    const truth = await answer({ applicantIdNumber: stored.applicantIdNumber });
    const wrong = await answer({ applicantIdNumber: `${stored.applicantIdNumber.slice(0, -1)}${stored.applicantIdNumber.endsWith('1') ? '2' : '1'}` });
    expect(truth.status).toBe(403);
    expect(truth).toEqual(wrong);
  });

  it('is answered the same for true and false guesses of the birth date and the gender', async () => {
    const birth = [await answer({ applicantBirthDate: stored.applicantBirthDate }), await answer({ applicantBirthDate: '1901-01-01' })];
    expect(birth[0].status).toBe(403);
    expect(birth[0]).toEqual(birth[1]);
    const other = stored.applicantGender === 'male' ? 'female' : 'male';
    const gender = [await answer({ applicantGender: stored.applicantGender }), await answer({ applicantGender: other })];
    expect(gender[0].status).toBe(403);
    expect(gender[0]).toEqual(gender[1]);
  });

  // Supervisors no longer change cases at all (the grade is the server's, issue #12): a form sent whole
  // is refused and the masked values stay as stored.
  it('leaves the stored values when a form sent whole with the masked text comes back', async () => {
    const shown = await (await t.api('supervisor', `/api/cases/${caseId}`)).json();
    const res = await t.api('supervisor', `/api/cases/${caseId}`, { method: 'PUT', body: { ...shown, qualityGrade: 'good' } });
    expect(res.status, await res.clone().text()).toBe(403);
    const after = await (await t.api('admin', `/api/cases/${caseId}`)).json();
    expect(after.applicantIdNumber).toBe(stored.applicantIdNumber);
    expect(after.applicantBirthDate).toBe(stored.applicantBirthDate);
    expect(after.applicantGender).toBe(stored.applicantGender);
  });
});

describe('the birth date and gender, masked where the ID number is', () => {
  const hidesAll = (row: any) => {
    expect(row.applicantIdNumber).not.toBe(stored.applicantIdNumber);
    expect(row.applicantBirthDate).toBe('****-**-**');
    expect(row.applicantGender).toBe('*');
  };

  it('on getOne, getList and getMany for the supervisor; in clear for admin and the case lawyer', async () => {
    hidesAll(await (await t.api('supervisor', `/api/cases/${caseId}`)).json());
    const list = await (await t.api('supervisor', `/api/cases${listQuery({ range: [0, 99] })}`)).json();
    for (const row of list) if (row.applicantBirthDate !== null) expect(row.applicantBirthDate).toBe('****-**-**');
    const many = await (await t.api('supervisor', `/api/cases${listQuery({ filter: { id: [caseId] } })}`)).json();
    hidesAll(many[0]);
    expect((await (await t.api('admin', `/api/cases/${caseId}`)).json()).applicantBirthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses filtering and sorting by them for the supervisor with 403', async () => {
    for (const query of [
      listQuery({ filter: { applicantBirthDate: stored.applicantBirthDate } }),
      listQuery({ filter: { applicantBirthDate_gte: '1990-01-01' } }),
      listQuery({ filter: { applicantGender: 'male' } }),
      listQuery({ sort: ['applicantBirthDate', 'ASC'] }),
      listQuery({ sort: ['applicantGender', 'DESC'] }),
    ]) {
      expect((await t.api('supervisor', `/api/cases${query}`)).status, query).toBe(403);
    }
  });

  it('never shows them in audit entries or a case\'s history', async () => {
    await t.api('admin', `/api/cases/${caseId}`, { method: 'PUT', body: { applicantBirthDate: '1980-02-03' } });
    const entries = await t.database.db.selectFrom('audit_log').select('changes').where('resource', '=', 'cases').where('recordId', '=', String(caseId)).execute();
    const text = entries.map((e) => e.changes).join('\n');
    expect(text).not.toContain('1980-02-03');
    expect(text).not.toContain(stored.applicantBirthDate);
    const workflow = await (await t.api('supervisor', `/api/cases/${caseId}/workflow`)).text();
    expect(workflow).not.toContain(stored.applicantBirthDate);
  });
});
