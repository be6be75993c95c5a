// Data that cannot go wrong (issue #10): ID numbers, phones, licences and dates as the API takes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter, isCreditCode } from '../../api/identifiers.js';
import { centreToday, addDays } from '../../api/calendar.js';
import { startTestFayuan, type TestFayuan } from '../support/fayuan.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 5 });
});
afterAll(async () => t?.close());

const withCheck = (first17: string) => first17 + idCheckCharacter(first17);
/** 1990-05-01, sequence 123: the 17th digit 3 is odd, a man. */
const VALID = withCheck('33100419900501123');
const wrongCheck = VALID.slice(0, 17) + (VALID[17] === '0' ? '1' : '0');
/** A number whose check character is X (the first sequence that gives one). */
const WITH_X = (() => {
  for (let n = 100; n < 1000; n++) {
    const first17 = `33100420100301${n}`;
    if (idCheckCharacter(first17) === 'X') return `${first17}X`;
  }
  throw new Error('no X');
})();

async function post(path: string, body: Json, lang?: 'en') {
  const res = await t.api('admin', path, { method: 'POST', body, headers: lang ? { 'accept-language': lang } : {} });
  return { status: res.status, body: await res.json() as Json };
}
const newCase = (extra: Json) => post('/api/cases', { applicantName: '测试申请人', caseType: 'civil', ...extra });

