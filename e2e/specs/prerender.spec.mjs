// Content before wasm: the page is pre-rendered at build time, reads whole
// without JavaScript, and does not move when the app takes over.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { distDir, newPage, useSite, waitForApp } from '../support/browser.mjs';

const site = useSite();

test('dist/index.html holds the article, the sections, the timeline and the poll', () => {
  const html = readFileSync(path.join(distDir(), 'index.html'), 'utf8');
  assert.match(html, /<h1[^>]*>Tajik President Emomali Rahmon holds high-level talks in Tokyo/);
  assert.match(html, /<table/);
  assert.match(html, /<details id="why-this-matters"[^>]* open/);
  assert.match(html, /<time datetime="2026-Q2|<time datetime="2026/);
  assert.match(html, /<fieldset/);
  // Hydration markers only inside the islands: the static parts are never hydrated.
  const outside = html.replace(/<leptos-island [^]*?<\/leptos-island>/g, '');
  assert.doesNotMatch(outside, /<!>/, 'no hydration markers outside the islands');
  // An island whose view the element around it carries (no Leptos props).
  assert.match(
    html,
    /<div data-ex-props="[^"]+" class="ex-island"><leptos-island data-component="TimelineIsland_\d+"/,
    'the timeline is an island, its view carried around it',
  );
  assert.doesNotMatch(html, /data-props=/, 'no island has Leptos props');
});

test('without JavaScript a reader gets the whole article, sections, dated timeline and a poll note', async () => {
  const { page, record, close } = await newPage(site.browser, {
    javaScriptEnabled: false,
    ownHost: new URL(site.url).host,
  });
  try {
    await page.goto(site.url, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.locator('table').count(), 2, 'both data tables');
    const region = page.getByRole('region', { name: 'Context: why this matters' });
    assert.equal(await region.locator('details').count(), 10, 'every section, as a native disclosure');
    await page.locator('#background > summary').click();
    assert.equal(await page.locator('#background').evaluate((d) => d.open), true, 'disclosures work without script');
    const times = page.locator('#timeline time[datetime]');
    assert.ok((await times.count()) >= 8, 'the timeline is a dated list');
    assert.equal(
      await page.locator('#milestone-joint-hydropower-fund .ex-ms__details').isVisible(),
      true,
      'milestone details show without script',
    );
    assert.equal(await page.getByRole('button', { name: 'Expand all' }).isVisible(), false, 'no dead controls');
    assert.equal(await page.locator('#timeline .ex-timeline__filters').isVisible(), false);
    assert.equal(await page.locator('.ex-poll__form').isVisible(), false, 'no poll form that cannot work');
    assert.match(await page.locator('#poll').innerText(), /The poll needs JavaScript/);
    assert.deepEqual(record.httpErrors, []);
  } finally {
    await close();
  }
});

test('the app takes over without a layout shift (CLS at most 0.02) or console errors', async () => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    const { page, record, close } = await newPage(site.browser, {
      viewport,
      ownHost: new URL(site.url).host,
    });
    try {
      await page.addInitScript(() => {
        window.__cls = 0;
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.hadRecentInput) continue;
            window.__cls += e.value;
            window.__shifts.push({
              value: e.value,
              sources: (e.sources || []).map((s) => s.node?.outerHTML?.slice(0, 80) ?? '?'),
            });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      // Slow the wasm so the pre-rendered page is painted first.
      await page.route(/\.wasm$/, async (route) => {
        await new Promise((r) => setTimeout(r, 400));
        await route.continue();
      });
      await page.goto(site.url, { waitUntil: 'load' });
      await waitForApp(page);
      await page.waitForTimeout(500);
      const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
      assert.ok(cls <= 0.02, `CLS ${cls} at ${viewport.width}px: ${JSON.stringify(shifts)}`);
      assert.deepEqual(record.consoleErrors, []);
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await close();
    }
  }
});

/** Holds the page's wasm back until the returned function is called (the reader acts first). */
async function holdWasm(page) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test('a section the reader opened before the app started stays open', async () => {
  const { page, close } = await newPage(site.browser, { ownHost: new URL(site.url).host });
  try {
    const release = await holdWasm(page);
    await page.goto(site.url, { waitUntil: 'domcontentloaded' });
    await page.locator('#background > summary').click();
    release();
    await waitForApp(page);
    assert.equal(await page.locator('#background').evaluate((d) => d.open), true);
    assert.equal(await page.locator('#why-this-matters').evaluate((d) => d.open), true);
  } finally {
    await close();
  }
});

test('a box ticked and text typed before the app started are kept, counted, and saved with the rest', async () => {
  const { page, close } = await newPage(site.browser, { ownHost: new URL(site.url).host });
  try {
    const release = await holdWasm(page);
    await page.goto(site.url, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Transport corridors and rail').check();
    await page.locator('#poll-your-thoughts--text').fill('Typed before the app.');
    release();
    await waitForApp(page);
    await page.waitForTimeout(100);
    assert.equal(await page.getByLabel('Transport corridors and rail').isChecked(), true, 'the tick stays');
    assert.equal(await page.locator('#poll-your-thoughts--text').inputValue(), 'Typed before the app.');
    // Its counter counts it (the build's counter was for an empty box).
    assert.equal((await page.locator('#poll-your-thoughts--text-count').textContent()).trim(), '21 / 1,000 characters');
    await page.getByRole('button', { name: 'Save my answers' }).click();
    const summary = page.locator('.ex-poll__saved');
    await summary.waitFor({ state: 'visible' });
    const text = await summary.innerText();
    assert.match(text, /Transport corridors and rail/);
    assert.match(text, /Typed before the app\./);
  } finally {
    await close();
  }
});
