// Changes a screen reader user cannot see are said through polite live
// regions: timeline selection and filters, "Expand all" / "Collapse all",
// the poll's saved, not kept, blocked and cleared outcomes, and copying
// (done or refused). For each, the message must land in a role=status (or
// aria-live=polite) region that was already in the page before the change
// (a region inserted together with its text is not announced), that is
// rendered (not display:none, hidden or aria-hidden), and that no
// assertive region wraps.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { blockStorage, newPage, useSite, waitForApp } from '../support/browser.mjs';

const site = useSite();

/** A handle on the live region `selector` as it is before the change. */
async function regionBefore(page, selector) {
  const handle = await page.$(selector);
  assert.ok(handle, `${selector} is in the page before the change`);
  return handle;
}

/**
 * Waits for `pattern` in the region held by `handle` and asserts it is the
 * same, still connected, polite and rendered element.
 */
async function assertPolite(page, handle, pattern, what) {
  await page.waitForFunction(
    ([el, source, flags]) => el.isConnected && new RegExp(source, flags).test(el.textContent),
    [handle, pattern.source, pattern.flags],
    { timeout: 5000 },
  ).catch(async () => {
    const now = await handle.evaluate((el) => `${el.isConnected ? '' : '(detached) '}${el.textContent.trim()}`);
    assert.fail(`${what}: ${JSON.stringify(now)} never matched ${pattern}`);
  });
  const info = await handle.evaluate((el) => {
    const region = el.closest('[role=status], [role=log], [role=alert], [aria-live]');
    const live = (r) => {
      const attr = r.getAttribute('aria-live');
      if (attr) return attr;
      const role = r.getAttribute('role');
      return role === 'alert' ? 'assertive' : role === 'status' || role === 'log' ? 'polite' : 'off';
    };
    let assertive = false;
    for (let r = region?.parentElement?.closest('[role=alert], [aria-live]'); r; r = r.parentElement?.closest('[role=alert], [aria-live]')) {
      if (live(r) === 'assertive') assertive = true;
    }
    return {
      live: region ? live(region) : 'none',
      role: region?.getAttribute('role') ?? '',
      display: region ? getComputedStyle(region).display : '',
      hidden: !!el.closest('[hidden], [aria-hidden="true"]'),
      assertive,
      text: el.textContent.replace(/\s+/g, ' ').trim(),
    };
  });
  assert.equal(info.live, 'polite', `${what}: "${info.text}" is in a ${info.live} region (role=${info.role})`);
  assert.equal(info.assertive, false, `${what}: an assertive region wraps it`);
  assert.notEqual(info.display, 'none', `${what}: the live region is not rendered`);
  assert.equal(info.hidden, false, `${what}: the live region is hidden`);
  return info.text;
}

test('timeline: selecting (click and keys) and filtering are announced politely', async () => {
  await site.withPage({}, async (page) => {
    const region = await regionBefore(page, '#timeline > [role=status]');
    await page.getByRole('button', { name: /Joint Hydropower Fund/ }).click();
    await assertPolite(page, region, /^Joint Hydropower Fund, 2026–2030, selected\.$/, 'click');
    await page.keyboard.press('ArrowRight');
    const next = await assertPolite(page, region, /selected\.$/, 'ArrowRight');
    assert.doesNotMatch(next, /Joint Hydropower Fund/);
    await page.getByRole('group', { name: 'Show sectors' }).getByRole('button', { name: /^Energy/ }).click();
    await assertPolite(page, region, /^Energy hidden\. Showing 9 of 12 milestones\.$/, 'filter');
  });
});

test('context: "Expand all" and "Collapse all" are announced politely', async () => {
  await site.withPage({}, async (page) => {
    const region = await regionBefore(page, '#context [role=status]');
    await page.getByRole('button', { name: 'Expand all' }).click();
    await assertPolite(page, region, /^All 10 sections expanded\.$/, 'expand all');
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await assertPolite(page, region, /^All 10 sections collapsed\.$/, 'collapse all');
  });
});

async function answerAndSave(page) {
  await page.locator('#poll input[type=checkbox]').first().check();
  await page.locator('#poll').getByRole('button', { name: 'Save my answers' }).click();
}

test('poll: saved and cleared are announced politely', async () => {
  await site.withPage({}, async (page) => {
    const region = await regionBefore(page, '#poll .ex-poll__status');
    await answerAndSave(page);
    await assertPolite(page, region, /^Saved\. Your answers are kept in this browser\.$/, 'saved');
    await page.getByRole('button', { name: 'Clear my answers' }).click();
    await page.getByRole('button', { name: 'Yes, clear them' }).click();
    await assertPolite(page, region, /^Your answers were cleared\.$/, 'cleared');
  });
});

test('poll: a save that storage refuses (quota) is announced politely', async () => {
  const { page, record, close } = await newPage(site.browser, { ownHost: new URL(site.url).host });
  try {
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function refuse(key, value) {
        if (String(key).startsWith('explainer:poll:')) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return setItem.call(this, key, value);
      };
    });
    await page.goto(site.url, { waitUntil: 'load' });
    await waitForApp(page);
    const status = await regionBefore(page, '#poll .ex-poll__status');
    const notice = await regionBefore(page, '#poll .ex-poll__notice');
    await answerAndSave(page);
    await assertPolite(page, status, /could not be kept/, 'save failed');
    await assertPolite(page, notice, /./, 'the storage notice');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await close();
  }
});

test('poll: blocked storage is announced politely, on load and on saving', async () => {
  const { page, record, close } = await newPage(site.browser, { ownHost: new URL(site.url).host });
  try {
    await blockStorage(page);
    await page.goto(site.url, { waitUntil: 'load' });
    await waitForApp(page);
    const notice = await regionBefore(page, '#poll .ex-poll__notice');
    const status = await regionBefore(page, '#poll .ex-poll__status');
    await assertPolite(page, notice, /will not be kept/, 'blocked notice');
    await answerAndSave(page);
    await assertPolite(page, status, /will not be kept after you leave this page/, 'saved in memory');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await close();
  }
});

test('copying the embed code and a milestone link is announced politely', async () => {
  await site.withPage({}, async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const embed = page.getByRole('region', { name: 'Embed this' });
    const embedStatus = await regionBefore(page, '#embed [role=status]');
    await embed.getByRole('button', { name: /^Copy/ }).click();
    await assertPolite(page, embedStatus, /^Embed code copied\.$/, 'embed copied');

    await page.getByRole('button', { name: /Joint Hydropower Fund/ }).click();
    const linkStatus = await regionBefore(page, '#milestone-joint-hydropower-fund-details [role=status]');
    await page
      .locator('#milestone-joint-hydropower-fund-details')
      .getByRole('button', { name: 'Copy link to this milestone' })
      .click();
    await assertPolite(page, linkStatus, /^Link copied\.$/, 'link copied');
  });
});

test('a refused copy says so politely, with a way out', async () => {
  const { page, close } = await newPage(site.browser, { ownHost: new URL(site.url).host });
  try {
    await page.addInitScript(() => {
      if (navigator.clipboard) {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('Denied', 'NotAllowedError'));
      }
    });
    await page.goto(site.url, { waitUntil: 'load' });
    await waitForApp(page);
    const embedStatus = await regionBefore(page, '#embed [role=status]');
    await page.getByRole('region', { name: 'Embed this' }).getByRole('button', { name: /^Copy/ }).click();
    await assertPolite(page, embedStatus, /did not allow copying/, 'embed copy refused');
  } finally {
    await close();
  }
});
