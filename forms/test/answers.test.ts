import { describe, expect, it } from 'vitest';
import { type AnswerError, validateAnswers } from '../engine.js';
import { mixedForm, shippedForm } from './sample-forms.js';

const form = mixedForm();
const complete = { prep: 3 };

function errorsFor(answers: unknown): AnswerError[] {
  const result = validateAnswers(form, answers);
  if (result.ok) throw new Error('the answers were accepted');
  for (const error of result.errors) {
    expect(error.message.zh).toMatch(/\S/);
    expect(error.message.en).toMatch(/\S/);
  }
  return result.errors;
}
const itemsOf = (answers: unknown) => errorsFor(answers).map((e) => e.item);

describe('validateAnswers', () => {
  it('accepts valid answers of every kind and returns only what was answered (blank text dropped, signature trimmed)', () => {
    const answers = { prep: 5, skill: 9.5, honest: false, channels: ['visit', 'phone'], mood: 'warm', notes: '', day: '2024-02-29', signer: '  张三 ' };
    expect(validateAnswers(form, answers)).toEqual({
      ok: true,
      answers: { prep: 5, skill: 9.5, honest: false, channels: ['visit', 'phone'], mood: 'warm', day: '2024-02-29', signer: '张三' },
    });
    expect(validateAnswers(form, { prep: 0, skill: null, channels: [] })).toEqual({ ok: true, answers: { prep: 0 } });
  });

  it('requires the required items', () => {
    expect(errorsFor({})).toEqual([{ item: 'prep', message: { zh: '此题必填', en: 'This item is required' } }]);
    expect(itemsOf({ prep: null })).toEqual(['prep']);
    expect(itemsOf({ prep: '' })).toEqual(['prep']);
  });

  it('refuses scores out of range, off the step, or not numbers', () => {
    expect(errorsFor({ prep: 6 })).toEqual([{ item: 'prep', message: { zh: '分值须在 0 到 5 之间', en: 'Must be between 0 and 5' } }]);
    expect(itemsOf({ prep: -1 })).toEqual(['prep']);
    expect(errorsFor({ prep: 2.5 })[0].message.en).toBe('Must be in steps of 1');
    expect(itemsOf({ ...complete, skill: 7.25 })).toEqual(['skill']);
    expect(validateAnswers(form, { ...complete, skill: 7.5 }).ok).toBe(true);
    expect(itemsOf({ prep: '3' })).toEqual(['prep']);
    expect(itemsOf({ prep: Number.NaN })).toEqual(['prep']);
    expect(itemsOf({ prep: Number.POSITIVE_INFINITY })).toEqual(['prep']);
  });

  it('accepts steps that floating point cannot write exactly', () => {
    const tenths = shippedForm('hearing-observation');
    const item = tenths.sections[0].items[0];
    if (item.kind !== 'score') throw new Error('expected a score item');
    item.step = 0.1;
    const answers = { materials: 0.3, meeting: 7, facts: 7, evidence: 7, law: 7, expression: 7, discipline: 7, bearing: 3, effect: 7 };
    expect(validateAnswers(tenths, answers).ok).toBe(true);
  });

  it('refuses unknown options, repeated options and wrong types for choices and yes/no', () => {
    expect(itemsOf({ ...complete, mood: 'angry' })).toEqual(['mood']);
    expect(itemsOf({ ...complete, mood: ['warm'] })).toEqual(['mood']);
    expect(itemsOf({ ...complete, channels: ['phone', 'email'] })).toEqual(['channels']);
    expect(itemsOf({ ...complete, channels: 'phone' })).toEqual(['channels']);
    expect(itemsOf({ ...complete, channels: ['phone', 'phone'] })).toEqual(['channels']);
    expect(itemsOf({ ...complete, honest: 'yes' })).toEqual(['honest']);
    expect(itemsOf({ ...complete, honest: 1 })).toEqual(['honest']);
  });

  it('refuses text over its length, impossible dates and blank signatures', () => {
    expect(errorsFor({ ...complete, notes: '一二三四五六七八九十十' })[0]).toEqual({ item: 'notes', message: { zh: '不能超过 10 个字', en: 'At most 10 characters' } });
    expect(validateAnswers(form, { ...complete, notes: '一二三四五六七八九十' }).ok).toBe(true);
    for (const day of ['2023-02-29', '2024-13-01', '2024-1-5', '5 May 2024', '2024-05-05T10:00:00Z']) expect(itemsOf({ ...complete, day })).toEqual(['day']);
    expect(itemsOf({ ...complete, signer: '   ' })).toEqual(['signer']);
    expect(itemsOf({ ...complete, signer: '张'.repeat(101) })).toEqual(['signer']);
  });

  it('refuses answers to items the form does not have', () => {
    expect(errorsFor({ ...complete, score: 100, grade: 'excellent' })).toEqual([
      { item: 'score', message: { zh: '表中没有题目“score”', en: 'The form has no item "score"' } },
      { item: 'grade', message: { zh: '表中没有题目“grade”', en: 'The form has no item "grade"' } },
    ]);
  });

  it('refuses prototype names as keys, as JSON.parse would deliver them', () => {
    const answers = JSON.parse('{"prep": 3, "__proto__": {"polluted": true}, "constructor": 1, "prototype": 2}');
    expect(itemsOf(answers)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not read answers from the prototype chain', () => {
    const inherited = Object.create({ prep: 3 });
    expect(itemsOf(inherited)).toEqual(['prep']);
  });

  it('refuses answers that are not an object keyed by item id', () => {
    for (const answers of [null, undefined, 3, 'prep=3', [3]]) expect(itemsOf(answers)).toEqual(['']);
  });

  it('checks a shipped form: a return visit must say whether money or fees were taken', () => {
    const result = validateAnswers(shippedForm('return-visit'), { satisfaction: 'basically_satisfied' });
    expect(result.ok ? [] : result.errors.map((e) => e.item)).toEqual(['gifts', 'fees']);
  });
});
