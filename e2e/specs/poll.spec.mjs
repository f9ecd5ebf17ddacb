// The reader poll, end to end against dist/ in headless Chromium: answering,
// reload, change, clear, two tabs, blocked storage, corrupt data and a
// script-injection attempt. Answers live in localStorage only.
// Run: E2E_DIST=$PWD/dist node --test e2e/specs/poll.spec.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { blockStorage, newPage, useSite, waitForApp } from '../support/browser.mjs';

const site = useSite();

const STORY_FILE = new URL('../../content/story.toml', import.meta.url);
const STORY_SLUG = readFileSync(STORY_FILE, 'utf8').match(/^slug = "([^"]+)"/m)[1];
const KEY = `explainer:poll:${STORY_SLUG}`;

const HEADING = 'Reader perspectives';
const Q1 = 'What types of infrastructure projects should Tajikistan prioritize next to maximize growth and resilience?';
const Q2 = 'How can Central Asia + Japan cooperation shape regional stability, trade, and people-to-people ties in the coming years?';
const Q3 = 'Share your thoughts';
const OTHER_BOX = 'Your \u201cOther\u201d answer';

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

const poll = (page) => page.getByRole('region', { name: HEADING });
const group = (page, prompt) => poll(page).getByRole('group', { name: prompt, exact: true });
const thoughts = (page) => poll(page).getByRole('textbox', { name: Q3, exact: true });
const summary = (page) => page.locator('#poll .ex-poll__saved');
/** What the summary shows (innerText: hidden parts left out). */
const summaryText = (page) => summary(page).innerText().then(squash);
const form = (page) => page.locator('#poll form');
const button = (page, name) => poll(page).getByRole('button', { name, exact: true });
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const noticeText = (page) => page.locator('#poll .ex-poll__notice').textContent().then(squash);
const statusText = (page) => page.locator('#poll .ex-poll__status').textContent().then(squash);

/** Opens the site in a fresh context and always closes it. */
async function withPage(fn, options = {}) {
  const opened = await site.open(options);
  try {
    return await fn(opened.page, opened.record, opened.context);
  } finally {
    await opened.close();
  }
}

/** Ticks a choice and "Other" (with text) in Q1, writes free text, saves. */
async function answer(page, { other = 'Schools', text = 'More trains, please.' } = {}) {
  const q1 = group(page, Q1);
  await q1.getByRole('checkbox', { name: 'Hydropower and energy' }).check();
  await q1.getByRole('textbox', { name: OTHER_BOX }).fill(other);
  await thoughts(page).fill(text);
  await button(page, 'Save my answers').click();
  await summary(page).waitFor({ state: 'visible' });
}

function assertClean(record) {
  assert.deepEqual(record.pageErrors, [], 'no uncaught errors');
  assert.deepEqual(record.consoleErrors, [], 'no console errors');
  assert.deepEqual(record.foreignRequests, [], 'nothing leaves for another host');
}

test('answering saves at once, shows "Your answers", and sends nothing anywhere', async () => {
  await withPage(async (page, record, context) => {
    const region = poll(page);
    await region.scrollIntoViewIfNeeded();
    assert.equal(await region.getByRole('heading', { level: 2, name: HEADING }).count(), 1);
    assert.equal(await region.getByRole('group').count(), 3, 'one fieldset per question');
    assert.match(squash(await region.textContent()), /Privacy: your answers stay in this browser\./);
    assert.equal(await stored(page), null);

    await group(page, Q1).getByRole('checkbox', { name: 'Hydropower and energy' }).check();
    // Typing in the "Other" box ticks "Other".
    await group(page, Q1).getByRole('textbox', { name: OTHER_BOX }).fill('Schools');
    assert.equal(await group(page, Q1).getByRole('checkbox', { name: 'Other', exact: true }).isChecked(), true);
    await thoughts(page).fill('More trains, please.');
    assert.equal(
      squash(await page.locator('#poll-your-thoughts--text-count').textContent()),
      '20 / 1,000 characters',
      'a live counter under the text box',
    );

    const requestsBefore = record.requests.length;
    await button(page, 'Save my answers').click();
    await summary(page).waitFor({ state: 'visible' });
    assert.equal(await form(page).isVisible(), false);
    const text = await summaryText(page);
    assert.match(text, /^Your answers/);
    assert.match(text, /Hydropower and energy/);
    assert.match(text, /Other: Schools/);
    assert.match(text, /More trains, please\./);
    assert.doesNotMatch(text, /Transport corridors and rail/, 'only chosen answers show');
    assert.match(text, /No answer/, 'the skipped question says so');
    assert.equal(await statusText(page), 'Saved. Your answers are kept in this browser.');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      'Your answers',
      'focus moves to the summary',
    );

    const doc = JSON.parse(await stored(page));
    assert.equal(doc.version, 2);
    assert.deepEqual(doc.answers['infrastructure-priorities'], {
      choices: ['hydropower-energy', 'other'],
      other: 'Schools',
    });
    assert.deepEqual(doc.answers['your-thoughts'], { text: 'More trains, please.' });
    assert.equal(record.requests.length, requestsBefore, 'saving makes no request');
    assert.deepEqual(await context.cookies(), [], 'no cookies');
    assert.equal(await page.evaluate(() => document.cookie), '');
    assertClean(record);
  });
});

