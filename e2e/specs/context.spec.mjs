// Evergreen context sections: keyboard, expand/collapse all, deep links,
// print and find-in-page, in headless Chromium against dist/.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useSite } from '../support/browser.mjs';

const site = useSite();

const withPage = (options, fn) => site.withPage(options, fn);

const openIds = (page) =>
  page.$$eval('#context details', (ds) => ds.filter((d) => d.open).map((d) => d.id));

test('the context is a landmark region named by its heading', async () => {
  await withPage({}, async (page) => {
    const region = page.getByRole('region', { name: 'Context: why this matters' });
    await region.waitFor();
    assert.equal(await region.locator('details').count(), 10);
    assert.deepEqual(await openIds(page), ['why-this-matters'], 'only the first section opens by default');
    const heading = page.getByRole('heading', { level: 3, name: 'Background of Tajik–Japan relations' });
    assert.equal(await heading.count(), 1, 'each section has a real heading');
  });
});

test('Enter and Space toggle a section from the keyboard, with a visible focus ring', async () => {
  await withPage({}, async (page, record) => {
    const summary = page.locator('#background > summary');
    await summary.focus();
    const outline = await summary.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('background').open);
    assert.equal(new URL(page.url()).hash, '#background', 'opening puts the section in the address');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !document.getElementById('background').open);
    assert.equal(new URL(page.url()).hash, '', 'closing the linked section clears it');
    assert.deepEqual(record.pageErrors, []);
  });
});

test('Expand all and Collapse all act on every section and are announced', async () => {
  await withPage({}, async (page) => {
    const status = page.locator('#context [role=status]');
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('#context details')].every((d) => d.open));
    assert.equal((await status.textContent()).trim(), 'All 10 sections expanded.');
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('#context details')].every((d) => !d.open));
    assert.equal((await status.textContent()).trim(), 'All 10 sections collapsed.');
  });
});

test('a deep link opens its section on load and scrolls it into view', async () => {
  await withPage({ path: '#nurek-case-study' }, async (page) => {
    await page.waitForFunction(() => document.getElementById('nurek-case-study').open);
    await page.waitForFunction(() => {
      const r = document.getElementById('nurek-case-study').getBoundingClientRect();
      return r.top > -2 && r.top < window.innerHeight;
    });
  });
});

test('a hashchange opens its section; an unknown hash is ignored quietly', async () => {
  await withPage({}, async (page, record) => {
    await page.evaluate(() => { location.hash = 'practical-steps'; });
    await page.waitForFunction(() => document.getElementById('practical-steps').open);
    const before = await openIds(page);
    await page.evaluate(() => { location.hash = 'not-a-section'; });
    await page.waitForTimeout(200);
    assert.deepEqual(await openIds(page), before);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
  });
});

test('print shows every section expanded and hides the controls', async () => {
  await withPage({ media: 'print' }, async (page) => {
    const closed = page.locator('#benefits-for-japan .ex-disclosure__body');
    assert.equal(await page.locator('#benefits-for-japan').evaluate((d) => d.open), false);
    const box = await closed.boundingBox();
    assert.ok(box && box.height > 20, `closed section content is laid out in print (${JSON.stringify(box)})`);
    assert.equal(await page.getByRole('button', { name: 'Expand all' }).isVisible(), false);
  });
});

// The browser's find-in-page and text fragments open a closed <details> around
// a match. Headless Chromium has no find bar, so a text fragment on load stands
// in for it: the pre-rendered page holds the text before the app starts, and
// the app keeps the section open when it takes over.
test('find in page (a text fragment) opens the closed section holding the match', async () => {
  await withPage({ path: '#:~:text=complementing%20its%20Indo%2DPacific%20strategy' }, async (page) => {
    await page.waitForFunction(() => document.getElementById('benefits-for-japan').open, null, { timeout: 3000 });
  });
});
