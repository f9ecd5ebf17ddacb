// Accessibility gate: axe-core (WCAG 2.0, 2.1 and 2.2, A and AA; no rule
// disabled) in every state a reader can put the page in, in both colour
// schemes, at phone and desktop widths and at 200% zoom; plus the page's
// structure (skip link, one h1, heading outline, landmarks, lang), reflow at
// 320px and prefers-reduced-motion. Zero violations is the bar.
//
// 200% zoom: Chromium zooms a 1280×800 window to 200% by laying the page out
// in a 640×400 CSS-pixel viewport with devicePixelRatio 2, so that is what
// the "zoom 200%" configuration emulates (viewport 640×400, deviceScaleFactor
// 2): media queries, wrapping and reflow see exactly what a zoomed reader
// gets. CSS `zoom` on <html> was not used: media queries ignore it and it
// skews getBoundingClientRect, so it tests a page nobody sees.
//
// Each state's violation count is printed as a table at the end of the file
// (`node --test e2e/specs/a11y.spec.mjs`), so the numbers can be quoted.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { WCAG_TAGS, blockStorage, newPage, useSite, waitForApp } from '../support/browser.mjs';

const site = useSite();


const CONFIGS = [
  { name: 'light 1280', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { name: 'dark 1280', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { name: 'light 360', viewport: { width: 360, height: 740 }, colorScheme: 'light' },
  { name: 'dark 360', viewport: { width: 360, height: 740 }, colorScheme: 'dark' },
  {
    name: 'light zoom 200%',
    viewport: { width: 640, height: 400 },
    deviceScaleFactor: 2,
    colorScheme: 'light',
  },
  {
    name: 'dark zoom 200%',
    viewport: { width: 640, height: 400 },
    deviceScaleFactor: 2,
    colorScheme: 'dark',
  },
];

/** state -> config -> violation count, for the table. */
const results = new Map();

after(() => {
  const configs = CONFIGS.map((c) => c.name);
  const width = Math.max(...[...results.keys()].map((s) => s.length), 5);
  const lines = [
    `axe-core ${WCAG_TAGS.join(', ')}: violations per state`,
    `${'state'.padEnd(width)} | ${configs.map((c) => c.padStart(15)).join(' | ')}`,
    `${'-'.repeat(width)}-|-${configs.map(() => '-'.repeat(15)).join('-|-')}`,
  ];
  for (const [state, byConfig] of results) {
    const cells = configs.map((c) => String(byConfig.get(c) ?? '–').padStart(15));
    lines.push(`${state.padEnd(width)} | ${cells.join(' | ')}`);
  }
  console.log(lines.join('\n'));
});

function describe(violations) {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`)
          .join('\n'),
    )
    .join('\n');
}

/**
 * Runs axe on the page as it is now, records the count under `state` for
 * `config`, and returns a failure description ('' when clean).
 */
async function audit(page, config, state) {
  // Let transitions and live updates settle before looking.
  await page.waitForTimeout(50);
  // Legacy mode runs axe in the page itself instead of opening a helper page
  // per run to merge frame results: three times faster here, and it misses
  // nothing as long as the page has no frames, which is checked.
  assert.equal(await page.locator('iframe').count(), 0, 'no frames: legacy mode audits everything');
  const { violations } = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true)
    .analyze();
  if (!results.has(state)) results.set(state, new Map());
  results.get(state).set(config.name, violations.length);
  return violations.length ? `[${config.name}] ${state}:\n${describe(violations)}` : '';
}

const poll = (page) => page.locator('#poll');
const pollButton = (page, name) => poll(page).getByRole('button', { name, exact: true });
const Q1 = 'What types of infrastructure projects should Tajikistan prioritize next to maximize growth and resilience?';

/**
 * Every state, in one walk over a fresh page; each step leaves the page as
 * the next expects. Returns the failures found.
 */
async function walk(page, config) {
  const failures = [];
  const check = async (state) => {
    const failure = await audit(page, config, state);
    if (failure) failures.push(failure);
  };

  await check('first load');

  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('#context details')].every((d) => d.open));
  await check('every context section open');
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('#context details')].every((d) => !d.open));
  await check('every context section closed');

  await page.getByRole('button', { name: /Joint Hydropower Fund/ }).click();
  await page.locator('#milestone-joint-hydropower-fund-details').waitFor();
  await check('a dated milestone selected');
  // The undated ones are listed apart, under "No date given".
  await page.locator('.ex-timeline__list--undated .ex-ms__button').first().click();
  await check('an undated milestone selected');

  const filters = page.getByRole('group', { name: 'Show sectors' }).getByRole('button');
  const count = await filters.count();
  for (let i = 0; i < count; i += 1) {
    const filter = filters.nth(i);
    const label = (await filter.textContent()).replace(/\s*\(\d+\)\s*$/, '').trim();
    await filter.click();
    assert.equal(await filter.getAttribute('aria-pressed'), 'false');
    await check(`sector filter off: ${label}`);
    await filter.click();
  }
  for (let i = 0; i < count; i += 1) await filters.nth(i).click();
  await page.locator('.ex-timeline__empty').waitFor();
  await check('every sector filter off (empty timeline)');
  for (let i = 0; i < count; i += 1) await filters.nth(i).click();

  // Errors: saving nothing, and an over-long answer.
  await pollButton(page, 'Save my answers').click();
  await poll(page).locator('[role=alert] p').filter({ hasText: /./ }).waitFor();
  await check('poll error: nothing answered');
  await poll(page).locator('#poll-your-thoughts--text').fill('x'.repeat(1003));
  await pollButton(page, 'Save my answers').click();
  await poll(page).locator('#poll-your-thoughts--text-error').filter({ hasText: /./ }).waitFor();
  await check('poll error: answer over the limit');

  await poll(page).locator('#poll-your-thoughts--text').fill('More trains, please.');
  await poll(page).getByRole('group', { name: Q1, exact: true }).getByRole('checkbox', { name: 'Hydropower and energy' }).check();
  await pollButton(page, 'Save my answers').click();
  await poll(page).locator('.ex-poll__saved').waitFor();
  await check('poll answered and saved');

  await pollButton(page, 'Change my answers').click();
  await poll(page).locator('form').waitFor();
  await check('poll being changed');
  const q1 = poll(page).getByRole('group', { name: Q1, exact: true });
  await q1.getByRole('checkbox', { name: 'Other', exact: true }).check();
  await q1.getByRole('textbox', { name: 'Your \u201cOther\u201d answer' }).fill('Schools');
  await pollButton(page, 'Save my answers').click();
  await poll(page).locator('.ex-poll__saved').waitFor();
  await check('poll changed and saved');

  await pollButton(page, 'Clear my answers').click();
  await pollButton(page, 'Yes, clear them').waitFor();
  await check('poll asking to confirm clearing');
  await pollButton(page, 'Yes, clear them').click();
  await poll(page).locator('form').waitFor();
  await check('poll cleared');

  return failures;
}


async function openConfig(config, { blocked = false, path = '' } = {}) {
  const { name, ...options } = config;
  const opened = await newPage(site.browser, { ownHost: new URL(site.url).host, ...options });
  if (blocked) await blockStorage(opened.page);
  await opened.page.goto(new URL(path, site.url).href, { waitUntil: 'load' });
  await waitForApp(opened.page);
  return opened;
}

for (const config of CONFIGS) {
  test(`axe: zero violations in every state (${config.name})`, async () => {
    const failures = [];
    const { page, record, close } = await openConfig(config);
    try {
      failures.push(...(await walk(page, config)));
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await close();
    }

    const blocked = await openConfig(config, { blocked: true });
    try {
      await blocked.page.locator('#poll .ex-poll__notice').filter({ hasText: /./ }).waitFor();
      const failure = await audit(blocked.page, config, 'storage blocked (notice shown)');
      if (failure) failures.push(failure);
      assert.deepEqual(blocked.record.pageErrors, []);
    } finally {
      await blocked.close();
    }
    assert.equal(failures.length, 0, failures.join('\n\n'));
  });
}

// The embed view, opened directly: transparent in the light scheme (axe
// sees white, as on a light host page), opaque in the dark one.
for (const config of CONFIGS) {
  test(
    `axe: zero violations in the embed view, ?embed=nope, unknown hash, storage blocked (${config.name})`,
    async () => {
      const { page, record, close } = await openConfig(config, { blocked: true, path: '?embed=nope#nope' });
      try {
        await page.locator('#poll .ex-poll__notice').filter({ hasText: /./ }).waitFor();
        const failure = await audit(page, config, 'embed view: ?embed=nope, unknown hash, storage blocked');
        assert.deepEqual(record.pageErrors, []);
        assert.equal(failure, '', failure);
      } finally {
        await close();
      }
    },
  );
}

test('structure: lang, one h1, no skipped heading levels, landmarks, a working skip link', async () => {
  await site.withPage({}, async (page) => {
    assert.match(await page.getAttribute('html', 'lang'), /^en\b/);
    assert.ok((await page.title()).length > 0, 'the document has a title');

    const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) =>
      hs
        .filter((h) => !h.closest('[hidden], [aria-hidden="true"]'))
        .map((h) => ({ level: Number(h.tagName[1]), text: h.textContent.trim() })),
    );
    assert.equal(headings.filter((h) => h.level === 1).length, 1, 'one h1');
    assert.equal(headings[0].level, 1, 'the h1 comes first');
    for (let i = 1; i < headings.length; i += 1) {
      assert.ok(
        headings[i].level <= headings[i - 1].level + 1,
        `"${headings[i].text}" (h${headings[i].level}) follows "${headings[i - 1].text}" (h${headings[i - 1].level}): a level is skipped`,
      );
    }

    assert.equal(await page.getByRole('main').count(), 1, 'one main landmark');
    const regions = await page.getByRole('region').evaluateAll((rs) => rs.map((r) => r.id));
    for (const id of ['context', 'timeline', 'poll']) {
      assert.ok(regions.includes(id), `#${id} is a named region (${regions})`);
    }
    assert.equal(await page.getByRole('article').count(), 1);
    // Nothing outside the landmarks but the skip link.
    const stray = await page.evaluate(() =>
      [...document.body.children]
        .filter((el) => !['SCRIPT', 'NOSCRIPT', 'MAIN', 'STYLE', 'LINK', 'TEMPLATE'].includes(el.tagName))
        .filter((el) => el.getClientRects().length > 0)
        .filter((el) => !el.classList.contains('ex-skip-link'))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(stray, [], 'content outside the landmarks');

    // The skip link is the first thing Tab reaches, shows when focused, and lands in main.
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      return { cls: el.className, href: el.getAttribute('href'), top: r.top, h: r.height };
    });
    assert.equal(skip.cls, 'ex-skip-link');
    assert.ok(skip.top >= 0 && skip.h > 0, `the focused skip link is on screen (${JSON.stringify(skip)})`);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  });
});

