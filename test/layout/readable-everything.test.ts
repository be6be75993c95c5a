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
  it('has no JSON, [object Object], grade keys or scores in yuan in any entry', async () => {
    type Entry = { resource: string; readable: { changes: { field: { zh: string }; before: { zh: string } | null; after: { zh: string } | null }[] } };
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
      for (const change of entry.readable.changes) {
        for (const value of [change.before?.zh, change.after?.zh]) {
          if (value === undefined) continue;
          const line = `${entry.resource} ${change.field.zh}: ${value}`;
          if (/[{}"]|\[object |^\[/.test(value)) bad.push(line);
          if (/^(excellent|good|pass|fail)$/.test(value)) bad.push(line);
          if (change.field.zh === '得分' && /元/.test(value)) bad.push(line);
        }
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
