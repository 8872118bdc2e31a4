/**
 * `npm run build`: validate the data, then build the site atomically.
 *
 * 1. Validate every dataset (a problem stops here, before Astro runs, with file:line:column messages).
 * 2. `astro build` into a fresh temporary folder beside `dist/`.
 * 3. Build the site-search index with Pagefind into `<tmp>/pagefind/` (scripts/search-index.ts).
 * 4. Write `SHA256SUMS` (the `sha256sum` format) for every download, so a journalist can verify a file.
 * 5. Only if all that succeeds, replace `dist/` with it. A failed build leaves the previous `dist/`
 *    untouched (or none at all) and never a half-written one.
 *
 * `OUT_DIR` (default `dist`) names the final folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
// When this script is started from a Vitest worker, Vite's import.meta.env is mirrored into
// process.env (BASE_URL=/, MODE=test…); Astro would take BASE_URL=/ over the configured base path.
for (const key of Object.keys(env)) {
  if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) delete env[key];
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
const validate = spawnSync(process.execPath, [resolve(import.meta.dirname, 'validate-data.ts')], { stdio: 'inherit', env });
if (validate.status !== 0) {
  console.error('Build stopped: fix the data problems above. dist/ was not changed.');
  process.exit(1);
}

mkdirSync(dirname(outDir), { recursive: true });
const tmp = mkdtempSync(join(dirname(outDir), '.dist-tmp-'));
const build = spawnSync(process.execPath, [astroBin, 'build', '--outDir', tmp], { stdio: 'inherit', env });
if (build.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  console.error('Build failed. dist/ was not changed.');
  process.exit(build.status ?? 1);
}
const search = spawnSync(process.execPath, [resolve(import.meta.dirname, 'search-index.ts'), tmp], { stdio: 'inherit', env });
if (search.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  console.error('Build failed: the search index could not be built. dist/ was not changed.');
  process.exit(search.status ?? 1);
}
writeFileSync(join(tmp, 'SHA256SUMS'), sha256sums(tmp));
const old = `${outDir}.old-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, old);
renameSync(tmp, outDir);
rmSync(old, { recursive: true, force: true });
console.log(`Built ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (siteWarning) console.warn(siteWarning);

/** Files readers download (data, figures, packages): everything but pages, bundles and icons. */
function isDownload(path: string): boolean {
  return /\.(csv|json|zip|xlsx|svg|png)$/.test(path) && !/^(_astro|pagefind|cards)\//.test(path) && path !== 'favicon.svg';
}

function sha256sums(root: string): string {
  const files = (readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter(isDownload)
    .sort();
  return files.map((f) => `${createHash('sha256').update(readFileSync(join(root, f))).digest('hex')}  ${f}\n`).join('');
}
