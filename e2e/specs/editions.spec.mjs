// Editions in other languages: made-up Russian and Arabic test stories built
// beside the real one. In a real browser, after each reader action, no
// English interface word is on the page or in what a screen reader is told
// (the accessibility tree and the live regions); dates are the locale's; the
// Arabic page is mirrored and its arrow keys follow it; axe finds nothing.
// Screenshots of both timelines and polls at 360 and 1280 px go to
// target/e2e-shots/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { WCAG_TAGS, useSite } from '../support/browser.mjs';
import { EDITIONS, REPO_ROOT, storiesSite } from '../support/stories.mjs';

const site = useSite({
  root: () => storiesSite('e2e-editions', [EDITIONS.ru.file, EDITIONS.ar.file]).dist,
});

const SHOTS = path.join(REPO_ROOT, 'target', 'e2e-shots');

/** Latin-script words that may stand in another language's interface: product names. */
const ALLOWED = new Set(['JavaScript', 'pym', 'js', 'AMP', 'HTML', 'WordPress', 'Ghost']);

/**
 * What a screen reader is told, from Playwright's snapshot of the
 * accessibility tree (`- role "name" [state]: text` lines): each node's
 * name and text, not the roles and states (the reader's own words), nor a
 * text box's value (what the reader typed, or the embed code), nor link
 * addresses.
 */
function spoken(tree) {
  const out = [];
  for (const raw of tree.split('\n')) {
    // YAML quotes a node whose text has a colon: `- 'heading "A: b" [level=2]':`.
    const line = raw.replace(/^(\s*- )'(.*)'(:?)$/, (_, lead, body, colon) => lead + body.replace(/''/g, "'") + colon);
    const m = line.match(/^\s*- (\/?[\w-]+)(?: "((?:[^"\\]|\\.)*)")?((?: \[[^\]]*\])*)(?::\s?(.*))?$/);
    if (!m) {
      out.push(line);
      continue;
    }
    const [, role, name, , rest] = m;
    if (role === '/url') continue;
    if (name) out.push(name);
    if (rest && role !== 'textbox') out.push(rest.replace(/^"|"$/g, ''));
  }
  return out.join('\n');
}

/**
 * Every Latin-script word a reader of `page` sees or hears: its visible
 * text, its accessibility tree (names, roles' texts) and its live regions,
 * leaving out the embed code (HTML for another site) and addresses.
 */
async function latinWords(page) {
  const { text, live } = await page.evaluate(() => {
    const code = document.getElementById('ex-embed-code');
    const live = [...document.querySelectorAll('[role=status], [role=alert]')].map((e) => e.textContent);
    const attrs = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')].map((e) =>
      ['aria-label', 'title', 'alt', 'placeholder'].map((a) => e.getAttribute(a) ?? '').join(' '),
    );
    const text = document.body.innerText.replace(code?.value ?? '', '');
    return { text: `${document.title}\n${text}\n${attrs.join('\n')}`, live: live.join('\n') };
  });
  const told = spoken(await page.locator('body').ariaSnapshot());
  const words = `${text}\n${live}\n${told}`
    .replace(/https?:\/\/\S+/g, ' ')
    .match(/[A-Za-z]{2,}/g);
  return (words ?? []).filter((w) => !ALLOWED.has(w));
}

/** Asserts no English (no Latin-script word) reaches the reader of `page` now. */
async function noEnglish(page, when) {
  const words = await latinWords(page);
  assert.deepEqual([...new Set(words)], [], `Latin-script words ${when}`);
}

const status = (page, selector) => page.locator(selector).textContent();

test('the check finds English where there is some: the English edition', async () => {
  await site.withPage({}, async (page) => {
    await page.locator('[data-ex-open="true"]').click();
    const words = new Set(await latinWords(page));
    for (const w of ['Expand', 'Save', 'Embed', 'Skip', 'sections', 'expanded']) assert.ok(words.has(w), w);
  });
});

for (const [lang, { slug }] of Object.entries(EDITIONS)) {
  test(`${lang}: no English on the page or in what a screen reader is told, after every reader action`, async () => {
    await site.withPage({ path: `${slug}/`, permissions: ['clipboard-read', 'clipboard-write'] }, async (page, record) => {
      const html = page.locator('html');
      assert.equal(await html.getAttribute('lang'), lang);
      assert.equal(await html.getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await noEnglish(page, 'on load');
      // The context: expand all, collapse all.
      await page.locator('[data-ex-open="true"]').click();
      assert.notEqual((await status(page, '.ex-context__tools [role=status]')).trim(), '');
      await noEnglish(page, 'after "expand all"');
      await page.locator('[data-ex-open="false"]').click();
      await noEnglish(page, 'after "collapse all"');
      // The timeline: a filter, a milestone, a key, a copied link.
      await page.locator('.ex-filter').first().click();
      assert.notEqual((await status(page, '.ex-timeline__announce')).trim(), '');
      await noEnglish(page, 'after a filter');
      await page.locator('.ex-filter').first().click();
      const second = page.locator('#timeline .ex-ms__button').nth(1);
      await second.click();
      await noEnglish(page, 'after selecting a milestone');
      await second.press('End');
      await noEnglish(page, 'after End');
      await page.locator('.ex-ms:not([hidden]) .ex-ms__details:not([hidden]) .ex-ms__copy').click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.ex-ms__copied')].some((e) => e.textContent.trim() !== ''),
      );
      await noEnglish(page, 'after copying a link');
      // The poll: refused, over the limit, saved, changed, cleared.
      await page.locator('.ex-poll__submit').click();
      assert.notEqual((await status(page, '.ex-poll__alert')).trim(), '');
      await noEnglish(page, 'after a refused save');
      const area = page.locator('textarea.ex-poll__textarea');
      // Longer than any limit a story may set (5,000 characters).
      await area.fill('ж'.repeat(5001));
      assert.notEqual((await page.locator('.ex-poll__count').last().textContent()).trim(), '');
      await noEnglish(page, 'over the limit');
      await area.fill('');
      await page.locator('input.ex-poll__check[type=radio]').first().check();
      await page.locator('.ex-poll__submit').click();
      await page.locator('#poll-saved-heading').waitFor();
      assert.notEqual((await status(page, '.ex-poll__status')).trim(), '');
      await noEnglish(page, 'after a save');
      await page.locator('[data-ex-action=change]').click();
      await noEnglish(page, 'while changing');
      await page.locator('[data-ex-action=cancel]').click();
      await page.locator('[data-ex-action=ask-clear]').click();
      await noEnglish(page, 'asking to clear');
      await page.locator('[data-ex-action=clear]').click();
      await noEnglish(page, 'after clearing');
      // The embed panel: another part, copied.
      await page.locator('input[name=ex-embed-part]').nth(2).check();
      await page.locator('#embed button').click();
      await page.waitForFunction(() => document.querySelector('#embed [role=status]').textContent.trim() !== '');
      await noEnglish(page, 'after copying the embed code');
      const code = await page.locator('#ex-embed-code').inputValue();
      const title = code.match(/title="([^"]*)"/)[1];
      assert.ok(!/[A-Za-z]{3,}/.test(title), `the frame's title is in the edition's language: ${title}`);
      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
    });
  });
}