test('reflow at 320px: nothing scrolls sideways, with every section open and a milestone selected', async () => {
  await site.withPage({ viewport: { width: 320, height: 640 } }, async (page) => {
    const overflow = () =>
      page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        // Elements poking out of the viewport (the skip link hides above it).
        wide: [...document.querySelectorAll('main *')]
          .filter((el) => el.getClientRects().length > 0)
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.right > document.documentElement.clientWidth + 1 || r.left < -1;
          })
          .filter((el) => !el.closest('.ex-visually-hidden, .ex-table'))
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
          .slice(0, 5),
      }));
    let found = await overflow();
    assert.ok(found.page <= 0, `first load overflows by ${found.page}px: ${found.wide}`);
    assert.deepEqual(found.wide, []);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.getByRole('button', { name: /Joint Hydropower Fund/ }).click();
    await page.locator('#poll-your-thoughts--text').fill('y'.repeat(1003));
    await pollButton(page, 'Save my answers').click();
    found = await overflow();
    assert.ok(found.page <= 0, `open page overflows by ${found.page}px: ${found.wide}`);
    assert.deepEqual(found.wide, []);
    // The data tables become stacked cards: no sideways scrolling inside them either.
    const tables = await page.$$eval('.ex-table', (ts) => ts.map((t) => t.scrollWidth - t.clientWidth));
    assert.ok(tables.every((d) => d <= 0), `tables scroll sideways: ${tables}`);
  });
});

