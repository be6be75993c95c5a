// The public application page as an anonymous browser: apply with uploads, keep the tracking code,
// track the application; a wrong code or a wrong phone shows nothing of it. Screenshots go to
// $SCREENSHOT_DIR (default the system's temp directory).
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleAndChromium } from '../support/console-server.js';
import { seen } from '../support/browser.js';
import { pdf, png } from '../../plugins/case-files/test/support.js';

const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();

const live = consoleAndChromium();

describe('the public application page', () => {
  it('takes an application from a person without an account and tracks it by code and phone', async () => {
    const context = await live.browser.newContext({ locale: 'zh-CN', viewport: { width: 900, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const apiCalls: string[] = [];
    page.on('request', (r) => { const u = new URL(r.url()); if (u.pathname.startsWith('/api/')) apiCalls.push(u.pathname); });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });

    await page.goto(`${live.server.url}/apply`);
    await seen(page.getByRole('heading', { name: '法律援助网上申请' }));
    await seen(page.locator('#f-applicantName'));
    await page.locator('#f-applicantName').fill('钱多多');
    await page.locator('#f-applicantIdNumber').fill('110101199003071241');
    await page.locator('#f-applicantPhone').fill('13955556666');
    await page.locator('#f-caseType').selectOption('civil');
    await page.locator('#f-causeOfAction').fill('追索劳动报酬');
    await page.locator('#f-opposingPartyName').fill('台州某某建材有限公司');
    await page.locator('#f-householdMonthlyIncome').fill('700');
    await page.locator('#f-householdSize').fill('4');
    await page.locator('#u-idDocument').setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: Buffer.from(png()) });
    await page.locator('#u-hardshipProof').setInputFiles({ name: '困难证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf()) });
    await page.locator('input[name="consent"]').check();
    await page.screenshot({ path: path.join(shots, 'fayuan-apply-form.png'), fullPage: true });
    await page.getByRole('button', { name: '提交申请' }).click();

    const code = page.getByTestId('tracking-code');
    await seen(code);
    const trackingCode = (await code.textContent())!.trim();
    expect(trackingCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await page.screenshot({ path: path.join(shots, 'fayuan-apply-done.png'), fullPage: true });

    await page.getByRole('tab', { name: '进度查询' }).click();
    const lookUp = async (c: string, phone: string) => {
      await page.locator('#q-code').fill(c);
      await page.locator('#q-phone').fill(phone);
      await page.getByRole('button', { name: '查询' }).click();
    };
    await lookUp(trackingCode, '13955556666');
    const result = page.getByTestId('status-result');
    await seen(result);
    await expect.poll(() => result.textContent()).toContain('当前状态：申请');
    expect(await result.textContent()).not.toContain('钱多多');
    await page.screenshot({ path: path.join(shots, 'fayuan-apply-status.png'), fullPage: true });

    await lookUp(trackingCode, '13955556667');
    await seen(page.getByTestId('status-not-found'));
    const wrongPhone = await page.getByTestId('status-not-found').textContent();
    expect(await page.getByTestId('status-result').count()).toBe(0);
    await lookUp('ABCD-EFGH-JKMN', '13955556666');
    await seen(page.getByTestId('status-not-found'));
    expect(await page.getByTestId('status-not-found').textContent()).toBe(wrongPhone);
    expect(await page.getByTestId('status-result').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'fayuan-apply-not-found.png'), fullPage: true });

    // 投诉须知: the centre's public notice on complaints, from the settings (defaults here).
    const notice = page.getByTestId('complaint-notice');
    await seen(notice);
    expect(await notice.textContent()).toContain('投诉电话：12348');
    expect(await notice.textContent()).toContain('投诉范围：法律援助机构及其工作人员');
    expect(await notice.textContent()).toContain('5 个工作日内决定是否受理');

    // The page never touched anything but the public routes, and ran cleanly under the CSP.
    expect(apiCalls.every((p) => p.startsWith('/api/public/'))).toBe(true);
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    await context.close();
  }, 120_000);
});
