// The console in a real Chromium against a real server: signing in, the Chinese menu,
// the case list with its total from Content-Range, one case, and a lawyer's narrower view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, contentRangeTotal, demoAccount, signedInFetch } from '../support/server.js';
import { consoleAndChromium } from '../support/console-server.js';
import { seen, signInToConsole } from '../support/browser.js';

const STEP = 60_000;

const live = consoleAndChromium();

const signIn = (email: string) => signInToConsole(live.browser, live.server.url, email, DEMO_PASSWORD);

/** Opens the case list from the menu; answers the total the server put in Content-Range. */
async function openCaseList(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cases' && r.request().method() === 'GET' && r.url().includes('range=%5B0%2C24%5D')),
    page.getByRole('menuitem', { name: '法律援助案件' }).click(),
  ]);
  expect(response.status()).toBe(200);
  const contentRange = response.headers()['content-range'];
  expect(contentRange).toMatch(/^cases \d+-\d+\/\d+$/);
  await seen(page.locator('table tbody tr').first());
  return Number(contentRange.split('/')[1]);
}

describe('the console, signed in as the centre admin', () => {
  let admin: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    admin = await signIn(demoAccount.admin);
  }, STEP);
  afterAll(() => admin?.context.close());

  it('greets the admin and shows the registers in the menu in Chinese', async () => {
    const { page } = admin;
    await seen(page.getByRole('menuitem', { name: '法律援助案件' }));
    for (const register of ['律师', '律师事务所', '志愿者队伍', '服务点', '投诉']) {
      await seen(page.getByRole('menuitem', { name: register, exact: true }));
    }
    expect(await page.getByTestId('role').innerText()).toContain('中心管理员');
    expect(await page.title()).toBe('法援 · 法律援助管理平台');
  }, STEP);

  it('lists cases with Chinese column labels and the total read from Content-Range, and opens one', async () => {
    const { page } = admin;
    const total = await openCaseList(page);
    expect(total).toBeGreaterThan(25);
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(25);
    const header = await page.locator('table thead').innerText();
    for (const column of ['案号', '申请人', '案件类型', '申请日期', '状态', '承办律师']) expect(header).toContain(column);
    await seen(page.getByText(`共 ${total} 条`));

    const firstRow = page.locator('table tbody tr').first();
    const caseNumber = (await firstRow.locator('td.column-caseNumber').innerText()).trim();
    expect(caseNumber).toMatch(/援字第\d+号/);
    await firstRow.locator('td.column-applicantName').click();
    await page.waitForURL(/#\/cases\/\d+\/show$/);
    await seen(page.getByText('申请人信息')); // issue #10: the case's declared sections
    await seen(page.getByText('身份证号', { exact: true }));
    await seen(page.getByText(caseNumber).first());
    await seen(page.getByText('系统信息'));
  }, STEP);
});

describe('the console, signed in as a lawyer', () => {
  it('shows only the cases assigned to them and no way to create one', async () => {
    const asAdmin = await signedInFetch(live.server, demoAccount.admin);
    const allCases = contentRangeTotal(await asAdmin('/api/cases?range=[0,0]'));

    const { context, page } = await signIn(demoAccount.lawyer);
    try {
      expect(await page.getByTestId('role').innerText()).toContain('承办律师');
      // Their own work on the home page: the chart of their cases names each state under its bar.
      const home = await (await page.request.get(`${live.server.url}/api/home`)).json();
      const state = (await (await page.request.get(`${live.server.url}/api/meta`)).json()).resources
        .find((r: { name: string }) => r.name === 'cases').fields.find((f: { name: string }) => f.name === 'status').options
        .find((o: { id: string }) => o.id === home.mine.byStatus[0].status).label.zh;
      await seen(page.getByTestId('my-work').locator('svg text', { hasText: state }).first());
      const ownCases = await openCaseList(page);
      expect(ownCases).toBeGreaterThan(0);
      expect(ownCases).toBeLessThan(allCases);
      const lawyerName = await page.evaluate(async () => {
        const response = await fetch('/api/auth/get-session', { credentials: 'include' });
        return ((await response.json()) as { user: { name: string } }).user.name;
      });
      const lawyerCells = page.locator('table tbody td.column-lawyerId');
      await expect.poll(async () => new Set((await lawyerCells.allInnerTexts()).map((t) => t.trim()))).toEqual(new Set([lawyerName]));
      expect(await page.getByRole('link', { name: '新建' }).count()).toBe(0);
      expect(await page.getByRole('menuitem', { name: '用户', exact: true }).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, STEP);
});
