// The "done when" of issue #10: the demo admin registers a criminal case for a minor in a form
// with sections that asks only what applies, and reads its history in plain Chinese after three
// transitions; the audit log reads without JSON. Screenshots go to test-results/ for a look.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, ROOT, demoAccount, signedInFetch } from '../support/server.js';
import { consoleAndChromium } from '../support/console-server.js';
import { seen, signInToConsole } from '../support/browser.js';

const STEP = 90_000;
const SHOTS = path.join(ROOT, 'test-results', 'paperwork');

const live = consoleAndChromium();
beforeAll(() => {
  fs.mkdirSync(SHOTS, { recursive: true });
});

const sectionTitles = (page: Page) => page.locator('form section[data-section] h2').allInnerTexts();
const input = (page: Page, name: string) => page.locator(`form [name="${name}"]`);

async function choose(page: Page, label: string, option: string) {
  await page.locator('form').getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Raw values that a clerk should never read: action keys, enum keys, ISO timestamps. */
const RAW = [/transition:/, /\b(accepted|assigned|reviewing|in_progress|criminal|defendant)\b/, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, /@fayuan\.test/];

describe('paperwork in the console', () => {
  let caseId: number;

  it('registers a criminal case for a minor in sections that ask only what applies', async () => {
    const { context, page } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/cases/create`);
      await seen(input(page, 'applicantName'));
      expect(await sectionTitles(page)).toEqual(['申请人信息', '代理人', '案件信息', '对方当事人', '经济状况']);
      // Nothing of closing, and nothing criminal before the case type says so.
      for (const name of ['outcome', 'qualityGrade', 'subsidyAmount', 'amountRecovered', 'criminalRole', 'maxPenalty', 'criminalStage', 'agentName']) {
        expect(await input(page, name).count(), name).toBe(0);
      }
      await input(page, 'applicantName').fill('陈小明');
      await input(page, 'applicantBirthDate').fill('2010-04-02');
      await input(page, 'applicantAddress').fill('浙江省台州市路桥区路桥街道兴中路 12 号');
      await page.getByLabel('有代理人').check();
      await seen(input(page, 'agentName'));
      await input(page, 'agentName').fill('陈建国');
      await choose(page, '代理人身份', '法定代理人（监护人）');
      await choose(page, '案件类型', '刑事');
      await seen(page.locator('form').getByRole('combobox', { name: /^刑事诉讼地位/ }));
      await choose(page, '刑事诉讼地位', '犯罪嫌疑人、被告人');
      await input(page, 'causeOfAction').fill('盗窃罪');
      await choose(page, '申请渠道', '公检法通知');
      await input(page, 'caseSummary').fill('申请人涉嫌盗窃，系未成年人，申请指派辩护人。');
      expect(await input(page, 'householdMonthlyIncome').count()).toBe(1);
      await choose(page, '免予经济困难审查事由', '未成年人');
      await expect.poll(() => input(page, 'householdMonthlyIncome').count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, 'case-create.png'), fullPage: true });
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: path.join(SHOTS, 'case-create-saved.png'), fullPage: true });
      await page.waitForURL(/#\/cases\/\d+\/show/);
      caseId = Number(/cases\/(\d+)\/show/.exec(page.url())![1]);
      await seen(page.locator('[data-section="applicant"]'));
    } catch (error) {
      await page.screenshot({ path: path.join(SHOTS, 'failed-create.png'), fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, STEP);

  it('tells its history in plain Chinese after three transitions', async () => {
    const asAdmin = await signedInFetch(live.server, demoAccount.admin);
    for (const action of ['review', 'accept']) {
      expect((await asAdmin(`/api/cases/${caseId}/transitions/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, action).toBe(200);
    }
    const lawyers = (await (await asAdmin(`/api/cases/${caseId}/eligible-lawyers`)).json()) as { id: number; name: string; eligible: boolean; openCases: number }[];
    const eligible = lawyers.filter((l) => l.eligible);
    expect(eligible.map((l) => l.openCases)).toEqual([...eligible.map((l) => l.openCases)].sort((a, b) => a - b));
    const chosen = eligible[0];
    expect((await asAdmin(`/api/cases/${caseId}/transitions/assign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lawyerId: chosen.id }) })).status).toBe(200);

    const { context, page } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/cases/${caseId}/show`);
      const history = page.getByTestId('case-history');
      await seen(history.getByText('指派', { exact: true }));
      const said = await history.innerText();
      for (const action of ['开始审查', '受理', '指派']) expect(said).toContain(action);
      expect(said).toContain(`承办律师：${chosen.name}`);
      expect(said).toMatch(/（中心管理员）/);
      expect(said).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      // The details: sections by their titles, only what applies, the record's own history in words.
      await seen(page.locator('[data-section="agent"]'));
      const whole = await page.locator('main').innerText();
      for (const raw of RAW) expect(whole, String(raw)).not.toMatch(raw);
      expect(whole).toContain('刑事诉讼地位');
      expect(whole).not.toContain('家庭人均月收入');
      expect(whole).not.toContain('办案结果');
      await page.screenshot({ path: path.join(SHOTS, 'case-show.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, STEP);

  it('shows the audit log as sentences, not JSON', async () => {
    const { context, page } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await page.goto(`${live.server.url}/#/audit-log`);
      await seen(page.getByText('登录', { exact: true }).first());
      const list = await page.locator('main').innerText();
      for (const raw of RAW) expect(list, String(raw)).not.toMatch(raw);
      expect(list).not.toMatch(/[{}[\]"]/);
      await page.screenshot({ path: path.join(SHOTS, 'audit-log.png'), fullPage: true });
      await page.getByText('指派', { exact: true }).first().click();
      await seen(page.getByText('承办律师：', { exact: false }).first());
      const entry = await page.locator('main').innerText();
      for (const raw of RAW) expect(entry, String(raw)).not.toMatch(raw);
      await page.screenshot({ path: path.join(SHOTS, 'audit-entry.png'), fullPage: true });
      await page.goto(`${live.server.url}/#/settings`);
      await seen(page.locator('form [name="hardshipFactor"]'));
      expect(await page.locator('form [name="hardshipFactor"]').inputValue()).not.toContain('¥');
      await page.screenshot({ path: path.join(SHOTS, 'settings.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, STEP);
});
