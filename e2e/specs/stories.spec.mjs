// Many stories, one runtime: a site built from two story files (the real
// story and a made-up test story with its own slug, sectors, years and
// question kinds) serves each at /<slug>/, the default also at /, each
// page with only its own text, timeline and poll (under its own storage
// key), both loading the very same wasm; and an edit to the test story
// changes its page, not the runtime.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { WCAG_TAGS, useSite, waitForApp } from '../support/browser.mjs';
import { REAL_SLUG, TEST_SLUG, storiesSite, xtask } from '../support/stories.mjs';

let built;
const site = useSite({
  root: () => {
    built = storiesSite();
    return built.dist;
  },
});

const TEST_HEADLINE = 'Test story: the Riverside library rebuild, a made-up timeline';

/** The body's visible text and what assistive technology is told of it. */
const bodyText = (page) => page.evaluate(() => document.body.innerText);

/** The runtime's wasm files: the main one (`_bg.wasm`) and the lazy islands' parts. */
const wasmFiles = (dist) => readdirSync(dist).filter((f) => f.endsWith('.wasm')).sort();
const mainWasm = (files) => files.filter((f) => f.endsWith('_bg.wasm'));
const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('every story has its page, the default one is also the root, and stories.json lists them', async () => {
  const list = JSON.parse(readFileSync(path.join(built.dist, 'stories.json'), 'utf8'));
  assert.equal(list.default, REAL_SLUG);
  assert.deepEqual(
    list.stories.map((s) => [s.slug, s.path, s.language]),
    [
      [REAL_SLUG, `/${REAL_SLUG}/`, 'en'],
      [TEST_SLUG, `/${TEST_SLUG}/`, 'en'],
    ],
  );
  assert.equal(list.stories[1].headline, TEST_HEADLINE);
  const root = readFileSync(path.join(built.dist, 'index.html'), 'utf8');
  assert.equal(root, readFileSync(path.join(built.dist, REAL_SLUG, 'index.html'), 'utf8'));
  assert.match(built.output, /2 stories rendered/);
});

test('each page shows only its own story', async () => {
  await site.withPage({ path: `${TEST_SLUG}/` }, async (page, record) => {
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), TEST_HEADLINE);
    const text = await bodyText(page);
    for (const word of ['Tajik', 'Rahmon', 'Tokyo', 'Hydropower']) assert.ok(!text.includes(word), word);
    assert.match(text, /made-up test story/);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
  });
  await site.withPage({ path: `${REAL_SLUG}/` }, async (page) => {
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /^Tajik President Emomali Rahmon/);
    const text = await bodyText(page);
    for (const word of ['Riverside', 'made-up', 'Rare books']) assert.ok(!text.includes(word), word);
  });
});

test('the test story passes the accessibility audit in both schemes, at phone and desktop widths', async () => {
  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ]) {
    for (const colorScheme of ['light', 'dark']) {
      await site.withPage({ path: `${TEST_SLUG}/`, viewport: { width, height }, colorScheme }, async (page) => {
        await page.getByRole('button', { name: /^Digital archive/ }).click();
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        assert.deepEqual(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          [],
          `${width}px ${colorScheme}`,
        );
      });
    }
  }
});

