/**
 * A small before/after screenshot gallery (docs/gallery/): the first screen of a few pages at 360 x 800
 * and 1280 x 800, light and dark, as JPEGs, from a built site served under the Pages base path.
 *
 *   npm run gallery -- --dist <built site> --out docs/gallery/<label> [--commit <sha>] [--note <text>]
 *   npm run gallery -- --build --out docs/gallery/after     build this checkout first, then shoot `dist`
 *   npm run gallery -- --readme-only --out docs/gallery/after   rewrite README.md only, shooting nothing
 *
 * Each run writes `<out>/shots.json` and rewrites `<out>/../README.md` from every side's shots.json,
 * so re-running one side updates the gallery page. A page or anchor that an older build lacks is
 * shot as its first screen instead, and the README says so. A run first deletes the `.jpg` files and
 * `shots.json` in `<out>` and writes the same names again: images are replaced in place, and the
 * repository holds one set per side. Chromium: /usr/bin/chromium, or `CHROMIUM_PATH`.
 * `npm run gallery -- --help` prints this. Not a test: see docs/testing.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { format, resolveConfig } from 'prettier';
import { serve } from './bench/serve.ts';

const BASE = '/worcestershire-community-safety/';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const WIDTHS = [360, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const BODY = 'west-mercia-pcc';
const QUALITY = 50; // JPEG: keeps the whole gallery (two sides) under 4 MB

/** `anchor`: scroll there; `body`: the page should select it from `?body=` (scroll to it); `open`: a `<details>` to open. */
type Target = { name: string; title: string; path: string; anchor?: string; body?: string; open?: string };
type Shot = { name: string; width: number; scheme: string; file: string; note?: string };
type Side = { label: string; commit: string; note: string; chromium: string; shots: Shot[] };

const [GOV, MAP] = ['themes/governance/', 'governance-diagram'];
const TARGETS: Target[] = [
  { name: 'home', title: 'Home', path: '' },
  { name: 'hate-crime', title: 'Hate crime', path: 'themes/hate-crime/' },
  {
    name: 'hate-crime-south-change',
    title: 'Hate crime: South only, % change (?area=south&view=percent)',
    path: 'themes/hate-crime/?area=south&view=percent',
    anchor: 'hate-crime-trend',
  },
  { name: 'funding', title: 'Funding', path: 'themes/funding/' },
  {
    name: 'funding-who-pays',
    title: 'Funding: who pays (?view=funder)',
    path: 'themes/funding/?view=funder',
    anchor: 'spending-lines',
  },
  { name: 'governance', title: 'Governance', path: GOV },
  { name: 'governance-map', title: 'Governance: the map figure, as it loads', path: GOV, anchor: MAP },
  { name: 'governance-map-open', title: 'Governance: the map opened', path: GOV, anchor: MAP, open: '[data-gov-box]' },
  {
    name: 'governance-body',
    title: `Governance: ${BODY} selected`,
    path: `${GOV}?body=${BODY}`,
    anchor: MAP,
    body: BODY,
  },
  { name: 'governance-activities', title: 'Governance: the activities figure', path: GOV, anchor: 'activities-board' },
  { name: 'prevent', title: 'Prevent', path: 'themes/prevent/' },
  { name: 'domestic-abuse', title: 'Domestic abuse', path: 'themes/domestic-abuse/' },
];
/** The map is already open at 1280: only phones collapse it. */
const widthsOf = (t: Target): readonly number[] => (t.open ? [360] : WIDTHS);

function fail(message: string): never {
  console.error(`gallery: ${message}`);
  process.exit(1);
}

async function shoot(browser: Browser, baseUrl: string, target: Target, width: number, scheme: string, file: string) {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    colorScheme: scheme === 'dark' ? 'dark' : 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const notes: string[] = [];
  try {
    const url = baseUrl + target.path + (target.anchor ? `#${target.anchor}` : '');
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response?.ok()) return null; // not in this build: no shot
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    if (target.anchor && !(await page.$(`#${target.anchor}`))) {
      notes.push(`no \`#${target.anchor}\` in this build: first screen instead`);
      await page.evaluate(() => window.scrollTo(0, 0));
    } else if (target.body || target.open) {
      const css = target.body ? `#${target.anchor} .is-selected` : `#${target.anchor} details${target.open}`;
      const found = page.locator(css).filter({ visible: true }).first();
      if (!(await found.count())) notes.push(`nothing matches \`${css}\` in this build: the figure as it loads`);
      else
        await found.evaluate((el) => {
          if (el instanceof HTMLDetailsElement) el.open = true;
          el.scrollIntoView({ block: 'start' });
          window.scrollBy(0, el instanceof HTMLDetailsElement ? -16 : -window.innerHeight / 3);
        });
    }
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.screenshot({ path: file, type: 'jpeg', quality: QUALITY, animations: 'disabled' });
  } finally {
    await context.close();
  }
  return notes.join('; ') || undefined;
}

function cell(side: Side | undefined, name: string, width: number, scheme: string, link: boolean): string {
  const shot = side?.shots.find((s) => s.name === name && s.width === width && s.scheme === scheme);
  if (!side || !shot) return '(none)';
  const path = `${side.label}/${shot.file}`;
  const note = shot.note ? ` (${shot.note})` : '';
  return link ? `[${side.label}](${path})${note}` : `![${side.label}, ${width} px, ${scheme}](${path})${note}`;
}

