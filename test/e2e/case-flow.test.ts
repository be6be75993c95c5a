// A case's work in the console, in a real Chromium against a real server: the lawyer completes
// the case file by uploading through the checklist's drop zone and submits the case for closing;
// the centre admin assigns a lawyer through the dialog, where ineligible lawyers cannot be chosen.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoAccount, signedInFetch } from '../support/server.js';
import { consoleAndChromium } from '../support/console-server.js';
import { seen, signInToConsole } from '../support/browser.js';
import { pdfFile } from '../support/pdf-file.js';

const STEP = 60_000;

const live = consoleAndChromium();

const signIn = (email: string) => signInToConsole(live.browser, live.server.url, email, DEMO_PASSWORD);

/** Opens the dialog of one of the case's actions (the buttons of the workflow card). */
async function openAction(page: Page, action: string): Promise<Locator> {
  await page.locator(`[data-testid="case-actions"] button[data-action="${action}"]`).click();
  const dialog = page.getByTestId(`action-dialog-${action}`);
  await seen(dialog);
  return dialog;
}

const stepper = (page: Page, status: string) => page.locator(`[data-testid="case-stepper"][data-status="${status}"]`);

interface ChecklistBody {
  progress: { done: number; total: number };
  missingLawyerItems: { key: string; name: string }[];
  missingCentreItems: { key: string; name: string }[];
}