test('the test story has its own timeline: sectors, years and milestones, working', async () => {
  await site.withPage({ path: `${TEST_SLUG}/` }, async (page) => {
    const filters = await page.$$eval('#timeline .ex-filter', (fs) => fs.map((f) => f.firstChild.nextSibling.textContent.trim()));
    assert.deepEqual(filters, ['Building', 'Books', 'Community']);
    // The axis spans the story's own years, 1998 to 2012, labelled every other year.
    const ticks = await page.$$eval('.ex-timeline__tick', (ts) => ts.map((t) => t.textContent.trim()));
    assert.deepEqual(ticks, ['1998', '2000', '2002', '2004', '2006', '2008', '2010', '2012']);
    // A range is machine-readable at both ends.
    // (Comments are the island's hydration markers: no reader meets them.)
    const archive = await page.$eval('#milestone-digital-archive .ex-ms__when', (w) =>
      w.innerHTML.replace(/<!--[^]*?-->/g, ''),
    );
    assert.equal(archive, '<time datetime="2010">Spring 2010</time>–<time datetime="2012">2012</time>');
    const first = await page.$eval('#timeline .ex-ms__button[aria-expanded="true"] .ex-ms__title', (e) => e.textContent);
    assert.equal(first, 'Design contest');
    await page.getByRole('button', { name: /^Construction/ }).click();
    await page.getByRole('button', { name: /^Construction/ }).press('ArrowRight');
    const selected = page.locator('#timeline .ex-ms__button[aria-expanded="true"] .ex-ms__title');
    assert.equal(await selected.textContent(), 'Opening day');
    assert.equal(new URL(page.url()).hash, '#milestone-opening-day');
    assert.match(
      await page.locator('#milestone-opening-day-details').textContent(),
      /Reported outcome for November 20, 2004/,
    );
    await page.getByRole('button', { name: /^Books/ }).click();
    assert.equal(
      (await page.locator('#timeline > [role=status]').textContent()).trim(),
      'Books hidden. Showing 4 of 6 milestones.',
    );
  });
});

test('each poll works under its own storage key, single choice included', async () => {
  await site.withPage({ path: `${TEST_SLUG}/` }, async (page) => {
    const visits = page.getByRole('group', { name: 'How often do you visit a library?' });
    await visits.getByRole('radio', { name: 'Every week' }).check();
    await visits.getByRole('radio', { name: 'Every month' }).check();
    assert.equal(await visits.getByRole('radio', { name: 'Every week' }).isChecked(), false);
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByRole('heading', { name: 'Your answers' }).waitFor();
    const stored = await page.evaluate(() => ({ ...localStorage }));
    assert.deepEqual(Object.keys(stored), [`explainer:poll:${TEST_SLUG}`]);
    assert.deepEqual(JSON.parse(stored[`explainer:poll:${TEST_SLUG}`]), {
      version: 2,
      answers: { visits: { choices: ['monthly'] } },
    });
    // The real story's poll, in the same browser, starts empty and saves apart.
    await page.goto(new URL(`${REAL_SLUG}/`, site.url).href);
    await waitForApp(page);
    assert.equal(await page.getByRole('heading', { name: 'Your answers' }).isVisible(), false);
    await page.getByRole('checkbox', { name: 'Energy cooperation' }).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByRole('heading', { name: 'Your answers' }).waitFor();
    const both = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.deepEqual(both, [`explainer:poll:${TEST_SLUG}`, `explainer:poll:${REAL_SLUG}`].sort());
    // Back on the test story, its own answer is there.
    await page.goto(new URL(`${TEST_SLUG}/`, site.url).href);
    await waitForApp(page);
    assert.match(await page.locator('.ex-poll__saved').textContent(), /Every month/);
  });
});

test('each story embeds at its own address, and its embed code says so', async () => {
  await site.withPage({ path: `${TEST_SLUG}/?embed=timeline` }, async (page) => {
    assert.equal(await page.getAttribute('html', 'data-ex-embed'), 'timeline');
    assert.equal(await page.getByRole('heading', { name: 'Library timeline' }).isVisible(), true);
    assert.equal(await page.locator('h1').isVisible(), false);
  });
  await site.withPage({ path: `${TEST_SLUG}/` }, async (page) => {
    const code = await page.getByLabel('Embed code').inputValue();
    assert.ok(code.startsWith(`<iframe src="${site.url}${TEST_SLUG}/?embed" title="${TEST_HEADLINE}"`), code);
    await page.getByRole('radio', { name: 'Your library' }).check();
    assert.match(await page.getByLabel('Embed code').inputValue(), new RegExp(`/${TEST_SLUG}/\\?embed=poll" title="Your library – `));
  });
});

