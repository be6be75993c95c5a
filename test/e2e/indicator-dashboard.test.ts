// The admin's home page in a real Chromium against the demo centre: every indicator of the year
// with its target and monthly trend, the breakdown charts, the count cards and the plugins' panels,
// all from one request; and a figure that opens its list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccount } from '../support/server.js';
import { consoleAndChromium } from '../support/console-server.js';
import { seen, signInToConsole } from '../support/browser.js';

const IDS = ['cases_per_10k', 'criminal_share', 'litigation_share', 'law_firm_share', 'hearing_observation_rate', 'satisfaction_rate', 'amount_recovered', 'consultations'];

const live = consoleAndChromium();

describe("the admin's home page", () => {
  it('shows every indicator with its target and trend for the demo year, and each figure opens its list', async () => {
    const { context, page } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await seen(page.getByTestId('indicator-board'));
      // Reloaded, the home page asks for its figures once: GET /api/home, no list or report per card.
      const asked: string[] = [];
      page.on('request', (r) => {
        const { pathname } = new URL(r.url());
        if (pathname.startsWith('/api/') && !pathname.startsWith('/api/auth/') && pathname !== '/api/meta') asked.push(pathname);
      });
      await page.reload();
      await seen(page.getByTestId('indicator-criminal_share').getByTestId('indicator-value'));
      await seen(page.getByTestId('card-cases').getByTestId('count'));
      await seen(page.getByTestId('visit-summary'));
      await seen(page.getByTestId('observation-plan'));
      await seen(page.getByTestId('peer-rounds'));
      expect(asked).toEqual(['/api/home']);
      const home = await (await page.request.get(`${live.server.url}/api/home`)).json();
      await expect(page.getByTestId('card-cases').getByTestId('count').textContent()).resolves.toContain(home.registers.cases.toLocaleString('zh-CN'));
      await expect(page.getByTestId('card-applications').getByTestId('count').textContent()).resolves.toContain(home.cards.applications.toLocaleString('zh-CN'));
      for (const id of IDS) {
        const card = page.getByTestId(`indicator-${id}`);
        await seen(card);
        await expect(card.getByTestId('indicator-target').textContent()).resolves.toMatch(/目标|未设目标/);
      }
      // The case-based figures have a value and a drawn trend (an SVG path from MUI X Charts).
      for (const id of ['cases_per_10k', 'criminal_share', 'litigation_share', 'law_firm_share', 'amount_recovered']) {
        const card = page.getByTestId(`indicator-${id}`);
        await expect(card.getByTestId('indicator-value').textContent()).resolves.toMatch(/\d/);
        await seen(card.getByTestId('indicator-trend').locator('svg path').first());
      }
      await expect(page.getByTestId('indicator-criminal_share').getByTestId('indicator-target').textContent()).resolves.toContain('≥ 19.0%');
      await seen(page.getByTestId('chart-by-type').locator('svg'));
      await seen(page.getByTestId('chart-grades'));
      await seen(page.getByTestId('overdue-work'));
      const shot = path.join(os.tmpdir(), 'fayuan-indicator-dashboard.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(fs.statSync(shot).size).toBeGreaterThan(10_000);

      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cases' && r.url().includes('caseType')),
        page.getByTestId('indicator-criminal_share').click(),
      ]);
      expect(response.status()).toBe(200);
      await seen(page.locator('table tbody tr').first());
    } finally {
      await context.close();
    }
  }, 120_000);
});
