// In a real Chromium: the case page shows how its subsidy was computed; an admin gathers a draft batch
// from the batches list, reads its totals per firm and lawyer and pays it.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccount, signedInFetch } from '../../../test/support/server.js';
import { consoleAndChromium } from '../../../test/support/console-server.js';
import { seen, signInToConsole } from '../../../test/support/browser.js';


const live = consoleAndChromium({ timeoutMs: 180_000 });

describe('subsidies in the console', () => {
  it('the settings page edits the subsidy settings with the core ones', async () => {
    const { page, context } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/settings`);
      // The first page of a fresh server on a loaded machine may take longer than seen()'s 20 s.
      await page.locator('form [name="hardshipFactor"]').waitFor({ state: 'visible', timeout: 60_000 });
      await seen(page.locator('form [name="subsidyBaseCriminal"]'));
      expect(await page.locator('form [name="subsidyBaseCriminal"]').inputValue()).toBe('1200');
    } finally {
      await context.close();
    }
  }, 240_000);

  it('the case page shows the subsidy basis; the batches list gathers, totals and pays', async () => {
    const api = await signedInFetch(live.server, demoAccount.admin);
    const [graded] = await (await api(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ status: 'closed', qualityGrade: 'good' }))}`)).json();
    const { page, context } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/cases/${graded.id}/show`);
      await seen(page.getByText('补贴计算依据').first());
      await seen(page.getByText(graded.subsidyBasis).first());

      const created = await (await api('/api/subsidy-batches', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '控制台测试批次', periodStart: '2000-01-01', periodEnd: '2099-12-31' }),
      })).json();
      await page.goto(`${live.server.url}/#/subsidy-batches`);
      const row = page.locator('tr', { hasText: '控制台测试批次' });
      await seen(row);
      await row.locator('input[type="checkbox"]').check();
      const [gathered] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/subsidy-batches/${created.id}/gather`)),
        page.getByRole('button', { name: '归集案件' }).click(),
      ]);
      expect(gathered.status()).toBe(200);
      const batch = await gathered.json();
      expect(batch.caseCount).toBeGreaterThan(0);
      await page.getByRole('button', { name: '汇总与对账单' }).click();
      await seen(page.getByTestId('totals-by-firm'));
      await seen(page.getByTestId('totals-by-lawyer'));
      await expect.poll(() => page.getByRole('dialog').innerText()).toContain(`合计 ${batch.totalAmount.toFixed(2)} 元`);
      await page.getByRole('button', { name: '关闭' }).click();
      page.once('dialog', (d) => d.accept());
      const [paid] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/subsidy-batches/${created.id}/pay`)),
        page.getByRole('button', { name: '确认发放' }).click(),
      ]);
      expect(paid.status()).toBe(200);
      expect((await (await api(`/api/subsidy-batches/${created.id}`)).json()).state).toBe('paid');
    } finally {
      await context.close();
    }
  }, 240_000);
});
