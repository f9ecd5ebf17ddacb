// The lazy islands, end to end against dist/ in headless Chromium: the poll
// and the embed panel are not part of the first load. Each has its own wasm
// file, fetched when the reader comes near the part (within a screen of it)
// or moves into it; until then the part is its pre-rendered markup, and
// what the reader does there is kept.
// Run: E2E_DIST=$PWD/dist node --test e2e/specs/lazy.spec.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useSite, waitForApp } from '../support/browser.mjs';

const site = useSite();

const PHONE = { viewport: { width: 360, height: 740 }, lazy: false };
const Q1 = 'What types of infrastructure projects should Tajikistan prioritize next to maximize growth and resilience?';

/** The wasm files the page asked for, by name. */
const wasmAsked = (record) =>
  record.requests.map((u) => new URL(u).pathname.split('/').pop()).filter((n) => n.endsWith('.wasm'));
const part = (page, id) => page.locator(`.ex-island[data-ex-near]:has(#${id})`);
const live = (page, id) => part(page, id).evaluate((e) => e.hasAttribute('data-ex-live'));
/** Waits until the part is hydrated (the loader's `data-ex-live`). */
const untilLive = (page, id) => part(page, id).and(page.locator('[data-ex-live]')).waitFor({ state: 'attached' });
const q1 = (page) => page.getByRole('group', { name: Q1, exact: true });
const hydropower = (page) => q1(page).getByRole('checkbox', { name: 'Hydropower and energy' });
const saved = (page) => page.locator('#poll .ex-poll__saved');

/** Saves the poll's answers and waits for "Your answers". */
async function save(page) {
  await page.getByRole('button', { name: 'Save my answers', exact: true }).click();
  await saved(page).waitFor({ state: 'visible' });
}

function assertClean(record) {
  assert.deepEqual(record.pageErrors, [], 'no uncaught errors');
  assert.deepEqual(record.consoleErrors, [], 'no console errors');
  assert.deepEqual(record.httpErrors ?? [], [], 'no missing files');
}

test('the first screen loads one wasm; the poll\'s comes when the reader scrolls near it', async () => {
  const { page, record, close } = await site.open(PHONE);
  try {
    // The page is interactive (the timeline, the context's controls) with
    // the main wasm alone.
    const first = wasmAsked(record);
    assert.equal(first.length, 1, `one wasm at first, got ${first.join(', ')}`);
    await page.waitForTimeout(300);
    assert.equal(await live(page, 'poll'), false, 'the poll waits for the reader');
    assert.deepEqual(wasmAsked(record), first, 'nothing more fetched while the reader stays at the top');

    await page.locator('#poll').scrollIntoViewIfNeeded();
    await untilLive(page, 'poll');
    const now = wasmAsked(record);
    assert.ok(now.length > first.length, 'the poll\'s part was fetched');
    assert.ok(now.some((n) => n.includes('poll')), `a poll part among ${now.join(', ')}`);

    // And it works: a box ticked and saved.
    await hydropower(page).check();
    await save(page);
    assertClean(record);
  } finally {
    await close();
  }
});

test('what a reader ticked and typed before the poll\'s code arrived is kept, and an early Save reloads nothing', async () => {
  const { page, record, close } = await site.open({ ...PHONE, waitForReady: false });
  try {
    // The poll's part arrives only when the test lets it.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/-poll-.*\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await waitForApp(page, { lazy: false });
    await hydropower(page).check();
    await page.getByRole('textbox', { name: 'Share your thoughts', exact: true }).fill('Typed early.');
    const url = page.url();
    await page.getByRole('button', { name: 'Save my answers', exact: true }).click();
    assert.equal(page.url(), url, 'no native submission');
    assert.equal(await live(page, 'poll'), false);

    release();
    await untilLive(page, 'poll');
    assert.equal(await hydropower(page).isChecked(), true);
    assert.equal(
      (await page.locator('#poll-your-thoughts--text-count').textContent()).trim(),
      '12 / 1,000 characters',
      'the early text is counted once the poll is live',
    );
    await save(page);
    assert.match(await saved(page).innerText(), /Typed early\./);
    assertClean(record);
  } finally {
    await close();
  }
});

test('focus moving into the embed panel (a keyboard reader) brings it to life', async () => {
  const { page, record, close } = await site.open(PHONE);
  try {
    assert.equal(await live(page, 'embed'), false);
    await page.locator('#embed input').first().focus();
    await untilLive(page, 'embed');
    // Live: the code follows the view chosen.
    const code = page.locator('#ex-embed-code');
    const before = await code.inputValue();
    await page.locator('#embed input[type=radio]').nth(1).check();
    await page.waitForFunction((b) => document.querySelector('#ex-embed-code').value !== b, before);
    assertClean(record);
  } finally {
    await close();
  }
});

test('a part that could not load comes to life once the reader is back online, and the rest keeps working', async () => {
  const { page, record, close } = await site.open(PHONE);
  try {
    let offline = true;
    await page.route(/-poll-.*\.wasm$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await page.locator('#poll').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /-poll-.*\.wasm$/.test(r.name)));
    await page.waitForTimeout(300);
    assert.equal(await live(page, 'poll'), false, 'not live without its code');
    // The other islands still run (a failed load must not abort the wasm).
    await page.getByRole('button', { name: 'Expand all', exact: true }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('#context details')].every((d) => d.open));

    offline = false;
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await untilLive(page, 'poll');
    await hydropower(page).check();
    await save(page);
    assert.deepEqual(record.pageErrors, [], 'no uncaught errors');
    const errors = record.consoleErrors.filter((m) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(m));
    assert.deepEqual(errors, [], 'no console errors but the failed fetch itself');
  } finally {
    await close();
  }
});
