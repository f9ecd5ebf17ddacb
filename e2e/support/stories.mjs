// A site of two stories, for the specs that check many stories on one
// runtime: the real story (content/story.toml, the default) and the made-up
// test story (tests/stories/riverside-library.toml), copied into a content
// folder of their own under target/e2e-stories/ and built there with
// `cargo xtask build --content … --dist …` (the runtime is the one the main
// build made, reused while the code does not change).
//
//   const site = await storiesSite();   // { content, dist, build(), files }
//   await site.build();                 // rebuild after editing site.files.test

import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const REAL_SLUG = 'tajik-japan-tokyo-talks';
export const TEST_SLUG = 'riverside-library-test';
export const TEST_STORY = path.join(REPO_ROOT, 'tests', 'stories', 'riverside-library.toml');

/** The made-up Russian and Arabic test stories (tests/stories/). */
export const EDITIONS = Object.freeze({
  ru: { slug: 'ru-test-river-bridge', file: path.join(REPO_ROOT, 'tests', 'stories', 'ru-test.toml') },
  ar: { slug: 'ar-test-city-library', file: path.join(REPO_ROOT, 'tests', 'stories', 'ar-test.toml') },
});

/** The environment `cargo xtask` needs when a spec starts it. */
export function xtaskEnv() {
  const cargoBin = path.join(process.env.CARGO_HOME || path.join(os.homedir(), '.cargo'), 'bin');
  return {
    ...process.env,
    PATH: [path.join(REPO_ROOT, 'node_modules', '.bin'), cargoBin, process.env.PATH].join(path.delimiter),
  };
}

/** Runs `cargo xtask <args>`, returning its output; throws when it fails. */
export function xtask(args) {
  const result = spawnSync('cargo', ['xtask', ...args], {
    cwd: REPO_ROOT,
    env: xtaskEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    throw new Error(`\`cargo xtask ${args.join(' ')}\` failed (${result.error ?? `exit ${result.status}`}):\n${output}`);
  }
  return output;
}

/** Copies a story file into `content`, with its pictures (the folder beside it, named like it). */
export function copyStory(file, content) {
  const to = path.join(content, path.basename(file));
  copyFileSync(file, to);
  const pictures = file.replace(/\.toml$/, '');
  if (existsSync(pictures)) cpSync(pictures, path.join(content, path.basename(pictures)), { recursive: true });
  return to;
}

/**
 * Makes a fresh content folder with the real story and the test stories
 * `extra` (paths), and builds the site from it.
 */
export function storiesSite(name = 'e2e-stories', extra = [TEST_STORY]) {
  const base = path.join(REPO_ROOT, 'target', name);
  const content = path.join(base, 'content');
  const dist = path.join(base, 'dist');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  const files = { real: path.join(content, 'story.toml') };
  copyFileSync(path.join(REPO_ROOT, 'content', 'story.toml'), files.real);
  for (const file of extra) {
    const to = copyStory(file, content);
    if (file === TEST_STORY) files.test = to;
  }
  const site = {
    base,
    content,
    dist,
    files,
    /** Builds the site; returns what `cargo xtask build` printed. */
    build: () => xtask(['build', '--content', content, '--dist', dist]),
  };
  site.output = site.build();
  return site;
}
