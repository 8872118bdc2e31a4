/**
 * Issue #28's fixture (tests/fixtures/six-files/): a new dataset, its theme page and one figure, as
 * the six files a contributor adds. `withSixFiles` drops them into a copy of the project
 * (scripts/project-copy.ts): a file the project already has (a list) gets the fixture's rows
 * appended, any other is copied to its path. The snapshot is not dropped in: it is what the built
 * figure is compared with (tests/variants/six-files.test.ts).
 */
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filesUnder } from '../../scripts/files.ts';
import { FIXTURES } from './fixtures.ts';

export const SIX_FILES = join(FIXTURES, 'six-files');
export const SIX_DATASET = 'fixture-hate-offences';
export const SIX_THEME = 'fixture-theme';
export const SIX_FIGURE = 'fixture-hate-offences-trend';
export const SIX_SNAPSHOT = `tests/snapshots/figures/${SIX_FIGURE}.svg`;

/** Drop the fixture's files (all but the snapshot) into the project copy `tree`. Returns `tree`. */
export function withSixFiles(tree: string, root: string): string {
  for (const file of filesUnder(SIX_FILES)) {
    if (file === SIX_SNAPSHOT) continue;
    const to = join(tree, file);
    if (existsSync(join(root, file))) {
      const text = readFileSync(to, 'utf8');
      appendFileSync(to, (text.endsWith('\n') ? '' : '\n') + readFileSync(join(SIX_FILES, file), 'utf8'));
    } else {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(SIX_FILES, file), to);
    }
  }
  return tree;
}
