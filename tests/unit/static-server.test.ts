/** The static server serves only under the base path, with the right content types. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../support/server.ts';

const types: Record<string, string> = {
  'index.html': 'text/html',
  'data/x.csv': 'text/csv',
  'data/x.json': 'application/json',
  'x.svg': 'image/svg+xml',
  'x.png': 'image/png',
  'x.zip': 'application/zip',
  'sitemap.xml': 'text/xml',
  'robots.txt': 'text/plain',
  'site.webmanifest': 'application/manifest+json',
  'a/b/index.html': 'text/html',
};
let dir: string;
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-server-'));
  for (const file of Object.keys(types)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), file);
  }
  writeFileSync(join(dir, '404.html'), 'not here');
  server = await startStaticServer(dir, 'repo');
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startStaticServer', () => {
  it('serves files under the base path with their content types', async () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/repo\/$/);
    for (const [file, type] of Object.entries(types)) {
      const response = await fetch(new URL(file, server.baseUrl));
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toContain(type);
      expect(await response.text()).toBe(file);
    }
  });
  it('serves directory indexes', async () => {
    expect(await (await fetch(server.baseUrl)).text()).toBe('index.html');
    expect(await (await fetch(new URL('a/b/', server.baseUrl))).text()).toBe('a/b/index.html');
  });
  it('answers 404 outside the base path, even for files that exist', async () => {
    for (const path of ['/', '/index.html', '/x.png', '/repository/', '/other/repo/']) {
      expect((await fetch(new URL(path, server.origin))).status, path).toBe(404);
    }
  });
  it("answers 404 with the site's 404 page inside the base path", async () => {
    const response = await fetch(new URL('missing/', server.baseUrl));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('not here');
  });
  it('does not serve files outside its folder', async () => {
    expect((await fetch(`${server.baseUrl}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
  it('redirects the base path without its trailing slash', async () => {
    const response = await fetch(new URL('/repo', server.origin), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/repo/');
  });
});
