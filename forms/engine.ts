// The forms engine: checks a form definition, checks a filled sheet's answers, scores and grades it.
// Pure (no Node built-ins, no DOM): the Hono server and the Vite console import this same module,
// and the server's score is the only one stored.
import type { ErrorObject } from 'ajv/dist/2020.js';
import definitionSchema from './form-definition.schema.json' with { type: 'json' };
import { definitionCheck } from './definition-check.js';

export { definitionSchema };

export interface Label {
  zh: string;
  en: string;
}

export type GradeConsequence = { effect: 'grade'; grade: string; label?: Label };
export type ComplaintConsequence = { effect: 'open_complaint'; label?: Label };
export type Consequence<When> = (GradeConsequence | ComplaintConsequence) & { when: When };

interface ItemBase {
  id: string;
  label: Label;
  help?: Label;
  required?: boolean;
}

export interface ChoiceOption {
  value: string;
  label: Label;
  score?: number;
}

export type ScoreItem = ItemBase & { kind: 'score'; min: number; max: number; step: number; weight: number };
export type SingleChoiceItem = ItemBase & { kind: 'single_choice'; options: ChoiceOption[]; weight?: number; consequences?: Consequence<string>[] };
export type MultipleChoiceItem = ItemBase & { kind: 'multiple_choice'; options: Omit<ChoiceOption, 'score'>[]; consequences?: Consequence<string>[] };
export type YesNoItem = ItemBase & { kind: 'yes_no'; weight?: number; satisfactoryAnswer?: boolean; consequences?: Consequence<boolean>[] };
export type TextItem = ItemBase & { kind: 'text'; maxLength?: number };
export type DateItem = ItemBase & { kind: 'date' };
export type SignatureItem = ItemBase & { kind: 'signature' };
export type FormItem = ScoreItem | SingleChoiceItem | MultipleChoiceItem | YesNoItem | TextItem | DateItem | SignatureItem;

export interface FormSection {
  id: string;
  title: Label;
  help?: Label;
  items: FormItem[];
}

export interface GradeBand {
  grade: string;
  label: Label;
  min: number;
}

export interface ScoringRule {
  /** An unanswered scored item: left out of the denominator, or counted at its lowest value. */
  unanswered: 'exclude' | 'min';
  decimals?: number;
  bands: GradeBand[];
}

export interface FormDefinition {
  key: string;
  title: Label;
  description?: Label;
  source?: Label;
  scoring: ScoringRule;
  sections: FormSection[];
}

/** A filled sheet: item id → answer (number, option value, option values, boolean, text, YYYY-MM-DD date, signer's name). */
export type Answers = Record<string, AnswerValue>;
export type AnswerValue = number | string | string[] | boolean;

export interface DefinitionError {
  /** JSON Pointer into the definition, e.g. /sections/0/items/2/max. */
  path: string;
  message: Label;
}

export interface AnswerError {
  item: string;
  message: Label;
}

export const TEXT_MAX_LENGTH = 2000;
export const SIGNATURE_MAX_LENGTH = 100;
const DEFAULT_DECIMALS = 1;
/** Names that would reach Object.prototype if used as keys: refused as item ids and as answer keys. */
const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

// ---------------------------------------------------------------- definitions

export function validateDefinition(def: unknown): { ok: true; definition: FormDefinition } | { ok: false; errors: DefinitionError[] } {
  // Ajv also reports "must match then/else" beside the failure inside then/else; the inner one says it all.
  const check = definitionCheck();
  if (!check(def)) return { ok: false, errors: (check.errors ?? []).filter((e) => e.keyword !== 'if').map(schemaError) };
  const errors = semanticErrors(def);
  return errors.length ? { ok: false, errors } : { ok: true, definition: def };
}

/** Every item of the form in order, with the section it sits in. */
export function formItems(def: FormDefinition): { section: FormSection; item: FormItem; path: string }[] {
  return def.sections.flatMap((section, s) => section.items.map((item, i) => ({ section, item, path: `/sections/${s}/items/${i}` })));
}

