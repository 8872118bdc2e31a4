/**
 * Issue #15, "the build under interruption": a signal reaches the Astro child, which is waited for;
 * the unfinished folder is removed; dist is unchanged; the exit code says which signal. And a build
 * that succeeds replaces dist in one step (a link swapped by one rename), readable by others (0755),
 * and leaves nothing untracked behind. Astro is replaced by tests/fixtures/build/fake-astro.mjs.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FAKE = join(ROOT, 'tests/fixtures/build/fake-astro.mjs');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function startBuild(parent: string, extra: Record<string, string>) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    OUT_DIR: join(parent, 'dist'),
    BUILD_ASTRO_BIN: FAKE,
    ...extra,
  };
  for (const key of Object.keys(env))
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) delete env[key];
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const exit = new Promise<{ code: number | null }>((done) => child.on('exit', (code) => done({ code })));
  return { child, exit, stderr: () => stderr };
}

describe('interrupting the build', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s is passed to Astro, which is waited for; the unfinished folder is removed; dist is unchanged',
    { timeout: 60_000 },
    async (signal, code) => {
      const parent = mkdtempSync(join(tmpdir(), 'wcsn-signal-'));
      mkdirSync(join(parent, 'dist'));
      writeFileSync(join(parent, 'dist/marker.txt'), 'previous build');
      const pidFile = join(parent, 'astro.pid');
      const build = startBuild(parent, { FAKE_ASTRO_PID_FILE: pidFile });
      await waitFor(() => existsSync(pidFile), 30_000);
      const astroPid = Number(readFileSync(pidFile, 'utf8'));
      expect(alive(astroPid)).toBe(true);
      build.child.kill(signal);
      const { code: exitCode } = await build.exit;
      expect(exitCode).toBe(code);
      expect(build.stderr()).toContain(`Build interrupted (${signal}). dist/ was not changed.`);
      expect(alive(astroPid)).toBe(false);
      expect(readdirSync(join(parent, '.dist-builds-dist'))).toEqual([]);
      expect(readFileSync(join(parent, 'dist/marker.txt'), 'utf8')).toBe('previous build');
      expect(readdirSync(parent).sort()).toEqual(['.dist-builds-dist', 'astro.pid', 'dist']);
    },
  );
});

describe('a build that succeeds', () => {
  it(
    'replaces dist by one rename of a link, readable by all, keeping the build it replaced until the next',
    { timeout: 120_000 },
    async () => {
      const parent = mkdtempSync(join(tmpdir(), 'wcsn-swap-'));
      mkdirSync(join(parent, 'dist'));
      writeFileSync(join(parent, 'dist/index.html'), 'a folder from before builds were linked');
      const builds: string[] = [];
      for (const label of ['first', 'second', 'third']) {
        const build = startBuild(parent, { FAKE_ASTRO: 'ok', FAKE_ASTRO_LABEL: label });
        expect((await build.exit).code, build.stderr()).toBe(0);
        const dist = join(parent, 'dist');
        expect(lstatSync(dist).isSymbolicLink()).toBe(true);
        expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain(`<title>${label}</title>`);
        expect(statSync(dist).mode & 0o777).toBe(0o755);
        expect(readFileSync(join(dist, 'SHA256SUMS'), 'utf8')).toBe('');
        builds.push(realpathSync(dist));
      }
      // The current build and the one it replaced remain; older ones are gone; nothing else is left.
      expect(readdirSync(join(parent, '.dist-builds-dist')).sort()).toEqual(
        builds
          .slice(1)
          .map((b) => b.split('/').pop())
          .sort(),
      );
      expect(readdirSync(parent).sort()).toEqual(['.dist-builds-dist', 'dist']);
    },
  );

  it('leaves nothing git would track: dist (a link), the builds folder and dist.old-* are ignored', () => {
    const ignored = execFileSync(
      'git',
      [
        'check-ignore',
        '--no-index',
        'dist',
        '.dist-builds-dist',
        '.dist-builds-dist/build-x',
        '.dist-link-1',
        'dist.old-1',
        '.dist-bench',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(ignored.trim().split('\n')).toEqual([
      'dist',
      '.dist-builds-dist',
      '.dist-builds-dist/build-x',
      '.dist-link-1',
      'dist.old-1',
      '.dist-bench',
    ]);
  });
});

describe('a signal to `npm run build` alone (issue #27)', () => {
  it(
    'SIGTERM to the npm process (not its group) stops the build before it swaps dist',
    { timeout: 90_000 },
    async () => {
      const parent = mkdtempSync(join(tmpdir(), 'wcsn-npm-signal-'));
      mkdirSync(join(parent, 'dist'));
      writeFileSync(join(parent, 'dist/marker.txt'), 'previous build');
      const pidFile = join(parent, 'astro.pid');
      const env: Record<string, string | undefined> = {
        ...process.env,
        OUT_DIR: join(parent, 'dist'),
        BUILD_ASTRO_BIN: FAKE,
        FAKE_ASTRO_PID_FILE: pidFile,
      };
      for (const key of Object.keys(env))
        if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) delete env[key];
      const npm = spawn('npm', ['run', 'build'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      npm.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      await waitFor(() => existsSync(pidFile), 60_000);
      const astroPid = Number(readFileSync(pidFile, 'utf8'));
      // The build script is Astro's parent: /proc/<pid>/stat's fourth field.
      const buildPid = Number(readFileSync(`/proc/${astroPid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      expect(alive(buildPid)).toBe(true);
      npm.kill('SIGTERM');
      await new Promise((done) => npm.on('exit', done));
      // npm is gone at once; the orphaned build must notice, stop Astro, clean up, and not swap.
      await waitFor(() => !alive(buildPid), 30_000);
      expect(alive(astroPid)).toBe(false);
      expect(lstatSync(join(parent, 'dist')).isSymbolicLink()).toBe(false);
      expect(readFileSync(join(parent, 'dist/marker.txt'), 'utf8')).toBe('previous build');
      expect(readdirSync(join(parent, '.dist-builds-dist'))).toEqual([]);
      expect(readdirSync(parent).sort()).toEqual(['.dist-builds-dist', 'astro.pid', 'dist']);
      expect(stderr).not.toContain('Built ');
    },
  );
});