describe('a case worked through in the console', () => {
  it('lets the case lawyer upload the missing materials through the checklist and then submit the case for closing', async () => {
    const asLawyer = await signedInFetch(live.server, demoAccount.lawyer);
    const cases = (await (await asLawyer('/api/cases?filter={"status":"in_progress"}&range=[0,49]')).json()) as { id: number }[];
    let caseId = 0;
    let before: ChecklistBody | null = null;
    for (const { id } of cases) {
      const checklist = (await (await asLawyer(`/api/cases/${id}/checklist`)).json()) as ChecklistBody;
      if (checklist.missingLawyerItems.length && !checklist.missingCentreItems.length) {
        [caseId, before] = [id, checklist];
        break;
      }
    }
    expect(caseId, 'an in-progress case of the demo lawyer with lawyer items missing').toBeGreaterThan(0);
    const missing = before!.missingLawyerItems;

    const { context, page } = await signIn(demoAccount.lawyer);
    try {
      await page.goto(`${live.server.url}/#/cases/${caseId}/show`);
      await seen(stepper(page, 'in_progress'));
      await page.getByRole('tab', { name: '卷宗材料' }).click();
      const progress = page.getByTestId('checklist-progress');
      await seen(progress);
      expect(await progress.innerText()).toBe(`卷宗材料 ${before!.progress.done}/${before!.progress.total}`);
      expect(await page.locator('tr[data-missing="true"]').count()).toBe(missing.length);

      // Too early: the server's refusal is shown in the dialog, which stays open.
      let dialog = await openAction(page, 'submit-closing');
      await dialog.locator('button[type="submit"]').click();
      await seen(dialog.getByTestId('action-refusal'));
      expect(await dialog.getByTestId('action-refusal').innerText()).toContain('卷宗材料不全');
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'detached' });

      for (const [i, item] of missing.entries()) {
        await page.getByTestId(`file-input-${item.key}`).setInputFiles({ name: `${item.key}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(pdfFile(item.key)) });
        await seen(page.locator(`[data-testid="upload-status-${item.key}"][data-state="done"]`));
        await expect.poll(() => progress.getAttribute('data-done')).toBe(String(before!.progress.done + i + 1));
        await seen(page.locator(`tr[data-item="${item.key}"]`).getByRole('link', { name: new RegExp(`^${item.key}\\.pdf`) }));
      }
      await seen(page.getByTestId('checklist-summary').getByText('必备材料已齐全'));
      expect(await page.locator('tr[data-missing="true"]').count()).toBe(0);

      dialog = await openAction(page, 'submit-closing');
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await seen(page.getByText('已完成：提交结案'));
      await seen(stepper(page, 'closing_submitted'));
      await seen(page.getByTestId('case-history').getByText('提交结案', { exact: true }));
    } finally {
      await context.close();
    }
    const after = (await (await asLawyer(`/api/cases/${caseId}`)).json()) as { status: string };
    expect(after.status).toBe('closing_submitted');
  }, STEP);

  it('lets the centre admin assign an eligible lawyer through the dialog, showing the ineligible ones disabled with their reasons', async () => {
    const asAdmin = await signedInFetch(live.server, demoAccount.admin);
    const accepted = (await (await asAdmin('/api/cases?filter={"status":"accepted"}&range=[0,49]')).json()) as { id: number }[];
    let caseId = 0;
    for (const { id } of accepted) {
      const lawyers = (await (await asAdmin(`/api/cases/${id}/eligible-lawyers`)).json()) as { eligible: boolean }[];
      // Without conflict warnings of its own (an opposing party once aided here: the dialog would ask for their acknowledgement).
      const conflicts = (await (await asAdmin(`/api/cases/${id}/conflicts`)).json()) as unknown[];
      if (!conflicts.length && lawyers.some((l) => !l.eligible) && lawyers.some((l) => l.eligible)) {
        caseId = id;
        break;
      }
    }
    expect(caseId, 'an accepted case with both eligible and ineligible lawyers').toBeGreaterThan(0);

    const { context, page } = await signIn(demoAccount.admin);
    let chosen = '';
    try {
      await page.goto(`${live.server.url}/#/cases/${caseId}/show`);
      await seen(stepper(page, 'accepted'));
      await seen(page.getByTestId('deadline'));
      expect(await page.getByTestId('deadline').innerText()).toMatch(/^指派期限 \d{4}-\d{2}-\d{2}，(剩 \d+ 天|今日到期|已逾期 \d+ 天)$/);

      const dialog = await openAction(page, 'assign');
      const picker = dialog.getByTestId('lawyer-picker');
      await seen(picker.getByText(/^符合条件 \d+ 人$/));
      const ineligible = picker.locator('[role="radio"][data-eligible="false"]').first();
      await ineligible.scrollIntoViewIfNeeded();
      expect(await ineligible.getAttribute('aria-disabled')).toBe('true');
      expect((await ineligible.innerText()).split('\n').length).toBeGreaterThan(1); // its name, then why not

      const eligible = picker.locator('[role="radio"][data-eligible="true"]').nth(1);
      chosen = (await eligible.getAttribute('aria-label'))!;
      await eligible.scrollIntoViewIfNeeded();
      const lawyerConflicts = page.waitForResponse((r) => r.url().includes(`/api/cases/${caseId}/conflicts?lawyerId=`));
      await eligible.click();
      expect(await eligible.getAttribute('aria-checked')).toBe('true');
      // The chosen lawyer's own warnings, if any, acknowledged as the admin would.
      if (((await (await lawyerConflicts).json()) as unknown[]).length) await dialog.getByLabel('已审查上述利益冲突提示，确认指派').check();
      await dialog.getByLabel('点援').check();
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await seen(page.getByText('已完成：指派'));
      await seen(stepper(page, 'assigned'));
      await seen(page.getByTestId('case-history').getByText(`承办律师：${chosen}`, { exact: false }));
    } finally {
      await context.close();
    }
    const assigned = (await (await asAdmin(`/api/cases/${caseId}`)).json()) as { status: string; lawyerId: number; assignmentMethod: string };
    expect(assigned.status).toBe('assigned');
    expect(assigned.assignmentMethod).toBe('client_choice');
    const lawyer = (await (await asAdmin(`/api/lawyers/${assigned.lawyerId}`)).json()) as { name: string };
    expect(lawyer.name).toBe(chosen);
  }, STEP);
});
