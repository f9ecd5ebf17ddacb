// A tiny static file server for the end-to-end specs: node:http only.
//
//   const server = await startServer({ root: 'dist', basePath: '/news/explainer/' });
//   server.url   // 'http://127.0.0.1:PORT/news/explainer/'
//   await server.close();
//
// Serves `root` under `basePath` on 127.0.0.1 with an ephemeral port. A
// directory serves its index.html; anything missing, outside the base path or
// outside `root` (traversal, symlinks out) is a 404. Only GET and HEAD.
//
// Also runnable by hand: node e2e/support/server.mjs [root=dist] [basePath=/] [port=0]

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
});

export function mimeType(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** '/news/explainer' -> '/news/explainer/', '' -> '/'. */
export function normalizeBasePath(basePath = '/') {
  let base = String(basePath).trim();
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  return base.replace(/\/{2,}/g, '/');
}

function isInside(root, candidate) {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Maps a request path to a file under `root`, or null (=> 404).
 * `root` must already be a real (symlink-free) absolute path.
 */
export async function resolveFile(root, basePath, pathname) {
  if (!pathname.startsWith(basePath)) return null;
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(basePath.length));
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  const segments = rel.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  let candidate = path.join(root, ...segments);
  if (!isInside(root, candidate)) return null;
  try {
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = path.join(candidate, 'index.html');
      info = await stat(candidate);
    }
    if (!info.isFile()) return null;
    // Symlinks must not lead out of root.
    const real = await realpath(candidate);
    if (!isInside(root, real)) return null;
    return { file: real, size: info.size };
  } catch {
    return null;
  }
}

function sendText(res, status, text, extraHeaders = {}) {
  const body = `${text}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Starts serving `root` under `basePath` on 127.0.0.1 (ephemeral port unless
 * `port` is given), each file with `headers` too. Resolves to { url, port, close() }.
 */
export async function startServer({ root, basePath = '/', port = 0, headers = {} } = {}) {
  if (!root) throw new Error('startServer: `root` is required');
  const realRoot = await realpath(path.resolve(root));
  const base = normalizeBasePath(basePath);

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
        return;
      }
      const { pathname, search } = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (base !== '/' && `${pathname}/` === base) {
        res.writeHead(301, { Location: `${base}${search}`, 'Content-Length': 0 });
        res.end();
        return;
      }
      const found = await resolveFile(realRoot, base, pathname);
      if (!found) {
        sendText(res, 404, 'Not Found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': mimeType(found.file),
        'Content-Length': found.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(found.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy(err);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  let closed;
  return {
    url: `http://127.0.0.1:${actualPort}${base}`,
    origin: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    basePath: base,
    root: realRoot,
    close() {
      closed ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      return closed;
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'dist', basePath = '/', port = '0'] = process.argv.slice(2);
  const server = await startServer({ root, basePath, port: Number(port) });
  console.log(`Serving ${server.root} at ${server.url} (Ctrl-C stops)`);
  process.on('SIGINT', () => server.close().then(() => process.exit(0)));
}

/** A free loopback port (taken and let go at once). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