async function writeReadme(root: string): Promise<void> {
  const sides: Side[] = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'shots.json')))
    .map((d) => JSON.parse(readFileSync(join(root, d.name, 'shots.json'), 'utf8')) as Side)
    .sort((a, b) => ['before', 'after'].indexOf(a.label) - ['before', 'after'].indexOf(b.label));
  const before = sides.find((s) => s.label === 'before');
  const after = sides.find((s) => s.label === 'after') ?? sides.find((s) => s !== before);
  const head = (s: Side | undefined) => (s ? `${s.label} (\`${s.commit}\`)` : '(not shot yet)');
  const lines = [
    '# Before / after gallery',
    '',
    'First screens at 360 x 800 and 1280 x 800 (light; dark linked below each table), written by',
    '`scripts/gallery.ts`. Do not edit by hand: re-run the script (it rewrites this page).',
    '',
    ...sides.map((s) => `- **${s.label}**: commit \`${s.commit}\`${s.note ? `, ${s.note}` : ''} (${s.chromium}).`),
    '',
    '## Regenerate',
    '',
    'Run from the repository root with Chromium at `/usr/bin/chromium` (or set `CHROMIUM_PATH`);',
    "each side takes about 90 s. A run replaces its side's images in place (same file names) and",
    'rewrites this page, so commit the changed files rather than adding new ones.',
    '`npm run gallery -- --help` lists the options.',
    '',
    '```sh',
    '# after: build this checkout and shoot it (one command)',
    `npm run gallery -- --build --out docs/gallery/after${after?.note ? ` --note "${after.note}"` : ''}`,
    `# before: a worktree of the old commit, built there, shot from here`,
    `# (npm ci needs the registry; without it, copy this checkout's node_modules into ../before)`,
    `git worktree add ../before ${before?.commit ?? '<commit>'} && (cd ../before && npm ci && \\`,
    `  BASE_PATH=${BASE} SITE=https://example.org npm run build)`,
    `npm run gallery -- --dist ../before/dist --out docs/gallery/before${before?.note ? ` --note "${before.note}"` : ''}`,
    '```',
  ];
  for (const target of TARGETS) {
    lines.push('', `## ${target.title}`, '', `| width | ${head(before)} | ${head(after)} |`, '| --- | --- | --- |');
    const light = (w: number) => [before, after].map((side) => cell(side, target.name, w, 'light', false));
    for (const w of widthsOf(target)) lines.push(`| ${w} | ${light(w).join(' | ')} |`);
    const dark = widthsOf(target).map(
      (w) => `${w}: ${cell(before, target.name, w, 'dark', true)} · ${cell(after, target.name, w, 'dark', true)}`,
    );
    lines.push('', `Dark: ${dark.join('; ')}.`);
  }
  const file = join(root, 'README.md');
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(lines.join('\n'), { ...options, filepath: file }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      out: { type: 'string' },
      commit: { type: 'string' },
      note: { type: 'string', default: '' },
      build: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      'readme-only': { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    const source = readFileSync(new URL(import.meta.url), 'utf8');
    console.log(/\/\*\*\n([\s\S]*?)\*\//.exec(source)?.[1]?.replace(/^ \* ?/gm, '') ?? '');
    return;
  }
  if (!values.out) fail('--out <folder> is required, e.g. --out docs/gallery/after');
  if (values['readme-only']) return writeReadme(dirname(resolve(values.out))); // from the shots.json already there
  if (values.build) {
    const env = { ...process.env, BASE_PATH: BASE, SITE: 'https://example.org' };
    if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env }).status !== 0) fail('the build failed');
  }
  const dist = resolve(values.dist ?? (values.build ? 'dist' : fail('--dist <built site folder> is required')));
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'themes')))
    fail(`${dist} is not a built site (no index.html and themes/): build it first, e.g. npm run build`);
  const real = realpathSync(dist);
  const gitHead = spawnSync('git', ['-C', dirname(real), 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  const commit = values.commit ?? (gitHead.stdout.trim() || 'unknown');
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  for (const old of readdirSync(out)) if (/\.jpg$|^shots\.json$/.test(old)) rmSync(join(out, old)); // only our own files

  const server = await serve(real, BASE);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const chromiumVersion = `Chromium ${browser.version()}`;
  const side: Side = { label: basename(out), commit, note: values.note, chromium: chromiumVersion, shots: [] };
  try {
    for (const target of TARGETS)
      for (const width of widthsOf(target))
        for (const scheme of SCHEMES) {
          const file = `${target.name}-${width}-${scheme}.jpg`;
          const note = await shoot(browser, server.baseUrl, target, width, scheme, join(out, file));
          console.log(`${file}${note === null ? '  (not in this build: no shot)' : note ? `  (${note})` : ''}`);
          if (note !== null) side.shots.push({ name: target.name, width, scheme, file, ...(note && { note }) });
        }
  } finally {
    await browser.close();
    await server.close();
  }
  writeFileSync(join(out, 'shots.json'), JSON.stringify(side, null, 2) + '\n');
  await writeReadme(dirname(out));
  console.log(`${side.shots.length} shots of ${commit} in ${out}; ${join(dirname(out), 'README.md')} rewritten`);
}

await main();