test('both pages load the very same wasm and glue', async () => {
  const loaded = [];
  for (const p of [`${REAL_SLUG}/`, `${TEST_SLUG}/`, '']) {
    await site.withPage({ path: p }, async (page, record) => {
      loaded.push(record.requests.filter((u) => /\.(wasm|js)$/.test(u)).map((u) => new URL(u).pathname).sort());
    });
  }
  // The glue, its main wasm, the lazy islands' loader and parts (the poll's,
  // the embed panel's, the code they share): one set for every page.
  assert.equal(mainWasm(loaded[0]).length, 1, loaded[0].join());
  assert.equal(loaded[0].length, 6, loaded[0].join());
  assert.deepEqual(loaded[1], loaded[0]);
  assert.deepEqual(loaded[2], loaded[0]);
  assert.deepEqual(
    wasmFiles(built.dist),
    loaded[0].filter((u) => u.endsWith('.wasm')).map((u) => u.slice(1)),
  );
  // And the runtime carries no story: none of the stories' slugs, headings or titles.
  const runtime = Buffer.concat(loaded[0].map((p) => readFileSync(path.join(built.dist, p)))).toString('latin1');
  for (const word of [REAL_SLUG, TEST_SLUG, 'Tajik', 'Riverside', 'Reader perspectives', 'Library timeline', 'joint-hydropower-fund', 'design-contest', 'infrastructure-priorities']) {
    assert.ok(!runtime.includes(word), `the runtime holds "${word}"`);
  }
});

test('an edit to the test story changes its page and not the runtime', async () => {
  const files = wasmFiles(built.dist);
  const before = files.map((f) => sha(path.join(built.dist, f)));
  const realBefore = readFileSync(path.join(built.dist, REAL_SLUG, 'index.html'), 'utf8');
  const text = readFileSync(built.files.test, 'utf8');
  const edited = 'Test story: the Riverside library reopens, an edited made-up headline';
  writeFileSync(built.files.test, text.replace(TEST_HEADLINE, edited));
  const output = built.build();
  assert.match(output, /runtime: up to date/);
  assert.deepEqual(wasmFiles(built.dist), files, 'the same hashed wasm files');
  assert.deepEqual(
    files.map((f) => sha(path.join(built.dist, f))),
    before,
    'the same bytes',
  );
  assert.equal(readFileSync(path.join(built.dist, REAL_SLUG, 'index.html'), 'utf8'), realBefore);
  await site.withPage({ path: `${TEST_SLUG}/` }, async (page) => {
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), edited);
    assert.equal(await page.title(), edited);
  });
});

test('a story started with `cargo xtask new-story` builds and shows every part', async () => {
  const slug = 'starter-check';
  const output = xtask(['new-story', slug, '--content', built.content]);
  assert.match(output, new RegExp(`wrote .*${slug}\\.toml`));
  assert.match(built.build(), /3 stories rendered/);
  await site.withPage({ path: `${slug}/` }, async (page, record) => {
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Replace with the headline');
    assert.equal(await page.locator('.ex-article table').count(), 1);
    assert.equal(await page.locator('#context details').count(), 2);
    assert.equal(await page.locator('#timeline li.ex-ms').count(), 4);
    assert.equal(await page.locator('#poll fieldset').count(), 3);
    assert.equal(await page.locator('#poll input[type=radio]').count(), 2);
    // It works: a milestone is selected, a question answered and saved.
    await page.getByRole('button', { name: /^Replace with a milestone that runs/ }).click();
    assert.match(await page.locator('#timeline > [role=status]').textContent(), /selected/);
    await page.getByRole('radio', { name: 'Replace with a second answer' }).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByRole('heading', { name: 'Your answers' }).waitFor();
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
  });
});
