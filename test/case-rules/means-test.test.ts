// The case rules as pure functions (no database): the means test.
// (Shared fixtures: test/support/case-rules.ts; through the API: test/case-lifecycle/.)
import { describe, expect, it, } from 'vitest';
import { checkMeansTest } from '../../api/cases/rules.js';
import { defaultSettings } from '../../api/settings/settings.js';

describe('the means test', () => {
  const settings = { ...defaultSettings, minimumLivingStandard: 900, hardshipFactor: 2 };
  const application = { status: 'reviewing', channel: 'window', applicationDate: '2026-03-02' };

  it('needs no means test for a case the court, procuratorate or police notified', () => {
    expect(checkMeansTest({ ...application, channel: 'notified', householdMonthlyIncome: 99999 }, settings)).toEqual({ ok: true, basis: 'notified' });
  });

  it('refuses income exactly at the threshold, stating the threshold', () => {
    const result = checkMeansTest({ ...application, householdMonthlyIncome: 1800 }, settings);
    expect(result).toMatchObject({ ok: false, rule: 'means_test.income_not_below_threshold' });
    if (!result.ok) expect(result.message.zh).toBe('家庭人均月收入 1800 元，不低于经济困难标准 1800 元（当地最低生活保障标准 900 元 × 2），且无免予审查事由');
  });

  it('accepts income one fen below the threshold', () => {
    expect(checkMeansTest({ ...application, householdMonthlyIncome: 1799.99 }, settings)).toEqual({ ok: true, basis: 'income' });
  });

  it('reads income stored as text (a PostgreSQL numeric)', () => {
    expect(checkMeansTest({ ...application, householdMonthlyIncome: '1799.99' }, settings).ok).toBe(true);
    expect(checkMeansTest({ ...application, householdMonthlyIncome: '1800.00' }, settings).ok).toBe(false);
  });

  it('states the income above the threshold', () => {
    const result = checkMeansTest({ ...application, householdMonthlyIncome: 2000 }, settings);
    expect(!result.ok && result.message.zh).toBe('家庭人均月收入 2000 元，不低于经济困难标准 1800 元（当地最低生活保障标准 900 元 × 2），且无免予审查事由');
  });

  it('uses the deployment\'s own standard and factor', () => {
    const local = { minimumLivingStandard: 1020.5, hardshipFactor: 1.5 };
    expect(checkMeansTest({ ...application, householdMonthlyIncome: 1530.74 }, local).ok).toBe(true);
    const result = checkMeansTest({ ...application, householdMonthlyIncome: 1530.75 }, local);
    expect(!result.ok && result.message.zh).toContain('经济困难标准 1530.75 元（当地最低生活保障标准 1020.50 元 × 1.5）');
  });

  it('asks for the income when it is missing and there is no exemption', () => {
    for (const income of [null, undefined, '']) {
      const result = checkMeansTest({ ...application, householdMonthlyIncome: income }, settings);
      expect(result).toMatchObject({ ok: false, rule: 'means_test.income_missing' });
      if (!result.ok) expect(result.message.zh).toContain('请填写家庭人均月收入');
    }
  });

  it('accepts an income of zero', () => {
    expect(checkMeansTest({ ...application, householdMonthlyIncome: 0 }, settings).ok).toBe(true);
  });

  describe('exemptions (art. 32 and 42)', () => {
    const rich = { ...application, householdMonthlyIncome: 50000 };
    it('passes each exemption whose group the case shows, whatever the income', () => {
      const shown: Record<string, Record<string, unknown>> = {
        minor: { applicantGroups: ['minor'] },
        elderly_no_income: { applicantGroups: ['elderly'] },
        disabled_no_income: { applicantGroups: ['disabled'] },
        social_assistance: {},
        migrant_wages: { applicantGroups: ['migrant_worker'] },
        domestic_violence: {},
        martyr_relative: {},
        good_samaritan: {},
      };
      for (const [exemptionReason, extra] of Object.entries(shown)) {
        expect(checkMeansTest({ ...rich, exemptionReason, ...extra }, settings), exemptionReason).toEqual({ ok: true, basis: 'exempt' });
      }
    });

    it('refuses the minor exemption for an applicant who was 18 on the application date', () => {
      const result = checkMeansTest({ ...rich, exemptionReason: 'minor', applicantBirthDate: '2008-03-01', applicationDate: '2026-03-02' }, settings);
      expect(result).toMatchObject({ ok: false, rule: 'means_test.exemption_not_shown' });
      if (!result.ok) expect(result.message.zh).toBe('免予经济困难审查事由为「未成年人」，但申请人于申请日期 2026-03-02 已满 18 周岁（出生日期 2008-03-01，18 周岁）');
    });

    it('grants the minor exemption to an applicant applying on the 18th birthday (周岁 counts from the next day)', () => {
      expect(checkMeansTest({ ...rich, exemptionReason: 'minor', applicantBirthDate: '2008-03-02', applicationDate: '2026-03-02' }, settings).ok).toBe(true);
    });

    it('trusts the birth date over a contradicting minor tag', () => {
      expect(checkMeansTest({ ...rich, exemptionReason: 'minor', applicantGroups: ['minor'], applicantBirthDate: '1990-01-01' }, settings).ok).toBe(false);
    });

    it('refuses the minor exemption when the case shows neither a birth date nor the minor group', () => {
      const result = checkMeansTest({ ...rich, exemptionReason: 'minor', applicantGroups: ['woman'] }, settings);
      expect(!result.ok && result.message.zh).toContain('请填写申请人出生日期，或在特殊群体中选择「未成年人」');
    });

    it('refuses the elderly exemption for an applicant under 60 on the application date', () => {
      const result = checkMeansTest({ ...rich, exemptionReason: 'elderly_no_income', applicantBirthDate: '1970-05-01' }, settings);
      expect(!result.ok && result.message.zh).toContain('未满 60 周岁');
      expect(checkMeansTest({ ...rich, exemptionReason: 'elderly_no_income', applicantBirthDate: '1966-03-01' }, settings).ok).toBe(true);
    });

    it('refuses the migrant-worker exemption when the applicant is not recorded as a migrant worker', () => {
      expect(checkMeansTest({ ...rich, exemptionReason: 'migrant_wages', applicantGroups: [] }, settings)).toMatchObject({ ok: false, rule: 'means_test.exemption_not_shown' });
    });

    it('reads tags stored as JSON text', () => {
      expect(checkMeansTest({ ...rich, exemptionReason: 'disabled_no_income', applicantGroups: ['disabled', 'woman'] }, settings).ok).toBe(true);
    });

    it('refuses an exemption reason the law does not provide', () => {
      expect(checkMeansTest({ ...rich, exemptionReason: 'friend_of_director' }, settings)).toMatchObject({ ok: false, rule: 'means_test.unknown_exemption' });
    });
  });
});
