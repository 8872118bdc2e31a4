/**
 * SHA-256 checksums of the downloads, in the format `sha256sum` reads and writes
 * (`<64 hex digits>  <path>`, one file a line, LF line ends).
 *
 * Three places use them:
 *  - every dataset page shows the SHA-256 of its CSV and JSON (and /data/ those of the zip, the
 *    workbook and datapackage.json), computed here from the same bytes the site serves;
 *  - `/data/SHA256SUMS` lists the files of /data/ under the names a browser saves them with (the
 *    versioned names the download links suggest, `hate-crime-v2.0.0.csv`) and under their names on
 *    the site (`hate-crime.csv`), so `sha256sum -c --ignore-missing SHA256SUMS` works in the folder
 *    the files were downloaded to, however they were saved;
 *  - the zip holds a SHA256SUMS of its own entries (paths as unzipped: `data/hate-crime.csv`).
 * The site-wide `/SHA256SUMS` (written by scripts/build.ts) lists every download by its path on the
 * site, for a mirror of the whole site.
 */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of some bytes or a UTF-8 string. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A `sha256sum` listing of named files, in the order given. */
export function sha256sums(files: Iterable<readonly [name: string, data: Uint8Array | string]>): string {
  let out = '';
  for (const [name, data] of files) {
    if (/[\n\r\\]/.test(name)) throw new Error(`SHA256SUMS: a file name cannot hold a line break or a backslash: ${JSON.stringify(name)}`);
    out += `${sha256Hex(data)}  ${name}\n`;
  }
  return out;
}

/** The command that checks one downloaded file against its published SHA-256 (GNU coreutils). */
export function verifyCommand(hash: string, fileName: string): string {
  return `echo "${hash}  ${fileName}" | sha256sum -c -`;
}