test('a reload shows the same answers', async () => {
  await withPage(async (page, record) => {
    await answer(page, { text: 'Still here after a reload.' });
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    await summary(page).waitFor({ state: 'visible' });
    assert.match(await summaryText(page), /Still here after a reload\./);
    assert.equal(await form(page).isVisible(), false);
    assertClean(record);
  });
});

test('changing answers fills the form with them and saves the change', async () => {
  await withPage(async (page, record) => {
    await answer(page);
    await button(page, 'Change my answers').click();
    await form(page).waitFor({ state: 'visible' });
    const q1 = group(page, Q1);
    assert.equal(await q1.getByRole('checkbox', { name: 'Hydropower and energy' }).isChecked(), true);
    assert.equal(await q1.getByRole('textbox', { name: OTHER_BOX }).inputValue(), 'Schools');
    assert.equal(await thoughts(page).inputValue(), 'More trains, please.');

    await q1.getByRole('checkbox', { name: 'Hydropower and energy' }).uncheck();
    await group(page, Q2).getByRole('checkbox', { name: 'Energy cooperation' }).check();
    await button(page, 'Save my answers').click();
    await summary(page).waitFor({ state: 'visible' });
    const doc = JSON.parse(await stored(page));
    assert.deepEqual(doc.answers['infrastructure-priorities'].choices, ['other']);
    assert.deepEqual(doc.answers['central-asia-japan-cooperation'], { choices: ['energy'] });
    const text = await summaryText(page);
    assert.match(text, /Energy cooperation/);
    assert.doesNotMatch(text, /Hydropower and energy/);
    assertClean(record);
  });
});

test('clearing asks for confirmation in the page, then removes the answers', async () => {
  await withPage(async (page, record) => {
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      d.dismiss();
    });
    await answer(page);
    await button(page, 'Clear my answers').click();
    const confirm = poll(page).getByRole('group', { name: /Clear your answers from this browser\?/ });
    await confirm.waitFor({ state: 'visible' });
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      'Yes, clear them',
      'focus moves into the confirmation',
    );
    await button(page, 'No, keep them').click();
    await confirm.waitFor({ state: 'hidden' });
    assert.notEqual(await stored(page), null, 'kept');

    await button(page, 'Clear my answers').click();
    await button(page, 'Yes, clear them').click();
    await form(page).waitFor({ state: 'visible' });
    assert.equal(await stored(page), null, 'removed from storage');
    assert.equal(await statusText(page), 'Your answers were cleared.');
    assert.equal(await thoughts(page).inputValue(), '');
    assert.deepEqual(dialogs, [], 'no window.confirm');
    assertClean(record);
  });
});

test('two tabs follow each other through the storage event', async () => {
  await withPage(async (page, record, context) => {
    const other = await context.newPage();
    await other.goto(site.url, { waitUntil: 'load' });
    await waitForApp(other);
    assert.equal(await form(other).isVisible(), true);

    // Act in the first tab while the second one listens in the background.
    await page.bringToFront();
    await answer(page, { text: 'Written in the first tab.' });
    await summary(other).waitFor({ state: 'visible' });
    assert.match(await summaryText(other), /Written in the first tab\./);
    assert.equal(await statusText(other), 'Your answers were updated in another tab.');

    await button(page, 'Clear my answers').click();
    await button(page, 'Yes, clear them').click();
    await form(other).waitFor({ state: 'visible' });
    assert.equal(await statusText(other), 'Your answers were cleared in another tab.');
    assert.equal(await thoughts(other).inputValue(), '');
    assertClean(record);
  });
});

