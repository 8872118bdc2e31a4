/** Every regular file under a folder, as sorted `/`-separated paths relative to it (for the build scripts). */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function filesUnder(root: string): string[] {
  return (
    readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{
      isFile(): boolean;
      parentPath: string;
      name: string;
    }>
  )
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
