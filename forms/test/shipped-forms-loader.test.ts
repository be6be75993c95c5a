// api/forms.ts loads the definitions shipped in forms/ through the engine when the server starts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadForms } from '../../api/meta/forms.js';
import { mixedForm } from './sample-forms.js';

const dirs: string[] = [];
function formsFolder(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-forms-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(content));
  return dir;
}
afterEach(() => { for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true }); });

describe('loadForms', () => {
  it('loads the four shipped definitions, not the schema', () => {
    expect(loadForms().map((form) => form.key)).toEqual(['case-inspection', 'hearing-observation', 'peer-evaluation', 'return-visit']);
  });

  it('stops on a bad definition, naming the file and the path of each error', () => {
    const bad = mixedForm();
    bad.key = 'bad';
    bad.scoring.bands[0].min = 200;
    expect(() => loadForms(formsFolder({ 'bad.json': bad }))).toThrow('forms/bad.json: /scoring/bands/0/min Must be <= 100');
  });

  it('stops when a key is not its file name', () => {
    expect(() => loadForms(formsFolder({ 'other-name.json': mixedForm() }))).toThrow('forms/other-name.json: key must be "other-name"');
  });
});
