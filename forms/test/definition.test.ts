import { describe, expect, it } from 'vitest';
import { type DefinitionError, validateDefinition } from '../engine.js';
import { mixedForm, shippedForm, shippedFormFiles } from './sample-forms.js';

type Mutable = Record<string, any>;

/** Validates a broken copy of the mixed sample form and returns the errors' paths. */
function errorsOf(breakIt: (form: Mutable) => void): DefinitionError[] {
  const form = mixedForm() as Mutable;
  breakIt(form);
  const result = validateDefinition(form);
  if (result.ok) throw new Error('the broken definition was accepted');
  for (const error of result.errors) {
    expect(error.message.zh, error.path).toMatch(/\S/);
    expect(error.message.en, error.path).toMatch(/\S/);
  }
  return result.errors;
}
const pathsOf = (breakIt: (form: Mutable) => void) => errorsOf(breakIt).map((e) => e.path).sort();

describe('validateDefinition: the schema', () => {
  it('accepts the sample form and returns it', () => {
    const result = validateDefinition(mixedForm());
    expect(result.ok).toBe(true);
  });

  it('refuses what is not a definition at all', () => {
    for (const value of [null, 42, 'form', [], {}]) expect(validateDefinition(value).ok).toBe(false);
    expect(pathsOf((f) => { for (const k of Object.keys(f)) delete f[k]; })).toEqual(['/key', '/scoring', '/sections', '/title']);
  });

  it('names the missing property, with both labels', () => {
    const errors = errorsOf((f) => { delete f.sections[0].items[0].max; delete f.title.en; });
    expect(errors.map((e) => e.path).sort()).toEqual(['/sections/0/items/0/max', '/title/en']);
    expect(errors.find((e) => e.path === '/title/en')?.message).toEqual({ zh: '缺少“en”', en: '"en" is missing' });
  });

  it('reports several errors of several kinds at once, each at its own path', () => {
    expect(pathsOf((f) => {
      f.key = 'Not A Key';                                  // pattern
      f.sections[0].items[1].weight = 0;                    // weight must be positive
      f.sections[0].items[1].step = -1;                     // step must be positive
      f.sections[1].items[0].colour = 'red';                // unknown property
      f.sections[1].items[1].kind = 'ranking';              // unknown kind
      f.sections[1].items[0].consequences[0].when = 'yes';  // a yes/no consequence's "when" is a boolean
      f.scoring.unanswered = 'zero';                        // enum
      f.scoring.bands[3].min = -5;                          // bands live within 0–100
    })).toEqual([
      '/key',
      '/scoring/bands/3/min',
      '/scoring/unanswered',
      '/sections/0/items/1/step',
      '/sections/0/items/1/weight',
      '/sections/1/items/0/colour',
      '/sections/1/items/0/consequences/0/when',
      '/sections/1/items/1/kind',
    ]);
  });

  it('bounds the size of a definition', () => {
    expect(pathsOf((f) => { f.sections = Array.from({ length: 51 }, () => f.sections[0]); })).toEqual(['/sections']);
    expect(pathsOf((f) => { f.sections[1].items[1].options = Array.from({ length: 51 }, (_, i) => ({ value: `o${i}`, label: { zh: '项', en: 'o' } })); })).toEqual(['/sections/1/items/1/options']);
  });

  it('requires a grade on a grade consequence and refuses one on a complaint consequence', () => {
    expect(pathsOf((f) => {
      delete f.sections[1].items[0].consequences[0].grade;
      f.sections[1].items[0].consequences[1].grade = 'fail';
    })).toEqual(['/sections/1/items/0/consequences/0/grade', '/sections/1/items/0/consequences/1/grade']);
  });

  it('requires a scored yes/no item to say which answer is satisfactory', () => {
    expect(pathsOf((f) => { delete f.sections[1].items[0].satisfactoryAnswer; })).toEqual(['/sections/1/items/0/satisfactoryAnswer']);
  });

  it('refuses option scores on a multiple choice and empty option lists', () => {
    expect(pathsOf((f) => {
      f.sections[1].items[1].options[0].score = 3;
      f.sections[1].items[2].options = [];
    })).toEqual(['/sections/1/items/1/options/0/score', '/sections/1/items/2/options']);
  });
});

