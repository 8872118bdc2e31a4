/**
 * Serve a built site on 127.0.0.1 only under its base path, as GitHub Pages serves a project site:
 * anything outside the base path is a 404, so an asset or index file that forgot the base path fails.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { normaliseBase } from '../../src/lib/url.ts';

export interface Served {
  /** e.g. `http://127.0.0.1:40123/worcestershire-community-safety/` */
  baseUrl: string;
  close(): Promise<void>;
}

export async function serve(root: string, basePath: string): Promise<Served> {
  const base = normaliseBase(basePath);
  const files = sirv(root, { dev: false, etag: true, dotfiles: false, extensions: ['html'] });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      res.statusCode = 404;
      res.end('Not found (outside the base path)\n');
      return;
    }
    req.url = `/${url.pathname.slice(base.length)}${url.search}`;
    files(req, res, () => {
      res.statusCode = 404;
      res.end('Not found\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
