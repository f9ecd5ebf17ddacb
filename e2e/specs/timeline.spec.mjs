// The timeline as a reader uses it: click, keyboard, filters, deep links,
// copy link, and the phone layout, in headless Chromium against dist/.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useSite } from '../support/browser.mjs';

const site = useSite();

const withPage = (options, fn) => site.withPage(options, fn);

const selectedTitle = (page) =>
  page.$eval('#timeline .ex-ms__button[aria-expanded="true"] .ex-ms__title', (e) => e.textContent.trim());

const status = (page) => page.$eval('#timeline > [role=status]', (e) => e.textContent.trim());

test('the timeline is a region with every milestone dated in an ordered list', async () => {
  await withPage({}, async (page) => {
    const region = page.getByRole('region', { name: 'Timeline' });
    await region.waitFor();
    // Each dated milestone's dates are <time datetime> elements, both ends of a range.
    const dated = await page.$$eval('#timeline ol > li', (ls) =>
      ls.map((l) => [...l.querySelectorAll('.ex-ms__when time[datetime]')].map((t) => t.getAttribute('datetime'))),
    );
    assert.equal(dated.length, 10);
    assert.ok(dated.every((ds) => ds.length >= 1 && ds.every((d) => /^\d{4}(-\d{2}){0,2}$/.test(d))), JSON.stringify(dated));
    // (Comments are the island's hydration markers: no reader meets them.)
    const fund = await page.$eval('#milestone-joint-hydropower-fund .ex-ms__when', (w) =>
      w.innerHTML.replace(/<!--[^]*?-->/g, ''),
    );
    assert.equal(fund, '<time datetime="2026">2026</time>–<time datetime="2030">2030</time>');
    const undated = await page.$$eval('#timeline .ex-timeline__list--undated > li', (ls) => ls.length);
    assert.equal(undated, 2);
    const ticks = await page.$$eval('.ex-timeline__tick', (ts) => ts.map((t) => t.textContent.trim()));
    assert.deepEqual(ticks, ['2024', '2025', '2026', '2027', '2028', '2029', '2030', '2031', '2032']);
  });
});

test('clicking a milestone shows its details and announces it', async () => {
  await withPage({}, async (page, record) => {
    await page.getByRole('button', { name: /Joint Hydropower Fund/ }).click();
    assert.equal(await selectedTitle(page), 'Joint Hydropower Fund');
    const details = page.locator('#milestone-joint-hydropower-fund-details');
    assert.equal(await details.isVisible(), true);
    const text = await details.textContent();
    assert.match(text, /\$500 million co-financing/);
    assert.match(text, /Scheduled/);
    assert.doesNotMatch(text, /\b(done|completed)\b/i);
    assert.equal(await status(page), 'Joint Hydropower Fund, 2026–2030, selected.');
    assert.equal(new URL(page.url()).hash, '#milestone-joint-hydropower-fund');
    assert.deepEqual(record.consoleErrors, []);
  });
});

test('arrow keys, Home and End walk the milestones in date order', async () => {
  await withPage({}, async (page) => {
    const first = page.locator('#timeline .ex-ms__button[tabindex="0"]');
    await first.focus();
    const firstTitle = await selectedTitle(page);
    await page.keyboard.press('ArrowRight');
    const second = await selectedTitle(page);
    assert.notEqual(second, firstTitle);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'true');
    await page.keyboard.press('End');
    assert.equal(await selectedTitle(page), 'Japanese language centers in Dushanbe and Khujand');
    await page.keyboard.press('Home');
    assert.equal(await selectedTitle(page), firstTitle);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await selectedTitle(page), firstTitle, 'stops at the first');
    // Tab leaves the milestones: only one of them is in the tab order.
    await page.keyboard.press('Tab');
    assert.notEqual(await page.evaluate(() => document.activeElement.className), 'ex-ms__button');
  });
});

