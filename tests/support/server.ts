/**
 * A static file server for the built site, mounted ONLY under a base path, as GitHub Pages serves a
 * project site. Anything outside the base path is a 404, so a link that forgets the base path is a
 * broken link in every check that follows.
 *
 * Files are served by `sirv` (content types from `mrmime`, directory `index.html`, path-traversal
 * safety, ETags); this module only adds the base-path mount and a GitHub-Pages-like 404 page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { normaliseBase } from '../../src/lib/url.ts';

export interface StaticServer {
  /** Origin, e.g. `http://127.0.0.1:43127`. */
  origin: string;
  /** Full URL of the base path, with a trailing slash, e.g. `http://127.0.0.1:43127/repo/`. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Serve `root` under `basePath` on 127.0.0.1 at an ephemeral port. `root` may be filled after this returns. */
export async function startStaticServer(root: string, basePath: string): Promise<StaticServer> {
  const base = normaliseBase(basePath);
  const notFoundPage = join(root, '404.html');
  // Created on the first request, so the server can start (and its origin be known) before the
  // folder is built: sirv lists the files once, when it is created.
  let files: ReturnType<typeof sirv> | undefined;

  function notFound(res: ServerResponse, insideBase: boolean): void {
    res.statusCode = 404;
    if (insideBase && existsSync(notFoundPage)) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(readFileSync(notFoundPage));
    } else {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Not found (outside the base path)\n');
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.end();
      return;
    }
    if (url.pathname === base.slice(0, -1)) {
      // `/repo` -> `/repo/`, as GitHub Pages does.
      res.statusCode = 301;
      res.setHeader('Location', base + url.search);
      res.end();
      return;
    }
    if (!url.pathname.startsWith(base)) {
      notFound(res, false);
      return;
    }
    // Hand sirv the path relative to the base; it resolves it inside `root` only.
    req.url = '/' + url.pathname.slice(base.length) + url.search;
    files ??= sirv(root, { dev: false, etag: true, dotfiles: false, extensions: ['html'] });
    files(req, res, () => notFound(res, true));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: origin + base,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