function semanticErrors(def: FormDefinition): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const fail = (path: string, zh: string, en: string) => errors.push({ path, message: { zh, en } });

  const sectionIds = new Set<string>();
  def.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) fail(`/sections/${s}/id`, `分节编号“${section.id}”重复`, `Section id "${section.id}" is used twice`);
    sectionIds.add(section.id);
  });

  const grades = new Set(def.scoring.bands.map((band) => band.grade));
  const itemIds = new Set<string>();
  let scored = 0;
  for (const { item, path } of formItems(def)) {
    if (itemIds.has(item.id)) fail(`${path}/id`, `题目编号“${item.id}”在表中重复`, `Item id "${item.id}" is used twice in the form`);
    if (PROTOTYPE_NAMES.has(item.id)) fail(`${path}/id`, `题目编号不能是“${item.id}”`, `An item id cannot be "${item.id}"`);
    itemIds.add(item.id);
    if (scoringRange(item)) scored++;

    if (item.kind === 'score') {
      if (!(item.min < item.max)) fail(`${path}/max`, '最高分必须大于最低分', 'max must be greater than min');
      else if (!isWholeMultiple(item.max - item.min, item.step)) fail(`${path}/step`, '步长必须能整除分值范围（最高分 − 最低分）', 'step must divide the range (max − min)');
    }
    if (item.kind === 'single_choice' || item.kind === 'multiple_choice') {
      const values = new Set<string>();
      item.options.forEach((option, o) => {
        if (values.has(option.value)) fail(`${path}/options/${o}/value`, `选项值“${option.value}”重复`, `Option value "${option.value}" is used twice`);
        values.add(option.value);
      });
      item.consequences?.forEach((c, k) => {
        if (!values.has(c.when)) fail(`${path}/consequences/${k}/when`, `没有值为“${c.when}”的选项`, `No option has the value "${c.when}"`);
      });
    }
    if (item.kind === 'single_choice') {
      const scoredOptions = item.options.filter((option) => option.score !== undefined).length;
      if (scoredOptions && scoredOptions < item.options.length) fail(`${path}/options`, '要么每个选项都有分值，要么都没有', 'Either every option has a score or none has');
      if (scoredOptions && item.weight === undefined) fail(`${path}/weight`, '选项计分的题目需要权重', 'An item whose options score needs a weight');
      if (!scoredOptions && item.weight !== undefined) fail(`${path}/weight`, '选项没有分值时不能设权重', 'A weight needs options with scores');
      if (scoredOptions === item.options.length && new Set(item.options.map((o) => o.score)).size < 2) {
        fail(`${path}/options`, '选项分值至少要有两个不同的值', 'Option scores need at least two different values');
      }
    }
    if (item.kind === 'yes_no' || item.kind === 'single_choice' || item.kind === 'multiple_choice') {
      item.consequences?.forEach((c, k) => {
        if (c.effect === 'grade' && !grades.has(c.grade)) fail(`${path}/consequences/${k}/grade`, `评分规则中没有等次“${c.grade}”`, `The scoring bands have no grade "${c.grade}"`);
      });
    }
  }
  if (!scored) fail('/sections', '表中至少要有一道计分的题目', 'The form needs at least one scored item');

  const bands = def.scoring.bands;
  const seenGrades = new Set<string>();
  bands.forEach((band, b) => {
    if (seenGrades.has(band.grade)) fail(`/scoring/bands/${b}/grade`, `等次“${band.grade}”重复`, `Grade "${band.grade}" is used twice`);
    seenGrades.add(band.grade);
    if (b > 0 && !(band.min < bands[b - 1].min)) fail(`/scoring/bands/${b}/min`, '等次须从高到低排列，下限逐级递减', 'Bands must run from highest to lowest, each min below the one before');
  });
  if (bands[bands.length - 1].min !== 0) fail(`/scoring/bands/${bands.length - 1}/min`, '最低等次的下限必须是 0，使 0–100 分都有等次', 'The lowest band must start at 0 so that every score from 0 to 100 has a grade');
  return errors;
}

