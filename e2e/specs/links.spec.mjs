// Formatted story text, as a reader meets it: emphasis and links rendered
// (never their Markdown), a link to a milestone or a section opens it, and
// in an embedded view a link leaves the frame instead of replacing the
// explainer inside it. The made-up test story carries the formatting.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useSite } from '../support/browser.mjs';
import { useHost } from '../support/host.mjs';
import { REAL_SLUG, TEST_SLUG, storiesSite } from '../support/stories.mjs';

const site = useSite({ root: () => storiesSite('e2e-links').dist });
const host = useHost();

test('emphasis, strong and links show as formatting, never as Markdown or HTML source', async () => {
  await site.withPage({ path: `${TEST_SLUG}/` }, async (page, record) => {
    const body = page.locator('.ex-article__body');
    assert.equal(await body.locator('em').first().textContent(), 'invented');
    assert.equal(await body.locator('strong').first().textContent(), 'formatted');
    const link = body.getByRole('link', { name: 'the real story' });
    assert.equal(await link.getAttribute('href'), `../${REAL_SLUG}/`);
    const text = await page.evaluate(() => document.body.innerText);
    for (const raw of ['*invented*', '**', '](', '&lt;', '<em>']) assert.ok(!text.includes(raw), raw);
    // In a table cell, the poll's intro and a question's help too.
    assert.equal(await page.locator('#library-facts td em').textContent(), 'invented');
    // Every kind a story may link to: the web, mail, the site, the page.
    const intro = page.locator('.ex-poll__intro a');
    assert.deepEqual(await intro.evaluateAll((as) => as.map((a) => a.getAttribute('href'))), [
      '#library-facts',
      'mailto:desk@example.org',
      'http://example.org/desk',
    ]);
    const visits = page.getByRole('group', { name: 'How often do you visit a library?' });
    assert.match(await visits.getAttribute('aria-describedby'), /help/);
    assert.equal(await visits.locator('.ex-poll__help em').textContent(), 'any');
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
  });
});

test('a link to a milestone opens it, a link to a section opens that section', async () => {
  await site.withPage({ path: `${TEST_SLUG}/` }, async (page) => {
    const button = page.locator('#milestone-opening-day-button');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await page.locator('.ex-article__body').getByRole('link', { name: 'opening day' }).click();
    await page.waitForFunction(
      () => document.querySelector('#milestone-opening-day-button').getAttribute('aria-expanded') === 'true',
    );
    assert.equal(new URL(page.url()).hash, '#milestone-opening-day');
    assert.equal(await page.locator('#plan').evaluate((d) => d.open), false);
    await page.locator('.ex-article__body').getByRole('link', { name: 'the invented plan' }).click();
    await page.waitForFunction(() => document.getElementById('plan').open);
  });
});

test('in a frame, a link leaves it: other pages in a new tab, a part the view leaves out on the whole page', async () => {
  const src = `${site.url}${TEST_SLUG}/?embed=timeline#milestone-opening-day`;
  const url = await host.page(
    'links.html',
    `<iframe data-explainer-embed title="Timeline" src="${src}" style="width:100%;border:0;height:900px"></iframe>`,
  );
  await site.withPage(
    { path: url, waitForReady: false, ownHost: host.host, alsoOwnHosts: [new URL(site.url).host, 'example.org'] },
    async (page, record) => {
      const context = page.context();
      await context.route('https://example.org/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Made-up address</title>' }),
      );
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      await frame.waitForSelector('html[data-app-ready]', { state: 'attached', timeout: 20_000 });
      const details = frame.locator('#milestone-opening-day .ex-ms__details');
      await details.waitFor();
      const opens = async (name) => {
        const [tab] = await Promise.all([
          context.waitForEvent('page'),
          details.getByRole('link', { name }).click(),
        ]);
        await tab.waitForLoadState('domcontentloaded');
        const where = tab.url();
        await tab.close();
        return where;
      };
      // Another site, and another page of this one: new tabs.
      assert.equal(await opens('a made-up address'), 'https://example.org/riverside');
      assert.equal(await opens('the other story'), `${site.url}${REAL_SLUG}/`);
      // The context is not in this view: the whole page, at that section.
      assert.equal(await opens('the plan'), `${site.url}${TEST_SLUG}/#plan`);
      // The frame still shows the explainer.
      assert.equal(frame.url(), src);
      assert.equal(await frame.locator('#timeline').isVisible(), true);
      assert.deepEqual(record.pageErrors, []);
    },
  );
});
