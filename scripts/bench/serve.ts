/**
 * Serve a built site the way GitHub Pages serves a project site: only under the base path, with
 * `/repo` redirected to `/repo/`, directory `index.html`, and text gzip-compressed. Files come from
 * `sirv`; gzip comes from `.gz` siblings written by `precompress` (sirv's `gzip` option serves them
 * when the client accepts gzip), so the bytes on the wire are the bytes the bench reports.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { normaliseBase } from '../../src/lib/url.ts';

const TEXT = /\.(html|css|js|mjs|svg|json|csv|xml|txt|webmanifest|map)$/i;

/** Write a `.gz` beside every text file (what GitHub Pages compresses on the fly). */
export function precompress(root: string): number {
  let count = 0;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !TEXT.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    writeFileSync(`${file}.gz`, gzipSync(readFileSync(file)));
    count++;
  }
  return count;
}

export interface Server {
  /** Full URL of the base path, e.g. `http://127.0.0.1:41234/repo/`. */
  baseUrl: string;
  close(): Promise<void>;
}

export async function serve(root: string, basePath: string): Promise<Server> {
  const base = normaliseBase(basePath);
  const files = sirv(root, { dev: false, etag: true, gzip: true, extensions: ['html'], maxAge: 600 });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (base !== '/' && url.pathname === base.slice(0, -1)) {
      res.writeHead(301, { Location: base + url.search }).end();
      return;
    }
    const notFound = (): void => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    };
    if (!url.pathname.startsWith(base)) {
      notFound();
      return;
    }
    req.url = '/' + url.pathname.slice(base.length) + url.search;
    files(req, res, notFound);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
