// The quality forms shipped under forms/ (data, not code): observation sheets, visit sheets, rubrics.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Label } from '../resources/define.js';

export interface FormItem {
  id: string;
  type: 'score' | 'yesNo' | 'choice' | 'text';
  label: Label;
  max?: number;
  options?: Record<string, Label>;
}

export interface FormDefinition {
  id: string;
  title: Label;
  source?: Label;
  sections: { id: string; title: Label; items: FormItem[] }[];
  fields: FormItem[];
  grades?: { grade: string; label: Label; min: number }[];
}

const formsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'forms');

export function loadForms(dir = formsDir): FormDefinition[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const form = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as FormDefinition;
    if (form.id !== path.basename(file, '.json')) throw new Error(`forms/${file}: id must be "${path.basename(file, '.json')}"`);
    for (const item of form.sections.flatMap((s) => s.items)) {
      if (item.type === 'score' && !(Number(item.max) > 0)) throw new Error(`forms/${file}: score item ${item.id} needs a positive max`);
    }
    return form;
  });
}

/** The points a form can give (sum of its score items' maxima). */
export function maxScore(form: FormDefinition): number {
  return form.sections.flatMap((s) => s.items).reduce((sum, item) => sum + (item.type === 'score' ? Number(item.max) : 0), 0);
}