test('ru: dates in Russian, stand-alone months, three plural forms', async () => {
  await site.withPage({ path: `${EDITIONS.ru.slug}/` }, async (page) => {
    const whens = await page.$$eval('#timeline .ex-ms__when', (ws) => ws.map((w) => w.textContent.replace(/\s/g, ' ')));
    assert.ok(whens.includes('октябрь 2025 г.'), whens.join(' | '));
    assert.ok(whens.includes('3-й квартал 2026 г.'), whens.join(' | '));
    assert.ok(whens.some((w) => w.startsWith('весна 2026 г.')), whens.join(' | '));
    assert.ok(whens.includes('12 июня 2028 г.'), whens.join(' | '));
    assert.ok(!whens.join(' ').includes('октября'), 'no genitive month standing alone');
    // Both ends of a range are <time>s.
    const span = await page.$$eval('#timeline .ex-ms__when', (ws) =>
      ws.map((w) => [...w.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).find((t) => t.length === 2),
    );
    assert.deepEqual(span, ['2027', '2029']);
    // The counter's noun follows the locale's plural forms of its number.
    const counter = await page.locator('.ex-poll__count').last().textContent();
    assert.match(counter, /^0 \/ \S+ символ(ов|а)?$/u, counter);
  });
});

test('ar: mirrored, the axis runs right to left, and the arrow keys follow it', async () => {
  await site.withPage({ path: `${EDITIONS.ar.slug}/`, viewport: { width: 1280, height: 900 } }, async (page) => {
    const ticks = await page.$$eval('.ex-timeline__tick', (ts) =>
      ts.map((t) => ({ year: t.textContent.trim(), x: t.getBoundingClientRect().x })),
    );
    assert.equal(ticks[0].year, '2030');
    assert.ok(ticks[0].x > ticks[ticks.length - 1].x, 'the first year is on the right');
    const filters = await page.$$eval('.ex-filter', (fs) => fs.map((f) => f.getBoundingClientRect().x));
    assert.ok(filters[0] > filters[1], 'the filters run right to left');
    const whens = await page.$$eval('#timeline .ex-ms__when', (ws) => ws.map((w) => w.textContent));
    assert.ok(whens.includes('أكتوبر 2030'), whens.join(' | '));
    // Keyboard: the left arrow goes on, the right arrow goes back.
    const buttons = page.locator('#timeline .ex-ms__button');
    const selected = () => page.$eval('#timeline .ex-ms__button[aria-expanded="true"]', (b) => b.id);
    await buttons.first().focus();
    const first = await selected();
    await page.keyboard.press('ArrowLeft');
    const next = await selected();
    assert.notEqual(next, first);
    assert.equal(next, await buttons.nth(1).getAttribute('id'));
    assert.equal(await page.evaluate(() => document.activeElement.id), next, 'focus follows');
    await page.keyboard.press('ArrowRight');
    assert.equal(await selected(), first);
    await page.keyboard.press('ArrowDown');
    assert.equal(await selected(), next, 'down still goes on');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    assert.equal(await selected(), first);
    // Nothing overflows at 320 px.
    await page.setViewportSize({ width: 320, height: 700 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 320, `scroll width ${wide}`);
  });
});

for (const [lang, { slug }] of Object.entries(EDITIONS)) {
  test(`${lang}: axe finds no violations, light and dark, 360 and 1280 px; screenshots`, async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [360, 1280]) {
      for (const colorScheme of ['light', 'dark']) {
        await site.withPage({ path: `${slug}/`, viewport: { width, height: 900 }, colorScheme }, async (page) => {
          await page.locator('#timeline .ex-ms__button').nth(1).click();
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          assert.deepEqual(
            violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
            [],
            `${lang} ${width}px ${colorScheme}`,
          );
          if (colorScheme === 'light') {
            await page.locator('#timeline').screenshot({ path: path.join(SHOTS, `${lang}-timeline-${width}.png`) });
            await page.locator('#poll').screenshot({ path: path.join(SHOTS, `${lang}-poll-${width}.png`) });
          }
        });
      }
    }
  });
}
