// In a real Chromium: a supervisor sees the queue above the 案卷评查 register, opens a waiting case from it
// on the inspection screen (the file's material beside the rubric), fills the rubric and saves; the lawyer reads an inspection of an own case, read-only.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoAccount, signedInFetch } from '../../../test/support/server.js';
import { consoleAndChromium } from '../../../test/support/console-server.js';
import { seen, signInToConsole } from '../../../test/support/browser.js';

const shot = (page: Page, name: string) => (process.env.SCREENSHOT_DIR ? page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `${name}.png`), fullPage: true }) : Promise.resolve());

const live = consoleAndChromium({ timeoutMs: 180_000 });

describe('case inspection in the console', () => {
  it('a supervisor opens a waiting case from the queue on one screen with its material, fills the rubric and saves it', async () => {
    const api = await signedInFetch(live.server, demoAccount.supervisor);
    const queue = await (await api('/api/case-inspections/queue')).json();
    expect(queue.length).toBeGreaterThan(0);
    const [first] = queue;
    const { page, context } = await signInToConsole(live.browser, live.server.url, demoAccount.supervisor, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/case-inspections`);
      await seen(page.getByTestId('inspection-queue'));
      await expect.poll(() => page.getByTestId('inspection-queue').innerText()).toContain(first.caseNumber);
      await shot(page, 'inspection-queue');
      await page.locator(`[data-queue-case="${first.id}"]`).click();
      await page.waitForURL((url) => url.hash.includes(`/case-inspections/inspect/${first.id}`));
      await seen(page.getByTestId('inspection-rubric'));
      // Beside the rubric: the case summary, work log, checklist, observations and visits, as the supervisor may read them.
      const material = page.getByTestId('inspect-material');
      await expect.poll(() => page.getByTestId('inspect-summary').innerText()).toContain(first.caseNumber);
      for (const part of ['inspect-work-log', 'inspect-checklist', 'inspect-observations', 'inspect-visits']) await seen(material.getByTestId(part));
      const activities = await (await api(`/api/case-activities?filter=${encodeURIComponent(JSON.stringify({ caseId: first.id }))}`)).json();
      await expect.poll(() => page.getByTestId('inspect-work-log').innerText()).toContain(`（${activities.length}）`);
      const caseRow = await (await api(`/api/cases/${first.id}`)).json();
      const lawyer = caseRow.lawyerId ? await (await api(`/api/lawyers/${caseRow.lawyerId}`)).json() : null;
      if (lawyer) await expect.poll(() => page.getByTestId('inspect-summary').innerText()).toContain(lawyer.name);
      await shot(page, 'inspection-screen');
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
      await expect.poll(() => page.getByTestId('inspect-rubric-column').innerText()).toContain('100');
      await shot(page, 'inspection-saved');
      // The case page's 案卷评查 panel leads to the same screen.
      await page.goto(`${live.server.url}/#/cases/${first.id}/show`);
      await page.locator('[data-panel="case-inspection.case-inspection"]').click();
      await page.getByTestId('open-inspect-page').click();
      await page.waitForURL((url) => url.hash.includes(`/case-inspections/inspect/${first.id}`));
      await seen(page.getByTestId('inspection-comments'));
      const [stored] = await (await api(`/api/case-inspections?filter=${encodeURIComponent(JSON.stringify({ caseId: first.id }))}`)).json();
      expect([stored.score, stored.grade, stored.inspector, stored.comments]).toEqual([100, 'excellent', '王督导', '案卷规范，材料齐全。']);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('the lawyer reads the inspection of an own case, without the rubric to fill', async () => {
    const lawyerApi = await signedInFetch(live.server, demoAccount.lawyer);
    const [own] = await (await lawyerApi('/api/case-inspections')).json();
    expect(own).toBeTruthy();
    const { page, context } = await signInToConsole(live.browser, live.server.url, demoAccount.lawyer, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/cases/${own.caseId}/show`);
      await page.locator('[data-panel="case-inspection.case-inspection"]').click();
      await seen(page.getByTestId('inspection-comments'));
      expect(await page.getByTestId('inspection-rubric').count()).toBe(0);
      expect(await page.getByTestId('save-inspection').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);
});
