/**
 * Every file in `data/` must be accounted for: a dataset's metadata (`<id>.meta.json`), the data file
 * that metadata names, a text or reading order that `data/sources.csv` names, or one of the files listed here. Anything else (a CSV nobody describes, a stray
 * folder, a symbolic link) fails the build: a file nobody checks must not sit beside the published data.
 * See docs/validation.md, "Files".
 */

/** Files in the data folder that are not datasets, each with what it is for. They may be absent. */
export const OTHER_DATA_FILES: ReadonlyMap<string, string> = new Map([
  ['CHANGELOG.md', 'the data changelog (read by src/data/release.ts)'],
  ['source/README.md', "the source report's provenance note"],
]);

/** Folders inside the data folder that may hold listed files. */
export const DATA_SUBFOLDERS: ReadonlySet<string> = new Set(['source']);

/** The largest data file the loader will read, in bytes (checked before the file is parsed); every limit is in limits.ts. */
export { MAX_DATA_FILE_BYTES } from './limits.ts';

/**
 * Folders of `data/` the loader leaves alone because another check reads them: `releases/` holds the
 * record of each earlier data version (src/data/releases.ts; tests/unit/releases.test.ts).
 */
export const RECORD_FOLDERS: ReadonlySet<string> = new Set(['releases']);
