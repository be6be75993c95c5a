// Chinese identifiers as the centre meets them: resident ID numbers (GB 11643-1999),
// phone numbers and lawyers' practising-certificate numbers. Pure functions, no I/O.
import type { Label } from './resources/define.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character (0–9 or X) of the first 17 digits of an ID number. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export type IdNumberReading =
  | { ok: true; idNumber: string; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; message: Label };

/**
 * Reads an 18-character resident ID number: its check character, its birth date
 * (digits 7–14, a real day between 1900 and `today`) and its gender (digit 17: odd for men).
 * 15-digit numbers (GB 11643-1989) ceased to be valid in 2013: they are refused, with the
 * 18-character number they became.
 */
export function readIdNumber(input: string, today: string): IdNumberReading {
  const text = input.trim().toUpperCase();
  if (/^\d{15}$/.test(text)) {
    const first17 = `${text.slice(0, 6)}19${text.slice(6)}`;
    const upgraded = `${first17}${idCheckCharacter(first17)}`;
    return {
      ok: false,
      message: {
        zh: `15 位身份证号已停止使用，请填写 18 位号码（对应号码应为 ${upgraded}，请与证件核对）`,
        en: `15-digit ID numbers are no longer valid; enter the 18-character number (it would be ${upgraded}; check the card)`,
      },
    };
  }
  if (!/^\d{17}[\dX]$/.test(text)) {
    return { ok: false, message: { zh: '身份证号应为 18 位：17 位数字加 1 位数字或 X', en: 'An ID number has 17 digits and a final digit or X' } };
  }
  const year = Number(text.slice(6, 10));
  const month = Number(text.slice(10, 12));
  const day = Number(text.slice(12, 14));
  const birthDate = `${text.slice(6, 10)}-${text.slice(10, 12)}-${text.slice(12, 14)}`;
  if (year < 1900 || !isCalendarDate(year, month, day) || birthDate > today) {
    return { ok: false, message: { zh: `身份证号中的出生日期 ${birthDate} 无效`, en: `The birth date in the ID number (${birthDate}) is impossible` } };
  }
  if (idCheckCharacter(text.slice(0, 17)) !== text[17]) {
    return { ok: false, message: { zh: '身份证号校验位不正确，请核对号码', en: 'The check digit does not match; check the number' } };
  }
  return { ok: true, idNumber: text, birthDate, gender: Number(text[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Mainland mobile (1[3-9] and 9 digits) or a landline with its area code (0xx-xxxxxxxx, optional extension). */
export const phonePattern = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;

/** 执业证号: 17 digits (province, year, type, sex and sequence). */
export const licenceNumberPattern = /^\d{17}$/;

/** GB 32100-2015: the characters of a unified social credit code (digits and capitals without I, O, S, V, Z). */
const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARACTERS.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31];
}

/** Whether an 18-character unified social credit code (统一社会信用代码) has its check character right. */
export function isCreditCode(input: string): boolean {
  const text = input.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(text)) return false;
  return creditCodeCheckCharacter(text.slice(0, 17)) === text[17];
}

/**
 * A party's identifier: a person's ID number, or an organisation's unified social credit code
 * (the opposing party may be a company). Answers the reading of the ID number, or the code.
 */
export function readPartyIdNumber(input: string, today: string): IdNumberReading | { ok: true; creditCode: string } {
  const text = input.trim().toUpperCase();
  if (isCreditCode(text)) return { ok: true, creditCode: text };
  const reading = readIdNumber(text, today);
  if (reading.ok || !/^[0-9A-Z]{18}$/.test(text) || /^\d{17}[\dX]$/.test(text)) return reading;
  return { ok: false, message: { zh: '应为 18 位身份证号或统一社会信用代码，校验位不正确', en: 'Neither an ID number nor a unified social credit code (check character)' } };
}
