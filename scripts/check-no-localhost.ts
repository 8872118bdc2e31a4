/**
 * `node scripts/check-no-localhost.ts [dist]`: fails (exit 1) if the text `localhost` appears in any
 * file of a built site, including inside the zip and xlsx downloads (their entries are compressed, so
 * a plain grep would miss them) and gzip-compressed files. Run by the deploy workflow before
 * publishing: a build made without SITE names http://localhost:4321 in citations, embed code,
 * canonical links, the sitemap and datapackage.json.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, unzipSync } from 'fflate';
import { filesUnder } from './files.ts';

const NEEDLE = Buffer.from('localhost', 'latin1');

/** Where `localhost` occurs in one file's bytes: `path` or `path!entry` for an entry of an archive. */
export function findLocalhost(name: string, bytes: Uint8Array): string[] {
  const found: string[] = [];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(NEEDLE) >= 0 || buffer.toString('utf8').toLowerCase().includes('localhost')) found.push(name);
  const isZip = buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
  const isGzip = buffer.length > 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  try {
    if (isZip)
      for (const [entry, data] of Object.entries(unzipSync(bytes)))
        found.push(...findLocalhost(`${name}!${entry}`, data));
    else if (isGzip) found.push(...findLocalhost(`${name}!gunzip`, gunzipSync(bytes)));
  } catch (error) {
    found.push(`${name} (could not be opened to check: ${(error as Error).message})`);
  }
  return found;
}

/** Every place `localhost` occurs in a folder, as paths relative to it. */
export function scanForLocalhost(root: string): string[] {
  return filesUnder(root).flatMap((file) => findLocalhost(file, readFileSync(join(root, file))));
}

if (import.meta.main) {
  const root = resolve(process.argv[2] ?? 'dist');
  const found = scanForLocalhost(root);
  if (found.length > 0) {
    console.error(
      `"localhost" appears in ${found.length} published file(s) in ${root}; build with SITE set to the public origin:`,
    );
    for (const f of found.slice(0, 50)) console.error(`  ${f}`);
    if (found.length > 50) console.error(`  … and ${found.length - 50} more`);
    process.exit(1);
  }
  console.log(`No "localhost" in ${root}.`);
}
