// The explainer in CMSs and the places that take a picture: the site built
// with its address (`cargo xtask build --site-url …`) and served as a
// static host would (GitHub Pages' `Access-Control-Allow-Origin: *`, which
// a sandboxed frame needs to load the runtime), then
// - a consumer that follows the page's oEmbed discovery link with a real
//   oEmbed client from npm (@extractus/oembed-extractor, the one Ghost's
//   oEmbed service uses) gets valid JSON whose `html` shows the explainer;
// - WordPress: the markup WordPress makes of the discovered response, with
//   its own wp-embed.js from Debian's package, on a host of another origin:
//   the sandboxed frame fits its content as sections open and close, the
//   poll says answers cannot be kept there and its link opens the
//   explainer's own page through WordPress, nothing fails;
// - the pictures: each PNG has its stated size and is named by the head's
//   link-preview tags and the oEmbed responses, and its SVG, drawn by the
//   browser, holds the story's own words, every line inside the picture.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { extract } from '@extractus/oembed-extractor';

import { launch, newPage, waitForApp } from '../support/browser.mjs';
import { fitted, frameSizes, startHost } from '../support/host.mjs';
import { freePort, startServer } from '../support/server.mjs';
import { REAL_SLUG, REPO_ROOT, TEST_SLUG, TEST_STORY, copyStory, xtask } from '../support/stories.mjs';
import { filterOembedResult, post, wpEmbedScript } from '../support/wordpress.mjs';

const HEADLINE =
  'Tajik President Emomali Rahmon holds high-level talks in Tokyo, boosting strategic partnership with Japan';
const PROVIDER = 'E2E Desk';
const PICTURES = { card: [1200, 630], explainer: [600], context: [600], timeline: [600], poll: [600] };

/** The width and height a PNG's header gives. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

let site;
let host;
let browser;
let storyUrl;

before(async () => {
  const port = await freePort();
  // The real story, and the made-up one, whose two context sections keep
  // its context within WordPress's 1000 px as they open.
  const base = path.join(REPO_ROOT, 'target', 'e2e-cms');
  const content = path.join(base, 'content');
  const dist = path.join(base, 'dist');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  copyFileSync(path.join(REPO_ROOT, 'content', 'story.toml'), path.join(content, 'story.toml'));
  copyStory(TEST_STORY, content);
  xtask([
    'build', '--site-url', `http://127.0.0.1:${port}/`, '--site-name', PROVIDER,
    '--content', content, '--dist', dist,
  ]);
  site = await startServer({ root: dist, port, headers: { 'Access-Control-Allow-Origin': '*' } });
  storyUrl = `${site.url}${REAL_SLUG}/`;
  host = await startHost();
  await host.copy(wpEmbedScript(), 'wp-embed.js');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await site?.close();
});

/** Opens `url` in a fresh page that may also load the site (another origin). */
async function open(url) {
  const opened = await newPage(browser, { ownHost: host.host, alsoOwnHosts: [new URL(site.url).host] });
  await opened.page.goto(url, { waitUntil: 'load' });
  return opened;
}

/** The oEmbed response of a view, as a CMS that knows the provider fetches it. */
async function response(file, slug = REAL_SLUG) {
  const res = await fetch(`${site.url}${slug}/${file}`);
  assert.equal(res.status, 200, file);
  assert.match(res.headers.get('content-type'), /^application\/json/);
  return res.json();
}

/** A WordPress post embedding `file`'s response, as WordPress makes it after discovery. */
async function wordpressPost(page, file, name, slug = REAL_SLUG) {
  const data = await response(file, slug);
  const filtered = await filterOembedResult(page, data.html);
  assert.ok(filtered, `WordPress takes ${file}'s html`);
  assert.match(filtered.html, /^<blockquote class="wp-embedded-content" data-secret="\w{10}">/);
  assert.match(filtered.html, /<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute;/);
  assert.ok(!/<script|loading=|allow=/.test(filtered.html), 'what WordPress strips is stripped');
  return host.page(name, post(filtered.html, 'wp-embed.js'), { title: 'A WordPress post' });
}

