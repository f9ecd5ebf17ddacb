// `cargo xtask serve` as an editor uses it: a story edit shows on reload
// within 3 seconds, with no Rust compile; a story with problems shows them
// (file, line, column, field, message) in its page and in the terminal
// instead of the old page; fixing it brings the story back.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { launch, newPage } from '../support/browser.mjs';
import { freePort } from '../support/server.mjs';
import { REPO_ROOT, TEST_SLUG, storiesSite, xtaskEnv } from '../support/stories.mjs';

let server;
let browser;
let site;
let url;
let output = '';

/** Waits until the server's output matches `pattern` (after `from`). */
async function printed(pattern, from = 0, timeout = 120_000) {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    if (pattern.test(output.slice(from))) return;
    if (server.exitCode !== null) throw new Error(`serve exited (${server.exitCode}):\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`serve did not print ${pattern} in ${timeout} ms:\n${output.slice(from)}`);
}

before(async () => {
  site = storiesSite('e2e-serve');
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  server = spawn(
    'cargo',
    ['xtask', 'serve', '--port', String(port), '--content', site.content, '--dist', path.join(site.base, 'served')],
    { cwd: REPO_ROOT, env: xtaskEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  for (const stream of [server.stdout, server.stderr]) stream.on('data', (d) => (output += d));
  await printed(/serve: http:\/\/127\.0\.0\.1/);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    process.kill(-server.pid, 'SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
});

/**
 * Reloads `page` until `check()` holds; returns the milliseconds since `since`.
 * Each reload waits for the document, not its pictures: a reload may land
 * while the site is swapped, and the text is what the editor checks.
 */
async function reloadUntil(page, check, since, timeout = 10_000) {
  while (Date.now() - since < timeout) {
    await page.reload({ waitUntil: 'domcontentloaded' }).catch((e) => {
      throw new Error(`${e.message}\nthe server said:\n${output}`);
    });
    if (await check()) return Date.now() - since;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no change after ${timeout} ms; the server said:\n${output}`);
}

const h1 = (page) => page.locator('h1').first().textContent();

test('a story edit shows on reload within 3 seconds, and the runtime is not rebuilt', async () => {
  const { page, close } = await newPage(browser);
  try {
    await page.goto(`${url}${TEST_SLUG}/`, { waitUntil: 'load' });
    assert.match(await h1(page), /^Test story: the Riverside library rebuild/);
    const from = output.length;
    const text = readFileSync(site.files.test, 'utf8');
    const edited = 'Test story: the Riverside library, edited while served';
    const saved = Date.now();
    writeFileSync(site.files.test, text.replace(/^headline = ".*"$/m, `headline = "${edited}"`));
    const took = await reloadUntil(page, async () => (await h1(page)) === edited, saved);
    assert.ok(took <= 3000, `the edit showed after ${took} ms`);
    await printed(/serve: ready in/, from);
    assert.doesNotMatch(output.slice(from), /trunk build|runtime: built/);
    console.log(`# story edit visible after ${took} ms`);
  } finally {
    await close();
  }
});

test('a story with problems shows them in its page and in the terminal, then comes back', async () => {
  const { page, close } = await newPage(browser);
  try {
    const good = readFileSync(site.files.test, 'utf8');
    const from = output.length;
    const broken = good
      .replace('end = "2004"', 'end = "1999"')
      .replace('prompt = "How often do you visit a library?"', 'prompt = ""');
    writeFileSync(site.files.test, broken);
    const line = broken.split('\n').findIndex((l) => l === 'end = "1999"') + 1;
    const since = Date.now();
    await page.goto(`${url}${TEST_SLUG}/`, { waitUntil: 'load' });
    await reloadUntil(page, async () => /problem/.test(await h1(page)), since);
    const items = await page.$$eval('.ex-problem', (ps) => ps.map((p) => p.innerText.replace(/\s+/g, ' ').trim()));
    // Every problem of the file, each with its file, line, column, field and message.
    assert.equal(items.length, 2, items.join('\n'));
    assert.ok(items[0].includes(`riverside-library.toml:${line}:7`), items[0]);
    assert.match(items[0], /timeline\.milestones\[1\]\.end end 1999 is before start 2001/);
    assert.match(items[1], /poll\.questions\[0\]\.prompt must not be empty/);
    await printed(/riverside-library\.toml:\d+:\d+: /, from);
    assert.match(output.slice(from), /timeline\.milestones\[1\]\.end: end 1999 is before start 2001/);
    // The other story is still served, unchanged.
    await page.goto(url, { waitUntil: 'load' });
    assert.match(await h1(page), /^Tajik President/);
    // Fixed, the story is back.
    writeFileSync(site.files.test, good);
    await page.goto(`${url}${TEST_SLUG}/`, { waitUntil: 'load' });
    await reloadUntil(page, async () => /Riverside library/.test(await h1(page)), Date.now());
    assert.equal(await page.locator('.ex-problem').count(), 0);
  } finally {
    await close();
  }
});
