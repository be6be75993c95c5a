// In a real Chromium: a supervisor adds an item to the hearing-observation form (a new revision),
// fills a sheet with it for a demo case and sees the score; the lawyer reads the feedback on the
// case page, never the private notes. Screenshots go to $SCREENSHOT_DIR when it is set.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoAccount, signedInFetch } from '../../../test/support/server.js';
import { consoleAndChromium } from '../../../test/support/console-server.js';
import { seen, signInToConsole } from '../../../test/support/browser.js';

const shot = (page: Page, name: string) => (process.env.SCREENSHOT_DIR ? page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `${name}.png`), fullPage: true }) : Promise.resolve());

const live = consoleAndChromium({ timeoutMs: 180_000 });

describe('quality forms in the console', () => {
  it('a supervisor adds an item to the observation form, fills a sheet with it and sees the score', async () => {
    const api = await signedInFetch(live.server, demoAccount.supervisor);
    const [form] = await (await api(`/api/forms?filter=${encodeURIComponent(JSON.stringify({ key: 'hearing-observation', status: 'published' }))}`)).json();
    const { page, context } = await signInToConsole(live.browser, live.server.url, demoAccount.supervisor, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/forms/${form.id}`);
      const editor = page.getByTestId('form-editor');
      await seen(editor);
      const section = page.locator('[data-section-editor="conduct"]');
      await section.locator('[data-add-item="score"]').click();
      const added = section.locator('[data-item-editor]').last();
      const newId = (await added.getAttribute('data-item-editor'))!;
      await added.getByLabel('题目（中文）').fill('庭前与受援人沟通');
      await shot(page, 'form-editor');
      const [saved] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/forms' && r.request().method() === 'POST'),
        page.getByTestId('save-revision').click(),
      ]);
      expect(saved.status(), await saved.text()).toBe(201);
      const [revised] = await (await api(`/api/forms?sort=${encodeURIComponent(JSON.stringify(['revision', 'DESC']))}&filter=${encodeURIComponent(JSON.stringify({ key: 'hearing-observation', status: 'published' }))}`)).json();
      expect(revised.revision).toBe(form.revision + 1);
      const items = revised.definition.sections.flatMap((s: any) => s.items);
      expect(items.find((i: any) => i.id === newId).label.zh).toBe('庭前与受援人沟通');

      // A demo case with a hearing in the work log.
      const [hearing] = await (await api(`/api/case-activities?filter=${encodeURIComponent(JSON.stringify({ kind: 'hearing' }))}`)).json();
      await page.goto(`${live.server.url}/#/hearing-observations/create?source=${encodeURIComponent(JSON.stringify({ caseId: hearing.caseId }))}`);
      await seen(page.locator(`[data-item-id="${newId}"]`));
      await page.locator('input[name="observers"]').fill('中心主任');
      for (const item of items.filter((i: any) => i.kind === 'score')) {
        await page.locator(`input[data-item="${item.id}"]`).fill(String(item.id === newId ? 0 : item.max));
      }
      // 10 of 110 weight at its minimum: 100 × 100/110 = 90.9, 优秀.
      await expect.poll(() => page.getByTestId('sheet-score').first().innerText()).toContain('90.9');
      await expect.poll(() => page.getByTestId('sheet-score').first().innerText()).toContain('优秀');
      await shot(page, 'filled-sheet');
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL((url) => !url.hash.includes('/create'));
      const [stored] = await (await api(`/api/hearing-observations?sort=${encodeURIComponent(JSON.stringify(['id', 'DESC']))}`)).json();
      expect([stored.caseId, stored.formId, stored.score, stored.grade, stored.answers[newId!]]).toEqual([hearing.caseId, revised.id, 90.9, 'excellent', 0]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('the lawyer sees the feedback, score and grade on the case page, not the private notes', async () => {
    const supervisor = await signedInFetch(live.server, demoAccount.supervisor);
    const lawyerApi = await signedInFetch(live.server, demoAccount.lawyer);
    const [own] = await (await lawyerApi(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ status: 'in_progress' }))}`)).json();
    const full = { materials: 10, meeting: 9, facts: 14, evidence: 15, law: 13, expression: 10, discipline: 10, bearing: 5, effect: 8 };
    const created = await (await supervisor('/api/hearing-observations', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caseId: own.id, observers: '中心主任', answers: full, feedback: '质证有针对性，建议加强法律适用论证。', privateNotes: '内部：下季度复查' }),
    })).json();
    expect(created.id).toBeGreaterThan(0);
    await lawyerApi('/api/case-activities', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ caseId: own.id, kind: 'meeting', occurredAt: new Date().toISOString(), place: '中心接待室', participants: '律师、受援人', notes: '会见受援人' }) });
    const { page, context } = await signInToConsole(live.browser, live.server.url, demoAccount.lawyer, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/cases/${own.id}/show`);
      await page.locator('[data-panel="hearing-observation.hearing-observations"]').click();
      await seen(page.getByTestId('feedback'));
      await expect.poll(() => page.getByTestId('hearing-observations').innerText()).toContain(String(created.score));
      expect(await page.content()).not.toContain('下季度复查');
      expect(await page.getByTestId('private-notes').count()).toBe(0);
      await shot(page, 'case-page-lawyer-observations');
      await page.locator('[data-panel="work-log"]').click();
      await seen(page.locator('[data-activity="meeting"]').first());
      await shot(page, 'case-page-lawyer-work-log');
    } finally {
      await context.close();
    }
  }, 120_000);
});
