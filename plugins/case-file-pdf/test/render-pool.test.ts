// The render pool's worker threads draw the same case file as the main thread would, and a pool
// with an idle limit (the single-file route's) ends its worker when left without work.
import { afterAll, describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../../../test/support/poppler.js';
import { RenderPool } from '../server/exports/render-pool.js';
import { renderCaseFile } from '../server/render.js';
import { sampleCaseFile } from './sample-case-file.js';

const pools: RenderPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));

async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe('render pool', () => {
  it('draws in a worker the same pages as the main thread', async () => {
    const pool = new RenderPool(1);
    pools.push(pool);
    const data = sampleCaseFile();
    const [inWorker, inProcess] = await Promise.all([pool.render(data, []), renderCaseFile(data, [])]);
    expect(pdfPageTexts(inWorker)).toEqual(pdfPageTexts(inProcess));
    expect(pdfPageTexts(inWorker).join('\n')).toContain(data.caseNumber);
  }, 60_000);

  it('with an idle limit, ends its worker once left without work and starts one again for the next file', async () => {
    const pool = new RenderPool(1, 200);
    pools.push(pool);
    const data = sampleCaseFile();
    const first = await pool.render(data, []);
    expect(pool.workerCount).toBe(1);
    await until(() => pool.workerCount === 0);
    expect(pool.workerCount).toBe(0);
    const again = await pool.render(data, []);
    expect(pdfPageTexts(again)).toEqual(pdfPageTexts(first));
  }, 60_000);

  it('without an idle limit, keeps its worker until closed', async () => {
    const pool = new RenderPool(1);
    pools.push(pool);
    await pool.render(sampleCaseFile(), []);
    await new Promise((r) => setTimeout(r, 400));
    expect(pool.workerCount).toBe(1);
    await pool.close();
    expect(pool.workerCount).toBe(0);
  }, 60_000);
});
