// The quality forms shipped under forms/ (data, not code): observation sheets, visit sheets, rubrics.
// Each is checked by the forms engine when the server starts; a bad shipped form stops it with the paths of its errors.
import fs from 'node:fs';
import path from 'node:path';
import { type FormDefinition, validateDefinition } from '../../forms/engine.js';
import { projectRoot } from '../paths.js';

export type { FormDefinition };

const formsDir = path.join(projectRoot, 'forms');
const SCHEMA_FILE = 'form-definition.schema.json';

export function loadForms(dir = formsDir): FormDefinition[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE).sort().map((file) => {
    const result = validateDefinition(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    if (!result.ok) throw new Error(`forms/${file}: ${result.errors.map((e) => `${e.path} ${e.message.en}`).join('; ')}`);
    if (result.definition.key !== path.basename(file, '.json')) throw new Error(`forms/${file}: key must be "${path.basename(file, '.json')}"`);
    return result.definition;
  });
}