function isWholeMultiple(range: number, step: number): boolean {
  const steps = range / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

function schemaError(error: ErrorObject): DefinitionError {
  const p = error.params as Record<string, unknown>;
  const at = (name: unknown) => `${error.instancePath}/${String(name)}`;
  switch (error.keyword) {
    case 'required':
      return { path: at(p.missingProperty), message: { zh: `缺少“${p.missingProperty}”`, en: `"${p.missingProperty}" is missing` } };
    case 'dependentRequired':
      return { path: at(p.missingProperty), message: { zh: `设置了“${p.property}”时也须设置“${p.missingProperty}”`, en: `"${p.missingProperty}" is needed with "${p.property}"` } };
    case 'additionalProperties':
      return { path: at(p.additionalProperty), message: { zh: `不认识的属性“${p.additionalProperty}”`, en: `Unknown property "${p.additionalProperty}"` } };
    case 'false schema':
      return { path: error.instancePath, message: { zh: '此处不应有这个属性', en: 'This property does not belong here' } };
    case 'discriminator':
      return { path: at(p.tag), message: { zh: `“${p.tag}”的取值不在允许范围内`, en: `"${p.tag}" has a value that is not allowed` } };
    case 'type':
      return { path: error.instancePath, message: { zh: `类型应为 ${p.type}`, en: `Must be of type ${p.type}` } };
    case 'const':
    case 'enum':
      return { path: error.instancePath, message: { zh: `取值应为 ${allowed(p)}`, en: `Must be ${allowed(p)}` } };
    case 'pattern':
      return { path: error.instancePath, message: { zh: `格式不对：须符合 ${p.pattern}`, en: `Wrong format: must match ${p.pattern}` } };
    case 'minLength':
      return { path: error.instancePath, message: { zh: '不能为空', en: 'Must not be empty' } };
    case 'maxLength':
      return { path: error.instancePath, message: { zh: `不能超过 ${p.limit} 个字符`, en: `At most ${p.limit} characters` } };
    case 'minItems':
      return { path: error.instancePath, message: { zh: `至少要有 ${p.limit} 项`, en: `Needs at least ${p.limit} entries` } };
    case 'maxItems':
      return { path: error.instancePath, message: { zh: `最多 ${p.limit} 项`, en: `At most ${p.limit} entries` } };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return { path: error.instancePath, message: { zh: `取值须 ${p.comparison} ${p.limit}`, en: `Must be ${p.comparison} ${p.limit}` } };
    default:
      return { path: error.instancePath, message: { zh: `不符合表单定义格式（${error.keyword}）`, en: error.message ?? `Fails ${error.keyword}` } };
  }
}

function allowed(p: Record<string, unknown>): string {
  const values = 'allowedValues' in p ? (p.allowedValues as unknown[]) : [p.allowedValue];
  return values.map((v) => JSON.stringify(v)).join(' / ');
}

// ---------------------------------------------------------------- answers

type Reading = { state: 'empty' } | { state: 'answered'; value: AnswerValue } | { state: 'invalid'; message: Label };

/** How one raw answer reads against its item; the single place where answer values are judged. */
function readAnswer(item: FormItem, raw: unknown): Reading {
  if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) return { state: 'empty' };
  const invalid = (zh: string, en: string): Reading => ({ state: 'invalid', message: { zh, en } });
  switch (item.kind) {
    case 'score':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return invalid('应填写数字分值', 'Must be a number');
      if (raw < item.min || raw > item.max) return invalid(`分值须在 ${item.min} 到 ${item.max} 之间`, `Must be between ${item.min} and ${item.max}`);
      if (!isWholeMultiple(raw - item.min, item.step)) return invalid(`分值须按 ${item.step} 分一档`, `Must be in steps of ${item.step}`);
      return { state: 'answered', value: raw };
    case 'single_choice':
      if (typeof raw !== 'string' || !item.options.some((o) => o.value === raw)) return invalid('不是本题的选项', 'Not one of the options');
      return { state: 'answered', value: raw };
    case 'multiple_choice': {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string' || !item.options.some((o) => o.value === v))) return invalid('含有本题没有的选项', 'Contains a value that is not one of the options');
      if (new Set(raw).size !== raw.length) return invalid('同一选项选了两次', 'An option is chosen twice');
      return { state: 'answered', value: [...raw] };
    }
    case 'yes_no':
      if (typeof raw !== 'boolean') return invalid('应选“是”或“否”', 'Must be yes or no');
      return { state: 'answered', value: raw };
    case 'text': {
      const limit = item.maxLength ?? TEXT_MAX_LENGTH;
      if (typeof raw !== 'string') return invalid('应填写文字', 'Must be text');
      if (raw.length > limit) return invalid(`不能超过 ${limit} 个字`, `At most ${limit} characters`);
      return { state: 'answered', value: raw };
    }
    case 'date':
      if (typeof raw !== 'string' || !isCalendarDate(raw)) return invalid('应为有效日期（YYYY-MM-DD）', 'Must be a valid date (YYYY-MM-DD)');
      return { state: 'answered', value: raw };
    case 'signature':
      if (typeof raw !== 'string' || !raw.trim()) return invalid('应填写签名人姓名', "Must be the signer's name");
      if (raw.length > SIGNATURE_MAX_LENGTH) return invalid(`不能超过 ${SIGNATURE_MAX_LENGTH} 个字`, `At most ${SIGNATURE_MAX_LENGTH} characters`);
      return { state: 'answered', value: raw.trim() };
  }
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/**
 * Checks a filled sheet against its (valid) definition. On success returns the answers cleaned:
 * only answered items, signatures trimmed. Unknown item ids and prototype names are refused.
 */
export function validateAnswers(def: FormDefinition, answers: unknown): { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] } {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return { ok: false, errors: [{ item: '', message: { zh: '答卷应为以题目编号为键的对象', en: 'Answers must be an object keyed by item id' } }] };
  }
  const errors: AnswerError[] = [];
  const items = new Map(formItems(def).map(({ item }) => [item.id, item]));
  for (const key of Object.keys(answers)) {
    if (PROTOTYPE_NAMES.has(key)) errors.push({ item: key, message: { zh: `“${key}”不能用作题目编号`, en: `"${key}" cannot be an item id` } });
    else if (!items.has(key)) errors.push({ item: key, message: { zh: `表中没有题目“${key}”`, en: `The form has no item "${key}"` } });
  }
  const clean: [string, AnswerValue][] = [];
  for (const item of items.values()) {
    const reading = readAnswer(item, ownValue(answers, item.id));
    if (reading.state === 'invalid') errors.push({ item: item.id, message: reading.message });
    else if (reading.state === 'empty' && item.required) errors.push({ item: item.id, message: { zh: '此题必填', en: 'This item is required' } });
    else if (reading.state === 'answered') clean.push([item.id, reading.value]);
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers: Object.fromEntries(clean) };
}