test('a real oEmbed client follows the discovery link to valid JSON whose html shows the explainer', async () => {
  const data = await extract(storyUrl);
  assert.equal(data.type, 'rich');
  assert.equal(data.version, '1.0');
  assert.equal(data.title, HEADLINE);
  assert.equal(data.provider_name, PROVIDER);
  assert.equal(data.provider_url, site.url);
  assert.equal(data.width, 600);
  assert.ok(Number.isInteger(data.height) && data.height > 0);
  assert.equal(data.thumbnail_url, `${storyUrl}images/explainer.png`);
  const thumb = Buffer.from(await (await fetch(data.thumbnail_url)).arrayBuffer());
  assert.deepEqual(pngSize(thumb), [data.thumbnail_width, data.thumbnail_height]);
  assert.ok(!data.html.includes('<script'), 'the html works without scripts');

  const url = await host.page('oembed.html', data.html, { title: 'A page that took the oEmbed html' });
  const { page, record, close } = await open(url);
  try {
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await waitForApp(frame);
    assert.equal(await page.locator('iframe').getAttribute('title'), HEADLINE);
    assert.equal((await frame.locator('h1').textContent()).trim(), HEADLINE);
    await frame.getByRole('button', { name: 'Expand all' }).waitFor();
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
  } finally {
    await close();
  }
});

test('each part has its own oEmbed response, with its own picture', async () => {
  for (const [file, query, picture, heading] of [
    ['oembed-context.json', 'embed=context', 'context', 'Context: why this matters'],
    ['oembed-timeline.json', 'embed=timeline', 'timeline', 'Timeline'],
    ['oembed-poll.json', 'embed=poll', 'poll', 'Reader perspectives'],
  ]) {
    const data = await response(file);
    assert.equal(data.type, 'rich');
    assert.equal(data.title, `${heading} – ${HEADLINE}`);
    assert.ok(data.html.includes(`<iframe src="${storyUrl}?${query}" `), data.html);
    assert.equal(data.thumbnail_url, `${storyUrl}images/${picture}.png`);
  }
});

test('WordPress: the sandboxed frame fits as sections open and close, and nothing fails', async () => {
  const { page: blank, close: closeBlank } = await open(host.url);
  const url = await wordpressPost(blank, 'oembed-context.json', 'wp-context.html', TEST_SLUG);
  await closeBlank();
  const { page, record, close } = await open(url);
  try {
    const selector = 'iframe.wp-embedded-content';
    // WordPress shows the frame once it has heard from it, and hides the link.
    await page.waitForFunction((s) => !document.querySelector(s).hasAttribute('style'), selector);
    assert.equal(await page.locator('blockquote.wp-embedded-content').evaluate((b) => b.style.display), 'none');
    const start = await fitted(page, selector, { tolerance: 4 });
    assert.ok(start.iframe < 1000, `under WordPress's 1000 px (${start.iframe})`);
    const frame = await (await page.$(selector)).contentFrame();
    const closed = await frame.locator('details:not([open]) summary').first().elementHandle();
    await closed.click();
    const opened = await fitted(page, selector, { tolerance: 4, accept: (s) => s.iframe > start.iframe + 40 });
    assert.ok(opened.iframe <= 1000);
    await closed.click();
    await fitted(page, selector, { tolerance: 4, accept: (s) => Math.abs(s.iframe - start.iframe) <= 4 });
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
    assert.deepEqual(record.httpErrors, []);
  } finally {
    await close();
  }
});

test('WordPress: the whole explainer is held to 1000 px, as WordPress holds every embed', async () => {
  const { page: blank, close: closeBlank } = await open(host.url);
  const data = await extract(storyUrl);
  const filtered = await filterOembedResult(blank, data.html);
  await closeBlank();
  const url = await host.page('wp-whole.html', post(filtered.html, 'wp-embed.js'));
  const { page, record, close } = await open(url);
  try {
    await page.waitForFunction(() => document.querySelector('iframe.wp-embedded-content').height === '1000');
    const sizes = await frameSizes(page, 'iframe.wp-embedded-content');
    assert.ok(sizes.content > 1000, 'the explainer is taller, and scrolls inside');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await close();
  }
});

test('WordPress: the poll says answers cannot be kept there, and its link opens the explainer’s own page', async () => {
  const { page: blank, close: closeBlank } = await open(host.url);
  const url = await wordpressPost(blank, 'oembed-poll.json', 'wp-poll.html');
  await closeBlank();
  const { page, record, close } = await open(url);
  try {
    const selector = 'iframe.wp-embedded-content';
    await page.waitForFunction((s) => !document.querySelector(s).hasAttribute('style'), selector);
    const frame = await (await page.$(selector)).contentFrame();
    await waitForApp(frame);
    const notice = frame.locator('.ex-poll__notice');
    assert.match(await notice.textContent(), /^This embedded copy of the explainer cannot keep anything/);
    // Answering still works, for as long as the page is open.
    await frame.getByRole('checkbox').first().check();
    await frame.getByRole('button', { name: 'Save my answers' }).click();
    await frame.getByRole('heading', { name: 'Your answers' }).waitFor();
    await fitted(page, selector, { tolerance: 4 });
    // The offer to open the explainer where answers can be kept.
    const link = frame.getByRole('link', { name: 'Open the explainer on its own page' });
    assert.ok(await link.isVisible());
    await Promise.all([page.waitForURL(storyUrl), link.click()]);
    await waitForApp(page);
    assert.equal((await page.locator('h1').textContent()).trim(), HEADLINE);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
  } finally {
    await close();
  }
});