test('with storage blocked (the localStorage getter throws) the poll works in memory and says so', async () => {
  const { page, record, close } = await newPage(site.browser, { ownHost: new URL(site.url).host });
  try {
    await blockStorage(page);
    await page.goto(site.url, { waitUntil: 'load' });
    await waitForApp(page);
    await page.locator('#poll .ex-poll__notice').filter({ hasText: /./ }).waitFor();
    assert.match(await noticeText(page), /not letting this page store anything, so your answers will not be kept/);
    await answer(page, { text: 'Only in memory.' });
    assert.match(await summaryText(page), /Only in memory\./);
    assert.match(await statusText(page), /will not be kept after you leave this page/);
    assert.deepEqual(record.pageErrors, [], 'no panic, no uncaught error');
    assert.deepEqual(record.consoleErrors, []);
  } finally {
    await close();
  }
});

test('corrupt data under the key is moved to a backup key and the reader starts afresh', async () => {
  await withPage(async (page, record) => {
    const corrupt = '{"version":2,"answers":{"your-thoughts":{"text":"cut off';
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, corrupt]);
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    await page.locator('#poll .ex-poll__notice').filter({ hasText: /./ }).waitFor();
    assert.match(await noticeText(page), /could not be read, so the poll starts afresh\. The unreadable copy was set aside, not deleted\./);
    const backups = await page.evaluate((key) => {
      const found = {};
      for (let i = 0; i < localStorage.length; i += 1) {
        const k = localStorage.key(i);
        if (k.startsWith(`${key}:backup:`)) found[k] = localStorage.getItem(k);
      }
      return found;
    }, KEY);
    assert.deepEqual(Object.values(backups), [corrupt], `backups: ${JSON.stringify(backups)}`);
    assert.equal(await stored(page), null);
    assert.equal(await form(page).isVisible(), true);
    await answer(page, { text: 'A fresh start.' });
    assert.equal(JSON.parse(await stored(page)).answers['your-thoughts'].text, 'A fresh start.');
    assert.deepEqual(record.pageErrors, []);
  });
});

test('an over-long answer is refused with a message, not cut', async () => {
  await withPage(async (page, record) => {
    const long = 'x'.repeat(1003);
    await thoughts(page).fill(long);
    assert.equal(
      squash(await page.locator('#poll-your-thoughts--text-count').textContent()),
      '1,003 / 1,000 characters (3 too many)',
    );
    await button(page, 'Save my answers').click();
    await page.locator('#poll [role=alert] p').filter({ hasText: /./ }).waitFor();
    assert.equal(await thoughts(page).inputValue(), long, 'nothing cut');
    assert.equal(await thoughts(page).getAttribute('aria-invalid'), 'true');
    const describedBy = (await thoughts(page).getAttribute('aria-describedby')).split(' ');
    const error = squash(await page.locator(`#${describedBy[1]}`).textContent());
    assert.match(error, /1,003 characters long; the limit is 1,000/);
    assert.equal(await stored(page), null);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'poll-your-thoughts--text');
    assertClean(record);
  });
});

test('a script-injection attempt in free text is shown as text and never runs', async () => {
  await withPage(async (page, record) => {
    const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    await answer(page, { other: '<b onmouseover="window.__pwned=1">bold</b>', text: attack });
    for (const round of ['after saving', 'after a reload']) {
      const text = await summaryText(page);
      assert.ok(text.includes(attack), `the text is shown as typed (${round})`);
      assert.equal(await page.locator('#poll img, #poll script, #poll b').count(), 0, `no markup (${round})`);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, `nothing ran (${round})`);
      if (round === 'after saving') {
        await page.reload({ waitUntil: 'load' });
        await waitForApp(page);
        await summary(page).waitFor({ state: 'visible' });
      }
    }
    assert.deepEqual(record.foreignRequests, []);
    assert.ok(!record.requests.some((u) => /\/x$/.test(u)), 'the img src was never requested');
  });
});

test('at 320px wide nothing scrolls sideways and every choice is a 44px target', async () => {
  await withPage(
    async (page, record) => {
      await poll(page).scrollIntoViewIfNeeded();
      const sizes = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        rows: [...document.querySelectorAll('#poll .ex-poll__label, #poll .ex-poll__input, #poll button')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => [el.textContent.trim() || el.id, el.getBoundingClientRect().height]),
      }));
      assert.ok(sizes.overflow <= 0, `page overflows by ${sizes.overflow}px`);
      const small = sizes.rows.filter(([, h]) => h < 44);
      assert.deepEqual(small, [], 'targets under 44px');
      assertClean(record);
    },
    { viewport: { width: 320, height: 640 } },
  );
});
