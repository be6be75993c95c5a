// The ra-data-simple-rest protocol: the registers' own rules over it (case numbers, reference and tag filters, date ranges,
// the overdue filter, literal search, deletes refused while referred to).
import { describe, expect, it } from 'vitest';
import type { Row } from '../../api/resources/define.js';
import { byName, caseNumberPattern, fetchAll, get, mostCommon, referenceIds, setUpProtocolCentre, t, validBody } from '../support/rest-protocol.js';

setUpProtocolCentre();

describe('the registers\' own rules over the protocol', () => {
  const cases = byName.get('cases')!;
  const lawyers = byName.get('lawyers')!;
  const complaints = byName.get('complaints')!;
  const teams = byName.get('volunteer-teams')!;
  const firms = byName.get('law-firms')!;

  it('gives every case a number （YYYY）援字第NNNN号 of its application year, unique across the register', async () => {
    const { rows } = await fetchAll(cases);
    for (const row of rows) {
      const m = caseNumberPattern.exec(String(row.caseNumber));
      expect(m, String(row.caseNumber)).not.toBeNull();
      // The number is issued once; a later correction of the application date keeps it.
      if (row.version === 1) expect(m![1], String(row.caseNumber)).toBe(String(row.applicationDate).slice(0, 4));
    }
    expect(new Set(rows.map((r) => r.caseNumber)).size).toBe(rows.length);
  });

  it('numbers new cases of one year consecutively after the highest number of that year', async () => {
    const { rows } = await fetchAll(cases);
    const year = '2024';
    const highest = Math.max(0, ...rows.filter((r) => String(r.caseNumber).includes(`（${year}）`)).map((r) => Number(caseNumberPattern.exec(String(r.caseNumber))![2])));
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.api('admin', '/api/cases', { method: 'POST', body: { applicantName: `编号测试${i}`, caseType: 'civil', applicationDate: `${year}-05-0${i + 1}`, caseNumber: '（2024）援字第9999号' } });
      expect(res.status).toBe(201);
      numbers.push((await res.json()).caseNumber);
    }
    expect(numbers).toEqual([1, 2, 3].map((k) => `（${year}）援字第${String(highest + k).padStart(4, '0')}号`));
  });

  it('filters cases by lawyerId: exactly that lawyer\'s cases', async () => {
    const all = await fetchAll(cases);
    const lawyerId = mostCommon(all.rows.map((r) => r.lawyerId));
    const res = await fetchAll(cases, ['id', 'ASC'], { lawyerId });
    expect(res.total).toBeGreaterThan(0);
    expect(res.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => r.lawyerId === lawyerId).map((r) => r.id));
  });

  it('filters complaints by caseId: exactly the complaints about that case', async () => {
    const all = await fetchAll(complaints);
    const caseId = all.rows[0].caseId;
    const res = await fetchAll(complaints, ['id', 'ASC'], { caseId });
    expect(res.total).toBeGreaterThan(0);
    expect(res.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => r.caseId === caseId).map((r) => r.id));
  });

  it('filters volunteer teams by memberIds "contains": id 1 does not match 11 or 21', async () => {
    const all = await fetchAll(teams);
    const lawyerIds = (await fetchAll(lawyers)).rows.map((r) => Number(r.id));
    for (const id of lawyerIds.slice(0, 12)) {
      const res = await fetchAll(teams, ['id', 'ASC'], { memberIds: id });
      expect(res.rows.map((r) => r.id), `memberIds contains ${id}`).toEqual(all.rows.filter((r) => (r.memberIds as number[]).includes(id)).map((r) => r.id));
    }
    const member = (all.rows[0].memberIds as number[])[0];
    expect((await fetchAll(teams, ['id', 'ASC'], { memberIds: member })).total).toBeGreaterThan(0);
  });

  it('filters lawyers by specialties "minors": exactly the lawyers with that tag', async () => {
    const all = await fetchAll(lawyers);
    const expected = all.rows.filter((r) => (r.specialties as string[]).includes('minors')).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    const res = await fetchAll(lawyers, ['id', 'ASC'], { specialties: 'minors' });
    expect(res.rows.map((r) => r.id)).toEqual(expected);
  });

  it('filters cases by applicationDate_gte and _lte', async () => {
    const all = await fetchAll(cases);
    const res = await fetchAll(cases, ['id', 'ASC'], { applicationDate_gte: '2026-03-01', applicationDate_lte: '2026-06-30' });
    expect(res.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => String(r.applicationDate) >= '2026-03-01' && String(r.applicationDate) <= '2026-06-30').map((r) => r.id));
  });

  it('finds the overdue cases (virtual filter): undecided after reviewDays, unassigned after assignDays', async () => {
    const all = await fetchAll(cases);
    const settings = (await get('/api/settings/1')).body;
    const today = new Date().toISOString().slice(0, 10);
    const days = (from: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
    const overdue = (r: Row) => (['applied', 'reviewing'].includes(String(r.status)) && days(String(r.applicationDate)) > settings.reviewDays)
      || (r.status === 'accepted' && r.acceptedAt !== null && days(new Date(String(r.acceptedAt)).toISOString()) > settings.assignDays);
    const res = await fetchAll(cases, ['id', 'ASC'], { overdue: true });
    expect(res.rows.map((r) => r.id)).toEqual(all.rows.filter(overdue).map((r) => r.id));
    expect((await fetchAll(cases, ['id', 'ASC'], { overdue: false })).total).toBe(all.total);
  });

  it('searches case-insensitively and treats % and _ literally', async () => {
    const all = await fetchAll(lawyers);
    const withEmail = all.rows.find((r) => typeof r.email === 'string')!;
    const part = String(withEmail.email).split('@')[1].slice(0, 6).toUpperCase();
    const res = await fetchAll(lawyers, ['id', 'ASC'], { q: part });
    expect(res.rows.map((r) => r.id)).toContain(withEmail.id);
    for (const wildcard of ['%', '_', '\\']) {
      const literal = await fetchAll(lawyers, ['id', 'ASC'], { q: wildcard });
      expect(literal.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => lawyers.list.search.some((f) => String(r[f] ?? '').includes(wildcard))).map((r) => r.id));
    }
  });

  it('refuses (409) to delete a law firm that lawyers refer to, and deletes nothing', async () => {
    const allLawyers = await fetchAll(lawyers);
    const firmId = mostCommon(allLawyers.rows.map((r) => r.lawFirmId));
    const firm = (await get(`/api/law-firms/${firmId}`)).body;
    const firmsBefore = (await fetchAll(firms)).total;
    const res = await t.api('admin', `/api/law-firms/${firmId}`, { method: 'DELETE' });
    const body = await res.json();
    expect(res.status).toBe(409);
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await get(`/api/law-firms/${firmId}`)).body).toEqual(firm);
    expect((await fetchAll(firms)).total).toBe(firmsBefore);
    expect((await fetchAll(lawyers)).rows).toEqual(allLawyers.rows);
  });

  it('refuses (409) to delete a lawyer who is only referred to by a volunteer team\'s memberIds, and deletes nothing', async () => {
    const refs = await referenceIds();
    const lawyer = await (await t.api('admin', '/api/lawyers', { method: 'POST', body: validBody(lawyers, refs) })).json();
    const team = (await fetchAll(teams)).rows[0];
    const put = await t.api('admin', `/api/volunteer-teams/${team.id}`, { method: 'PUT', body: { ...team, memberIds: [...(team.memberIds as number[]), lawyer.id] } });
    expect(put.status).toBe(200);
    const res = await t.api('admin', `/api/lawyers/${lawyer.id}`, { method: 'DELETE' });
    expect(res.status).toBe(409);
    expect((await get(`/api/lawyers/${lawyer.id}`)).body).toEqual(lawyer);
    const restore = await t.api('admin', `/api/volunteer-teams/${team.id}`, { method: 'PUT', body: { ...(await put.json()), memberIds: team.memberIds } });
    expect(restore.status).toBe(200);
    expect((await t.api('admin', `/api/lawyers/${lawyer.id}`, { method: 'DELETE' })).status).toBe(200);
  });
});
