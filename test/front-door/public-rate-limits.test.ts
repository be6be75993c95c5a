// The public routes' rate limits: per address and per applicant phone, counted in the database so
// that a second process on the same database continues the count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../support/fayuan.js';
import { PUBLIC_LIMITS } from '../../api/public/limits.js';
import { application, submit } from './support.js';

let t: TestFayuan;
let second: TestFayuan;

beforeAll(async () => {
  t = await startTestFayuan({ cases: 0, env: { FAYUAN_RATE_LIMIT: 'on' } });
  second = await startTestFayuan({ database: t.database, env: { FAYUAN_RATE_LIMIT: 'on' } });
});
afterAll(async () => { await second?.close(); await t?.close(); });

describe('public rate limits', () => {
  it('stop a phone after its daily applications, then the address after its hourly ones, across processes', async () => {
    const phoneMax = PUBLIC_LIMITS.applicationPerPhone.max;
    const ipMax = PUBLIC_LIMITS.applicationPerIp.max;
    const statuses: number[] = [];
    for (let i = 0; i <= phoneMax; i++) statuses.push((await submit(i % 2 ? second : t, { fields: application({ applicantPhone: '13700000000' }) })).status);
    expect(statuses).toEqual([...Array(phoneMax).fill(201), 429]);
    const refused = await submit(t, { fields: application({ applicantPhone: '13700000000' }) });
    expect(await refused.json()).toMatchObject({ message: '操作过于频繁，请稍后再试' });

    // The address has spent phoneMax + 2 of its ipMax (the refused ones count too).
    const more: number[] = [];
    for (let i = 0; i <= ipMax - (phoneMax + 2); i++) more.push((await submit(i % 2 ? second : t, { fields: application({ applicantPhone: `1370001${String(i).padStart(4, '0')}` }) })).status);
    expect(more, JSON.stringify(more)).toHaveLength(ipMax - phoneMax - 1);
    expect(more.at(-1)).toBe(429);
    expect(more.slice(0, -1)).toEqual(Array(ipMax - phoneMax - 2).fill(201));
    expect(Number((await t.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(ipMax - 2);
  }, 120_000);

  it('stop status look-ups from one address after their window fills', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= PUBLIC_LIMITS.statusPerIp.max; i++) {
      statuses.push((await (i % 2 ? second : t).fayuan.app.request('/api/public/applications/ABCD-EFGH-JKMN?phone=13700000000')).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  }, 60_000);
});
