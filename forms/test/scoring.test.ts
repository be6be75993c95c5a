import { describe, expect, it } from 'vitest';
import { type Answers, type FormDefinition, type FormItem, scoreSheet } from '../engine.js';
import { mixedForm, shippedForm, shippedFormFiles, standardBands } from './sample-forms.js';

const keys = shippedFormFiles.map((f) => f.replace(/\.json$/, ''));
const items = (form: FormDefinition) => form.sections.flatMap((s) => s.items);

/** The best (or worst) answer to each scored item. */
function extremeSheet(form: FormDefinition, best: boolean): Answers {
  const answer = (item: FormItem): Answers[string] | undefined => {
    if (item.kind === 'score') return best ? item.max : item.min;
    if (item.kind === 'yes_no' && item.satisfactoryAnswer !== undefined) return best ? item.satisfactoryAnswer : !item.satisfactoryAnswer;
    if (item.kind === 'single_choice' && item.weight !== undefined) {
      const sorted = [...item.options].sort((a, b) => (a.score as number) - (b.score as number));
      return (best ? sorted[sorted.length - 1] : sorted[0]).value;
    }
    return undefined;
  };
  return Object.fromEntries(items(form).flatMap((item) => { const a = answer(item); return a === undefined ? [] : [[item.id, a]]; }));
}

/** One score item from 0 to 100 in steps of 0.05, weight 1: its answer is the sheet's score. */
function percentForm(decimals = 1): FormDefinition {
  return {
    key: 'percent',
    title: { zh: '百分', en: 'Percent' },
    scoring: { unanswered: 'exclude', decimals, bands: standardBands() },
    sections: [{ id: 's', title: { zh: '分', en: 'S' }, items: [{ id: 'p', kind: 'score', label: { zh: '分', en: 'P' }, min: 0, max: 100, step: 0.05, weight: 1 }] }],
  };
}

describe('scoreSheet: totals', () => {
  it.each(keys)('%s: every maximum gives 100 (excellent), every minimum 0 (fail)', (key) => {
    const form = shippedForm(key);
    expect(scoreSheet(form, extremeSheet(form, true))).toMatchObject({ score: 100, grade: 'excellent', band: { grade: 'excellent' } });
    expect(scoreSheet(form, extremeSheet(form, false))).toMatchObject({ score: 0, grade: 'fail', band: { grade: 'fail' } });
  });

  it('weighs a mixed sheet by hand', () => {
    // prep 3 of 0–5, weight 30: 3/5 × 30 = 18; skill 7.5 of 0–10, weight 50: 0.75 × 50 = 37.5;
    // honest = no (the satisfactory answer), weight 20: 20. Σ = 75.5 of Σ weights 100 → 75.5, 良好.
    const sheet = scoreSheet(mixedForm(), { prep: 3, skill: 7.5, honest: false, notes: 'ok' });
    expect(sheet).toEqual({
      score: 75.5,
      band: standardBands()[1],
      grade: 'good',
      bySection: [
        { id: 'work', title: { zh: '工作', en: '工作' }, points: 55.5, maxPoints: 80 },
        { id: 'conduct', title: { zh: '操守', en: '操守' }, points: 20, maxPoints: 20 },
      ],
      consequences: [],
    });
  });

  it('normalises weights that do not add up to 100', () => {
    // hearing observation with weights halved is the same form: a sheet scores the same.
    const form = shippedForm('hearing-observation');
    const halved = structuredClone(form);
    for (const item of items(halved)) if (item.kind === 'score') item.weight /= 2;
    // materials 8/10 × 10 = 8, meeting 10, facts 12, evidence 15, law 9, expression 10, discipline 10, bearing 4, effect 7 → 85
    const answers = { materials: 8, meeting: 10, facts: 12, evidence: 15, law: 9, expression: 10, discipline: 10, bearing: 4, effect: 7 };
    expect(scoreSheet(form, answers).score).toBe(85);
    expect(scoreSheet(halved, answers)).toMatchObject({ score: 85, grade: 'good' });
    expect(scoreSheet(halved, answers).bySection.map((s) => [s.id, s.points, s.maxPoints])).toEqual([
      ['preparation', 18, 20], ['investigation', 27, 30], ['debate', 19, 25], ['conduct', 14, 15], ['effect', 7, 10], ['opinions', 0, 0],
    ]);
  });

  it('scores a single choice by its option scores and a yes/no by its satisfactory answer', () => {
    // Return visit, every yes/no satisfactory (10 + 10 + 10 + 15 + 15 + 10 = 70), 基本满意 scores 60 on 0–100: 0.6 × 30 = 18 → 88.
    const form = shippedForm('return-visit');
    const good = { preparation: true, investigation: true, onTime: true, gifts: false, fees: false, opinionsAdopted: true };
    expect(scoreSheet(form, { ...good, satisfaction: 'basically_satisfied' })).toMatchObject({ score: 88, grade: 'good' });
    // 准备不充分 (−10) and 不满意 (−30): 60 → 合格.
    expect(scoreSheet(form, { ...good, preparation: false, satisfaction: 'dissatisfied' })).toMatchObject({ score: 60, grade: 'pass' });
  });

  it('rounds to the definition\'s decimals, before banding', () => {
    // exclude: prep 1 → 6 of 30, skill 0.5 → 2.5 of 50: 8.5 / 80 × 100 = 10.625.
    expect(scoreSheet(mixedForm(), { prep: 1, skill: 0.5 }).score).toBe(10.6);
    const twoDecimals = mixedForm();
    twoDecimals.scoring.decimals = 2;
    expect(scoreSheet(twoDecimals, { prep: 1, skill: 0.5 }).score).toBe(10.63);
    expect(scoreSheet(percentForm(1), { p: 89.95 })).toMatchObject({ score: 90, grade: 'excellent' });
    expect(scoreSheet(percentForm(0), { p: 89.45 })).toMatchObject({ score: 89, grade: 'good' });
  });
});

