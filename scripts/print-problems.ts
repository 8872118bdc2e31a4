/**
 * Printing a list of problems so that all of it arrives, through a terminal, a file or a pipe (CI):
 * written with blocking writes (a pipe's 64 KiB buffer made `console.error` + `process.exit` drop the
 * rest, cutting the last line mid-path), and, past `limit` lines, ended with a count of the rest
 * rather than a million lines. Used by `npm run validate` (docs/validation.md, "The message format").
 */
import { writeSync } from 'node:fs';

/** The most problem lines printed; the rest are counted. */
export const MAX_LISTED = 5000;

/** The lines to print: the heading, up to `limit` problems, then "… and N more problems". */
export function problemLines(heading: string, problems: readonly string[], limit = MAX_LISTED): string[] {
  const shown = problems.slice(0, limit).map((p) => `  ${p}`);
  const rest = problems.length - shown.length;
  if (rest > 0)
    shown.push(
      `  … and ${rest.toLocaleString('en-GB')} more problem${rest === 1 ? '' : 's'} not listed (${problems.length.toLocaleString('en-GB')} in all; fix these and run again)`,
    );
  return [heading, ...shown];
}

/** Write all of `text` to a file descriptor before returning, waiting while a pipe is full. */
export function writeAll(fd: number, text: string): void {
  let bytes = Buffer.from(text, 'utf8');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (bytes.length > 0) {
    try {
      const n = writeSync(fd, bytes);
      bytes = bytes.subarray(n);
    } catch (error) {
      // A non-blocking pipe that is full: wait a moment for the reader, then go on.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/** Print a heading and the problems to stderr, whole. */
export function printProblems(heading: string, problems: readonly string[], limit = MAX_LISTED): void {
  writeAll(2, `${problemLines(heading, problems, limit).join('\n')}\n`);
}
