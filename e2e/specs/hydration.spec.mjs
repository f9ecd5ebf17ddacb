// Hydration changes nothing a reader sees: for the real story and the
// made-up test story, everything outside the islands keeps its markup byte
// for byte (the page without scripts against the page once the islands are
// hydrated), the console stays silent (no warning, no error: a hydration
// mismatch would be one), and answers saved by the previous release (its
// storage format, written before the page loads) come back.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { newPage, useSite, waitForApp } from '../support/browser.mjs';
import { REAL_SLUG, TEST_SLUG, storiesSite } from '../support/stories.mjs';

let built;
const site = useSite({
  root: () => {
    built = storiesSite();
    return built.dist;
  },
});

/**
 * `<main>` with each island's content left out: the static parts. The
 * loader's mark on a lazy island's element once it is hydrated
 * (`data-ex-live`, for the tests: nothing a reader sees) is left out too.
 */
const staticMarkup = (page) =>
  page.evaluate(() => {
    const main = document.querySelector('main').cloneNode(true);
    for (const island of main.querySelectorAll('leptos-island')) {
      island.replaceWith(document.createComment(`island ${island.dataset.component}`));
    }
    for (const part of main.querySelectorAll('[data-ex-live]')) part.removeAttribute('data-ex-live');
    return main.outerHTML;
  });

/** A page on the site that records every console message from the start. */
async function open(slug, options = {}) {
  const opened = await newPage(site.browser, { ownHost: new URL(site.url).host, ...options });
  const messages = [];
  opened.page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') messages.push(`${m.type()}: ${m.text()}`);
  });
  return { ...opened, messages, url: new URL(`${slug}/`, site.url).href };
}

for (const slug of [REAL_SLUG, TEST_SLUG]) {
  test(`${slug}: hydration leaves the static parts byte for byte and the console silent`, async () => {
    const before = await open(slug, { javaScriptEnabled: false });
    let withoutScripts;
    try {
      await before.page.goto(before.url, { waitUntil: 'load' });
      withoutScripts = await staticMarkup(before.page);
    } finally {
      await before.close();
    }
    const after = await open(slug);
    try {
      await after.page.goto(after.url, { waitUntil: 'load' });
      await waitForApp(after.page);
      const islands = await after.page.$$eval('leptos-island', (ls) => ls.map((l) => l.dataset.component.split('_')[0]));
      assert.deepEqual(islands, ['ContextTools', 'TimelineIsland', 'PollIsland', 'EmbedPanelIsland']);
      assert.deepEqual(
        await after.page.$$eval('[data-ex-live]', (ps) => ps.map((p) => p.dataset.exNear)),
        ['poll', 'embed'],
        'the lazy islands hydrated too',
      );
      assert.equal(await staticMarkup(after.page), withoutScripts);
      // Empty lines stay empty once hydrated (the styles hide them by `:empty`).
      const shownEmpty = await after.page.$$eval('.ex-poll__notice, .ex-poll__alert, .ex-poll__error', (ls) =>
        ls.filter((l) => getComputedStyle(l).display !== 'none').map((l) => l.className),
      );
      assert.deepEqual(shownEmpty, [], 'no empty notice, alert or error line takes room');
      assert.deepEqual(after.messages, [], 'no console warning or error');
      assert.deepEqual(after.record.pageErrors, []);
    } finally {
      await after.close();
    }
  });
}

test('answers saved by the previous release load unchanged', async () => {
  // What the release before the islands wrote (its `poll::codec`, version 2).
  const saved = JSON.stringify({
    version: 2,
    answers: {
      'infrastructure-priorities': { choices: ['transport-rail', 'other'], other: 'Bridges' },
      'your-thoughts': { text: 'Kept from before.' },
    },
  });
  const opened = await open(REAL_SLUG);
  try {
    await opened.page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [`explainer:poll:${REAL_SLUG}`, saved],
    );
    await opened.page.goto(opened.url, { waitUntil: 'load' });
    await waitForApp(opened.page);
    const summary = opened.page.locator('.ex-poll__saved');
    await summary.waitFor({ state: 'visible' });
    const text = await summary.innerText();
    assert.match(text, /Transport corridors and rail/);
    assert.match(text, /Other: Bridges/);
    assert.match(text, /Kept from before\./);
    assert.doesNotMatch(text, /Hydropower and energy/, 'only the saved choices show');
    assert.equal(
      await opened.page.evaluate((key) => localStorage.getItem(key), `explainer:poll:${REAL_SLUG}`),
      saved,
      'loading leaves the saved value as it was',
    );
    assert.deepEqual(opened.messages, []);
  } finally {
    await opened.close();
  }
});
