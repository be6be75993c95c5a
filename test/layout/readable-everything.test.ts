// The readable history of a whole demo centre with every plugin enabled: no entry of any register
// reads as raw JSON, as an unlabelled option key, or as an amount of money that is not one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { listQuery, startTestFayuan, type TestFayuan } from '../support/fayuan.js';

const plugins: string[] = JSON.parse(fs.readFileSync(new URL('../../fayuan.config.json', import.meta.url), 'utf8')).plugins;
let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 300, plugins });
}, 180_000);
afterAll(() => t.close());

describe('the readable history of every register', () => {
  it('names every setting by its label, the plugins\' settings too, never by its key', async () => {
    const settings = await (await t.api('admin', '/api/settings')).json();
    const res = await t.api('admin', '/api/settings', { method: 'PUT', body: { ...settings, inspectionDueDays: 45, peerReviewDueDays: 21, subsidyCap: 2400, reviewDays: 6 } });
    expect(res.status, await res.clone().text()).toBe(200);
    const [entry] = await (await t.api('admin', `/api/audit-log${listQuery({ filter: { resource: 'settings' }, sort: ['id', 'DESC'], range: [0, 0] })}`)).json();
    const fields = entry.readable.changes.map((c: { field: { zh: string } }) => c.field.zh);
    expect(fields).toEqual(expect.arrayContaining(['结案后应评查天数', '同行评估期限（日）', '单案补贴上限（元）', '审查期限（日）']));
    expect(fields.filter((f: string) => /^[A-Za-z]+$/.test(f))).toEqual([]);
  });

  it('has no JSON, [object Object], grade keys, scores in yuan, or fields and actions by their keys in any entry', async () => {
    type Entry = { resource: string; action: string; readable: { action: { zh: string }; changes: { field: { zh: string }; before: { zh: string } | null; after: { zh: string } | null }[] } };
    const entries: Entry[] = [];
    for (let start = 0; ; start += 500) {
      const res = await t.api('admin', `/api/audit-log${listQuery({ range: [start, start + 499], sort: ['id', 'ASC'] })}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Entry[];
      entries.push(...page);
      if (page.length < 500) break;
    }
    const registers = new Set(entries.map((e) => e.resource));
    expect(registers.has('peer-reviews'), [...registers].join(', ')).toBe(true); // a sheet register's edits are in it
    const bad: string[] = [];
    for (const entry of entries) {
      // An action by its key (a plugin's `draw`, `transition:sample`) instead of its words.
      if (/^[a-z][a-z:-]*$/.test(entry.readable.action.zh)) bad.push(`${entry.resource} action ${entry.readable.action.zh}`);
      for (const change of entry.readable.changes) {
        for (const value of [change.before?.zh, change.after?.zh]) {
          if (value === undefined) continue;
          const line = `${entry.resource} ${change.field.zh}: ${value}`;
          if (/[{}"]|\[object |^\[/.test(value)) bad.push(line);
          if (/^(excellent|good|pass|fail)$/.test(value)) bad.push(line);
          if (change.field.zh === '得分' && /元/.test(value)) bad.push(line);
        }
        // A field by its key (e.g. a plugin's setting `inspectionDueDays`) instead of its label.
        if (/^[a-z][A-Za-z]+$/.test(change.field.zh)) bad.push(`${entry.resource} ${change.field.zh}`);
      }
    }
    expect([...new Set(bad)].slice(0, 40)).toEqual([]);
  });
});
