// The poll's results service for the specs: a made-up test story that
// opts in (tests/stories/riverside-library.toml with `results` pointing at
// a free loopback port), built beside the real story, and the service
// (server/, its debug binary) started on that port for the built site,
// stopped and started again at will.
//
//   const results = resultsSite();      // { dist, port, origin, slug }
//   const service = await startService(results, { allowOrigin });
//   await service.stop();  await service.start();

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, TEST_SLUG, TEST_STORY, storiesSite, xtaskEnv } from './stories.mjs';

export const EXPORT_TOKEN = 'e2e-export-token-made-up';

/** Builds the site with the test story opted in to a service on `port`. */
export function resultsSite(port) {
  const base = path.join(REPO_ROOT, 'target', 'e2e-results-story');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  const story = path.join(base, path.basename(TEST_STORY));
  const text = readFileSync(TEST_STORY, 'utf8');
  if (!text.includes('[poll]\n')) throw new Error('the test story has no [poll] table');
  writeFileSync(story, text.replace('[poll]\n', `[poll]\nresults = "http://127.0.0.1:${port}"\n`));
  // Its pictures, beside it.
  cpSync(TEST_STORY.replace(/\.toml$/, ''), story.replace(/\.toml$/, ''), { recursive: true });
  const site = storiesSite('e2e-results', [story]);
  return { dist: site.dist, port, origin: `http://127.0.0.1:${port}`, slug: TEST_SLUG };
}

function serviceBinary() {
  const built = spawnSync('cargo', ['build', '-p', 'explainer-results', '--bin', 'explainer-results'], {
    cwd: REPO_ROOT,
    env: xtaskEnv(),
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`building the results service failed:\n${built.stderr}`);
  const target = process.env.CARGO_TARGET_DIR || path.join(REPO_ROOT, 'target');
  return path.join(target, 'debug', 'explainer-results');
}

async function waitForHealth(origin, child) {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the results service exited (${child.exitCode})`);
    try {
      const r = await fetch(`${origin}/v1/health`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the results service did not answer within 30 s');
}

/**
 * The service for `site` on its port, with a fresh SQLite file, taking
 * calls from `allowOrigin`. Returns { start(), stop(), output }.
 */
export async function startService(site, { allowOrigin }) {
  const bin = serviceBinary();
  const dir = path.join(REPO_ROOT, 'target', 'e2e-results-db');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let child = null;
  const service = {
    output: '',
    async start() {
      child = spawn(
        bin,
        [
          '--site', site.dist,
          '--database', `sqlite://${path.join(dir, 'results.db')}`,
          '--port', String(site.port),
          '--allow-origin', allowOrigin,
          '--export-token', EXPORT_TOKEN,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout.on('data', (d) => (service.output += d));
      child.stderr.on('data', (d) => (service.output += d));
      await waitForHealth(site.origin, child);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
  await service.start();
  return service;
}
