// In a real Chromium: a supervisor sees the queue above the 案卷评查 register, opens a waiting case from it,
// fills the rubric on the case page and saves; the lawyer reads an inspection of an own case, read-only.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoAccount, signedInFetch, startServer, type RunningServer } from '../../../test/support/server.js';
import { buildConsoleIfMissing } from '../../../test/support/console-build.js';
import { launchChromium, seen, signInToConsole } from '../../../test/support/browser.js';

let server: RunningServer;
let browser: Browser;
const shot = (page: Page, name: string) => (process.env.SCREENSHOT_DIR ? page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `${name}.png`), fullPage: true }) : Promise.resolve());

beforeAll(async () => {
  buildConsoleIfMissing();
  [server, browser] = await Promise.all([startServer({ timeoutMs: 180_000 }), launchChromium()]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('case inspection in the console', () => {
  it('a supervisor opens a waiting case from the queue, fills the rubric and saves it', async () => {
    const api = await signedInFetch(server, demoAccount.supervisor);
    const queue = await (await api('/api/case-inspections/queue')).json();
    expect(queue.length).toBeGreaterThan(0);
    const [first] = queue;
    const { page, context } = await signInToConsole(browser, server.url, demoAccount.supervisor, DEMO_PASSWORD);
    try {
      await page.goto(`${server.url}/#/case-inspections`);
      await seen(page.getByTestId('inspection-queue'));
      await expect.poll(() => page.getByTestId('inspection-queue').innerText()).toContain(first.caseNumber);
      await shot(page, 'inspection-queue');
      await page.locator(`[data-queue-case="${first.id}"]`).click();
      await page.waitForURL((url) => url.hash.includes(`/cases/${first.id}/show`));
      await page.locator('[data-panel="case-inspection.case-inspection"]').click();
      await seen(page.getByTestId('inspection-rubric'));
      const [form] = await (await api(`/api/forms?filter=${encodeURIComponent(JSON.stringify({ key: 'case-inspection', status: 'published' }))}`)).json();
      const items = form.definition.sections.flatMap((s: any) => s.items).filter((i: any) => i.kind === 'score');
      for (const item of items) await page.locator(`input[data-item="${item.id}"]`).fill(String(item.max));
      await page.locator('input[name="inspector"]').fill('王督导');
      await page.locator('textarea[name="comments"]').fill('案卷规范，材料齐全。');
      const [saved] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/case-inspections' && r.request().method() === 'POST'),
        page.getByTestId('save-inspection').click(),
      ]);
      expect(saved.status(), await saved.text()).toBe(201);
      await seen(page.getByTestId('inspection-comments'));
      await expect.poll(() => page.getByTestId('case-inspection').innerText()).toContain('100');
      await shot(page, 'inspection-saved');
      const [stored] = await (await api(`/api/case-inspections?filter=${encodeURIComponent(JSON.stringify({ caseId: first.id }))}`)).json();
      expect([stored.score, stored.grade, stored.inspector, stored.comments]).toEqual([100, 'excellent', '王督导', '案卷规范，材料齐全。']);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('the lawyer reads the inspection of an own case, without the rubric to fill', async () => {
    const lawyerApi = await signedInFetch(server, demoAccount.lawyer);
    const [own] = await (await lawyerApi('/api/case-inspections')).json();
    expect(own).toBeTruthy();
    const { page, context } = await signInToConsole(browser, server.url, demoAccount.lawyer, DEMO_PASSWORD);
    try {
      await page.goto(`${server.url}/#/cases/${own.caseId}/show`);
      await page.locator('[data-panel="case-inspection.case-inspection"]').click();
      await seen(page.getByTestId('inspection-comments'));
      expect(await page.getByTestId('inspection-rubric').count()).toBe(0);
      expect(await page.getByTestId('save-inspection').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);
});
