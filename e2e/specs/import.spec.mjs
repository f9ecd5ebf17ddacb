// A newsroom's TimelineJS timelines come over in one command: each example
// TimelineJS ships (its JSON templates and its spreadsheet as CSV) is
// imported with `cargo xtask import`, built, and read in a real browser
// beside TimelineJS rendering the very same file: every event once, with
// the date TimelineJS shows and in its order, its eras as bands, links
// kept, remote media listed and never fetched, no page errors, axe clean,
// and no sideways scroll on a 320 px phone.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { WCAG_TAGS, useSite } from '../support/browser.mjs';
import { REPO_ROOT, xtask } from '../support/stories.mjs';
import { TEMPLATES, timelinejsShows } from '../support/timelinejs.mjs';

const EXAMPLES = {
  'all-media-types.json': 'timelinejs-media-types',
  'cosmo.json': 'cosmological-scale-timeline',
  'cosmo-mixed.json': 'a-brief-history-of-light',
  'eras.json': 'eras-test',
  'my-own-timeline.csv': 'my-own-csv',
};

const base = path.join(REPO_ROOT, 'target', 'e2e-import');
const content = path.join(base, 'content');
const printed = {};

function buildSite() {
  rmSync(base, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  for (const name of Object.keys(EXAMPLES)) {
    printed[name] = xtask(['import', path.join(TEMPLATES, name), '--content', content]);
  }
  xtask(['build', '--content', content, '--dist', path.join(base, 'dist')]);
  return path.join(base, 'dist');
}

const site = useSite({ root: buildSite });

/** Dates as both write them: ranges with one dash, "13.80" as "13.8". */
const norm = (date) =>
  date
    .replace(/\s*[—–]\s*/g, '–')
    .replace(/(\d+)\.(\d*?)0+(?=\D|$)/g, (_, whole, decimals) => (decimals ? `${whole}.${decimals}` : whole))
    .replace(/\s+/g, ' ')
    .trim();

/** What our page shows: each dated milestone's title and dates, in its order. */
async function ours(page) {
  return page.$$eval('.ex-timeline__list > .ex-ms', (items) =>
    items.map((li) => ({
      headline: li.querySelector('.ex-ms__title').textContent.replace(/\s+/g, ' ').trim(),
      date: li.querySelector('.ex-ms__when').textContent.replace(/\s+/g, ' ').trim(),
    })),
  );
}

for (const [name, slug] of Object.entries(EXAMPLES)) {
  test(`${name} comes over: every event once, with TimelineJS's dates and order, its eras`, async () => {
    const reference = await timelinejsShows(site.browser, name);
    await site.withPage({ path: `${slug}/` }, async (page, record) => {
      const shown = await ours(page);
      assert.ok(reference.events.length >= 7, 'TimelineJS showed the example');
      assert.ok([...shown, ...reference.events].every((e) => e.headline && e.date), 'each has words and a date');
      assert.equal(shown.length, reference.events.length, 'every event, once');
      assert.deepEqual(
        shown.map((e) => e.headline),
        reference.events.map((e) => e.headline),
        "TimelineJS's order",
      );
      assert.deepEqual(
        shown.map((e) => norm(e.date)),
        reference.events.map((e) => norm(e.date)),
        'the dates TimelineJS shows',
      );
      const bands = await page.$$eval('.ex-era', (es) => es.map((e) => e.textContent.trim()));
      assert.deepEqual([...bands].sort(), [...reference.eras].sort(), 'eras as bands');
      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
      assert.deepEqual(record.foreignRequests, [], 'nothing fetched from elsewhere');
    });
  });
}

test('links in TimelineJS text stay links; remote media are listed, in the output and beside their milestone', async () => {
  await site.withPage({ path: 'my-own-csv/' }, async (page) => {
    await page.locator('#milestone-ada-lovelace-button').click();
    const link = page.locator('#milestone-ada-lovelace').getByRole('link', { name: 'Ada Lovelace' });
    assert.equal(await link.getAttribute('href'), 'https://en.wikipedia.org/wiki/Ada_Lovelace');
  });
  assert.match(printed['my-own-timeline.csv'], /media: 10 to download and describe, not fetched/);
  assert.match(printed['my-own-timeline.csv'], /row 3 "Ada Lovelace": https:\/\/upload\.wikimedia\.org\//);
  assert.match(printed['my-own-timeline.csv'], /backgrounds: 2 slides/);
  const story = readFileSync(path.join(content, 'my-own-csv.toml'), 'utf8');
  assert.match(
    story,
    /# Media to download and describe \(not fetched\): https:\/\/upload\.wikimedia\.org\/[^\n]*\n# credit: Wikimedia Commons\n# caption: Portrait by Alfred Edward Chalon\n\[\[timeline\.milestones\]\]\nslug = "ada-lovelace"/,
  );
});

test('imported timelines pass axe in both schemes and fit a 320 px phone', async () => {
  for (const slug of Object.values(EXAMPLES)) {
    for (const colorScheme of ['light', 'dark']) {
      await site.withPage({ path: `${slug}/`, colorScheme, viewport: { width: 320, height: 700 } }, async (page) => {
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        assert.deepEqual(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
          [],
          `${slug} ${colorScheme}`,
        );
        const sideways = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.equal(sideways, 0, `${slug}: no sideways scroll`);
      });
    }
  }
});