test('sector filters show and hide milestones, with counts and pressed state', async () => {
  await withPage({}, async (page) => {
    const filters = page.getByRole('group', { name: 'Show sectors' });
    const energy = filters.getByRole('button', { name: /^Energy/ });
    assert.equal(await energy.getAttribute('aria-pressed'), 'true');
    assert.match(await energy.textContent(), /\(3\)/);
    await energy.click();
    assert.equal(await energy.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('#milestone-joint-hydropower-fund').isVisible(), false);
    assert.match(await status(page), /Energy hidden\. Showing 9 of 12 milestones\./);
    for (const name of [/^Transport/, /^Digital/, /^Agriculture/, /^Education/, /^Outlook/]) {
      await filters.getByRole('button', { name }).click();
    }
    assert.equal(await page.locator('.ex-timeline__empty').isVisible(), true, 'says when nothing is left');
    await energy.click();
    assert.equal(await page.locator('#milestone-joint-hydropower-fund').isVisible(), true);
  });
});

test('a #milestone- deep link selects it on load and on hashchange', async () => {
  await withPage({ path: '#milestone-tech-incubator-pilot' }, async (page, record) => {
    await page.waitForFunction(() =>
      document.querySelector('#milestone-tech-incubator-pilot-button')?.getAttribute('aria-expanded') === 'true');
    await page.evaluate(() => { location.hash = 'milestone-scholarships'; });
    await page.waitForFunction(() =>
      document.querySelector('#milestone-scholarships-button')?.getAttribute('aria-expanded') === 'true');
    await page.evaluate(() => { location.hash = 'milestone-nope'; });
    await page.waitForTimeout(200);
    assert.equal(await selectedTitle(page), 'More Japanese scholarships for Tajik students');
    assert.deepEqual(record.pageErrors, []);
  });
});

test('"Copy link" copies the milestone address', async () => {
  await withPage({}, async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: /Bilateral film and arts festival/ }).click();
    await page.locator('#milestone-film-festival-details').getByRole('button', { name: 'Copy link to this milestone' }).click();
    await page.waitForFunction(() => document.querySelector('#milestone-film-festival-details [role=status]').textContent.includes('Link copied'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(new URL(copied).hash, '#milestone-film-festival');
  });
});

for (const width of [320, 360, 600]) {
  test(`at ${width}px the timeline is a vertical list and nothing scrolls sideways`, async () => {
    await withPage({ viewport: { width, height: 800 } }, async (page) => {
      const axis = await page.locator('.ex-timeline__axis').isVisible();
      assert.equal(axis, false, 'no axis on phones');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
      const lefts = await page.$$eval('#timeline ol > li', (ls) => ls.map((l) => Math.round(l.getBoundingClientRect().left)));
      assert.equal(new Set(lefts).size, 1, 'items stack in one column');
      await page.getByRole('button', { name: /Joint Hydropower Fund/ }).click();
      assert.equal(await page.locator('#milestone-joint-hydropower-fund-details').isVisible(), true);
      const after = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(after <= 0, `open details overflow by ${after}px`);
    });
  });
}

test('on a desktop the axis shows a Today marker and spans as bars', async () => {
  await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
    assert.equal(await page.locator('.ex-timeline__axis').isVisible(), true);
    const today = await page.evaluate(() => {
      const d = new Date();
      return d.getFullYear() >= 2024 && d.getFullYear() <= 2032;
    });
    assert.equal(await page.locator('.ex-timeline__today').isVisible(), today);
    const bar = await page.locator('#milestone-joint-hydropower-fund .ex-ms__bar').boundingBox();
    const marker = await page.locator('#milestone-tech-incubator-pilot .ex-ms__marker').boundingBox();
    assert.ok(bar.width > 100, `a span is a bar (${bar.width}px)`);
    assert.ok(marker.width > 5 && marker.width < 30, `a point is a marker (${marker.width}px)`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0);
  });
});
