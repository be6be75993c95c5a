// In a real Chromium, a whole peer evaluation round: the demo admin creates it (reviewers picked by name),
// samples with a seed, confirms and starts it; the demo reviewer scores the assigned file (a fail, the lawyer
// hidden); of the two re-checks one is given, over the conflict rule with a reason, to a reviewer of the lawyer's
// firm; both are scored; the admin decides and publishes; the case carries the peer grade; a subsidy batch
// gathers the case and is paid.
import path from 'node:path';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoAccount, signedInFetch } from '../../../test/support/server.js';
import { consoleAndChromium } from '../../../test/support/console-server.js';
import { seen, signInToConsole } from '../../../test/support/browser.js';

type Json = Record<string, any>;
const shots = process.env.SCREENSHOT_DIR;
const shot = (page: Page, name: string) => (shots ? page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true }) : Promise.resolve());
const q = (params: Json) => `?${Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`).join('&')}`;
const chinaDay = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);

const live = consoleAndChromium({ timeoutMs: 180_000 });
beforeAll(() => {
  if (shots) fs.mkdirSync(shots, { recursive: true });
});

describe('a peer evaluation round in the console', () => {
  it('runs from the round form to a paid subsidy batch', async () => {
    const admin = await signedInFetch(live.server, demoAccount.admin);
    const get = async (p: string) => (await admin(p)).json();
    const post = async (p: string, body: Json) => admin(p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    // The file: the only closed case of its closing day, handled by a lawyer of a firm, so the round's sample is known.
    /** Every row of a register (pages of 500). */
    const all = async (register: string, filter: Json = {}) => {
      const rows: Json[] = [];
      for (let start = 0; ; start += 500) {
        const page: Json[] = await get(`/api/${register}${q({ filter, range: [start, start + 499], sort: ['id', 'ASC'] })}`);
        rows.push(...page);
        if (page.length < 500) return rows;
      }
    };
    const closed = await all('cases', { status: ['closed', 'archived'] });
    const lawyers = await all('lawyers');
    const batched = new Set((await all('subsidy-batch-lines')).map((l) => l.caseId));
    const byDay = new Map<string, Json[]>();
    for (const c of closed) if (c.closedAt && !batched.has(c.id)) byDay.set(chinaDay(c.closedAt), [...(byDay.get(chinaDay(c.closedAt)) ?? []), c]);
    const firmOf = (lawyerId: unknown) => lawyers.find((l) => l.id === lawyerId)?.lawFirmId ?? null;
    const found = [...byDay].find(([, cs]) => cs.length === 1 && firmOf(cs[0].lawyerId));
    expect(found, 'a closing day with one closed case').toBeTruthy();
    const [day, [file]] = found!;
    const firmId = firmOf(file.lawyerId);
    const colleague = lawyers.find((l) => l.lawFirmId === firmId && l.id !== file.lawyerId) ?? lawyers.find((l) => l.id === file.lawyerId)!;
    const firm = await get(`/api/law-firms/${firmId}`);

    // Two reviewers for the re-checks: one of the file's lawyer's firm (a conflict), one free of it.
    const stamp = Date.now();
    const accounts = [
      { name: '复评专家甲', email: `recheck-a-${stamp}@fayuan.test`, lawyerId: colleague.id },
      { name: '复评专家乙', email: `recheck-b-${stamp}@fayuan.test`, lawyerId: null },
    ];
    for (const a of accounts) expect((await post('/api/users', { ...a, password: 'recheck-2026', role: 'reviewer' })).status).toBe(201);
    const reviewers: Json[] = await get(`/api/users${q({ filter: { role: 'reviewer' }, range: [0, 99] })}`);
    const idOf = (email: string) => String(reviewers.find((u) => u.email === email)!.id);
    const [conflicted, free] = accounts.map((a) => idOf(a.email));

    // 1. The admin creates the round in the console, picking reviewers by name.
    const adminUi = await signInToConsole(live.browser, live.server.url, demoAccount.admin, DEMO_PASSWORD);
    const page = adminUi.page;
    try {
      await page.goto(`${live.server.url}/#/peer-review-rounds/create`);
      await page.locator('input[name="name"]').waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('input[name="name"]').fill('控制台同行评估');
      await page.locator('input[name="closedFrom"]').fill(day);
      await page.locator('input[name="closedTo"]').fill(day);
      const picker = page.getByTestId('reviewer-picker').locator('input');
      for (const email of [demoAccount.reviewer, accounts[0].email, accounts[1].email]) {
        await picker.click();
        await page.locator(`li[data-reviewer="${email}"]`).click();
      }
      await expect.poll(() => page.getByTestId('reviewer-picker').innerText()).toContain(`复评专家甲（${firm.name}）`);
      await shot(page, 'round-form');
      const [created] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/peer-review-rounds' && r.request().method() === 'POST'),
        page.getByRole('button', { name: '保存' }).click(),
      ]);
      expect(created.status(), await created.text()).toBe(201);
      const round = await created.json();
      expect(round.reviewers.map((r: Json) => r.userId)).toEqual([idOf(demoAccount.reviewer), conflicted, free]);

      // 2. Sample with a seed, confirm, start: from the rounds on the admin's home page.
      await page.goto(`${live.server.url}/#/`);
      const card = page.getByTestId(`round-${round.id}`);
      await seen(card);
      const act = async (action: string) => {
        const [moved] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith(`/api/peer-review-rounds/${round.id}/transitions/${action}`)),
          card.locator(`button[data-action="${action}"]`).click(),
        ]);
        expect(moved.status(), `${action}: ${await moved.text()}`).toBe(200);
      };
      await card.getByLabel('随机种子').fill('20261202');
      await act('sample');
      await expect.poll(() => card.getByTestId('proposed-sample').innerText()).toContain(file.caseNumber);
      expect(await card.locator('[data-sampled]').evaluateAll((links) => links.map((a) => a.getAttribute('data-sampled')))).toEqual([String(file.id)]);
      await shot(page, 'round-sampled');
      await act('confirm');
      await act('start');
      const [first] = await get(`/api/peer-reviews${q({ filter: { roundId: round.id } })}`);
      expect([first.caseId, first.reviewerId]).toEqual([file.id, idOf(demoAccount.reviewer)]);

      // 3. The demo reviewer scores the file as failing, without learning its lawyer.
      const reviewerUi = await signInToConsole(live.browser, live.server.url, demoAccount.reviewer, DEMO_PASSWORD);
      try {
        const rp = reviewerUi.page;
        await seen(rp.getByTestId('my-reviews'));
        await expect.poll(() => rp.getByTestId('my-reviews').innerText()).toContain(file.caseNumber); // by number, not id
        await rp.goto(`${live.server.url}/#/cases/${file.id}/show`);
        await seen(rp.getByText(file.caseNumber).first());
        const lawyerName = lawyers.find((l) => l.id === file.lawyerId)!.name;
        expect(await rp.locator('body').innerText()).not.toContain(lawyerName);
        // The masked birth date reads as its mask, never as a date parsed from it.
        await seen(rp.locator('[data-section]').first());
        expect(await rp.locator('body').innerText()).not.toContain('Invalid Date');
        await shot(rp, 'reviewer-case-blind');
        await rp.goto(`${live.server.url}/#/`);
        await rp.locator(`a[href="#/peer-reviews/${first.id}"]`).click();
        const form = (await get(`/api/forms${q({ filter: { key: 'peer-evaluation', status: 'published' } })}`))[0];
        const items = form.definition.sections.flatMap((s: Json) => s.items).filter((i: Json) => i.kind === 'score');
        await rp.locator(`input[data-item="${items[0].id}"]`).waitFor({ state: 'visible', timeout: 30_000 });
        for (const item of items) await rp.locator(`input[data-item="${item.id}"]`).fill(String(Math.floor(item.max * 0.3)));
        await rp.locator('textarea[name="comments"]').fill('证据材料不全，办案记录缺失。');
        // One 评估意见 box; the round by its name (the reviewer reads it), the reviewer as 本人, not a user id.
        expect(await rp.locator('textarea:not([aria-hidden="true"])').count()).toBe(1);
        await seen(rp.getByText('控制台同行评估').first());
        await seen(rp.getByText('本人', { exact: true }).first());
        expect(await rp.locator('body').innerText()).not.toContain(idOf(demoAccount.reviewer));
        await shot(rp, 'reviewer-sheet');
        const [saved] = await Promise.all([
          rp.waitForResponse((r) => new URL(r.url()).pathname === `/api/peer-reviews/${first.id}` && r.request().method() === 'PUT'),
          rp.getByRole('button', { name: '保存' }).click(),
        ]);
        expect(saved.status(), await saved.text()).toBe(200);
        expect(await saved.json()).toMatchObject({ status: 'submitted', grade: 'fail' });
        // The round's page, for its reviewer: its name and period, not the seed, the sample or the other reviewers (its reviews: their own).
        await rp.goto(`${live.server.url}/#/peer-review-rounds/${round.id}/show`);
        await seen(rp.getByText('控制台同行评估').first());
        await seen(rp.getByTestId('round-reviews'));
        const roundText = await rp.locator('body').innerText();
        for (const hidden of ['20261202', '复评专家甲', '复评专家乙', idOf(demoAccount.reviewer)]) expect(roundText).not.toContain(hidden);
        await shot(rp, 'reviewer-round');
      } finally {
        await reviewerUi.context.close();
      }

      // 4. The fail gets two re-checks; the admin gives one to the firm's reviewer: refused, then overridden with a reason.
      const rechecks: Json[] = (await get(`/api/peer-reviews${q({ filter: { roundId: round.id }, sort: ['id', 'ASC'] })}`)).filter((r: Json) => r.recheckOf === first.id);
      expect(rechecks).toHaveLength(2);
      expect(rechecks.map((r) => r.reviewerId)).not.toContain(conflicted); // never assigned a conflict on its own
      const moved = rechecks.find((r) => r.reviewerId !== free)!;
      await page.goto(`${live.server.url}/#/peer-review-rounds/${round.id}/show`);
      await seen(page.getByTestId('round-reviews'));
      await expect.poll(() => page.getByTestId('round-reviewers').innerText()).toContain(`复评专家甲（${firm.name}）`); // by name, not user id
      // The seed as written, and the sampled files by case number, linked.
      await expect.poll(() => page.locator('body').innerText()).toContain('20261202'); // the round's fields may draw after its reviews
      expect(await page.locator('body').innerText()).not.toContain('20,261,202');
      await expect.poll(() => page.getByTestId('round-sample').innerText()).toContain(file.caseNumber);
      expect(await page.getByTestId('round-sample').locator(`a[href="#/cases/${file.id}/show"]`).count()).toBe(1);
      await shot(page, 'round-page');
      await page.getByTestId(`reassign-${moved.id}`).click();
      const dialog = page.getByTestId('reassign-dialog');
      await dialog.locator('[role="combobox"]').click();
      await page.locator(`li[data-reviewer="${accounts[0].email}"]`).click();
      await dialog.getByTestId('confirm-reassign').click();
      await expect.poll(() => dialog.getByTestId('reassign-refusal').innerText()).toContain('本所');
      await dialog.locator('textarea[name="reason"]').fill('本地民事专家不足，经中心研究同意');
      await shot(page, 'reassign-override');
      const [reassigned] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/peer-reviews/${moved.id}/reassign`)),
        dialog.getByTestId('confirm-reassign').click(),
      ]);
      expect(reassigned.status(), await reassigned.text()).toBe(200);
      await expect.poll(() => page.locator(`[data-review="${moved.id}"]`).innerText()).toContain('复评专家甲');
      await seen(page.locator(`[data-review="${moved.id}"]`).getByText('回避例外'));
      expect(await page.locator(`[data-review="${moved.id}"]`).innerText()).toContain(file.caseNumber);
      await shot(page, 'round-reviews');

      // A review's page names its reviewer for the admin.
      await page.goto(`${live.server.url}/#/peer-reviews/${first.id}/show`);
      await seen(page.getByText(reviewers.find((u) => u.email === demoAccount.reviewer)!.name).first());
      // Its history too names the reviewer (评估专家) by name, never by user id.
      await seen(page.locator('tr', { hasText: '评估专家' }).first());
      expect(await page.locator('body').innerText()).not.toContain(idOf(demoAccount.reviewer));
      await shot(page, 'review-page');

      // The two re-check reviewers score (over the API, as their own accounts): pass and pass.
      const form = (await get(`/api/forms${q({ filter: { key: 'peer-evaluation', status: 'published' } })}`))[0];
      const answers = Object.fromEntries(form.definition.sections.flatMap((s: Json) => s.items).filter((i: Json) => i.kind === 'score').map((i: Json) => [i.id, Math.round(i.max * 0.7)]));
      for (const [account, review] of [[accounts[0], moved], [accounts[1], rechecks.find((r) => r.id !== moved.id)!]] as const) {
        const as = await signedInFetch(live.server, account.email, 'recheck-2026');
        const current = await (await as(`/api/peer-reviews/${review.id}`)).json();
        const res = await as(`/api/peer-reviews/${review.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...current, answers, comments: '基本规范。' }) });
        expect(res.status, await res.clone().text()).toBe(200);
        // The override's reason is the admin's: withheld from the reviewer, in the save's answer too.
        expect((await res.json()).conflictOverride).toBeNull();
      }

      // 5. The admin decides and publishes; the majority (fail, pass, pass) gives pass, now the case's grade.
      await page.goto(`${live.server.url}/#/`);
      await seen(card);
      await act('decide');
      await act('publish');
      await expect.poll(async () => (await get(`/api/cases/${file.id}`)).qualityGrade).toBe('pass');
      await page.goto(`${live.server.url}/#/cases/${file.id}/show`);
      await page.locator('[data-panel="peer-evaluation.peer-reviews"]').click();
      await expect.poll(() => page.getByTestId('peer-reviews').innerText()).toContain('不合格');
      await shot(page, 'case-peer-grade');

      // 6. A subsidy batch over the file's closing day gathers it (or its adjustment) and is paid.
      const batch = await (await post('/api/subsidy-batches', { name: '同行评估后补贴', periodStart: day, periodEnd: day })).json();
      await page.goto(`${live.server.url}/#/subsidy-batches`);
      const row = page.locator('tr', { hasText: '同行评估后补贴' });
      await seen(row);
      await row.locator('input[type="checkbox"]').check();
      const [gathered] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/subsidy-batches/${batch.id}/gather`)),
        page.getByRole('button', { name: '归集案件' }).click(),
      ]);
      expect(gathered.status()).toBe(200);
      const lines: Json[] = await get(`/api/subsidy-batch-lines${q({ filter: { batchId: batch.id }, range: [0, 999] })}`);
      expect(lines.map((l) => [l.caseId, l.qualityGrade])).toContainEqual([file.id, 'pass']);
      await page.getByRole('button', { name: '汇总与对账单' }).click();
      await seen(page.getByTestId('totals-by-firm'));
      await seen(page.getByTestId(`statement-pdf-${firmId}`));
      await shot(page, 'batch-totals');
      await page.getByRole('button', { name: '关闭' }).click();
      page.once('dialog', (d) => d.accept());
      const [paid] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/subsidy-batches/${batch.id}/pay`)),
        page.getByRole('button', { name: '确认发放' }).click(),
      ]);
      expect(paid.status()).toBe(200);
      expect((await get(`/api/subsidy-batches/${batch.id}`)).state).toBe('paid');
    } catch (error) {
      await shot(page, 'failure');
      throw error;
    } finally {
      await adminUi.context.close();
    }
  }, 180_000);
});
