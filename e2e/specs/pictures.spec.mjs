// A story's pictures, as a reader meets them: the lead under the header
// with its caption and credit, each picture in the width the screen needs
// (WebP, from the site itself), nothing moving as they arrive, and those
// out of sight (a closed section, a milestone's details) fetched only when
// opened. The made-up test story carries four pictures.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { WCAG_TAGS, useSite } from '../support/browser.mjs';
import { TEST_SLUG, storiesSite } from '../support/stories.mjs';

const site = useSite({ root: () => storiesSite('e2e-pictures').dist });

const PAGE = `${TEST_SLUG}/`;

/** The picture files the page asked for, by figure slug and width. */
const asked = (record) =>
  record.requests
    .filter((u) => u.includes('/pictures/'))
    .map((u) => u.replace(/^.*\/pictures\/(.*)-[0-9a-f]{10}-(\d+)\.(\w+)$/, '$1 $2 $3'));

test('the lead picture stands under the header with its caption and credit; every picture has its text alternative', async () => {
  await site.withPage({ path: PAGE }, async (page, record) => {
    const lead = page.locator('.ex-article > .ex-figure');
    assert.equal(await lead.getAttribute('id'), 'picture-flooded-bank');
    const img = lead.locator('img');
    await page.waitForFunction(() => document.querySelector('#picture-flooded-bank img').complete);
    assert.equal(await img.getAttribute('alt'), 'A made-up picture: a pale sky over a green bank and grey water.');
    assert.equal(await img.getAttribute('loading'), 'eager');
    assert.ok((await img.evaluate((i) => i.naturalWidth)) > 0, 'drawn');
    assert.match(await img.evaluate((i) => i.currentSrc), /\.webp$/, 'WebP where the browser takes it');
    assert.equal(
      (await lead.locator('figcaption').innerText()).trim(),
      'The invented flood, in a made-up picture for the tests. Made-up picture: test desk',
    );
    assert.equal(await lead.locator('figcaption em').textContent(), 'invented');
    // Between paragraphs, lazily.
    const room = page.locator('.ex-article__body > .ex-figure img');
    assert.equal(await room.getAttribute('loading'), 'lazy');
    assert.match(await room.getAttribute('alt'), /^A made-up picture: four brown shelves/);
    // Decorative: empty alt, so screen readers pass it by.
    assert.equal(await page.locator('#picture-plan-shapes img').getAttribute('alt'), '');
    assert.deepEqual(record.foreignRequests, []);
    assert.deepEqual(record.httpErrors, []);
    assert.deepEqual(record.consoleErrors, []);
  });
});

test('pictures out of sight are fetched when opened: a closed section, a milestone', async () => {
  await site.withPage({ path: PAGE }, async (page, record) => {
    await page.waitForLoadState('networkidle');
    let files = asked(record);
    assert.ok(files.some((f) => f.startsWith('flooded-bank ')), files.join(', '));
    assert.ok(!files.some((f) => f.startsWith('plan-shapes ')), `closed section: ${files.join(', ')}`);
    assert.ok(!files.some((f) => f.startsWith('archive-screen ')), `closed milestone: ${files.join(', ')}`);
    await page.locator('#plan > summary').click();
    await page.waitForFunction(() => document.querySelector('#picture-plan-shapes img').complete);
    await page.getByRole('button', { name: /^Digital archive/ }).click();
    const archive = page.locator('#picture-archive-screen img');
    await archive.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const i = document.querySelector('#picture-archive-screen img');
      return i.complete && i.naturalWidth > 0;
    });
    files = asked(record);
    assert.ok(files.some((f) => f.startsWith('plan-shapes ')), files.join(', '));
    assert.ok(files.some((f) => f.startsWith('archive-screen ')), files.join(', '));
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.deepEqual(violations.map((v) => v.id), []);
  });
});

test('a phone gets the width its screen needs, and nothing moves as pictures arrive', async () => {
  for (const [width, dpr, expected] of [
    [360, 1, '400'],
    [412, 2.625, '1200'],
    [1280, 1, '800'],
  ]) {
    await site.withPage(
      { path: PAGE, viewport: { width, height: 823 }, deviceScaleFactor: dpr, isMobile: width < 800, hasTouch: width < 800 },
      async (page) => {
        await page.waitForFunction(() => {
          const i = document.querySelector('#picture-flooded-bank img');
          return i.complete && i.naturalWidth > 0;
        });
        const src = await page.locator('#picture-flooded-bank img').evaluate((i) => i.currentSrc);
        assert.match(src, new RegExp(`-${expected}\\.webp$`), `${width}px at ${dpr}x: ${src}`);
      },
    );
  }
  // Pictures held back for a while: the space is kept until they come.
  await site.withPage({ path: PAGE, viewport: { width: 360, height: 740 }, waitForReady: false }, async (page) => {
    await page.route('**/pictures/**', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await page.reload();
    const shifts = await page.evaluate(
      () =>
        new Promise((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          const img = document.querySelector('#picture-flooded-bank img');
          const done = () => setTimeout(() => resolve(total), 300);
          if (img.complete) done();
          else img.addEventListener('load', done, { once: true });
        }),
    );
    assert.ok(shifts < 0.001, `layout shift ${shifts}`);
    const box = await page.locator('#picture-flooded-bank img').boundingBox();
    assert.ok(Math.abs(box.height - (box.width * 1000) / 1600) < 2, `kept its proportions: ${JSON.stringify(box)}`);
  });
});