/** Every element's longest transition and animation, in ms. */
const motion = (page) =>
  page.evaluate(() => {
    const ms = (list) =>
      Math.max(
        0,
        ...list.split(',').map((v) => {
          const n = parseFloat(v);
          return v.trim().endsWith('ms') ? n : n * 1000;
        }),
      );
    let longest = { ms: 0, what: '' };
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after', '::details-content']) {
        const s = getComputedStyle(el, pseudo);
        const t = s.transitionDuration ? ms(s.transitionDuration) + ms(s.transitionDelay) : 0;
        const a = s.animationName && s.animationName !== 'none' ? ms(s.animationDuration) : 0;
        const worst = Math.max(t, a);
        if (worst > longest.ms) longest = { ms: worst, what: `${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ''}` };
      }
    }
    return longest;
  });

test('prefers-reduced-motion: reduce leaves no transition or animation; no-preference keeps them', async () => {
  const openAll = async (page) => {
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.getByRole('button', { name: /Joint Hydropower Fund/ }).click();
  };
  await site.withPage({ reducedMotion: 'reduce' }, async (page) => {
    await openAll(page);
    const longest = await motion(page);
    assert.ok(longest.ms < 0.02, `under reduce, ${longest.what} still moves for ${longest.ms}ms`);
  });
  await site.withPage({ reducedMotion: 'no-preference' }, async (page) => {
    await openAll(page);
    const longest = await motion(page);
    assert.ok(longest.ms >= 100, `the check sees motion when it is allowed (${JSON.stringify(longest)})`);
  });
});

test('the audit is not vacuous: it finds violations planted in the page', async () => {
  await site.withPage({}, async (page) => {
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Faint text';
      p.style.color = '#bbbbbb';
      p.style.background = '#ffffff';
      const input = document.createElement('input');
      input.type = 'text';
      document.querySelector('main').append(p, input);
    });
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const ids = violations.map((v) => v.id).sort();
    assert.ok(ids.includes('color-contrast'), ids.join());
    assert.ok(ids.includes('label'), ids.join());
  });
});