test('the pictures have their sizes, are named by the head and the oEmbed responses, and hold the story', async () => {
  const sizes = {};
  for (const [name, [width, height]] of Object.entries(PICTURES)) {
    const res = await fetch(`${storyUrl}images/${name}.png`);
    assert.equal(res.status, 200, name);
    assert.equal(res.headers.get('content-type'), 'image/png');
    const [w, h] = pngSize(Buffer.from(await res.arrayBuffer()));
    assert.equal(w, width, `${name} width`);
    if (height) assert.equal(h, height, `${name} height`);
    sizes[name] = [w, h];
  }
  for (const [file, name] of [
    ['oembed.json', 'explainer'],
    ['oembed-context.json', 'context'],
    ['oembed-timeline.json', 'timeline'],
    ['oembed-poll.json', 'poll'],
  ]) {
    const data = await response(file);
    assert.equal(data.thumbnail_url, `${storyUrl}images/${name}.png`);
    assert.deepEqual([data.thumbnail_width, data.thumbnail_height], sizes[name], file);
  }

  const { page, close } = await open(storyUrl);
  try {
    await waitForApp(page);
    const meta = (selector) => page.locator(selector).getAttribute('content');
    assert.equal(await meta('meta[property="og:image"]'), `${storyUrl}images/card.png`);
    assert.equal(await meta('meta[property="og:image:width"]'), '1200');
    assert.equal(await meta('meta[property="og:image:height"]'), '630');
    assert.equal(await meta('meta[property="og:image:alt"]'), HEADLINE);
    assert.equal(await meta('meta[name="twitter:card"]'), 'summary_large_image');
    assert.equal(await meta('meta[name="twitter:image"]'), `${storyUrl}images/card.png`);
    assert.equal(await meta('meta[property="og:url"]'), storyUrl);
    assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), storyUrl);
    // The embed codes' fallback pictures are these files.
    await page.getByRole('radio', { name: 'Reader perspectives' }).check();
    const code = await page.getByLabel('Embed code').inputValue();
    assert.ok(code.includes(`<img src="${storyUrl}images/poll.png" width="${sizes.poll[0]}" height="${sizes.poll[1]}"`), code);
    await page.getByRole('radio', { name: 'An AMP page' }).check();
    const amp = await page.getByLabel('Embed code').inputValue();
    assert.ok(amp.includes(`<amp-img placeholder src="${storyUrl}images/poll.png" width="${sizes.poll[0]}"`), amp);
  } finally {
    await close();
  }

  // Each drawing, as the browser lays it out: the story's words, whole, inside the picture.
  const opened = await open(storyUrl);
  const story = await opened.page.evaluate(() => {
    const texts = (selector) => [...document.querySelectorAll(selector)].map((t) => t.textContent.trim());
    return {
      milestones: texts('.ex-ms__title'),
      prompts: texts('.ex-poll__legend'),
      sections: texts('.ex-disclosure__title'),
    };
  });
  await opened.close();
  assert.ok(story.milestones.length > 5 && story.prompts.length > 1 && story.sections.length > 5);
  for (const name of Object.keys(PICTURES)) {
    const { page, close } = await open(`${storyUrl}images/${name}.svg`);
    try {
      const drawn = await page.evaluate(() => {
        const svg = document.documentElement;
        const width = svg.viewBox.baseVal.width;
        const height = svg.viewBox.baseVal.height;
        const lines = [...document.querySelectorAll('text')].map((t) => {
          const box = t.getBBox();
          return { text: t.textContent, inside: box.x >= 0 && box.x + box.width <= width && box.y >= 0 && box.y + box.height <= height };
        });
        return { lines, width, height };
      });
      for (const line of drawn.lines) assert.ok(line.inside, `${name}: "${line.text}" drawn inside the picture`);
      const text = drawn.lines.map((l) => l.text).join(' ').replace(/\s+/g, ' ');
      if (name === 'card' || name === 'explainer') assert.ok(text.includes(HEADLINE), `${name} holds the headline: ${text}`);
      if (name === 'timeline') for (const m of story.milestones) assert.ok(text.includes(m), `${name}: ${m}`);
      if (name === 'poll') for (const p of story.prompts) assert.ok(text.includes(p), `${name}: ${p}`);
      if (name === 'context') for (const s of story.sections) assert.ok(text.includes(s), `${name}: ${s}`);
    } finally {
      await close();
    }
  }
});