function ownValue(answers: object, key: string): unknown {
  return Object.hasOwn(answers, key) ? (answers as Record<string, unknown>)[key] : undefined;
}

// ---------------------------------------------------------------- scoring

export interface SectionScore {
  id: string;
  title: Label;
  /** Points this section adds to the 0–100 total, and the most it could add (both rounded like the total). */
  points: number;
  maxPoints: number;
}

export interface TriggeredConsequence {
  item: string;
  effect: 'grade' | 'open_complaint';
  grade?: string;
  label?: Label;
}

export interface ScoredSheet {
  /** 0–100, rounded to the definition's decimals; null when no scored item counts (nothing answered under "exclude"). */
  score: number | null;
  /** The band the score falls in. */
  band: GradeBand | null;
  /** The final grade: the band's, unless a consequence imposes one (the lowest imposed grade wins). */
  grade: string | null;
  bySection: SectionScore[];
  /** Consequences the answers trigger, in form order; acting on them (opening a complaint) is the caller's job. */
  consequences: TriggeredConsequence[];
}

/** The scale a scored item is measured on, or null for items that do not score. */
function scoringRange(item: FormItem): { weight: number; fraction: (value: AnswerValue) => number } | null {
  switch (item.kind) {
    case 'score':
      return { weight: item.weight, fraction: (v) => ((v as number) - item.min) / (item.max - item.min) };
    case 'single_choice': {
      if (item.weight === undefined || item.options.some((o) => o.score === undefined)) return null;
      const scores = item.options.map((o) => o.score as number);
      const low = Math.min(...scores);
      const high = Math.max(...scores);
      return { weight: item.weight, fraction: (v) => ((item.options.find((o) => o.value === v)?.score as number) - low) / (high - low) };
    }
    case 'yes_no':
      if (item.weight === undefined || item.satisfactoryAnswer === undefined) return null;
      return { weight: item.weight, fraction: (v) => (v === item.satisfactoryAnswer ? 1 : 0) };
    default:
      return null;
  }
}

