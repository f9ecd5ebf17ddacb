// The site built for a sub-path deploy (`--public-url /news/explainer/`), for
// the specs that serve it there: $E2E_SUBPATH_DIST when set (a dist built
// that way), else built once per run into target/e2e-dist-news-explainer
// with `cargo xtask build` (its runtime for that public URL is built once
// and reused while the code does not change).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUBPATH = '/news/explainer/';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(cmd, args, env) {
  const result = spawnSync(cmd, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`\`${cmd} ${args.join(' ')}\` failed (${result.error ?? `exit ${result.status}`})`);
  }
}

/** The sub-path dist folder, building it when $E2E_SUBPATH_DIST is not set. */
export async function subpathDist() {
  const given = process.env.E2E_SUBPATH_DIST;
  if (given) {
    if (!existsSync(path.join(given, 'index.html'))) {
      throw new Error(`E2E_SUBPATH_DIST=${given} has no index.html`);
    }
    return path.resolve(given);
  }
  const dist = path.join(REPO_ROOT, 'target', 'e2e-dist-news-explainer');
  const cargoBin = path.join(process.env.CARGO_HOME || path.join(os.homedir(), '.cargo'), 'bin');
  const env = {
    ...process.env,
    PATH: [path.join(REPO_ROOT, 'node_modules', '.bin'), cargoBin, process.env.PATH].join(path.delimiter),
    TRUNK_OFFLINE: 'true',
  };
  run('cargo', ['xtask', 'build', '--public-url', SUBPATH, '--dist', dist], env);
  return dist;
}
