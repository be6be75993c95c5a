// 利益冲突审查 and 更换法律援助人员 in the console, in a real Chromium against a real server: on a
// case whose opposing party was a former client, the admin sees the warning, is refused the lawyer
// who acted for that party, assigns around it (acknowledging the warning), and later changes the lawyer.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoAccount, signedInFetch } from '../support/server.js';
import { consoleAndChromium } from '../support/console-server.js';
import { seen, signInToConsole } from '../support/browser.js';


const live = consoleAndChromium();

/** A resident ID number with its check digit (GB 11643), unique per call. */
function idNumber(seq: number): string {
  const body = `11010119800101${String(seq).padStart(3, '0')}`.slice(0, 17);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

async function openAction(page: Page, action: string): Promise<Locator> {
  await page.locator(`[data-testid="case-actions"] button[data-action="${action}"]`).click();
  const dialog = page.getByTestId(`action-dialog-${action}`);
  await seen(dialog);
  return dialog;
}

describe('conflict check and change of lawyer in the console', () => {
  it('warns of a former client as opposing party, refuses the lawyer who acted for them, assigns around it, then changes the lawyer', async () => {
    const asAdmin = await signedInFetch(live.server, demoAccount.admin);
    const call = async (path: string, body?: unknown) => {
      const res = await asAdmin(path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text}`);
      return JSON.parse(text);
    };
    const accepted = async (fields: Record<string, unknown>) => {
      const created = await call('/api/cases', { caseType: 'civil', channel: 'notified', causeOfAction: '买卖合同纠纷', ...fields });
      await call(`/api/cases/${created.id}/transitions/review`, {});
      await call(`/api/cases/${created.id}/transitions/accept`, {});
      return Number(created.id);
    };
    const formerClientId = idNumber(917);
    // The former client, whom lawyer `first` acted for.
    const earlier = await accepted({ applicantName: '欧阳澜清', applicantIdNumber: formerClientId });
    const eligibleOn = async (id: number) => (await call(`/api/cases/${id}/eligible-lawyers`)).filter((l: { eligible: boolean }) => l.eligible) as { id: number; name: string; lawFirmId: number }[];
    const [first] = await eligibleOn(earlier);
    await call(`/api/cases/${earlier}/transitions/assign`, { lawyerId: first.id, assignmentMethod: 'assigned' });
    // The new case: the former client is now the opposing party.
    const caseId = await accepted({ applicantName: '司马远征', applicantIdNumber: idNumber(918), opposingPartyName: '欧阳澜清', opposingPartyIdNumber: formerClientId });
    const others = (await eligibleOn(caseId)).filter((l) => l.lawFirmId !== first.lawFirmId);
    const [second, third] = others;
    expect(third, 'two eligible lawyers of other firms').toBeTruthy();

    const { context, page } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/cases/${caseId}/show`);
      // The case's own warning, on its page.
      const onPage = page.getByTestId('conflicts').first();
      await seen(onPage);
      expect(await onPage.innerText()).toContain('对方当事人曾是本中心的受援人');
      expect(await onPage.innerText()).toContain('身份证号一致');

      // The lawyer who acted for the opposing party: refused, nothing to acknowledge.
      let dialog = await openAction(page, 'assign');
      await dialog.locator(`[role="radio"][data-lawyer-id="${first.id}"]`).click();
      const refusal = dialog.getByTestId('conflicts');
      await expect.poll(() => refusal.innerText()).toContain('该律师曾代理对方当事人（不得指派）');
      expect(await dialog.locator('input[name="acknowledgeConflicts"]').count()).toBe(0);
      await dialog.locator('button[type="submit"]').click();
      await seen(dialog.getByText('不能指派其承办本案', { exact: false }));
      expect((await call(`/api/cases/${caseId}`)).status).toBe('accepted');

      // Around it: another lawyer, the warning acknowledged.
      await dialog.locator(`[role="radio"][data-lawyer-id="${second.id}"]`).click();
      await expect.poll(() => dialog.getByTestId('conflicts').innerText()).not.toContain('不得指派');
      await dialog.locator('input[name="acknowledgeConflicts"]').check();
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await seen(page.getByText('已完成：指派'));
      expect(await call(`/api/cases/${caseId}`)).toMatchObject({ status: 'assigned', lawyerId: second.id });

      // Later: the lawyer changed, with a reason.
      dialog = await openAction(page, 'change-lawyer');
      await dialog.locator(`[role="radio"][data-lawyer-id="${third.id}"]`).click();
      await dialog.locator('#change-reason').locator('..').getByRole('combobox').click();
      await page.getByRole('option', { name: '法律援助人员申请退出' }).click();
      await dialog.locator('textarea[name="note"]').fill('原承办律师因病休养');
      await dialog.locator('input[name="acknowledgeConflicts"]').check();
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'detached' });
      await seen(page.getByText('已完成：更换承办律师'));
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/fayuan-change-lawyer.png`, fullPage: true });
      await expect.poll(() => page.getByTestId('case-history').innerText()).toContain(third.name);
    } finally {
      await context.close();
    }
    expect(await call(`/api/cases/${caseId}`)).toMatchObject({ status: 'assigned', lawyerId: third.id });
  }, 120_000);
});
