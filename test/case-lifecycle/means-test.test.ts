// The case's life through the HTTP API and the real database: the means test, as a guard on accept.
// (Shared fixtures: test/support/case-lifecycle.ts; the rules themselves are unit-tested in case-rules.test.ts.)
import { describe, expect, it } from 'vitest';
import { listQuery, type Role } from '../support/fayuan.js';
import { act, auditOf, call, caseIn, expectUnchanged, getCase, type Row, setUpLifecycleCentre, TODAY, withSettings, yearsBefore, YESTERDAY } from '../support/case-lifecycle.js';

setUpLifecycleCentre();

describe('the means test, as a guard on accept', () => {
  async function tryAccept(extra: Row) {
    const before = await caseIn('reviewing', extra);
    return { before, res: await act(before.id, 'accept') };
  }

  async function expectAccepted(extra: Row) {
    const { res } = await tryAccept(extra);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('accepted');
    return res;
  }

  async function expectRefused(extra: Row, rule: string) {
    const { before, res } = await tryAccept(extra);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.rules.map((r: Row) => r.rule)).toEqual([rule]);
    await expectUnchanged(before);
    expect(await auditOf(before.id, 'transition:accept')).toEqual([]);
    return res;
  }

  it('accepts a household income per head below the threshold (1799.99 < 900 × 2)', async () => {
    await expectAccepted({ householdMonthlyIncome: 1799.99 });
  });

  it('refuses an income exactly at the threshold with 422, stating 1800 yuan in Chinese', async () => {
    const res = await expectRefused({ householdMonthlyIncome: 1800 }, 'means_test.income_not_below_threshold');
    expect(res.body.message).toContain('1800');
    expect(res.body.message).toContain('经济困难标准');
  });

  it('refuses a missing income, asking for it', async () => {
    const res = await expectRefused({ householdMonthlyIncome: null }, 'means_test.income_missing');
    expect(res.body.message).toContain('家庭人均月收入');
  });

  it('needs no means test for a case the court, procuratorate or police notified (channel notified), even with no income', async () => {
    await expectAccepted({ channel: 'notified', caseType: 'criminal', criminalRole: 'defendant', householdMonthlyIncome: null });
  });

  const adult = yearsBefore(TODAY, 40);
  const consistent: [string, Row][] = [
    ['minor', { applicantBirthDate: yearsBefore(TODAY, 15), applicantGroups: ['minor'] }],
    ['minor', { applicantBirthDate: null, applicantGroups: ['minor'] }],
    ['elderly_no_income', { applicantBirthDate: yearsBefore(TODAY, 70), applicantGroups: ['elderly'] }],
    ['disabled_no_income', { applicantGroups: ['disabled'] }],
    ['social_assistance', { applicantGroups: ['low_income'] }],
    ['migrant_wages', { applicantGroups: ['migrant_worker'], causeOfAction: '追索劳动报酬' }],
    ['domestic_violence', { applicantGroups: ['woman'], causeOfAction: '离婚纠纷' }],
    ['martyr_relative', { applicantGroups: ['military'] }],
    ['good_samaritan', { causeOfAction: '见义勇为人身损害赔偿' }],
  ];
  for (const [reason, extra] of consistent) {
    it(`accepts the exemption ${reason} without looking at the income when the applicant data bears it out (${JSON.stringify(extra)})`, async () => {
      await expectAccepted({ exemptionReason: reason, householdMonthlyIncome: 9000, ...extra });
    });
  }

  const inconsistent: [string, Row, string][] = [
    ['minor', { applicantBirthDate: adult, applicantGroups: [] }, '已满 18 周岁'],
    ['minor', { applicantBirthDate: null, applicantGroups: [] }, '未成年人'],
    ['elderly_no_income', { applicantBirthDate: yearsBefore(TODAY, 59), applicantGroups: [] }, '未满 60 周岁'],
    ['disabled_no_income', { applicantGroups: ['elderly'] }, '残疾人'],
    ['migrant_wages', { applicantGroups: ['woman'] }, '农民工'],
  ];
  for (const [reason, extra, words] of inconsistent) {
    it(`refuses the exemption ${reason} when the applicant data contradicts it (${JSON.stringify(extra)}), saying why`, async () => {
      const res = await expectRefused({ exemptionReason: reason, householdMonthlyIncome: 9000, ...extra }, 'means_test.exemption_not_shown');
      expect(res.body.message).toContain(words);
    });
  }

  it('counts the minor exemption by 周岁: a minor on the 18th birthday, an adult the day after', async () => {
    await expectAccepted({ exemptionReason: 'minor', householdMonthlyIncome: null, applicantBirthDate: yearsBefore(TODAY, 18), applicantGroups: [] });
    await expectRefused({ exemptionReason: 'minor', householdMonthlyIncome: null, applicantBirthDate: yearsBefore(YESTERDAY, 18), applicantGroups: [] }, 'means_test.exemption_not_shown');
  });

  it('follows the minimum living standard set in the settings, and audits the settings change', async () => {
    const income = { householdMonthlyIncome: 1900 };
    await expectRefused(income, 'means_test.income_not_below_threshold');
    await withSettings({ minimumLivingStandard: 1000 }, async () => {
      const entry = (await call('admin', `/api/audit-log${listQuery({ filter: { resource: 'settings' }, sort: ['id', 'DESC'], range: [0, 0] })}`)).body[0];
      expect(entry.action).toBe('update');
      expect(entry.actorEmail).toBe('admin@fayuan.test');
      expect(JSON.parse(entry.changes)).toEqual({ minimumLivingStandard: [900, 1000] });

      await expectAccepted(income);
      const res = await expectRefused({ householdMonthlyIncome: 2000 }, 'means_test.income_not_below_threshold');
      expect(res.body.message).toContain('2000');
    });
    await expectRefused(income, 'means_test.income_not_below_threshold');
  });

  it('follows the hardship factor set in the settings', async () => {
    await withSettings({ hardshipFactor: 2.5 }, async () => {
      await expectAccepted({ householdMonthlyIncome: 2249.99 });
      const res = await expectRefused({ householdMonthlyIncome: 2250 }, 'means_test.income_not_below_threshold');
      expect(res.body.message).toContain('2250');
    });
  });

  it('refuses settings changes to anyone but the admin', async () => {
    for (const role of ['supervisor', 'lawyer', 'reviewer'] as Role[]) {
      const res = await call(role, '/api/settings/1', 'PUT', { minimumLivingStandard: 1 });
      expect(res.status, role).toBe(403);
    }
    expect((await call('admin', '/api/settings/1')).body.minimumLivingStandard).toBe(900);
  });

  it('reads the case as it is when accepting: an income corrected by PUT during review decides', async () => {
    const before = await caseIn('reviewing', { householdMonthlyIncome: 2500 });
    expect((await act(before.id, 'accept')).status).toBe(422);
    const put = await call('admin', `/api/cases/${before.id}`, 'PUT', { ...(await getCase(before.id)), householdMonthlyIncome: 1200 });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await act(before.id, 'accept')).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------
