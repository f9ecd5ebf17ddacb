// The app survives everything a hostile address and browser can throw at it
// at once: an unknown hash, an unknown embed part (`?embed=nope`) and
// storage that throws on access. No page error, no console error, the
// content there, and the poll still usable in memory.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { blockStorage, newPage, useSite, waitForApp } from '../support/browser.mjs';

const site = useSite();

async function openBlocked(subPath) {
  const opened = await newPage(site.browser, { ownHost: new URL(site.url).host });
  await blockStorage(opened.page, ['localStorage', 'sessionStorage']);
  await opened.page.goto(new URL(subPath, site.url).href, { waitUntil: 'load' });
  await waitForApp(opened.page);
  return opened;
}

for (const subPath of ['?embed=nope#no-such-section', '?embed=nope#milestone-nope', '?embed=%ZZ&embed=poll#', '#']) {
  test(`unknown hash, unknown embed part and blocked storage together (${subPath})`, async () => {
    const { page, record, close } = await openBlocked(subPath);
    try {
      await page.getByRole('heading', { level: 1 }).waitFor();
      for (const name of ['context', 'timeline', 'poll']) {
        const visible = await page.locator(`#${name}`).isVisible();
        // `?embed=%ZZ&embed=poll`: the first `embed` counts, an unknown value shows the whole explainer.
        assert.equal(visible, true, `#${name} is shown`);
      }
      assert.equal(await page.locator('#context details').count(), 10);
      assert.ok((await page.locator('#timeline time[datetime]').count()) >= 8);

      // Still interactive: a milestone, a section, and the poll (in memory).
      await page.getByRole('button', { name: /Joint Hydropower Fund/ }).click();
      assert.equal(await page.locator('#milestone-joint-hydropower-fund-details').isVisible(), true);
      await page.locator('#background > summary').click();
      assert.equal(await page.locator('#background').evaluate((d) => d.open), true);
      await page.locator('#poll .ex-poll__notice').filter({ hasText: /will not be kept/ }).waitFor();
      await page.locator('#poll input[type=checkbox]').first().check();
      await page.locator('#poll').getByRole('button', { name: 'Save my answers' }).click();
      await page.locator('#poll .ex-poll__saved').waitFor();

      assert.deepEqual(record.pageErrors, [], 'no uncaught error or panic');
      assert.deepEqual(record.consoleErrors, [], 'no console error');
      assert.deepEqual(record.httpErrors, []);
    } finally {
      await close();
    }
  });
}
