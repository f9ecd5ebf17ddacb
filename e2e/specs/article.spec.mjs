// What a reader gets from the built site (dist/), in headless Chromium.
// Run: cargo xtask test, or E2E_DIST=$PWD/dist node --test e2e/specs/
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useSite } from '../support/browser.mjs';

const site = useSite();

const HEADLINE_START = 'Tajik President Emomali Rahmon holds high-level talks in Tokyo';
/** Time for late work (fonts, deferred effects) to show up after the app is ready. */
const SETTLE_MS = 750;
const MAX_CLS = 0.01;

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

const withPage = (options, fn) => site.withPage(options, fn);

/** Caption, column headers, row headers and body row count of the table captioned `caption`. */
async function tableByCaption(page, caption) {
  return page.evaluate((wanted) => {
    const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
    const table = [...document.querySelectorAll('table')].find(
      (t) => norm(t.caption?.textContent) === wanted,
    );
    if (!table) {
      return {
        found: false,
        captions: [...document.querySelectorAll('table')].map((t) => norm(t.caption?.textContent)),
      };
    }
    return {
      found: true,
      columns: [...table.querySelectorAll('th[scope="col"]')].map((th) => norm(th.textContent)),
      rowHeaders: [...table.querySelectorAll('th[scope="row"]')].map((th) => norm(th.textContent)),
      bodyRows: [...table.tBodies].reduce((n, body) => n + body.rows.length, 0),
    };
  }, caption);
}

test('the page is titled, described and shareable (title, description, Open Graph, lang)', async () => {
  await withPage({}, async (page) => {
    const meta = await page.evaluate(() => {
      const content = (sel) => document.querySelector(sel)?.getAttribute('content') ?? null;
      return {
        title: document.title,
        lang: document.documentElement.getAttribute('lang'),
        description: content('meta[name="description"]'),
        ogTitle: content('meta[property="og:title"]'),
        ogDescription: content('meta[property="og:description"]'),
        ogType: content('meta[property="og:type"]'),
      };
    });
    assert.match(meta.title, /Tajik President Emomali Rahmon/, `document.title: ${meta.title}`);
    assert.equal(meta.lang, 'en', '<html lang>');
    assert.ok(squash(meta.description), 'meta description is missing or empty');
    assert.ok(squash(meta.ogTitle), 'og:title is missing or empty');
    assert.ok(squash(meta.ogDescription), 'og:description is missing or empty');
    assert.equal(meta.ogType, 'article', 'og:type');
  });
});

test('there is exactly one headline (h1) and it names the story', async () => {
  await withPage({}, async (page) => {
    const headings = await page.locator('h1').allTextContents();
    assert.equal(headings.length, 1, `h1 elements: ${JSON.stringify(headings)}`);
    const text = squash(headings[0]);
    assert.ok(
      text.toLowerCase().startsWith(HEADLINE_START.toLowerCase()),
      `h1 is "${text}", expected it to start with "${HEADLINE_START}"`,
    );
    assert.ok(await page.locator('h1').isVisible(), 'the h1 is not visible');
  });
});

test('the byline names the author and role, and the section is labelled World', async () => {
  await withPage({}, async (page) => {
    const found = await page.evaluate(() => {
      const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
      const byline = document.querySelector('.ex-byline, [class*="byline"], [rel="author"]');
      const world = [...document.body.querySelectorAll('*')].some(
        (el) => el.childElementCount === 0 && norm(el.textContent) === 'World',
      );
      return { byline: byline ? norm(byline.textContent) : null, world };
    });
    assert.ok(found.byline !== null, 'no byline element (.ex-byline / [class*=byline] / [rel=author])');
    assert.match(found.byline, /Omar El Sayed/, `byline: ${found.byline}`);
    assert.match(found.byline, /World Editor/, `byline: ${found.byline}`);
    assert.ok(found.world, 'no element whose text is the section label "World"');
  });
});

