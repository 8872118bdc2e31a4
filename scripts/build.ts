/**
 * `npm run build`: validate the data and theme pages, then build the site atomically.
 *
 * 1. Validate every dataset and theme page (a problem stops here, before Astro runs, with
 *    file:line:column messages).
 * 2. `astro build` into a fresh folder in `.dist-builds-<name>/` beside the output.
 * 3. Build the site-search index with Pagefind into `<tmp>/pagefind/` (scripts/search-index.ts).
 * 4. Write `SHA256SUMS` (the `sha256sum` format) for every download, so a journalist can verify a file.
 * 5. Only if all that succeeds, point the output (`dist`) at the new folder. `dist` is a symbolic link
 *    to the current build, replaced by a single rename, so there is never a moment without a complete
 *    `dist/` (a folder cannot be swapped for another in one step). Older builds are then removed; the
 *    one just replaced is kept until the next build, so a server reading it is not cut off mid-page.
 *    To copy a build, follow the link: `cp -rL dist somewhere`.
 *
 * Interrupted (Ctrl-C, SIGTERM, SIGHUP): the signal is passed to the running child (validation,
 * Astro or Pagefind), the script waits for it to end, removes the unfinished folder, leaves `dist`
 * as it was, and exits with 128 + the signal's number. A failed build likewise changes nothing.
 * A signal sent to `npm run build` alone (not its process group) ends npm and its shell but not this
 * script: so the script watches its parent, and when the parent is gone it stops the same way, before
 * anything is swapped (checked again just before the swap).
 *
 * One build at a time: a lock beside the output (`.dist-build-dist.lock`, scripts/build-lock.ts)
 * names the running build; a second build refuses to start, and a stale lock is recovered.
 *
 * `OUT_DIR` (default `dist`) names the output. See docs/validation.md, "The build".
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { acquireLock } from './build-lock.ts';
import { filesUnder } from './files.ts';

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const builds = join(dirname(outDir), `.dist-builds-${basename(outDir).replace(/^\.+/, '')}`);
const astroBin =
  process.env.BUILD_ASTRO_BIN ??
  join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
// When this script is started from a Vitest worker, Vite's import.meta.env is mirrored into
// process.env (BASE_URL=/, MODE=test…); Astro would take BASE_URL=/ over the configured base path.
for (const key of Object.keys(env)) {
  if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) delete env[key];
}

let child: ReturnType<typeof spawn> | undefined;
let interrupted: NodeJS.Signals | undefined;
let tmp: string | undefined;

function onSignal(signal: NodeJS.Signals): void {
  interrupted ??= signal;
  // Pass it on; the child's exit then ends the step, and the script cleans up below.
  if (child && child.exitCode === null) child.kill(signal);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

// `npm run build` killed on its own leaves this script an orphan (re-parented to init): stop as if
// the signal had reached us. `parentGone` is also checked right before the swap.
const parent = process.ppid;
const parentGone = (): boolean => process.ppid !== parent;
setInterval(() => {
  if (!parentGone() || interrupted) return;
  console.error(`The process that started this build (${parent}) has ended: stopping the build.`);
  onSignal('SIGTERM');
}, 200).unref();

const lock = acquireLock(join(dirname(outDir), `.dist-build-${basename(outDir).replace(/^\.+/, '')}.lock`));
if (!lock.ok) {
  console.error(lock.message);
  process.exit(1);
}
if (lock.recovered) console.warn(lock.recovered);
process.on('exit', lock.release);

/** Stop: remove the unfinished build, say why, and exit (128 + signal number when interrupted). */
function stop(message: string, code: number): never {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  if (interrupted) {
    console.error(`Build interrupted (${interrupted}). ${basename(outDir)}/ was not changed.`);
    process.exit(128 + (constants.signals[interrupted] ?? 15));
  }
  console.error(message);
  process.exit(code);
}

/** Run a Node script as a child, passing signals on; resolve with its exit code. */
function run(args: string[]): Promise<number> {
  if (interrupted) return Promise.resolve(128 + (constants.signals[interrupted] ?? 15));
  return new Promise((done) => {
    child = spawn(process.execPath, args, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => {
      child = undefined;
      done(code ?? 128 + (signal ? (constants.signals[signal] ?? 15) : 1));
    });
    child.on('error', () => done(1));
  });
}

/** Point `outDir` at `target` with one rename of a fresh link over the old one. */
function swapIn(target: string): void {
  let current: string | undefined;
  const stats = existsSync(outDir) || isLink(outDir) ? lstatSync(outDir) : undefined;
  if (stats?.isSymbolicLink()) current = resolve(dirname(outDir), readlinkSync(outDir));
  else if (stats) {
    // An output folder from before builds were linked: moved into the builds folder once (the only gap).
    current = join(builds, `migrated-${process.pid}`);
    renameSync(outDir, current);
  }
  const link = join(dirname(outDir), `.dist-link-${process.pid}`);
  symlinkSync(relative(dirname(outDir), target), link);
  renameSync(link, outDir);
  for (const name of readdirSync(builds)) {
    const path = join(builds, name);
    if (path !== target && path !== current) rmSync(path, { recursive: true, force: true });
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

const started = performance.now();
// Without SITE, every absolute URL (canonical links, citations, embed code, the sitemap,
// datapackage.json's homepage) names the dev server. Fine for a local look; never publish it.
// Said before the build and again at the end, where it cannot scroll away.
const siteWarning = process.env.SITE
  ? undefined
  : '\n\u001b[33mWarning: SITE is not set, so absolute URLs in this build (citations, embed code, canonical links, the sitemap, datapackage.json) point to http://localhost:4321.\n' +
    'Do not publish this dist/. For a build to publish, set the origin and path, e.g.\n  SITE=https://example.github.io BASE_PATH=/worcestershire-community-safety/ npm run build\u001b[0m\n';
if (siteWarning) console.warn(siteWarning);
if ((await run([resolve(import.meta.dirname, 'validate-data.ts')])) !== 0)
  stop(`Build stopped: fix the problems above. ${basename(outDir)}/ was not changed.`, 1);
if (interrupted) stop('', 1);

mkdirSync(builds, { recursive: true });
tmp = mkdtempSync(join(builds, 'build-'));
// mkdtemp makes the folder private (0700); a site folder is read by web servers and other users.
chmodSync(tmp, 0o755);
const astro = await run([astroBin, 'build', '--outDir', tmp]);
if (astro !== 0 || interrupted) stop(`Build failed. ${basename(outDir)}/ was not changed.`, astro || 1);
const search = await run([resolve(import.meta.dirname, 'search-index.ts'), tmp]);
if (search !== 0 || interrupted)
  stop(`Build failed: the search index could not be built. ${basename(outDir)}/ was not changed.`, search || 1);
writeFileSync(join(tmp, 'SHA256SUMS'), sha256sums(tmp));
if (parentGone()) onSignal('SIGTERM');
if (interrupted) stop('', 1);
swapIn(tmp);
tmp = undefined;
console.log(`Built ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (siteWarning) console.warn(siteWarning);

/** Files readers download (data, figures, packages): everything but pages, bundles and icons. */
function isDownload(path: string): boolean {
  return (
    /\.(csv|json|zip|xlsx|svg|png)$/.test(path) && !/^(_astro|pagefind|cards)\//.test(path) && path !== 'favicon.svg'
  );
}

function sha256sums(root: string): string {
  const files = filesUnder(root).filter(isDownload);
  return files
    .map(
      (f) =>
        `${createHash('sha256')
          .update(readFileSync(join(root, f)))
          .digest('hex')}  ${f}\n`,
    )
    .join('');
}
