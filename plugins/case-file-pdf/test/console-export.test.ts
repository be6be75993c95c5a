// In a real Chromium against a real server (npm start, the enabled plugins): the demo admin
// accepts and assigns a case and finds the decision, the notice and the letter in its checklist;
// previews and exports its case file; exports a batch from the cases list and sees the progress
// bar reach 100% and the ZIP's link.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoAccount, signedInFetch } from '../../../test/support/server.js';
import { consoleAndChromium } from '../../../test/support/console-server.js';
import { seen, signInToConsole } from '../../../test/support/browser.js';

const STEP = 180_000;

const live = consoleAndChromium();

async function act(page: Page, action: string, fill?: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>) {
  await page.locator(`[data-testid="case-actions"] button[data-action="${action}"]`).click();
  const dialog = page.getByTestId(`action-dialog-${action}`);
  await seen(dialog);
  await fill?.(dialog);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached', timeout: 60_000 });
}

describe('issued documents and case-file export in the console', () => {
  it('accept and assign fill the checklist with the sealed documents; the case file previews and downloads', async () => {
    const asAdmin = await signedInFetch(live.server, demoAccount.admin);
    const created = await (await asAdmin('/api/cases', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ applicantName: '浏览器测试', caseType: 'civil', channel: 'notified', causeOfAction: '追索劳动报酬纠纷' }),
    })).json() as { id: number };
    expect((await asAdmin(`/api/cases/${created.id}/transitions/review`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(200);

    const { context, page } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/cases/${created.id}/show`);
      await seen(page.locator('[data-testid="case-stepper"][data-status="reviewing"]'));
      await act(page, 'accept');
      await seen(page.locator('[data-testid="case-stepper"][data-status="accepted"]'));
      await act(page, 'assign', async (dialog) => {
        const eligible = dialog.getByTestId('lawyer-picker').locator('[role="radio"][data-eligible="true"]').first();
        await eligible.scrollIntoViewIfNeeded();
        await eligible.click();
        await dialog.getByLabel('点援').check();
      });
      await seen(page.locator('[data-testid="case-stepper"][data-status="assigned"]'));
      await page.reload();
      await page.locator('[data-panel="case-files.checklist"]').click();
      for (const title of ['给予法律援助决定书', '指派通知书', '法律援助公函']) {
        await seen(page.locator('a[href^="/api/case-documents/"]', { hasText: new RegExp(`^${title}（\\d{4}）.*\\.pdf$`) }).first());
      }
      const decisionHref = await page.locator('a[href^="/api/case-documents/"]', { hasText: /^给予法律援助决定书（/ }).first().getAttribute('href');
      expect(decisionHref).toMatch(/^\/api\/case-documents\/\d+\/download/);
      const decision = await asAdmin(decisionHref!);
      expect(decision.headers.get('content-type')).toBe('application/pdf');

      await page.locator('[data-panel="case-file-pdf.case-file"]').click();
      await page.getByRole('button', { name: '预览卷宗' }).click();
      const preview = page.locator('iframe[title="标准卷宗预览"]');
      await seen(preview);
      expect(await preview.getAttribute('src')).toBe(`/api/cases/${created.id}/case-file.pdf`);
      const exportHref = await page.getByRole('link', { name: '导出卷宗' }).getAttribute('href');
      const exported = await asAdmin(exportHref!);
      expect(exported.status).toBe(200);
      expect(Buffer.from(await exported.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await context.close();
    }
  }, STEP);

  it('exports the selected cases of the list as a ZIP, with a progress bar that reaches 100%', async () => {
    const { context, page } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/cases`);
      const rows = page.locator('tbody tr');
      await seen(rows.first());
      for (let i = 0; i < 3; i++) await rows.nth(i).locator('input[type="checkbox"]').check();
      await page.getByRole('button', { name: '导出所选卷宗' }).click();
      const dialog = page.getByRole('dialog', { name: '卷宗批量导出' });
      await seen(dialog);
      await seen(dialog.getByText('100%'));
      await seen(dialog.locator('[data-status="done"]'));
      expect(await dialog.getByText(/3\/3 件/).count()).toBe(1);
      const href = await dialog.getByRole('link', { name: '下载压缩包' }).getAttribute('href');
      const asAdmin = await signedInFetch(live.server, demoAccount.admin);
      const zip = await asAdmin(href!);
      expect(zip.headers.get('content-type')).toBe('application/zip');
      expect(Buffer.from(await zip.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    } finally {
      await context.close();
    }
  }, STEP);

  it('after a reload, shows the running export above the cases list with its progress, and cancels it there', async () => {
    const { context, page } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/cases`);
      const rows = page.locator('tbody tr');
      await seen(rows.first());
      await rows.first().locator('input[type="checkbox"]').check();
      await page.getByRole('button', { name: '按筛选条件导出' }).click(); // every case: long enough to reload during it
      await seen(page.getByRole('dialog', { name: '卷宗批量导出' }));
      await page.reload();
      const panel = page.getByTestId('running-exports');
      await seen(panel);
      const running = panel.getByTestId('running-export').first();
      expect(await running.locator('[data-status]').getAttribute('data-status')).toMatch(/^(queued|running)$/);
      await seen(running.getByRole('progressbar'));
      await running.getByRole('button', { name: '取消导出' }).click();
      await seen(running.locator('[data-status="cancelled"]'));
    } finally {
      await context.close();
    }
  }, STEP);
});