test('the key facts table has a caption, column headers and row headers', async () => {
  await withPage({}, async (page) => {
    const t = await tableByCaption(page, 'Key facts at a glance');
    assert.ok(t.found, `no table captioned "Key facts at a glance" (captions: ${JSON.stringify(t.captions)})`);
    assert.deepEqual(t.columns, ['Aspect', 'Details'], 'th[scope=col] headers');
    assert.ok(t.rowHeaders.includes('Event'), `th[scope=row] headers: ${JSON.stringify(t.rowHeaders)}`);
  });
});

test('the economic cooperation table lists four initiatives with impact and timeline', async () => {
  await withPage({}, async (page) => {
    const t = await tableByCaption(page, 'Economic cooperation initiatives');
    assert.ok(
      t.found,
      `no table captioned "Economic cooperation initiatives" (captions: ${JSON.stringify(t.captions)})`,
    );
    assert.deepEqual(t.columns, ['Initiative', 'Expected impact', 'Timeline'], 'th[scope=col] headers');
    assert.equal(t.bodyRows, 4, 'body rows');
  });
});

test('the disclaimer is shown', async () => {
  await withPage({}, async (page) => {
    const paragraphs = (await page.locator('p').allTextContents()).map(squash);
    assert.ok(
      paragraphs.some((p) => p.startsWith('Disclaimer')),
      'no paragraph starting with "Disclaimer"',
    );
  });
});

test('dark mode gives the page a different background', async () => {
  const bodyBackground = (colorScheme) =>
    withPage({ colorScheme }, (page) =>
      page.evaluate(() => getComputedStyle(document.body).backgroundColor),
    );
  const light = await bodyBackground('light');
  const dark = await bodyBackground('dark');
  assert.notEqual(dark, light, `body background is ${light} in both light and dark mode`);
});

test('printing keeps the headline and drops the skip link', async () => {
  await withPage({ media: 'print' }, async (page) => {
    assert.ok(await page.locator('h1').first().isVisible(), 'the h1 is not visible in print');
    const skip = await page.evaluate(() => {
      const el = document.querySelector('.ex-skip-link');
      return el ? getComputedStyle(el).display : null;
    });
    assert.notEqual(skip, null, 'no .ex-skip-link element');
    assert.equal(skip, 'none', '.ex-skip-link display in print');
  });
});

test('loading logs no errors and contacts no other host', async () => {
  await withPage({}, async (page, record) => {
    await page.waitForTimeout(SETTLE_MS);
    const { pageErrors, consoleErrors, foreignRequests } = record;
    assert.deepEqual(
      { pageErrors, consoleErrors, foreignRequests },
      { pageErrors: [], consoleErrors: [], foreignRequests: [] },
      `uncaught errors, console errors, or requests to hosts other than ${record.ownHost}`,
    );
    assert.ok(record.requests.length > 0, 'no requests were recorded at all');
  });
});

test('the layout does not shift while loading (CLS < 0.01)', async () => {
  await withPage({}, async (page) => {
    const shifts = await page.evaluate(
      (settleMs) =>
        new Promise((resolve) => {
          const entries = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              if (!e.hadRecentInput) {
                entries.push({
                  value: e.value,
                  nodes: (e.sources ?? []).map((s) => s.node?.nodeName ?? '?'),
                });
              }
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(entries), settleMs);
        }),
      SETTLE_MS,
    );
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    assert.ok(total < MAX_CLS, `cumulative layout shift ${total.toFixed(4)}: ${JSON.stringify(shifts)}`);
  });
});

for (const width of [360, 1280]) {
  test(`no horizontal scrolling at ${width}px wide`, async () => {
    await withPage({ viewport: { width, height: 800 } }, async (page) => {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= width, `scrollWidth ${scrollWidth}px > ${width}px viewport`);
    });
  });
}

test('the app starts and marks <html data-app-ready>', async () => {
  await withPage({ waitForReady: false }, async (page) => {
    const ready = await page
      .waitForSelector('html[data-app-ready]', { state: 'attached', timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    assert.ok(ready, 'html[data-app-ready] never appeared (did the wasm app start?)');
  });
});
