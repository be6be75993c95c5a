// Small definitions for the engine's tests, built fresh for each use so a test may mutate its copy.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '../engine.js';

const label = (zh: string, en = zh) => ({ zh, en });

export const formsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const shippedFormFiles = fs.readdirSync(formsDir).filter((f) => f.endsWith('.json') && f !== 'form-definition.schema.json').sort();

export function shippedForm(key: string): FormDefinition {
  return JSON.parse(fs.readFileSync(path.join(formsDir, `${key}.json`), 'utf8')) as FormDefinition;
}

export const standardBands = () => [
  { grade: 'excellent', label: label('优秀', 'Excellent'), min: 90 },
  { grade: 'good', label: label('良好', 'Good'), min: 75 },
  { grade: 'pass', label: label('合格', 'Pass'), min: 60 },
  { grade: 'fail', label: label('不合格', 'Fail'), min: 0 },
];

/**
 * One item of each kind. Scored: `prep` 0–5 step 1 weight 30, `skill` 0–10 step 0.5 weight 50,
 * `honest` yes/no weight 20 (satisfactory answer: no; yes imposes fail and opens a complaint).
 */
export function mixedForm(unanswered: 'exclude' | 'min' = 'exclude'): FormDefinition {
  return {
    key: 'mixed-sample',
    title: label('样表', 'Sample'),
    scoring: { unanswered, decimals: 1, bands: standardBands() },
    sections: [
      {
        id: 'work',
        title: label('工作'),
        items: [
          { id: 'prep', kind: 'score', label: label('准备'), required: true, min: 0, max: 5, step: 1, weight: 30 },
          { id: 'skill', kind: 'score', label: label('技能'), min: 0, max: 10, step: 0.5, weight: 50 },
        ],
      },
      {
        id: 'conduct',
        title: label('操守'),
        items: [
          {
            id: 'honest', kind: 'yes_no', label: label('是否收受财物'), weight: 20, satisfactoryAnswer: false,
            consequences: [{ when: true, effect: 'grade', grade: 'fail' }, { when: true, effect: 'open_complaint' }],
          },
          { id: 'channels', kind: 'multiple_choice', label: label('渠道'), options: [{ value: 'phone', label: label('电话') }, { value: 'visit', label: label('走访') }] },
          { id: 'mood', kind: 'single_choice', label: label('态度'), options: [{ value: 'warm', label: label('热情') }, { value: 'cold', label: label('冷淡') }] },
          { id: 'notes', kind: 'text', label: label('备注'), maxLength: 10 },
          { id: 'day', kind: 'date', label: label('日期') },
          { id: 'signer', kind: 'signature', label: label('签名') },
        ],
      },
    ],
  };
}