function triggered(item: FormItem, value: AnswerValue): TriggeredConsequence[] {
  if (item.kind !== 'yes_no' && item.kind !== 'single_choice' && item.kind !== 'multiple_choice') return [];
  const matches = (when: string | boolean) => (Array.isArray(value) ? value.includes(when as string) : value === when);
  return (item.consequences ?? [])
    .filter((c) => matches(c.when))
    .map((c) => ({ item: item.id, effect: c.effect, ...(c.effect === 'grade' ? { grade: c.grade } : {}), ...(c.label ? { label: c.label } : {}) }));
}

/**
 * Scores a sheet: score = Σ(weight × fraction) / Σ(weight) × 100 over the scored items that count,
 * where fraction is (value − min) / (max − min) for a score item, the same over option scores for a
 * scored single choice, and 1 or 0 for a scored yes/no (satisfactory answer or not). Unanswered or
 * invalid answers count as unanswered: left out of both sums ("exclude") or counted as fraction 0 ("min").
 * The total is rounded, then banded; a triggered grade consequence overrides the band's grade.
 */
export function scoreSheet(def: FormDefinition, answers: Answers): ScoredSheet {
  const decimals = def.scoring.decimals ?? DEFAULT_DECIMALS;
  const countMissing = def.scoring.unanswered === 'min';
  const consequences: TriggeredConsequence[] = [];
  const sections = def.sections.map((section) => {
    let earned = 0;
    let possible = 0;
    for (const item of section.items) {
      const reading = readAnswer(item, ownValue(answers, item.id));
      const value = reading.state === 'answered' ? reading.value : undefined;
      if (value !== undefined) consequences.push(...triggered(item, value));
      const range = scoringRange(item);
      if (!range || (value === undefined && !countMissing)) continue;
      possible += range.weight;
      earned += value === undefined ? 0 : range.weight * range.fraction(value);
    }
    return { section, earned, possible };
  });

  const totalWeight = sections.reduce((sum, s) => sum + s.possible, 0);
  const toPoints = (weight: number) => round((weight / totalWeight) * 100, decimals);
  const score = totalWeight > 0 ? toPoints(sections.reduce((sum, s) => sum + s.earned, 0)) : null;
  const band = score === null ? null : (def.scoring.bands.find((b) => score >= b.min) ?? null);
  return {
    score,
    band,
    grade: imposedGrade(def, consequences) ?? band?.grade ?? null,
    bySection: sections.map(({ section, earned, possible }) => ({
      id: section.id,
      title: section.title,
      points: totalWeight > 0 ? toPoints(earned) : 0,
      maxPoints: totalWeight > 0 ? toPoints(possible) : 0,
    })),
    consequences,
  };
}

/** Of the grades consequences impose, the lowest band's. */
function imposedGrade(def: FormDefinition, consequences: TriggeredConsequence[]): string | undefined {
  const rank = (grade: string) => def.scoring.bands.findIndex((b) => b.grade === grade);
  return consequences
    .flatMap((c) => (c.effect === 'grade' && c.grade ? [c.grade] : []))
    .sort((a, b) => rank(b) - rank(a))[0];
}

// Through 12 significant digits first, so that float noise (3/5 × 30 = 18.000000000000004, 1.005 × 100 = 100.49999999999999) does not move the rounding.
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(Number((value * factor).toPrecision(12))) / factor;
}