describe('validateDefinition: the checks the schema cannot express', () => {
  it('refuses an item id used twice across sections, and a section id used twice', () => {
    expect(pathsOf((f) => {
      f.sections[1].items[3].id = 'prep';
      f.sections[1].id = 'work';
    })).toEqual(['/sections/1/id', '/sections/1/items/3/id']);
  });

  it('refuses prototype names as item ids', () => {
    expect(pathsOf((f) => { f.sections[1].items[3].id = 'constructor'; })).toEqual(['/sections/1/items/3/id']);
    expect(pathsOf((f) => { f.sections[1].items[3].id = '__proto__'; })).toEqual(['/sections/1/items/3/id']);
  });

  it('refuses min ≥ max and a step that does not divide the range', () => {
    expect(pathsOf((f) => {
      f.sections[0].items[0].min = 5;      // min = max
      f.sections[0].items[1].step = 3;     // 10 / 3 steps
    })).toEqual(['/sections/0/items/0/max', '/sections/0/items/1/step']);
    expect(validateDefinition({ ...mixedForm(), sections: [{ ...mixedForm().sections[0], items: [{ id: 'x', kind: 'score', label: { zh: 'x', en: 'x' }, min: 0, max: 1, step: 0.1, weight: 1 }] }] }).ok).toBe(true);
  });

  it('refuses bands out of order, repeated grades, and bands that leave low scores without a grade', () => {
    expect(pathsOf((f) => { f.scoring.bands[1].min = 95; })).toEqual(['/scoring/bands/1/min']);
    expect(pathsOf((f) => { f.scoring.bands[2].grade = 'good'; })).toEqual(['/scoring/bands/2/grade']);
    expect(pathsOf((f) => { f.scoring.bands[3].min = 10; })).toEqual(['/scoring/bands/3/min']);
  });

  it('refuses consequences naming a missing option or grade', () => {
    expect(pathsOf((f) => {
      f.sections[1].items[0].consequences[0].grade = 'terrible';
      f.sections[1].items[2].consequences = [{ when: 'rude', effect: 'open_complaint' }];
    })).toEqual(['/sections/1/items/0/consequences/0/grade', '/sections/1/items/2/consequences/0/when']);
  });

  it('refuses repeated option values and half-scored or weightless scored choices', () => {
    expect(pathsOf((f) => { f.sections[1].items[2].options[1].value = 'warm'; })).toEqual(['/sections/1/items/2/options/1/value']);
    expect(pathsOf((f) => { f.sections[1].items[2].options[0].score = 1; f.sections[1].items[2].weight = 5; })).toEqual(['/sections/1/items/2/options']);
    expect(pathsOf((f) => { for (const o of f.sections[1].items[2].options) o.score = 1; f.sections[1].items[2].weight = 5; })).toEqual(['/sections/1/items/2/options']);
    expect(pathsOf((f) => { f.sections[1].items[2].options[0].score = 1; f.sections[1].items[2].options[1].score = 0; })).toEqual(['/sections/1/items/2/weight']);
    expect(pathsOf((f) => { f.sections[1].items[2].weight = 5; })).toEqual(['/sections/1/items/2/weight']);
  });

  it('refuses a form with nothing to score', () => {
    expect(pathsOf((f) => { f.sections = [f.sections[1]]; f.sections[0].items.shift(); })).toEqual(['/sections']);
  });
});

describe('the shipped definitions', () => {
  it('ships the four default forms', () => {
    expect(shippedFormFiles).toEqual(['case-inspection.json', 'hearing-observation.json', 'peer-evaluation.json', 'return-visit.json']);
  });

  it.each(shippedFormFiles)('%s is a valid definition whose key is its file name', (file) => {
    const key = file.replace(/\.json$/, '');
    const result = validateDefinition(shippedForm(key));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(shippedForm(key).key).toBe(key);
  });

  it('keeps the DOMAIN.md rubrics: item points add up to 100 as weights', () => {
    const weights = (key: string) => Object.fromEntries(shippedForm(key).sections.flatMap((s) => s.items).flatMap((i) => ('weight' in i && i.weight ? [[i.label.zh, i.weight]] : [])));
    expect(weights('case-inspection')).toEqual({
      受理审查规范: 5, 指派及时与资质: 5, 会见与沟通: 15, 阅卷与调查取证: 15, 法律文书质量: 20,
      '出庭与代理/辩护意见': 15, 办案结果与受援人权益: 10, '结案材料齐全、装订规范': 10, 廉洁执业与服务态度: 5,
    });
    for (const key of ['case-inspection', 'hearing-observation', 'peer-evaluation', 'return-visit']) {
      expect(Object.values(weights(key)).reduce((a, b) => a + b, 0), key).toBe(100);
    }
  });

  it('has the DOMAIN.md sections on the hearing observation, with the judge\'s view and remarks as text', () => {
    const form = shippedForm('hearing-observation');
    expect(form.sections.map((s) => s.title.zh)).toEqual(['庭前准备', '法庭调查', '法庭辩论', '庭审纪律与仪表', '庭审效果', '意见']);
    expect(form.sections[1].items.map((i) => i.label.zh)).toEqual(['事实掌握', '证据运用']);
    expect(form.sections[2].items.map((i) => i.label.zh)).toEqual(['法律适用', '临场表达']);
    expect(form.sections[5].items.map((i) => [i.id, i.kind])).toEqual([['judgeView', 'text'], ['remarks', 'text']]);
  });

  it('has the DOMAIN.md sections on the peer evaluation', () => {
    expect(shippedForm('peer-evaluation').sections.map((s) => s.title.zh)).toEqual(['受理审查', '指派', '办案过程', '文书质量', '庭审表现', '办案结果', '卷宗归档']);
    // The reviewer's 评估意见 is the review's own `comments` field, not a second box on the sheet.
    expect(shippedForm('peer-evaluation').sections.flatMap((s) => s.items).filter((i) => i.kind === 'text')).toEqual([]);
  });

  it('has the return-visit items, the two about money opening complaints, satisfaction in the register\'s values', () => {
    const items = shippedForm('return-visit').sections.flatMap((s) => s.items);
    expect(items.map((i) => i.id)).toEqual(['preparation', 'investigation', 'onTime', 'gifts', 'fees', 'opinionsAdopted', 'satisfaction', 'remarks']);
    for (const id of ['gifts', 'fees']) {
      const item = items.find((i) => i.id === id);
      expect(item?.kind === 'yes_no' && item.consequences?.map((c) => [c.when, c.effect])).toEqual([[true, 'grade'], [true, 'open_complaint']]);
    }
    const satisfaction = items.find((i) => i.id === 'satisfaction');
    expect(satisfaction?.kind === 'single_choice' && satisfaction.options.map((o) => o.value)).toEqual(['satisfied', 'basically_satisfied', 'dissatisfied']);
  });
});
