// A complaint handled in the console, in a real Chromium against a real server: from 登记 to 答复
// through the buttons of its page, each deadline shown as it is set; the ledger's deadline chips;
// the half-year report page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoAccount, DEMO_PASSWORD, signedInFetch } from '../support/server.js';
import { consoleAndChromium } from '../support/console-server.js';
import { seen, signInToConsole } from '../support/browser.js';

const SHOTS = process.env.FAYUAN_SCREENSHOTS; // a folder to keep screenshots in, when set

const live = consoleAndChromium();

const shot = async (page: Page, name: string) => { if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true }); };

async function move(page: Page, action: string, fill?: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>) {
  await page.locator(`[data-testid="complaint-actions"] button[data-action="${action}"]`).click();
  const dialog = page.getByTestId(`action-dialog-${action}`);
  await seen(dialog);
  await fill?.(dialog);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
}

describe('a complaint handled in the console', () => {
  it('goes from 登记 to 答复 with its deadlines shown, and the half-year report page shows', async () => {
    const asAdmin = await signedInFetch(live.server, demoAccount.admin);
    const today = new Date().toISOString().slice(0, 10);
    const created = await (await asAdmin('/api/complaints', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ complainantName: '浏览器投诉人', channel: 'visit', receivedAt: today, category: 'attitude', description: '承办律师态度生硬' }),
    })).json();
    expect(created.status).toBe('received');

    const { context, page } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/complaints/${created.id}/show`);
      const status = page.getByTestId('complaint-status');
      await seen(status);
      await expect.poll(() => status.textContent()).toBe('登记');
      const chip = page.locator('[data-testid="complaint-workflow"] [data-testid="deadline"]');
      await expect.poll(() => chip.textContent()).toContain(`受理期限 ${created.acceptDeadline}`);
      await shot(page, 'complaint-1-received');

      await move(page, 'accept');
      await expect.poll(() => status.textContent()).toBe('受理');
      await expect.poll(() => chip.textContent()).toMatch(/^办结期限 \d{4}-\d{2}-\d{2}/);
      await move(page, 'investigate');
      await expect.poll(() => status.textContent()).toBe('调查');

      // A refusal stays in the dialog: concluding needs the findings, the conclusion and the outcome.
      await page.locator('[data-testid="complaint-actions"] button[data-action="conclude"]').click();
      const conclude = page.getByTestId('action-dialog-conclude');
      await conclude.locator('button[type="submit"]').click();
      await seen(conclude.getByTestId('action-refusal'));
      await conclude.locator('textarea[name="findings"]').fill('调阅案卷，询问承办律师与投诉人');
      await conclude.locator('textarea[name="conclusion"]').fill('投诉部分属实，已约谈承办律师');
      await conclude.locator('#complaint-outcome ~ div [role="combobox"], [aria-labelledby~="complaint-outcome"]').first().click();
      await page.getByRole('option', { name: '部分属实' }).click();
      await shot(page, 'complaint-2-conclude-dialog');
      await conclude.locator('button[type="submit"]').click();
      await conclude.waitFor({ state: 'detached' });
      await expect.poll(() => status.textContent()).toBe('办结');
      await expect.poll(() => chip.textContent()).toMatch(/^答复期限 \d{4}-\d{2}-\d{2}/);

      await move(page, 'reply', async (dialog) => {
        await dialog.locator('[aria-labelledby~="complaint-replyMethod"]').first().click();
        await page.getByRole('option', { name: '书面' }).click();
      });
      await expect.poll(() => status.textContent()).toBe('答复');
      const deadlines = page.getByTestId('complaint-deadlines');
      for (const name of ['acceptDeadline', 'concludeDeadline', 'replyDeadline']) {
        await expect.poll(() => deadlines.locator(`[data-deadline="${name}"]`).textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
      }
      await expect.poll(() => page.getByTestId('complaint-history').locator('tr').count()).toBe(4);
      await shot(page, 'complaint-3-replied');

      const stored = await (await asAdmin(`/api/complaints/${created.id}`)).json();
      expect(stored).toMatchObject({ status: 'replied', outcome: 'partly_upheld', replyMethod: 'letter', repliedAt: today });

      // The ledger: a deadline chip on every open complaint.
      await page.goto(`${live.server.url}/#/complaints`);
      await seen(page.locator('[data-testid="deadline"]').first());
      await shot(page, 'complaint-4-ledger');

      await page.getByRole('link', { name: '半年度报告' }).click();
      const report = page.getByTestId('complaint-report');
      await seen(report);
      await expect.poll(() => report.textContent()).toContain('法律援助投诉处理情况统计表');
      await expect.poll(() => page.getByTestId('report-timeliness').locator('tbody tr').count()).toBe(3);
      await shot(page, 'complaint-5-report');
    } finally {
      await context.close();
    }
  }, 180_000);
});