describe('resident ID numbers (GB 11643) on a case', () => {
  const table: [string, string, number, RegExp | null][] = [
    ['a valid number', VALID, 201, null],
    ['a bad check digit', wrongCheck, 400, /校验位/],
    ['an impossible birth date (30 February)', withCheck('33100419900230123'), 400, /出生日期 1990-02-30 无效/],
    ['a birth date in the future', withCheck(`331004${addDays(centreToday(), 400).replace(/-/g, '')}123`), 400, /出生日期/],
    ["an 'X' check character", WITH_X, 201, null],
    ["a lower-case 'x' check character", WITH_X.toLowerCase(), 201, null],
    ['a 15-digit legacy number', '331004900501123', 400, new RegExp(`15 位身份证号已停止使用.*${VALID}`)],
    ['too short', '3310041990', 400, /18 位/],
  ];
  for (const [what, idNumber, status, message] of table) {
    it(`answers ${status} for ${what}`, async () => {
      const answer = await newCase({ applicantIdNumber: idNumber });
      expect(answer.status).toBe(status);
      if (message) expect(answer.body.errors.applicantIdNumber).toMatch(message);
      else expect(answer.body.applicantIdNumber).toBe(idNumber.toUpperCase());
    });
  }

  it('fills in the birth date and gender the number spells', async () => {
    const man = await newCase({ applicantIdNumber: VALID });
    expect([man.body.applicantBirthDate, man.body.applicantGender]).toEqual(['1990-05-01', 'male']);
    const girl = await newCase({ applicantIdNumber: WITH_X });
    expect(girl.body.applicantBirthDate).toBe('2010-03-01');
    expect(girl.body.applicantGender).toBe(Number(WITH_X[16]) % 2 ? 'male' : 'female');
  });

  it('refuses a birth date or gender that contradicts the number, saying which', async () => {
    const both = await newCase({ applicantIdNumber: VALID, applicantBirthDate: '1990-05-02', applicantGender: 'female' });
    expect(both.status).toBe(400);
    expect(both.body.errors.applicantBirthDate).toMatch(/与身份证号不符.*1990-05-01/);
    expect(both.body.errors.applicantGender).toMatch(/与身份证号不符.*男/);
    const en = await post('/api/cases', { applicantName: 'x', caseType: 'civil', applicantIdNumber: VALID, applicantGender: 'female' }, 'en');
    expect(Object.keys(en.body.errors)).toEqual(['applicantGender']);
    expect(en.body.errors.applicantGender).toMatch(/male/);
    const agreeing = await newCase({ applicantIdNumber: VALID, applicantBirthDate: '1990-05-01', applicantGender: 'male' });
    expect(agreeing.status).toBe(201);
  });

  it('checks the number again when a case is edited', async () => {
    const created = (await newCase({ applicantIdNumber: VALID })).body;
    const res = await t.api('admin', `/api/cases/${created.id}`, { method: 'PUT', body: { ...created, applicantBirthDate: '1991-05-01' } });
    expect(res.status).toBe(400);
    expect((await res.json() as Json).errors.applicantBirthDate).toMatch(/1990-05-01/);
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it('reads the check character of known codes', () => {
    expect(isCreditCode('914403001922038216')).toBe(true);
    expect(isCreditCode('91110000100010433L')).toBe(true);
    expect(isCreditCode('914403001922038217')).toBe(false);
    expect(isCreditCode('91440300192203821I')).toBe(false); // I is not in the alphabet
  });
});

describe('phones and practising certificate numbers', () => {
  it('takes a mainland mobile or a landline with its area code on every phone field', async () => {
    for (const phone of ['13812345678', '0576-82345678', '057682345678', '010-12345678-123']) {
      expect((await post('/api/service-points', { name: `服务点${phone}`, kind: 'intake_point', hostType: 'court', phone })).status).toBe(201);
    }
  });

  it('refuses other phone numbers, on lawyers, firms, service points, cases and complaints', async () => {
    for (const phone of ['12345678901', '1381234567', '82345678', '+86 138 1234 5678', '0576-123']) {
      const checks = [
        ['/api/law-firms', { name: `所${phone}`, phone }],
        ['/api/service-points', { name: `点${phone}`, kind: 'intake_point', hostType: 'court', phone }],
        ['/api/lawyers', { name: '律师', licenseNo: '13310201510123456', phone }],
        ['/api/cases', { applicantName: '申请人', caseType: 'civil', applicantPhone: phone }],
        ['/api/complaints', { complainantName: '投诉人', channel: 'phone', category: 'other', description: '内容', complainantPhone: phone }],
      ] as const;
      for (const [path, body] of checks) {
        const answer = await post(path, body);
        expect(answer.status, `${path} ${phone}`).toBe(400);
        expect(Object.values(answer.body.errors).join()).toMatch(/手机号或带区号的固定电话/);
      }
    }
  });

  it('takes a 17-digit licence number and refuses others', async () => {
    expect((await post('/api/lawyers', { name: '律师甲', licenseNo: '13310201510123457' })).status).toBe(201);
    for (const licenseNo of ['1331020151012345', '133102015101234567', 'A3310201510123457']) {
      const answer = await post('/api/lawyers', { name: '律师乙', licenseNo });
      expect(answer.status).toBe(400);
      expect(answer.body.errors.licenseNo).toBe('执业证号应为 17 位数字');
    }
  });
});

describe('dates', () => {
  const tomorrow = addDays(centreToday(), 1);

  it('refuses an application date, a practice start, a complaint received or a birth date in the future', async () => {
    const refusals = [
      ['/api/cases', { applicantName: '申请人', caseType: 'civil', applicationDate: tomorrow }, 'applicationDate'],
      ['/api/cases', { applicantName: '申请人', caseType: 'civil', applicantBirthDate: tomorrow }, 'applicantBirthDate'],
      ['/api/lawyers', { name: '律师', licenseNo: '13310201510123458', practiceStartDate: tomorrow }, 'practiceStartDate'],
      ['/api/complaints', { complainantName: '投诉人', channel: 'phone', category: 'other', description: '内容', receivedAt: tomorrow }, 'receivedAt'],
    ] as const;
    for (const [path, body, field] of refusals) {
      const answer = await post(path, body);
      expect(answer.status, path).toBe(400);
      expect(answer.body.errors[field]).toBe('不能晚于今天');
    }
  });

  it('takes today', async () => {
    expect((await newCase({ applicationDate: centreToday() })).status).toBe(201);
    expect((await post('/api/lawyers', { name: '律师丙', licenseNo: '13310201510123459', practiceStartDate: centreToday() })).status).toBe(201);
  });

  it('refuses a contract that ends before it starts', async () => {
    const firm = await post('/api/law-firms', { name: '合同倒置律师事务所', contractStart: '2026-01-01', contractEnd: '2025-12-31' });
    expect(firm.status).toBe(400);
    expect(firm.body.errors.contractEnd).toMatch(/不能早于「合同开始」/);
  });
});
