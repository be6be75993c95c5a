import { describe, expect, it } from 'vitest';
import { idCheckCharacter, licenceNumberPattern, phonePattern, readIdNumber } from '../api/identifiers.js';

const TODAY = '2026-12-01';

describe('resident ID numbers (GB 11643-1999)', () => {
  // Each row: the number, what the reading must say, and why.
  const table: [string, { ok: true; birthDate: string; gender: string } | { ok: false; says: RegExp }, string][] = [
    ['11010519491231002X', { ok: true, birthDate: '1949-12-31', gender: 'female' }, "the standard's own example: 'X' check character, digit 17 even"],
    ['11010519491231002x', { ok: true, birthDate: '1949-12-31', gender: 'female' }, 'a lower-case x is the same character'],
    ['341221196804196408', { ok: true, birthDate: '1968-04-19', gender: 'female' }, 'check digit 8 (sum mod 11 = 4)'],
    ['110105194912310021', { ok: false, says: /校验位不正确/ }, 'one digit off the check character'],
    ['330106200002300013', { ok: false, says: /2000-02-30 无效/ }, 'there is no 30 February'],
    ['440524188001010014', { ok: false, says: /1880-01-01 无效/ }, 'born before 1900'],
    ['110105203001010011', { ok: false, says: /2030-01-01 无效/ }, 'born after today'],
    ['110105491231002', { ok: false, says: /15 位身份证号已停止使用.*11010519491231002X/ }, 'a legacy 15-digit number, with the 18-character number it became'],
    ['11010519491231002', { ok: false, says: /应为 18 位/ }, '17 characters'],
    ['1101051949123100XX', { ok: false, says: /应为 18 位/ }, 'X only as the last character'],
  ];
  it.each(table)('%s → %j (%s)', (number, expected) => {
    const reading = readIdNumber(number, TODAY);
    if (expected.ok) {
      expect(reading).toEqual({ ok: true, idNumber: number.toUpperCase(), birthDate: expected.birthDate, gender: expected.gender });
    } else {
      expect(reading.ok).toBe(false);
      if (!reading.ok) {
        expect(reading.message.zh).toMatch(expected.says);
        expect(reading.message.en.length).toBeGreaterThan(10);
      }
    }
  });

  it('derives gender from the 17th digit: odd for men', () => {
    const first17 = '11010519800101001';
    const reading = readIdNumber(`${first17}${idCheckCharacter(first17)}`, TODAY);
    expect(reading).toMatchObject({ ok: true, gender: 'male', birthDate: '1980-01-01' });
  });
});

describe('phone and licence formats', () => {
  it.each(['13812345678', '19912345678', '0571-87654321', '057187654321', '010-12345678', '0571-8765432-123'])('accepts %s', (text) => {
    expect(phonePattern.test(text)).toBe(true);
  });
  it.each(['12812345678', '1381234567', '138123456789', '87654321', '571-87654321', '+86 138 1234 5678', '0571-87654321-1234567'])('refuses %s', (text) => {
    expect(phonePattern.test(text)).toBe(false);
  });
  it('takes a licence number of 17 digits only', () => {
    expect(licenceNumberPattern.test('13301201510234567')).toBe(true);
    expect(licenceNumberPattern.test('1330120151023456')).toBe(false);
    expect(licenceNumberPattern.test('1330120151023456A')).toBe(false);
  });
});
