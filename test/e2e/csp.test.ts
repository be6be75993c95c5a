// The console works under its Content-Security-Policy: signing in, the case list and a case
// page draw, and the browser reports no violation of the policy.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccount } from '../support/server.js';
import { consoleAndChromium } from '../support/console-server.js';
import { seen, signInToConsole } from '../support/browser.js';

const live = consoleAndChromium();

describe('the console under its Content-Security-Policy', () => {
  it('signs in, lists cases and opens one with no policy violation', async () => {
    const page0 = await fetch(live.server.url);
    expect(page0.headers.get('content-security-policy')).toContain("script-src 'self'");
    const violations: string[] = [];
    const { context: signed, page } = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    try {
      await signed.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      page.on('console', (m) => {
        if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(m.text());
      });
      await page.reload();
      await seen(page.getByRole('heading', { name: /您好/ }));
      await page.getByRole('menuitem', { name: '法律援助案件' }).click();
      await seen(page.locator('table tbody tr').first());
      await page.locator('table tbody tr').first().click();
      await seen(page.getByTestId('case-stepper'));
      expect(violations).toEqual([]);
    } finally {
      await signed.close();
    }
  }, 90_000);
});