describe('scoreSheet: unanswered items follow the definition\'s rule', () => {
  it('"exclude" leaves them out of the denominator', () => {
    // prep 4 of 5 alone: 24 of 30 → 80.
    expect(scoreSheet(mixedForm('exclude'), { prep: 4 })).toMatchObject({ score: 80, grade: 'good' });
    // return visit without 按时出庭 (no hearing): 90 of 90 → 100.
    const form = shippedForm('return-visit');
    expect(scoreSheet(form, { preparation: true, investigation: true, gifts: false, fees: false, opinionsAdopted: true, satisfaction: 'satisfied' }).score).toBe(100);
  });

  it('"min" counts them at their lowest value', () => {
    // prep 4 of 5: 24; skill and honest count 0: 24 of 100.
    expect(scoreSheet(mixedForm('min'), { prep: 4 })).toMatchObject({ score: 24, grade: 'fail' });
  });

  it('gives no score or grade when nothing scored is answered under "exclude"', () => {
    expect(scoreSheet(mixedForm('exclude'), { notes: 'hi' })).toMatchObject({ score: null, band: null, grade: null });
    expect(scoreSheet(mixedForm('min'), {})).toMatchObject({ score: 0, grade: 'fail' });
  });

  it('treats an invalid answer as unanswered (validateAnswers is what refuses it)', () => {
    expect(scoreSheet(mixedForm('exclude'), { prep: 4, skill: 11, honest: 'no' as never }).score).toBe(80);
  });
});

describe('scoreSheet: grade bands at their edges', () => {
  it.each([
    [100, 'excellent'], [90, 'excellent'], [89.9, 'good'], [75, 'good'], [74.9, 'pass'], [60, 'pass'], [59.9, 'fail'], [0, 'fail'],
  ])('%s → %s', (score, grade) => {
    expect(scoreSheet(percentForm(), { p: score })).toMatchObject({ score, grade, band: { grade } });
  });

  it('reads the numbers from the definition', () => {
    const form = percentForm();
    form.scoring.bands = [{ grade: 'ok', label: { zh: '达标', en: 'Met' }, min: 50 }, { grade: 'not_ok', label: { zh: '未达标', en: 'Not met' }, min: 0 }];
    expect(scoreSheet(form, { p: 50 }).grade).toBe('ok');
    expect(scoreSheet(form, { p: 49.95 }).grade).toBe('ok'); // 49.95 rounds to 50.0 first
    expect(scoreSheet(form, { p: 49.9 }).grade).toBe('not_ok');
  });
});

describe('scoreSheet: consequences', () => {
  const goodVisit = { preparation: true, investigation: true, onTime: true, gifts: false, fees: false, opinionsAdopted: true, satisfaction: 'satisfied' };

  it('收受财物 = 是: 不合格 whatever the score, and a complaint to open', () => {
    // 100 − 15 for the gifts item = 85, banded 良好, graded 不合格.
    const sheet = scoreSheet(shippedForm('return-visit'), { ...goodVisit, gifts: true });
    expect(sheet.score).toBe(85);
    expect(sheet.band?.grade).toBe('good');
    expect(sheet.grade).toBe('fail');
    expect(sheet.consequences.map(({ item, effect, grade }) => ({ item, effect, grade }))).toEqual([
      { item: 'gifts', effect: 'grade', grade: 'fail' },
      { item: 'gifts', effect: 'open_complaint', grade: undefined },
    ]);
    expect(sheet.consequences[1].label?.zh).toContain('投诉');
  });

  it('私自收费 = 是 does the same; a clean visit triggers nothing', () => {
    const sheet = scoreSheet(shippedForm('return-visit'), { ...goodVisit, fees: true });
    expect(sheet.grade).toBe('fail');
    expect(sheet.consequences.map((c) => [c.item, c.effect])).toEqual([['fees', 'grade'], ['fees', 'open_complaint']]);
    expect(scoreSheet(shippedForm('return-visit'), goodVisit)).toMatchObject({ score: 100, grade: 'excellent', consequences: [] });
  });

  it('takes the lowest imposed grade, and consequences of choices and of options among those chosen', () => {
    const form = mixedForm();
    const conduct = form.sections[1].items;
    Object.assign(conduct[2], { consequences: [{ when: 'cold', effect: 'grade', grade: 'pass' }] });
    Object.assign(conduct[1], { consequences: [{ when: 'visit', effect: 'open_complaint' }] });
    const best = { prep: 5, skill: 10, honest: false };
    expect(scoreSheet(form, { ...best, mood: 'cold' })).toMatchObject({ score: 100, band: { grade: 'excellent' }, grade: 'pass' });
    expect(scoreSheet(form, { ...best, mood: 'cold', honest: true })).toMatchObject({ score: 80, grade: 'fail' });
    expect(scoreSheet(form, { ...best, channels: ['phone', 'visit'] }).consequences).toEqual([{ item: 'channels', effect: 'open_complaint' }]);
    expect(scoreSheet(form, { ...best, channels: ['phone'] }).consequences).toEqual([]);
  });
});
